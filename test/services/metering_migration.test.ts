/**
 * db/migrations/current/5-metering.sql is re-run by graphile-migrate on every
 * change to current/ (and by the lead before committing): running it again on
 * a database with data must succeed and change no usage, idempotency record
 * or catalog row, and leave the limits working.
 */
import fs from "node:fs";
import path from "node:path";
import { useTestDatabase } from "../helpers/db";

const getDb = useTestDatabase();
const FILE = path.join(__dirname, "..", "..", "db", "migrations", "current", "5-metering.sql");
const sql = async (text: string, params: unknown[] = []) => (await getDb().superPool.query(text, params)).rows;

it("re-runs on a database with usage, changing no usage, record, key or catalog row", async () => {
  const [{ id: tenantId }] = await sql("insert into app_public.tenants (name, slug) values ('Rerun', 'rerun-metering') returning id");
  await sql("insert into app_public.posts (tenant_id, title) select $1, 'p' || g from generate_series(1, 3) g", [tenantId]);
  await sql("select app_private.meter_consume($1, 'api.calls', 7, 'k-1')", [tenantId]);
  await sql("select app_private.meter_consume($1, 'email.sends', 2, null, false)", [tenantId]);
  const snapshot = async () => ({
    // The recount may create gauge rows at 0 for meters never touched (no row reads as 0): compare usage only.
    counters: await sql("select meter, period_start, used, notified_pct from app_private.meter_counters where tenant_id = $1 and (used > 0 or notified_pct > 0) order by meter", [tenantId]),
    records: await sql("select meter, idempotency_key, quantity from app_private.meter_records where tenant_id = $1 order by meter", [tenantId]),
    meters: await sql("select * from app_public.meters order by key"),
    eventType: await sql("select key, schema, notify from app_public.event_types where key = 'usage.threshold_reached'"),
  });
  const before = await snapshot();
  expect(before.counters.find((c) => c.meter === "blog.posts")?.used).toBe("3");

  // As the migration runs: the owner role, in one transaction.
  const c = await getDb().ownerPool.connect();
  try {
    await c.query("begin");
    await c.query(fs.readFileSync(FILE, "utf8"));
    await c.query("commit");
  } finally {
    c.release();
  }

  expect(await snapshot()).toEqual(before);
  // The replayed key is still known, and consumption goes on from the same total.
  expect((await sql("select replayed, used from app_private.meter_consume($1, 'api.calls', 7, 'k-1')", [tenantId]))[0]).toEqual({ replayed: true, used: "7" });
  expect((await sql("select allowed, used from app_private.meter_consume($1, 'api.calls', 1)", [tenantId]))[0]).toEqual({ allowed: true, used: "8" });
});
