/**
 * Reads the catalog so the non-negotiables stay true as tables are added:
 * RLS everywhere, tenant_id indexed, request roles powerless, secrets private.
 */
import fs from "node:fs";
import path from "node:path";
import { ERROR_CODES } from "../../core/errors";
import { useTestDatabase } from "../helpers/db";

const REQUEST_ROLES = ["app_anonymous", "app_user", "app_api_key"];
const getDb = useTestDatabase();

const q = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  (await getDb().superPool.query<T>(sql, params)).rows;

describe("the database catalog", () => {
  it("has RLS enabled and forced on every table in app_public and app_private", async () => {
    const tables = await q<{ name: string; rls: boolean; forced: boolean }>(`
      select n.nspname || '.' || c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('app_public', 'app_private', 'app_hidden') and c.relkind in ('r', 'p')`);
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((t) => !t.rls || !t.forced)).toEqual([]);
  });

  it("indexes every tenant_id column as the leading column of some index", async () => {
    const unindexed = await q(`
      select c.relname, a.attname from pg_attribute a
        join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname like 'app\\_%' and c.relkind in ('r','p') and a.attname = 'tenant_id' and not a.attisdropped
         and not exists (select 1 from pg_index i where i.indrelid = c.oid and i.indkey[0] = a.attnum)`);
    expect(unindexed).toEqual([]);
  });

  it("gives no request role ownership, superuser, BYPASSRLS or login", async () => {
    const roles = await q<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }>(
      "select rolname, rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = any($1)",
      [REQUEST_ROLES],
    );
    expect(roles.map((r) => r.rolname).sort()).toEqual([...REQUEST_ROLES].sort());
    expect(roles.filter((r) => r.rolsuper || r.rolbypassrls || r.rolcanlogin)).toEqual([]);
    const owned = await q(`
      select c.relname, pg_get_userbyid(c.relowner) as owner from pg_class c
       where pg_get_userbyid(c.relowner) = any($1)
      union all
      select p.proname, pg_get_userbyid(p.proowner) from pg_proc p where pg_get_userbyid(p.proowner) = any($1)
      union all
      select nspname, pg_get_userbyid(nspowner) from pg_namespace where pg_get_userbyid(nspowner) = any($1)`, [REQUEST_ROLES]);
    expect(owned).toEqual([]);
  });

  it("keeps the authenticator powerless: NOINHERIT, no ownership, only the request roles", async () => {
    const [auth] = await q<{ rolinherit: boolean; rolsuper: boolean; rolbypassrls: boolean; rolcreatedb: boolean; rolcreaterole: boolean }>(
      "select rolinherit, rolsuper, rolbypassrls, rolcreatedb, rolcreaterole from pg_roles where rolname = 'logicspike_authenticator'",
    );
    expect(auth).toEqual({ rolinherit: false, rolsuper: false, rolbypassrls: false, rolcreatedb: false, rolcreaterole: false });
    const memberOf = await q<{ rolname: string }>(`
      select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid
       where m.member = 'logicspike_authenticator'::regrole order by 1`);
    expect(memberOf.map((r) => r.rolname)).toEqual([...REQUEST_ROLES].sort());
    const owns = await q("select relname from pg_class where relowner = 'logicspike_authenticator'::regrole");
    expect(owns).toEqual([]);
  });

  it("grants request roles no access to app_private or graphile_worker", async () => {
    const rows = await q<{ role: string; schema: string; usage: boolean }>(`
      select r as role, s as schema, has_schema_privilege(r, s, 'USAGE') as usage
        from unnest($1::text[]) r, unnest(array['app_private', 'graphile_worker', 'graphile_migrate']) s`, [REQUEST_ROLES]);
    expect(rows.filter((r) => r.usage)).toEqual([]);
  });

  it("pins search_path on every SECURITY DEFINER function", async () => {
    const unpinned = await q(`
      select n.nspname || '.' || p.proname as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname like 'app\\_%' and p.prosecdef
         and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`);
    expect(unpinned).toEqual([]);
  });

  it("lets the planner inline SQL helpers: no SET clause on a language sql function that is neither SECURITY DEFINER nor volatile", async () => {
    // Before PostgreSQL 18 a non-inlined SQL function is planned at every call (docs/permissions-and-policies.md).
    const blocked = await q(`
      select p.oid::regprocedure::text as fn from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
       where n.nspname like 'app\\_%' and l.lanname = 'sql' and not p.prosecdef and p.provolatile <> 'v' and p.proconfig is not null`);
    expect(blocked).toEqual([]);
    // And the hot ones really are inlined: no function call or function scan left in their callers' plans.
    const plan = async (sql: string) =>
      (await q<{ "QUERY PLAN": string }>(`explain (verbose, costs off) ${sql}`)).map((r) => r["QUERY PLAN"]).join("\n");
    // (Arguments as the callers pass them: parameters or constants; a volatile argument blocks inlining.)
    const id = "'00000000-0000-0000-0000-000000000001'::uuid";
    expect(await plan(`select app_private.delivery_id(${id}, ${id})`)).not.toContain("delivery_id");
    expect(await plan(`select * from app_private.membership_claims(${id}, null)`)).not.toContain("Function Scan");
    expect(await plan("select * from app_private.dispatch_outcomes('[]', '{}')")).not.toContain("dispatch_outcomes");
  });

  it("has no view without security_invoker in the app schemas", async () => {
    const views = await q(`
      select n.nspname || '.' || c.relname as view from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname like 'app\\_%' and c.relkind = 'v'
         and not coalesce('security_invoker=true' = any (c.reloptions), false)`);
    expect(views).toEqual([]);
  });

  it("has every custom SQLSTATE raised by the migrations registered in ERRORS.md and the server", () => {
    const dir = path.join(__dirname, "..", "..", "db", "migrations");
    const sql = [
      ...fs.readdirSync(path.join(dir, "committed")).map((f) => fs.readFileSync(path.join(dir, "committed", f), "utf8")),
      ...fs.readdirSync(path.join(dir, "current")).map((f) => fs.readFileSync(path.join(dir, "current", f), "utf8")),
    ].join("\n");
    const raised = new Set([...sql.matchAll(/errcode\s*=\s*'([A-Z0-9]{5})'/g)].map((m) => m[1]));
    expect(raised.size).toBeGreaterThan(0);
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "db", "ERRORS.md"), "utf8");
    const documented = new Set([...doc.matchAll(/^\|\s*`([A-Z0-9]{5})`/gm)].map((m) => m[1]));
    for (const code of raised) {
      expect({ code, documented: documented.has(code), known: code in ERROR_CODES }).toEqual({ code, documented: true, known: true });
    }
    expect([...documented].sort()).toEqual(Object.keys(ERROR_CODES).sort());
    // The table's HTTP column is the status the server answers with (ERROR_CODES is the one list).
    const statuses = Object.fromEntries([...doc.matchAll(/^\|\s*`([A-Z0-9]{5})`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [m[1], Number(m[2])]));
    expect(statuses).toEqual(Object.fromEntries(Object.entries(ERROR_CODES).map(([code, { status }]) => [code, status])));
    // Starter rule: 5 chars; 1st not F/H/P/X; 3rd not 0/P; 4th a letter (keeps clear of standard classes).
    for (const code of documented) expect(code).toMatch(/^[A-EG-OQ-WYZ0-9][A-Z0-9][A-OQ-Z1-9][A-Z][A-Z0-9]$/);
  });
});
