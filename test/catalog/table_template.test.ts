/**
 * The tenant-table template in docs/permissions-and-policies.md ("In full")
 * is what a DBA copies: it must run, and the table it makes must meet the
 * rules the catalog tests hold every table to (RLS forced, a policy per
 * command, tenant_id never granted, an index led by tenant_id, and the Citus
 * rules: tenant_id in the primary key and every unique index, composite
 * foreign keys).
 */
import fs from "node:fs";
import path from "node:path";
import { asOwner, useTestDatabase } from "../helpers/db";

const getDb = useTestDatabase();

function templateSql(): string {
  const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "permissions-and-policies.md"), "utf8");
  const start = doc.indexOf("```sql", doc.indexOf("In full:"));
  expect(start).toBeGreaterThan(0);
  return doc.slice(start + "```sql".length, doc.indexOf("```", start + 6));
}

describe("the tenant-table template in the docs", () => {
  it("runs, and makes a table that meets every catalog rule", async () => {
    await asOwner(getDb(), async (c) => {
      await c.query(templateSql());
      const one = async <T,>(sql: string) => (await c.query<T & Record<string, unknown>>(sql)).rows[0];
      const t = "'app_public.projects'::regclass";

      expect(await one(`select relrowsecurity as enabled, relforcerowsecurity as forced from pg_class where oid = ${t}`)).toEqual({ enabled: true, forced: true });
      expect((await one<{ pk: string[] }>(`
        select array_agg(a.attname::text order by a.attname) as pk from pg_constraint k
          join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
         where k.conrelid = ${t} and k.contype = 'p'`)).pk).toEqual(["id", "tenant_id"]);
      expect((await one<{ n: number }>(`
        select count(*)::int as n from pg_index i where i.indrelid = ${t} and i.indisunique
           and not exists (select 1 from pg_attribute a where a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[]) and a.attname = 'tenant_id')`)).n).toBe(0);
      expect((await one<{ n: number }>(`
        select count(*)::int as n from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
         where i.indrelid = ${t} and a.attname = 'tenant_id'`)).n).toBeGreaterThan(0);
      expect((await one<{ fks: string[] }>(`
        select array_agg(pg_get_constraintdef(oid) order by 1) as fks from pg_constraint
         where conrelid = ${t} and contype = 'f' and confrelid <> 'app_public.tenants'::regclass`)).fks.every((fk) => fk.startsWith("FOREIGN KEY (tenant_id,"))).toBe(true);
      expect((await one<{ cmds: string[] }>(`
        select array_agg(distinct polcmd::text order by polcmd::text) as cmds from pg_policy
         where polrelid = ${t} and 'app_user'::regrole = any(polroles)`)).cmds).toEqual(["a", "d", "r", "w"]);
      expect((await one<{ granted: boolean }>(`
        select has_column_privilege('app_user', ${t}, 'tenant_id', 'INSERT') or has_column_privilege('app_user', ${t}, 'tenant_id', 'UPDATE') as granted`)).granted).toBe(false);
      expect((await one<{ comment: string }>(`select obj_description(${t}, 'pg_class') as comment`)).comment).toMatch(/^@primaryKey id\n/);
      expect((await one<{ audited: boolean }>(`
        select exists (select 1 from pg_trigger where tgrelid = ${t} and not tgisinternal and tgname ilike '%audit%') as audited`)).audited).toBe(true);
    });
  });
});
