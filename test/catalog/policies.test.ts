/**
 * Reads the catalog so every tenant-owned table keeps the conventions of
 * docs/permissions-and-policies.md, whoever adds it: policies for every command a request role
 * is granted, composite keys so rows cannot point across workspaces, and
 * helpers called once per statement.
 */
import { useTestDatabase } from "../helpers/db";

const REQUEST_ROLES = ["app_anonymous", "app_user", "app_api_key"];
const getDb = useTestDatabase();
const q = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await getDb().superPool.query<T>(sql, params)).rows;

const TENANT_TABLES = `
  select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'app_public' and c.relkind in ('r', 'p')
     and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`;

describe("tenant-owned tables", () => {
  it("exist (the checks below are not vacuous)", async () => {
    const tables = (await q<{ relname: string }>(TENANT_TABLES)).map((t) => t.relname);
    expect(tables).toEqual(expect.arrayContaining(["memberships", "roles", "invitations", "tenant_settings", "posts"]));
  });

  it("have a policy for every command a request role is granted", async () => {
    const missing = await q(`
      with t as (${TENANT_TABLES}),
      granted as (
        select t.relname, t.oid, r.rolname, cmd
          from t, unnest($1::text[]) r(rolname), unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE']) cmd
         where has_table_privilege(r.rolname, t.oid, cmd)
            or (cmd <> 'DELETE' and exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
                        and has_column_privilege(r.rolname, t.oid, a.attnum, cmd)))
      )
      select g.relname, g.rolname, g.cmd from granted g
       where not exists (
         select 1 from pg_policy p
          where p.polrelid = g.oid
            and p.polcmd = case g.cmd when 'SELECT' then 'r' when 'INSERT' then 'a' when 'UPDATE' then 'w' else 'd' end
            and (0 = any (p.polroles) or (select oid from pg_roles where rolname = g.rolname) = any (p.polroles)))`, [REQUEST_ROLES]);
    expect(missing).toEqual([]);
  });

  it("never use FOR ALL policies or grant tenant_id for insert/update", async () => {
    expect(await q(`select polname, polrelid::regclass::text as tbl from pg_policy where polcmd = '*' and polrelid in (select oid from (${TENANT_TABLES}) t)`)).toEqual([]);
    const writable = await q(`
      select t.relname, r as role from (${TENANT_TABLES}) t, unnest($1::text[]) r
       where has_column_privilege(r, t.oid, 'tenant_id', 'INSERT') or has_column_privilege(r, t.oid, 'tenant_id', 'UPDATE')`, [REQUEST_ROLES]);
    expect(writable).toEqual([]);
  });

  it("are unique on (tenant_id, id) (or, without an id column, keyed by a primary key led by tenant_id) so children can use composite foreign keys", async () => {
    const missing = await q(`
      select t.relname from (${TENANT_TABLES}) t
       where not exists (
         select 1 from pg_constraint k where k.conrelid = t.oid and k.contype in ('u', 'p')
            and (select array_agg(a.attname::text order by a.attname) from pg_attribute a where a.attrelid = t.oid and a.attnum = any (k.conkey))
                in (array['id', 'tenant_id'], array['tenant_id']))
         and not (
           not exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attname = 'id' and not a.attisdropped)
           and exists (select 1 from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
                        where k.conrelid = t.oid and k.contype = 'p' and a.attname = 'tenant_id'))`);
    expect(missing).toEqual([]);
  });

  it("reference other tenant-owned tables only through foreign keys that include tenant_id", async () => {
    const crossing = await q(`
      select k.conname, k.conrelid::regclass::text as from_table, k.confrelid::regclass::text as to_table
        from pg_constraint k
       where k.contype = 'f'
         and k.conrelid in (select oid from (${TENANT_TABLES}) t)
         and k.confrelid in (select oid from (${TENANT_TABLES}) t)
         and not exists (select 1 from pg_attribute a where a.attrelid = k.conrelid and a.attnum = any (k.conkey) and a.attname = 'tenant_id')`);
    expect(crossing).toEqual([]);
  });

  it("have policies that call session helpers once per statement, never current_setting directly", async () => {
    const policies = await q<{ tbl: string; polname: string; expr: string }>(`
      select polrelid::regclass::text as tbl, polname,
             coalesce(pg_get_expr(polqual, polrelid), '') || ' ' || coalesce(pg_get_expr(polwithcheck, polrelid), '') as expr
        from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('app_public', 'app_private')`);
    expect(policies.length).toBeGreaterThan(10);
    const bad = policies.filter(
      (p) => /current_setting/i.test(p.expr) || /(?<!SELECT )app_hidden\.\w+\(/.test(p.expr.replace(/\(\s*SELECT\s+/g, "(SELECT ")),
    );
    expect(bad).toEqual([]);
  });
});
