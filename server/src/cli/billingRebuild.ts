/**
 * `npm run billing:rebuild`: recomputes every workspace's entitlements from
 * its plan and add-ons (after an operator edits the catalog with SQL). Each
 * workspace is its own transaction, so one failure does not undo the rest.
 * Same database resolution as `npm run db:*` (embedded unless DATABASE_URL).
 */
import pg from "pg";
import { loadConfig } from "../../../core/config";
import { resolveDatabase } from "../../../core/db/urls";

async function main() {
  const db = await resolveDatabase(loadConfig());
  const client = new pg.Client({ connectionString: db.urls.owner });
  let failed = 0;
  try {
    await client.connect();
    const { rows } = await client.query<{ id: string }>("select id from app_public.tenants order by created_at, id");
    for (const { id } of rows) {
      try {
        await client.query("select app_private.rebuild_entitlements($1)", [id]);
      } catch (err) {
        failed++;
        console.error(`workspace ${id}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    console.log(`Rebuilt entitlements for ${rows.length - failed} of ${rows.length} workspaces.`);
  } finally {
    await client.end();
    await db.embedded?.stop();
  }
  if (failed) process.exit(1);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
