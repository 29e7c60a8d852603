/**
 * GraphQL over WebSocket (graphql-transport-ws, the `graphql-ws` protocol) on
 * /graphql, replacing grafserv's own upgrade handler so that connections are
 * authenticated:
 *
 *  - connection_init must carry `{ authorization: "Bearer <access token>" }`;
 *    the token is verified exactly like an HTTP Bearer token (TokenService).
 *    Missing, invalid or expired tokens close the socket with 4401 and a
 *    reason starting with the error code (LOGIN, BADTK, TKEXP). API keys are
 *    not accepted here: realtime is for signed-in users.
 *  - The verified identity is kept per socket (never read again from anything
 *    the client sends) and becomes the operation's pgSettings through
 *    pgSettingsFor in graphile.config.ts.
 *  - The socket is closed with 4401 "TKEXP" when the token expires; the client
 *    refreshes its token and reconnects.
 *  - Only subscription operations are accepted: queries and mutations go over
 *    HTTP, where rate limits and API-key accounting apply.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { CloseCode, makeServer, type Context } from "graphql-ws";
import { WebSocket, WebSocketServer } from "ws";
import { makeGraphQLWSConfig, type GrafservBase } from "postgraphile/grafserv";
import { getOperationAST, GraphQLError, type ExecutionArgs } from "postgraphile/graphql";
import { identityFromClaims, type TokenService } from "../identity/tokens";
import { AppError } from "../../../core/errors";
import type { Logger } from "../../../core/logger";
import type { VerifiedIdentity } from "../../../core/tenancy";

export interface RealtimeConnection {
  identity: VerifiedIdentity;
  /** Token expiry, ms since epoch. */
  expiresAt: number;
  /** Stands in for the HTTP request id in pgSettings and logs. */
  connectionId: string;
}

interface Extra {
  socket: WebSocket;
  request: IncomingMessage;
}

/** Verified identity per open socket; the GraphQL context reads it (connectionFor). */
const connections = new WeakMap<object, RealtimeConnection>();

/** The live identity of a socket, or undefined (not authenticated, or the token has expired). */
export function connectionFor(socket: unknown): RealtimeConnection | undefined {
  const conn = typeof socket === "object" && socket ? connections.get(socket) : undefined;
  return conn && conn.expiresAt > Date.now() ? conn : undefined;
}

/** Close reasons are limited to 123 bytes. */
const reason = (code: string, message: string) => `${code}: ${message}`.slice(0, 123);

function bearerFrom(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const key = Object.keys(params ?? {}).find((k) => k.toLowerCase() === "authorization");
  const value = key ? params![key] : undefined;
  const m = typeof value === "string" ? /^Bearer ([^\s]+)$/i.exec(value.trim()) : null;
  return m?.[1];
}

export interface WebSocketOptions {
  tokens: TokenService;
  log: Logger;
  graphqlPath: string;
  /** Ping interval (and pong timeout), ms; 0 disables. */
  keepaliveMs: number;
}

/** Handles upgrades on `graphqlPath`; returns a function that detaches it and closes every socket. */
export function attachWebSockets(server: Server, serv: GrafservBase, opts: WebSocketOptions): () => void {
  const timers = new WeakMap<WebSocket, NodeJS.Timeout>();
  const base = makeGraphQLWSConfig(serv);
  const gqlWs = makeServer<Record<string, unknown>, Extra>({
    ...(base as object),
    async onConnect(ctx: Context<Record<string, unknown>, Extra>) {
      const { socket } = ctx.extra;
      const token = bearerFrom(ctx.connectionParams);
      try {
        if (!token) throw new AppError("LOGIN", 'Send { authorization: "Bearer <access token>" } in connection_init.');
        const claims = await opts.tokens.verify(token);
        const expiresAt = claims.exp * 1000;
        const identity: VerifiedIdentity = identityFromClaims(claims);
        connections.set(socket, { identity, expiresAt, connectionId: randomUUID() });
        // The socket lives as long as the token: close it the moment the token expires (at most ~24.8 days for setTimeout).
        const timer = setTimeout(
          () => socket.close(CloseCode.Unauthorized, reason("TKEXP", "The access token has expired; refresh it and reconnect.")),
          Math.min(Math.max(expiresAt - Date.now(), 0), 2 ** 31 - 1),
        );
        timers.set(socket, timer);
        return true;
      } catch (e) {
        const code = e instanceof AppError ? e.code : "BADTK";
        const message = e instanceof AppError ? e.message : "The access token is not valid.";
        socket.close(CloseCode.Unauthorized, reason(code, message));
        return false; // graphql-ws would close with 4403; the socket is already closing with 4401
      }
    },
    async onSubscribe(ctx, id, payload) {
      const args = await base.onSubscribe!(ctx, id, payload);
      if (!args || Array.isArray(args)) return args; // errors (parse/validation), or nothing to override
      const operation = getOperationAST((args as ExecutionArgs).document, (args as ExecutionArgs).operationName);
      if (operation?.operation !== "subscription") {
        return [new GraphQLError("Only subscriptions are accepted over WebSocket; send queries and mutations over HTTP.", { extensions: { code: "BADRQ" } })];
      }
      return args;
    },
    onClose(ctx) {
      const timer = timers.get(ctx.extra.socket);
      if (timer) clearTimeout(timer);
    },
  } as Parameters<typeof makeServer<Record<string, unknown>, Extra>>[0]);

  const wss = new WebSocketServer({ noServer: true });
  wss.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    keepalive(socket, opts.keepaliveMs);
    const closed = gqlWs.opened(
      {
        protocol: socket.protocol,
        send: (data) => new Promise<void>((resolve, reject) => socket.send(data, (err) => (err ? reject(err) : resolve()))),
        close: (code, why) => socket.close(code, why),
        onMessage: (cb) =>
          socket.on("message", async (data) => {
            try {
              await cb(data.toString());
            } catch (err) {
              opts.log.error({ err }, "graphql-ws message failed");
              socket.close(CloseCode.InternalServerError, "Internal error");
            }
          }),
      },
      { socket, request },
    );
    socket.once("close", (code, why) => void closed(code, why.toString()));
  });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== opts.graphqlPath) return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  server.on("upgrade", onUpgrade);
  return () => {
    server.off("upgrade", onUpgrade);
    // 1001 Going Away: graphql-ws clients retry, and reach another instance.
    for (const client of wss.clients) client.close(1001, "Server shutting down");
    wss.close();
  };
}

/** Ping every interval; a peer that has not answered the previous ping by then is dropped. */
function keepalive(socket: WebSocket, intervalMs: number): void {
  if (!(intervalMs > 0)) return;
  let alive = true;
  socket.on("pong", () => (alive = true));
  const timer = setInterval(() => {
    if (!alive) return void socket.terminate();
    alive = false;
    socket.ping();
  }, intervalMs);
  socket.once("close", () => clearInterval(timer));
}
