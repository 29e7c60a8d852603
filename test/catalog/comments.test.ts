/**
 * Every table in app_public and app_private says what it holds and who writes
 * it (`comment on table`). app_public comments become the GraphQL docs;
 * app_private ones are what an operator reads in psql and in db/schema.sql.
 */
import { useTestDatabase } from "../helpers/db";

const getDb = useTestDatabase();

describe("table comments", () => {
  it("exist for every table in app_public and app_private", async () => {
    const { rows } = await getDb().superPool.query<{ name: string; comment: string | null }>(`
      select n.nspname || '.' || c.relname as name, obj_description(c.oid, 'pg_class') as comment
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('app_public', 'app_private') and c.relkind in ('r', 'p')
       order by 1`);
    expect(rows.length).toBeGreaterThan(20); // the check below is not vacuous
    expect(rows.filter((r) => !r.comment?.trim()).map((r) => r.name)).toEqual([]);
  });
});
