/**
 * GraphQL answers errors with HTTP 200, so "the request succeeded" needs a
 * look at the result: an API-key request whose result carries `errors` (e.g.
 * a publishable key trying a mutation, refused by RLS) is flagged, and
 * installAuth then does not mark the key as used.
 */
export const apiKeyUsagePlugin: GraphileConfig.Plugin = {
  name: "LogicSpikeApiKeyUsagePlugin",
  version: "1.0.0",
  grafserv: {
    middleware: {
      async processRequest(next, event) {
        const result = await next();
        const http = event.requestDigest.requestContext.expressv4;
        if (!http?.req.auth?.apiKeyId || !result) return result;
        const failed =
          (result.type === "buffer" && (result.statusCode >= 400 || result.buffer.includes('"errors":'))) ||
          (result.type === "json" && (result.statusCode >= 400 || Boolean((result.json as { errors?: unknown } | null)?.errors))) ||
          result.type === "error";
        // Only ever set, never cleared: a false positive (a value containing "errors":) just skips one usage stamp.
        if (failed) http.res.locals.apiKeyRequestFailed = true;
        return result;
      },
    },
  },
};
