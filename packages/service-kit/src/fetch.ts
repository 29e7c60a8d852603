/**
 * For Fetch-API servers (Hono, Bun.serve, Deno.serve, Cloudflare-style handlers, Next.js route
 * handlers): wraps a `(request) => Response` handler so it runs only for requests from the LogicSpike
 * gateway, with the caller's typed identity and, with a client, the services API for its workspace.
 *
 *   export default withGateway({ gatewayKey, client }, async (request, { identity, platform }) => {
 *     identity.require("blog:posts.read");
 *     return Response.json(await platform.settings());
 *   });
 */
import type { PlatformClient, WorkspaceApi } from "./client";
import { errorAnswer } from "./errors";
import { assertGatewayOptions, identityFromHeaders, type GatewayOptions, type Identity } from "./identity";

export interface FetchContext {
  identity: Identity;
  /** The services API for the caller's workspace; present when a client was given. */
  platform: WorkspaceApi;
}

export interface FetchGatewayOptions extends GatewayOptions {
  client?: PlatformClient;
  /** Told about errors answered as 500 INTRN (default console.error). */
  onError?: (err: unknown, request: Request) => void;
}

export function withGateway<Extra extends unknown[]>(
  options: FetchGatewayOptions,
  handler: (request: Request, context: FetchContext, ...extra: Extra) => Response | Promise<Response>,
): (request: Request, ...extra: Extra) => Promise<Response> {
  assertGatewayOptions(options);
  const onError = options.onError ?? ((err: unknown) => console.error(err));
  return async (request, ...extra) => {
    try {
      const identity = identityFromHeaders(request.headers, options);
      const platform = options.client?.for(identity) as WorkspaceApi;
      return await handler(request, { identity, platform }, ...extra);
    } catch (err) {
      const { status, body } = errorAnswer(err);
      if (status >= 500) onError(err, request);
      return Response.json(body, { status });
    }
  };
}
