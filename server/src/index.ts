/**
 * `npm start`: Postgres (embedded unless DATABASE_URL is set) -> roles and
 * database -> migrations -> dev seed -> HTTP server -> in-process worker.
 * SIGINT/SIGTERM shut down in reverse order, whatever stage start-up reached.
 */
// First: tracing (when OTEL_* turn it on) must patch http, express and pg before anything requires them.
import { shutdownTracing } from "../../core/tracing";
import "./graphql/graphileEnv";
import type { Runner } from "graphile-worker";
import { startWorker } from "../../functions/src/worker";
import { makeServer, type LogicSpikeServer } from "./app";
import { getDirectPgPool } from "./http/installDatabasePools";
import { loadConfigOrExit } from "../../core/config";
import { prepareDatabase } from "../../core/db/prepare";
import type { ResolvedDatabase } from "../../core/db/urls";
import { logger } from "../../core/logger";

const config = loadConfigOrExit();
let db: ResolvedDatabase | undefined;
let srv: LogicSpikeServer | undefined;
let worker: Runner | undefined;
let stopping = false;
/** Settles when start-up has finished or stopped at the first stage boundary after a signal. */
let startup: Promise<void> = Promise.resolve();

// Registered before anything starts, so a signal during start-up still shuts down in order.
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: shutting down`);
  setTimeout(() => process.exit(1), config.shutdownTimeoutMs * 2).unref();
  try {
    // A stage still starting (e.g. the worker connecting) would otherwise outlive the pools it uses.
    await startup;
    await worker?.stop();
    await srv?.close();
    await db?.embedded?.stop();
    // Last, so the spans of the worker's final jobs and the last requests are exported too.
    await shutdownTracing();
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "Shutdown failed");
    process.exit(1);
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

async function main() {
  const t0 = Date.now();
  db = await prepareDatabase(config);
  logger.info(`Postgres: ${db.describe}`);
  if (stopping) return;

  srv = await makeServer(config, db.urls);
  await new Promise<void>((resolve, reject) => {
    srv!.server.once("error", reject);
    srv!.server.listen(config.port, config.host, resolve);
  });
  if (stopping) return;
  if (config.workerInProcess) {
    // graphile-worker LISTENs for new jobs: its pool must keep its session (DATABASE_DIRECT_URL behind a pooler).
    worker = await startWorker({ pgPool: getDirectPgPool(srv.app), concurrency: config.workerConcurrency, config });
  }
  if (stopping) return;

  logger.info(banner(Date.now() - t0, worker ? "in-process" : "off (run `npm run worker`)"));
}

/** Where to go next, one line each. The first line keeps the form scripts and tests look for. */
function banner(ms: number, workerState: string): string {
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  const base = `http://${host.includes(":") ? `[${host}]` : host}:${config.port}`;
  const lines = [
    `LogicSpike Core is up in ${ms} ms: GraphQL ${base}/graphql` + (config.isDev ? `, GraphiQL ${base}/graphiql` : "") + `, health ${base}/readyz, worker ${workerState}`,
  ];
  if (config.isDev) {
    lines.push(`  Console      ${base}/ (sign in with the demo login below)`);
    lines.push(`  Dev links    ${base}/dev (links to everything below)`);
    lines.push(`  GraphiQL     ${base}/graphiql (paste an access token into Headers: {"Authorization": "Bearer ..."})`);
    lines.push(`  Sign in      ${config.appUrl}/sign-in · sign up ${config.appUrl}/sign-up (the pages email links open)`);
    if (config.seedOnStart) lines.push("  Demo login   demo@logicspike.localhost / demo-password-123 (owner of Demo Workspace; seed data, development only)");
    lines.push(`  Emails       ${config.smtpUrl ? "sent through SMTP_URL" : "not sent (SMTP_URL unset): logged here, links included"}`);
  }
  return lines.join("\n");
}

startup = main().catch(async (err) => {
  logger.fatal({ err }, "LogicSpike Core failed to start");
  await db?.embedded?.stop().catch(() => {});
  await shutdownTracing().catch(() => {});
  process.exit(1);
});
