/**
 * Rules that let every tenant table be distributed by tenant_id with Citus
 * (docs/scaling.md#citus), checked on our own catalog (Citus cannot be
 * installed here). A tenant table is one with a `tenant_id` column.
 *
 * The schema does not meet the primary-key rule yet: PENDING_PRIMARY_KEYS are
 * the tables whose primary key is still `(id)`. Moving them changes every
 * generated GraphQL lookup and mutation input, so it is its own migration
 * (plan in docs/scaling.md). Until then this test is a ratchet: a new tenant
 * table must follow every rule, and a table that gets fixed must leave the list.
 */
import { useTestDatabase } from "../helpers/db";

const getDb = useTestDatabase();

const PENDING_PRIMARY_KEYS = [
  "app_private.events",
  "app_private.payments",
  "app_private.provider_refs",
  "app_private.refresh_token_families",
  "app_public.api_keys",
  "app_public.audit_log",
  "app_public.coin_orders",
  "app_public.custom_domains",
  "app_public.invitations",
  "app_public.invoices",
  "app_public.memberships",
  "app_public.notifications",
  "app_public.plan_subscriptions",
  "app_public.posts",
  "app_public.roles",
  "app_public.tenant_addons",
  "app_public.wallet_entries",
  "app_public.webhook_attempts",
  "app_public.webhook_deliveries",
  "app_public.webhook_endpoints",
];

/** Unique constraints without tenant_id, each a global identity by design; distributed they become reference-checked in the app. */
const GLOBAL_UNIQUES: Record<string, string> = {
  "app_private.provider_refs(provider, kind, local_id)": "a payment provider's id is unique across the provider, not per workspace",
};

const q = async <T,>(sql: string) => (await getDb().superPool.query<T & Record<string, unknown>>(sql)).rows;

/** Tables of ours with a tenant_id column (the distribution column). */
const TENANT_TABLES = `
  select c.oid, n.nspname || '.' || c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname in ('app_public', 'app_private') and c.relkind in ('r', 'p')
     and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`;

const columns = (conkey: string) => `(select array_agg(a.attname::text order by a.attnum) from pg_attribute a where a.attrelid = con.conrelid and a.attnum = any(${conkey}))`;

describe("a schema Citus can distribute by tenant_id", () => {
  it("has tenant tables to check", async () => {
    expect((await q(TENANT_TABLES)).length).toBeGreaterThan(20);
  });

  it("puts tenant_id in every tenant table's primary key (but for the pending list, which only shrinks)", async () => {
    const rows = await q<{ name: string; pk: string[] | null }>(`
      select t.name, ${columns("con.conkey")} as pk
        from (${TENANT_TABLES}) t left join pg_constraint con on con.conrelid = t.oid and con.contype = 'p'
       order by 1`);
    const lacking = rows.filter((r) => !r.pk?.includes("tenant_id")).map((r) => r.name);
    expect(lacking.filter((t) => !PENDING_PRIMARY_KEYS.includes(t))).toEqual([]); // new tables follow the rule
    expect(PENDING_PRIMARY_KEYS.filter((t) => !lacking.includes(t))).toEqual([]); // fixed tables leave the list
  });

  it("puts tenant_id in every unique constraint of a tenant table", async () => {
    const rows = await q<{ name: string; cols: string[] }>(`
      select t.name, ${columns("con.conkey")} as cols
        from (${TENANT_TABLES}) t join pg_constraint con on con.conrelid = t.oid and con.contype = 'u'`);
    const lacking = rows.filter((r) => !r.cols.includes("tenant_id")).map((r) => `${r.name}(${r.cols.join(", ")})`);
    expect(lacking.sort()).toEqual(Object.keys(GLOBAL_UNIQUES).sort());
  });

  it("includes tenant_id in every foreign key between two tenant tables (co-located joins)", async () => {
    const rows = await q<{ fk: string; cols: string[]; refcols: string[] }>(`
      select con.conname || ' on ' || t.name as fk, ${columns("con.conkey")} as cols,
             (select array_agg(a.attname::text) from pg_attribute a where a.attrelid = con.confrelid and a.attnum = any(con.confkey)) as refcols
        from (${TENANT_TABLES}) t
        join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'
        join (${TENANT_TABLES}) r on r.oid = con.confrelid
       where con.confrelid <> (select 'app_public.tenants'::regclass)`);
    expect(rows.length).toBeGreaterThan(5);
    const lacking = rows.filter((r) => !(r.cols.includes("tenant_id") && r.refcols.includes("tenant_id"))).map((r) => r.fk);
    expect(lacking).toEqual([]);
  });

  it("refers from tenant tables only to tenant tables or to the known shared tables, each with its Citus placement", async () => {
    // A table without tenant_id referenced by a tenant table must be replicated to every node (a reference table)
    // or the join crosses shards. Each one is classified here; a new one fails until it is.
    const SHARED: Record<string, string> = {
      "app_public.tenants": "the distribution key's own table: distributed by id (co-located with tenant_id)",
      "app_public.users": "global identity: a reference table (small, read-mostly; written on sign-up and profile edits)",
      "app_public.plans": "catalog: reference table",
      "app_public.addons": "catalog: reference table",
      "app_public.coin_packs": "catalog: reference table",
      "app_public.role_templates": "catalog: reference table",
      "app_public.services": "catalog: reference table",
    };
    const rows = await q<{ target: string }>(`
      select distinct con.confrelid::regclass::text as target
        from (${TENANT_TABLES}) t join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'
       where not exists (select 1 from pg_attribute a where a.attrelid = con.confrelid and a.attname = 'tenant_id' and not a.attisdropped)
       order by 1`);
    expect(rows.map((r) => r.target)).toEqual(Object.keys(SHARED).sort());
  });
});
