import { spawnTestPostgres, type TestPostgres } from "../helpers/postgres";

/**
 * One throwaway cluster per `npm test` run, with a migrated template database.
 * Workers find it through TEST_PG_* environment variables.
 */
export default async function globalSetup(): Promise<void> {
  const pg = await spawnTestPostgres("logicspike_template");
  (globalThis as { __TEST_PG__?: TestPostgres }).__TEST_PG__ = pg;
  process.env.TEST_PG_ROOT_URL = pg.rootUrl;
  process.env.TEST_DB_OWNER_PASSWORD = pg.ownerPassword;
  process.env.TEST_DB_AUTHENTICATOR_PASSWORD = pg.authenticatorPassword;
  process.env.TEST_TEMPLATE_DB = pg.templateDb;
  process.env.LOGICSPIKE_DATA_DIR = pg.dataDir;
  // Grafast's development checks are worth having in tests.
  process.env.GRAPHILE_ENV ||= "development";
}
