import type { Express } from "express";
import type { Pool } from "pg";
import type { Config } from "../../../core/config";
import type { ServerContext } from "../context";
import { directUrl, isPooled, type DatabaseUrls } from "../../../core/db/urls";
import { DatabaseHealth } from "../../../core/db/health";
import { makePgPool } from "../../../core/db/pool";
import { listenOnDirectPool } from "../realtime/directSubscriber";

/**
 * First installer: creates both pools and the shared context; ends the pools last on shutdown.
 *
 * Behind a transaction-mode pooler (DATABASE_DIRECT_URL set, docs/scaling.md#pgbouncer) consecutive statements
 * of a pooled client may run on different server sessions: the owner pool then sends its named statements
 * unnamed, and a third, direct pool keeps the sessions that must last (realtime LISTEN, the in-process worker).
 * Request transactions need nothing: their settings are transaction-local.
 */
export default function installDatabasePools(app: Express, config: Config, urls: DatabaseUrls): ServerContext {
  let health: DatabaseHealth | undefined;
  const onUnavailable = () => health?.markDown();
  const pooled = isPooled(urls);
  const rootPgPool = makePgPool(urls.owner, "root", { onUnavailable, unnamedStatements: pooled });
  const authPgPool = makePgPool(urls.auth, "auth", { onUnavailable });
  // One connection for the LISTENs plus what an in-process worker uses (its LISTEN and its jobs).
  const directPgPool = pooled ? makePgPool(directUrl(urls), "direct", { onUnavailable, max: config.workerConcurrency + 3 }) : rootPgPool;
  const releaseSubscriber = pooled ? listenOnDirectPool(authPgPool, directPgPool) : undefined;
  health = new DatabaseHealth(rootPgPool);
  const ctx: ServerContext = { config, urls, rootPgPool, authPgPool, health, shutdownActions: [] };
  ctx.shutdownActions.push(async () => {
    health?.stop();
    releaseSubscriber?.();
    await Promise.allSettled([rootPgPool.end(), authPgPool.end(), ...(pooled ? [directPgPool.end()] : [])]);
  });
  app.locals.ctx = ctx;
  app.locals.directPgPool = directPgPool;
  return ctx;
}

/** The owner pool whose clients keep their session: direct to Postgres behind a pooler, else the root pool. */
export function getDirectPgPool(app: Express): Pool {
  const pool = app.locals.directPgPool as Pool | undefined;
  if (!pool) throw new Error("Direct pool requested before installDatabasePools ran");
  return pool;
}
