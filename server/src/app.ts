/**
 * Builds the HTTP server from ordered installers. Order matters: request ids
 * first (so every log line has one), pools before anything that queries,
 * health (unauthenticated), then authentication (verifies tokens for every
 * later route) and the auth routes, then PostGraphile, then 404/errors last.
 */
import http from "node:http";
import express from "express";
import type { Config } from "./config";
import type { ServerContext } from "./context";
import type { DatabaseUrls } from "./db/urls";
import installAudit from "./middleware/installAudit";
import installAuth from "./middleware/installAuth";
import installBilling from "./middleware/installBilling";
import installCanonicalPath from "./middleware/installCanonicalPath";
import installCors from "./middleware/installCors";
import installDatabasePools from "./middleware/installDatabasePools";
import installErrorHandler from "./middleware/installErrorHandler";
import installGateway from "./middleware/installGateway";
import installHealth from "./middleware/installHealth";
import installMetrics from "./middleware/installMetrics";
import installPages from "./middleware/installPages";
import installPostGraphile from "./middleware/installPostGraphile";
import installRateLimit, { installAuthRateLimit } from "./middleware/installRateLimit";
import installRequestId from "./middleware/installRequestId";
import installSecurityHeaders from "./middleware/installSecurityHeaders";
import installServiceAuth from "./middleware/installServiceAuth";
import installTlsAsk from "./middleware/installTlsAsk";

export interface LogicSpikeServer {
  app: express.Express;
  server: http.Server;
  ctx: ServerContext;
  /** Stop accepting connections, finish in-flight requests, then release PostGraphile and the pools. */
  close(): Promise<void>;
}

export async function makeServer(config: Config, urls: DatabaseUrls): Promise<LogicSpikeServer> {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  const server = http.createServer(app);

  installRequestId(app);
  installCanonicalPath(app); // one spelling of every path, before anything matches on it
  installSecurityHeaders(app, config);
  const ctx = installDatabasePools(app, config, urls);
  installMetrics(app); // times every response below; GET /metrics
  installHealth(app);
  installCors(app); // answers preflights; refuses disallowed origins before any route can act
  installTlsAsk(app); // TLS_ASK_PATH: credential-free, for the local proxy only (peer allowlist), before auth
  installAuthRateLimit(app); // per IP, before every /auth route (sign-in, refresh, service tokens)
  installServiceAuth(app); // before installAuth: /auth/service-token and /internal/* carry non-user credentials
  await installAuth(app);
  installRateLimit(app);
  installAudit(app); // GET /audit/export.csv: under the caller's request role, like GraphQL
  installBilling(app); // /webhooks/razorpay reads its raw body: no JSON parser may run before it
  installGateway(app); // /svc/<name>/*: after auth and rate limits, no body parser in front
  installPages(app); // GET / and the pages email links open (verify email, reset password, invitations)
  await installPostGraphile(app, server);
  installErrorHandler(app);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const drain of ctx.drainActions ?? []) drain();
      const timeout = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      await closed;
      clearTimeout(timeout);
      for (const action of [...ctx.shutdownActions].reverse()) await action();
    })());

  return { app, server, ctx, close };
}
