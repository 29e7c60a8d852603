import type { Server } from "node:http";
import type { Express } from "express";
import { postgraphile, type PostGraphileInstance } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/express/v4";
import { getContext } from "../context";
import { makePreset } from "../graphile.config";
import { attachWebSockets } from "../graphql/websocket";
import type { AuthDeps } from "../auth/sessions";
import { logger } from "../lib/logger";

/** Mounts /graphql (and /graphiql in development; WebSocket subscriptions unless GRAPHQL_WEBSOCKETS=false). Releases PostGraphile and each pg service on shutdown. */
export default async function installPostGraphile(app: Express, server: Server): Promise<PostGraphileInstance> {
  const ctx = getContext(app);
  const preset = makePreset(ctx);
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  // false: no grafserv upgrade handler (it accepts any connection_init); ours verifies the access token.
  await serv.addTo(app, server, false);
  const detachWebSockets = ctx.config.graphql.websockets
    ? attachWebSockets(server, serv, {
        tokens: (app.locals.authDeps as AuthDeps).tokens,
        log: logger.child({ component: "graphql-ws" }),
        graphqlPath: preset.grafserv?.graphqlPath ?? "/graphql",
        keepaliveMs: preset.grafserv?.websocketKeepalive ?? 12_000,
      })
    : undefined;
  // Open sockets keep the HTTP server from closing: end them as soon as shutdown starts (clients reconnect elsewhere).
  if (detachWebSockets) (ctx.drainActions ??= []).push(detachWebSockets);
  ctx.shutdownActions.push(async () => {
    // Releases the grafserv instance too.
    await pgl.release();
    // Each pg service's own resources (its subscriber); the pools themselves are ended by installDatabasePools.
    for (const service of preset.pgServices ?? []) await service.release?.();
  });
  app.locals.pgl = pgl;
  return pgl;
}
