/**
 * Rules that let every tenant table be distributed by tenant_id with Citus
 * (docs/scaling.md#sharding-by-workspace-citus), checked on our own catalog
 * (Citus cannot be installed here). A tenant table is one with a `tenant_id`
 * column. Each is either distributed by tenant_id (every rule below applies) or
 * one of the COORDINATOR_TABLES, which stay on the Citus coordinator for the
 * reason given; a new table is distributed unless it is added there with one.
 */
import { useTestDatabase } from "../helpers/db";

const getDb = useTestDatabase();

/** Tenant tables that are not distributed: keyed by something known before the workspace is. */
const COORDINATOR_TABLES: Record<string, string> = {
  "app_private.events": "the outbox: user-level events have no workspace (tenant_id is null), and one dispatcher drains it",
  "app_private.refresh_token_families": "sessions belong to a user; tenant_id is only the active workspace and may be null",
  "app_private.payments": "keyed by the payment provider's id, which is all a provider webhook carries",
  "app_private.provider_refs": "routes a provider's id (subscription, order, invoice) to its workspace",
  "app_private.api_key_secrets": "routes a presented key's hash to its key and workspace before either is known",
  "app_private.invitation_tokens": "routes an emailed token's hash to its invitation before the workspace is known",
  "app_private.verified_hostnames": "routes a request's hostname to its workspace; a hostname is verified for one workspace only",
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

  it("puts tenant_id in the primary key of every tenant table but the coordinator's, each of which is classified", async () => {
    const rows = await q<{ name: string; pk: string[] | null }>(`
      select t.name, ${columns("con.conkey")} as pk
        from (${TENANT_TABLES}) t left join pg_constraint con on con.conrelid = t.oid and con.contype = 'p'
       order by 1`);
    const lacking = rows.filter((r) => !r.pk?.includes("tenant_id")).map((r) => r.name);
    expect(lacking.sort()).toEqual(Object.keys(COORDINATOR_TABLES).sort());
  });

  it("puts tenant_id in every unique constraint and unique index of a distributed table", async () => {
    // pg_index covers unique constraints and primary keys (their indexes) and bare unique indexes alike
    const rows = await q<{ name: string; index: string; cols: string[] }>(`
      select t.name, i.indexrelid::regclass::text as index,
             (select array_agg(a.attname::text) from pg_attribute a where a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])) as cols
        from (${TENANT_TABLES}) t join pg_index i on i.indrelid = t.oid and i.indisunique`);
    const distributed = rows.filter((r) => !(r.name in COORDINATOR_TABLES));
    expect(distributed.length).toBeGreaterThan(30);
    // A global rule (one hostname, one workspace) belongs in a coordinator table keyed by it, as verified_hostnames is.
    expect(distributed.filter((r) => !r.cols.includes("tenant_id")).map((r) => r.index)).toEqual([]);
  });

  it("has no foreign key from a distributed table to a coordinator table (Citus cannot enforce one)", async () => {
    const rows = await q<{ source: string; fk: string; target: string }>(`
      select t.name as source, con.conname as fk, con.confrelid::regclass::text as target
        from (${TENANT_TABLES}) t join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'`);
    expect(rows.length).toBeGreaterThan(20);
    const offending = rows.filter((r) => r.target in COORDINATOR_TABLES && !(r.source in COORDINATOR_TABLES)).map((r) => `${r.fk} on ${r.source}`);
    expect(offending).toEqual([]);
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
      "app_public.meters": "catalog: reference table (usage meters)",
    };
    const rows = await q<{ target: string }>(`
      select distinct con.confrelid::regclass::text as target
        from (${TENANT_TABLES}) t join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'
       where not exists (select 1 from pg_attribute a where a.attrelid = con.confrelid and a.attname = 'tenant_id' and not a.attisdropped)
       order by 1`);
    expect(rows.map((r) => r.target)).toEqual(Object.keys(SHARED).sort());
  });
});
