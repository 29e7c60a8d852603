/**
 * Every tenant-owned table is audited: the catalog must show the
 * app_private.tg__audit trigger (AFTER INSERT/UPDATE/DELETE, FOR EACH ROW) on
 * each app_public table with a tenant_id, and on app_public.tenants. The log
 * itself is append-only for every request role.
 */
import { useTestDatabase } from "../helpers/db";

const REQUEST_ROLES = ["app_anonymous", "app_user", "app_api_key"];
/**
 * The only tenant tables not audited row by row, each with its reason. Adding
 * one needs the same: a table no request role writes, whose rows are a log
 * themselves, and whose user actions are audited explicitly.
 */
const NOT_AUDITED: Record<string, string> = {
  // Written only by the webhook worker, several times per event; every audited write held the
  // workspace's chain lock to commit, serialising all deliveries of a workspace.
  // Replays, the one user action on them, append a `webhook.replayed` entry (replay_webhook_delivery).
  webhook_deliveries: "worker-written delivery state; replays audited explicitly",
  webhook_attempts: "worker-written log of HTTP attempts",
};
const getDb = useTestDatabase();
const q = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await getDb().superPool.query<T>(sql, params)).rows;

describe("the audit log in the catalog", () => {
  it("is attached to every tenant-owned app_public table (and tenants), except the listed delivery logs", async () => {
    const rows = await q<{ relname: string; audited: boolean }>(`
      select c.relname,
             exists (select 1 from pg_trigger t
                      where t.tgrelid = c.oid and not t.tgisinternal
                        and t.tgfoid = 'app_private.tg__audit()'::regprocedure
                        -- row-level (1), AFTER (no BEFORE bit 2), on INSERT (4), DELETE (8) and UPDATE (16)
                        and t.tgtype & 1 = 1 and t.tgtype & 2 = 0 and t.tgtype & 28 = 28) as audited
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'app_public' and c.relkind in ('r', 'p') and c.relname <> 'audit_log'
         and (c.relname = 'tenants'
              or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))
       order by 1`);
    expect(rows.map((r) => r.relname)).toEqual(expect.arrayContaining(["tenants", "memberships", "posts", "api_keys", "roles"]));
    const missing = rows.filter((r) => !r.audited && !(r.relname in NOT_AUDITED)).map((r) => `app_public.${r.relname}: call app_private.enable_audit('app_public.${r.relname}') after creating it`);
    expect(missing).toEqual([]);
    // The exemptions name real tenant tables and really are unaudited (a stale entry fails here).
    expect(rows.filter((r) => r.relname in NOT_AUDITED).map((r) => [r.relname, r.audited])).toEqual(
      Object.keys(NOT_AUDITED).sort().map((t) => [t, false]),
    );
  });

  it("does not audit itself, rate limits or other private tables", async () => {
    const rows = await q<{ tbl: string }>(`
      select t.tgrelid::regclass::text as tbl from pg_trigger t
       where t.tgfoid = 'app_private.tg__audit()'::regprocedure
         and t.tgrelid in (select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname <> 'app_public' or c.relname = 'audit_log')`);
    expect(rows).toEqual([]);
  });

  it("grants request roles SELECT at most, never INSERT, UPDATE, DELETE or TRUNCATE", async () => {
    const rows = await q<{ role: string; cmd: string }>(`
      select r as role, cmd from unnest($1::text[]) r, unnest(array['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) cmd
       where has_table_privilege(r, 'app_public.audit_log', cmd)
          or (cmd in ('INSERT', 'UPDATE') and has_any_column_privilege(r, 'app_public.audit_log', cmd))`, [REQUEST_ROLES]);
    expect(rows).toEqual([]);
    // ...while SELECT is granted to app_user, so the check above is not vacuous.
    expect((await q<{ ok: boolean }>("select has_table_privilege('app_user', 'app_public.audit_log', 'SELECT') as ok"))[0].ok).toBe(true);
  });

  it("has the append-only and TRUNCATE guards", async () => {
    const rows = await q<{ tgname: string }>(`
      select tgname from pg_trigger where tgrelid = 'app_public.audit_log'::regclass and not tgisinternal order by 1`);
    expect(rows.map((r) => r.tgname)).toEqual(["_100_append_only", "_100_no_truncate"]);
  });
});
