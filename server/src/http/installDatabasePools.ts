import type { Express } from "express";
import type { Config } from "../../../core/config";
import type { ServerContext } from "../context";
import type { DatabaseUrls } from "../../../core/db/urls";
import { DatabaseHealth } from "../../../core/db/health";
import { makePgPool } from "../../../core/db/pool";

/** First installer: creates both pools and the shared context; ends the pools last on shutdown. */
export default function installDatabasePools(app: Express, config: Config, urls: DatabaseUrls): ServerContext {
  let health: DatabaseHealth | undefined;
  const onUnavailable = () => health?.markDown();
  const rootPgPool = makePgPool(urls.owner, "root", { onUnavailable });
  const authPgPool = makePgPool(urls.auth, "auth", { onUnavailable });
  health = new DatabaseHealth(rootPgPool);
  const ctx: ServerContext = { config, urls, rootPgPool, authPgPool, health, shutdownActions: [] };
  ctx.shutdownActions.push(async () => {
    health?.stop();
    await Promise.allSettled([rootPgPool.end(), authPgPool.end()]);
  });
  app.locals.ctx = ctx;
  return ctx;
}
