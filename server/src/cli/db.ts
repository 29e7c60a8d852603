/**
 * `npm run db:<command>`: setup | migrate | reset | commit | seed.
 * Uses the same database resolution as `npm start` (embedded unless DATABASE_URL).
 */
import { loadConfig } from "../../../core/config";
import { commitMigration, migrateDatabase, resetDatabase } from "../../../core/db/migrate";
import { seedDatabase } from "../../../core/db/seed";
import { setupDatabase } from "../../../core/db/setup";
import { resolveDatabase } from "../../../core/db/urls";
import { logger } from "../../../core/logger";

const USAGE = "usage: db <setup|migrate|reset|commit|seed> [--message text]";

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || !["setup", "migrate", "reset", "commit", "seed"].includes(command)) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  const db = await resolveDatabase(config);
  logger.info(`Postgres: ${db.describe}`);
  try {
    await setupDatabase(db.urls);
    const current = config.isDev;
    switch (command) {
      case "setup":
        break;
      case "migrate":
        await migrateDatabase(db.urls, { current });
        break;
      case "reset":
        if (!config.isDev) throw new Error("db:reset erases the database; it refuses to run with NODE_ENV=production");
        await resetDatabase(db.urls, { current, shadow: false });
        await seedDatabase(db.urls);
        break;
      case "commit": {
        const i = rest.indexOf("--message");
        await commitMigration(db.urls, i >= 0 ? rest[i + 1] : undefined);
        await migrateDatabase(db.urls, { current });
        break;
      }
      case "seed":
        await seedDatabase(db.urls);
        break;
    }
    logger.info(`db ${command}: done`);
  } finally {
    await db.embedded?.stop();
  }
}

main(process.argv.slice(2)).catch((err) => {
  logger.fatal({ err }, `db ${process.argv[2]} failed`);
  process.exit(1);
});
