/**
 * `npm start`: Postgres (embedded unless DATABASE_URL is set) -> roles and
 * database -> migrations -> dev seed -> HTTP server -> in-process worker.
 * SIGINT/SIGTERM shut down in reverse order, whatever stage start-up reached.
 */
import "./lib/graphileEnv";
import type { Runner } from "graphile-worker";
import { startWorker } from "../../functions/src/worker";
import { makeServer, type LogicSpikeServer } from "./app";
import { loadConfig } from "./config";
import { prepareDatabase } from "./db/prepare";
import type { ResolvedDatabase } from "./db/urls";
import { logger } from "./lib/logger";

const config = loadConfig();
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
    worker = await startWorker({ pgPool: srv.ctx.rootPgPool, concurrency: config.workerConcurrency });
  }
  if (stopping) return;

  const base = `http://${config.host}:${config.port}`;
  logger.info(
    `LogicSpike Core is up in ${Date.now() - t0} ms: GraphQL ${base}/graphql` +
      (config.isDev ? `, GraphiQL ${base}/graphiql` : "") +
      `, health ${base}/readyz, worker ${worker ? "in-process" : "off (run `npm run worker`)"}`,
  );
}

startup = main().catch(async (err) => {
  logger.fatal({ err }, "LogicSpike Core failed to start");
  await db?.embedded?.stop().catch(() => {});
  process.exit(1);
});
