/**
 * Foundation: a GraphQL list query through the full stack (Express,
 * PostGraphile, pgSettings transaction) vs the same SQL through raw `pg` in
 * the same transaction shape (begin; set_config...; select; commit) behind a
 * bare node:http server. Both over HTTP with the same autocannon settings.
 */
import { pgSettingsFor } from "../../core/tenancy";
import { startTestServer } from "../../test/helpers/server";
import { load, ratioResult, rawPgServer, type BenchEnv, type BenchResult } from "../lib";

const ROWS = 50;

export async function graphqlVsRawPg(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  // A bench-only table in the throwaway database, with RLS as every real table has.
  await db.ownerPool.query(`
    create table app_public.bench_items (id serial primary key, name text not null, created_at timestamptz not null default now());
    insert into app_public.bench_items (name) select 'item ' || g from generate_series(1, 1000) g;
    alter table app_public.bench_items enable row level security;
    alter table app_public.bench_items force row level security;
    create policy select_all on app_public.bench_items for select using (true);
    grant select on app_public.bench_items to app_anonymous;
  `);
  const server = await startTestServer(db);

  const sql = "select id, name from app_public.bench_items order by id limit $1";
  const raw = await rawPgServer(db.authPool, pgSettingsFor(undefined), async (client) => ({
    data: { benchItems: { nodes: (await client.query(sql, [ROWS])).rows } },
  }));
  const rawUrl = raw.url;

  try {
    const query = JSON.stringify({ query: `{ benchItems(first: ${ROWS}, orderBy: PRIMARY_KEY_ASC) { nodes { id name } } }` });
    const check = await server.graphql(`{ benchItems(first: ${ROWS}, orderBy: PRIMARY_KEY_ASC) { nodes { id name } } }`);
    if (check.body.data?.benchItems?.nodes?.length !== ROWS) throw new Error(`bench query is broken: ${JSON.stringify(check.body)}`);

    const baseline = await load({ url: rawUrl, env });
    const gql = await load({ url: `${server.url}/graphql`, method: "POST", body: query, headers: { "content-type": "application/json" }, env });
    if (gql.non2xx || gql.errors || baseline.non2xx || baseline.errors) throw new Error("bench requests failed");
    return [
      ratioResult({
        scenario: "foundation: GraphQL list (50 rows) vs raw pg, same tx shape",
        metric: "req/s",
        value: gql.requestsPerSecond,
        baselineName: "raw pg over node:http",
        baseline: baseline.requestsPerSecond,
        higherIsBetter: true,
        notes: `p99 GraphQL ${gql.p99Ms} ms vs raw ${baseline.p99Ms} ms`,
      }),
    ];
  } finally {
    await server.close();
    await raw.close();
  }
}
