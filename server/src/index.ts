/**
 * `npm start`: Postgres (embedded unless DATABASE_URL is set) -> roles and
 * database -> migrations -> dev seed -> HTTP server -> in-process worker.
 * SIGINT/SIGTERM shut down in reverse order.
 */
import "./lib/graphileEnv";
import { loadConfig } from "./config";
import { makeServer } from "./app";
import { prepareDatabase } from "./db/prepare";
import { logger } from "./lib/logger";
import { startWorker } from "../../functions/src/worker";
import type { Runner } from "graphile-worker";

async function main() {
  const t0 = Date.now();
  const config = loadConfig();
  const db = await prepareDatabase(config);
  logger.info(`Postgres: ${db.describe}`);

  const srv = await makeServer(config, db.urls);
  await new Promise<void>((resolve, reject) => {
    srv.server.once("error", reject);
    srv.server.listen(config.port, config.host, resolve);
  });

  let worker: Runner | undefined;
  if (config.workerInProcess) worker = await startWorker({ pgPool: srv.ctx.rootPgPool, concurrency: config.workerConcurrency });

  const base = `http://${config.host}:${config.port}`;
  logger.info(
    `LogicSpike Core is up in ${Date.now() - t0} ms: GraphQL ${base}/graphql` +
      (config.isDev ? `, GraphiQL ${base}/graphiql` : "") +
      `, health ${base}/readyz, worker ${worker ? "in-process" : "off (run `npm run worker`)"}`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), config.shutdownTimeoutMs * 2).unref();
    try {
      await worker?.stop();
      await srv.close();
      await db.embedded?.stop();
      clearTimeout(force);
      process.exit(0);
    } catch (err) {
      logger.error({ err }, "Shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err) => {
  logger.fatal({ err }, "LogicSpike Core failed to start");
  process.exit(1);
});
