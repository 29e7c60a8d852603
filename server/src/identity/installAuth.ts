import express, { type Express } from "express";
import cookieParser from "cookie-parser";
import { getContext } from "../context";
import { loadKeyMaterial } from "./keys";
import type { AuthDeps } from "./sessions";
import { identityFromClaims, TokenService } from "./tokens";
import { mountRoutes } from "./route";
import { AUTH_ROUTES } from "./routes";
import { ApiKeyService } from "../apiKeys/apiKeys";
import { readCredential } from "./credentials";

/**
 * Verifies identity for every request and mounts the auth REST routes.
 *
 * authenticate: a `Bearer` access token is verified (RS256, pinned iss/aud)
 * and becomes `req.auth`, which graphile.config.ts turns into pgSettings. A
 * present-but-invalid token is a 401, never a silent downgrade to anonymous.
 *
 * API keys (`x-api-key`, or `Authorization: Bearer ls_…/pk_…`) become
 * role app_api_key (server/src/apiKeys/apiKeys.ts). Ambiguous credentials
 * (duplicate headers, two different credentials) are refused before any
 * lookup. A key is marked used only when the response succeeded: status
 * < 400 and, on /graphql, no errors (apiKeyUsagePlugin flags those).
 */
export default async function installAuth(app: Express): Promise<AuthDeps> {
  const ctx = getContext(app);
  const tokens = new TokenService(ctx.config, await loadKeyMaterial(ctx.config));
  const deps: AuthDeps = { config: ctx.config, pool: ctx.rootPgPool, tokens };
  app.locals.authDeps = deps;

  const apiKeys = new ApiKeyService(ctx.config, ctx.rootPgPool);
  app.locals.apiKeys = apiKeys;
  ctx.shutdownActions.push(() => apiKeys.close());

  app.use(async (req, res, next) => {
    try {
      const credential = readCredential(req);
      if (!credential) return next();
      if (credential.kind === "apiKey") {
        req.auth = await apiKeys.authenticate(credential.value, { origin: req.get("origin"), referer: req.get("referer") });
        req.log = req.log.child({ apiKeyId: req.auth.apiKeyId, tenantId: req.auth.tenantId });
        const apiKeyId = req.auth.apiKeyId!;
        res.once("finish", () => {
          if (res.statusCode < 400 && !res.locals.apiKeyRequestFailed) apiKeys.markUsed(apiKeyId);
        });
        return next();
      }
      const claims = await tokens.verify(credential.value);
      req.auth = identityFromClaims(claims);
      req.log = req.log.child({ userId: claims.sub, tenantId: claims.tid });
      next();
    } catch (e) {
      next(e);
    }
  });

  app.use("/auth", express.json({ limit: ctx.config.bodyLimitBytes }), cookieParser());
  mountRoutes(app, deps, AUTH_ROUTES);
  return deps;
}
