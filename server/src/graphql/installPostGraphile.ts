import type { Server } from "node:http";
import express, { type Express } from "express";
import { postgraphile, type PostGraphileInstance } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/express/v4";
import { getContext } from "../context";
import { makePreset } from "../graphile.config";
import { attachWebSockets } from "../realtime/websocket";
import type { AuthDeps } from "../identity/sessions";
import { logger } from "../../../core/logger";

/** body-parser sets `req.body = {}` even for types it skips, which grafserv would take as the body: only call it for JSON. */
const isJsonRequest = (contentType: string | undefined) => /^application\/json\s*(;|$)/i.test(contentType ?? "");

/** Mounts /graphql (and /graphiql in development; WebSocket subscriptions unless GRAPHQL_WEBSOCKETS=false). Releases PostGraphile and each pg service on shutdown. */
export default async function installPostGraphile(app: Express, server: Server): Promise<PostGraphileInstance> {
  const ctx = getContext(app);
  const preset = makePreset(ctx);
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  // JSON bodies are read here rather than by grafserv, so that invalid JSON and oversized bodies reach
  // installErrorHandler (BADRQ "not valid JSON", TOOBG) with their own messages. Other content types are
  // left unread: grafserv reads application/graphql itself and refuses the rest (coded in graphql/codedErrors.ts).
  const json = express.json({ limit: ctx.config.bodyLimitBytes });
  app.post(preset.grafserv?.graphqlPath ?? "/graphql", (req, res, next) => (isJsonRequest(req.headers["content-type"]) ? json(req, res, next) : next()));
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
