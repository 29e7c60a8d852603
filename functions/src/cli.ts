/**
 * `npm run worker`: the worker as its own process (compose stack, scale-out).
 * Connects as the owner via DATABASE_DIRECT_URL if set, else DATABASE_URL: graphile-worker
 * LISTENs for new jobs, which a transaction-mode pooler cannot carry. Does not migrate (the migrate
 * service or the server does that).
 */
// First: tracing (when OTEL_* turn it on) must patch pg and http before anything requires them.
import { shutdownTracing } from "../../core/tracing";
import { loadConfigOrExit } from "../../core/config";
import { directUrl, resolveDatabase } from "../../core/db/urls";
import { logger } from "../../core/logger";
import { makePgPool } from "../../core/db/pool";
import { startWorker } from "./worker";

async function main() {
  const config = loadConfigOrExit();
  const db = await resolveDatabase(config);
  const pool = makePgPool(directUrl(db.urls), "worker", { max: config.workerConcurrency + 2 });
  const runner = await startWorker({ pgPool: pool, concurrency: config.workerConcurrency, config });
  logger.info(`Worker started (concurrency ${config.workerConcurrency}) against ${db.describe}`);
  const stop = async (signal: string) => {
    logger.info(`${signal}: stopping worker`);
    await runner.stop();
    await pool.end();
    await db.embedded?.stop();
    await shutdownTracing(); // the last jobs' spans
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  await runner.promise;
}

main().catch((err) => {
  logger.fatal({ err }, "Worker failed");
  void shutdownTracing().catch(() => {}).finally(() => process.exit(1));
});
