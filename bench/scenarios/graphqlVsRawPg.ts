/**
 * Foundation: a GraphQL list query through the full stack (Express,
 * PostGraphile, pgSettings transaction) vs the same SQL through raw `pg` in
 * the same transaction shape (begin; set_config...; select; commit) behind a
 * bare node:http server. Both over HTTP with the same autocannon settings.
 */
import { pgSettingsFor } from "../../core/tenancy";
import { startTestServer } from "../../test/helpers/server";
import { BENCH_LIST_QUERY, BENCH_LIST_ROWS, createBenchItems, load, ratioResult, rawPgServer, type BenchEnv, type BenchResult } from "../lib";

const ROWS = BENCH_LIST_ROWS;

export async function graphqlVsRawPg(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  await createBenchItems(db);
  const server = await startTestServer(db);

  const sql = "select id, name from app_public.bench_items order by id limit $1";
  const raw = await rawPgServer(db.authPool, pgSettingsFor(undefined), async (client) => ({
    data: { benchItems: { nodes: (await client.query(sql, [ROWS])).rows } },
  }));
  const rawUrl = raw.url;

  try {
    const query = JSON.stringify({ query: BENCH_LIST_QUERY });
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
