import type { Config } from "../config";
import { logger } from "../logger";
import { migrateDatabase } from "./migrate";
import { seedDatabase } from "./seed";
import { setupDatabase } from "./setup";
import { resolveDatabase, type ResolvedDatabase } from "./urls";

/**
 * Everything `npm start` does before serving: find or start Postgres, ensure
 * roles and database (when a root URL is known), migrate, seed (development).
 */
export async function prepareDatabase(config: Config): Promise<ResolvedDatabase> {
  const db = await resolveDatabase(config, (line) => logger.debug({ component: "postgres" }, line));
  await setupDatabase(db.urls);
  if (config.migrateOnStart) await migrateDatabase(db.urls, { current: config.isDev });
  if (config.seedOnStart) await seedDatabase(db.urls);
  return db;
}
