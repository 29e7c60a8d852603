/**
 * Builds the HTTP server from ordered installers. Order matters: request ids
 * first (so every log line has one), pools before anything that queries,
 * health (unauthenticated), then authentication (verifies tokens for every
 * later route) and the auth routes, then PostGraphile, then 404/errors last.
 */
import http from "node:http";
import express from "express";
import type { Config } from "../../core/config";
import type { ServerContext } from "./context";
import type { DatabaseUrls } from "../../core/db/urls";
import installAudit from "./audit/installAudit";
import installAuth from "./identity/installAuth";
import installBilling from "./billing/installBilling";
import installCanonicalPath from "./http/installCanonicalPath";
import installCors from "./http/installCors";
import installDatabasePools from "./http/installDatabasePools";
import installErrorHandler from "./http/installErrorHandler";
import installGateway from "./gateway/installGateway";
import installHealth from "./http/installHealth";
import installMetrics from "./http/installMetrics";
import installPages from "./pages/installPages";
import installPostGraphile from "./graphql/installPostGraphile";
import installRateLimit, { installAuthRateLimit } from "./rateLimits/installRateLimit";
import installRequestId from "./http/installRequestId";
import installSecurityHeaders from "./http/installSecurityHeaders";
import installStorage from "./storage/installStorage";
import installServiceAuth from "./gateway/installServiceAuth";
import installTlsAsk from "./domains/installTlsAsk";

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
  installStorage(app); // /storage/v1/*: streams its bodies, so no body parser in front either
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
