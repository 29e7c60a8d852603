/**
 * Foundation: a GraphQL list query (50 rows, anonymous) three ways, in the
 * same run, rotating which side goes first each round:
 *  - ours: the full stack (every installer of server/src/app.ts, PostGraphile
 *    with our plugins, the pgSettings transaction);
 *  - bare PostGraphile v5: the same presets, database and role settings,
 *    Express 4 + grafserv and nothing else (bench/barePostGraphile.ts);
 *  - raw pg: the same SQL in the same transaction shape (begin;
 *    set_config(role…); select; commit) behind bare node:http.
 * Goals: ours ≥ 0.5× raw pg, ours ≥ 0.9× bare PostGraphile.
 */
import { pgSettingsFor } from "../../core/tenancy";
import { startTestServer } from "../../test/helpers/server";
import { barePostGraphile } from "../barePostGraphile";
import { BENCH_LIST_QUERY, BENCH_LIST_ROWS, compareSides, createBenchItems, load, rawPgServer, sidesRatio, type BenchEnv, type BenchResult } from "../lib";

const ROWS = BENCH_LIST_ROWS;
const ROUNDS = Number(process.env.BENCH_GRAPHQL_ROUNDS || 3);

export async function graphqlVsRawPg(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  await createBenchItems(db);
  const server = await startTestServer(db);
  const bare = await barePostGraphile(db, pgSettingsFor(undefined));

  const sql = "select id, name from app_public.bench_items order by id limit $1";
  const raw = await rawPgServer(db.authPool, pgSettingsFor(undefined), async (client) => ({
    data: { benchItems: { nodes: (await client.query(sql, [ROWS])).rows } },
  }));

  try {
    const body = JSON.stringify({ query: BENCH_LIST_QUERY });
    const check = await server.graphql(BENCH_LIST_QUERY);
    if (check.body.data?.benchItems?.nodes?.length !== ROWS) throw new Error(`bench query is broken: ${JSON.stringify(check.body)}`);
    const bareCheck = await (await fetch(bare.url, { method: "POST", body, headers: { "content-type": "application/json" } })).json();
    if (JSON.stringify(bareCheck) !== JSON.stringify(check.body)) throw new Error(`bare PostGraphile answers differently: ${JSON.stringify(bareCheck).slice(0, 300)}`);

    const post = (url: string) => (durationSeconds?: number) => load({ url, method: "POST", body, headers: { "content-type": "application/json" }, env, durationSeconds });
    const sides = await compareSides(
      ROUNDS,
      [
        { name: "ours", run: post(`${server.url}/graphql`) },
        { name: "bare", run: post(bare.url) },
        { name: "raw", run: (durationSeconds) => load({ url: raw.url, env, durationSeconds }) },
      ],
      "graphqlVsRawPg",
    );
    return [
      sidesRatio(sides, "ours", "raw", { scenario: `GraphQL list (${ROWS} rows, anonymous) vs raw pg, same tx shape`, baselineName: "raw pg over node:http", goal: 0.5 }),
      sidesRatio(sides, "ours", "bare", { scenario: `GraphQL list (${ROWS} rows, anonymous): ours vs bare PostGraphile`, baselineName: "bare PostGraphile (amber + simplify, Express 4 + grafserv)", goal: 0.9 }),
      sidesRatio(sides, "bare", "raw", { scenario: `GraphQL list (${ROWS} rows, anonymous): bare PostGraphile vs raw pg (the engine's own cost)`, baselineName: "raw pg over node:http", reference: true }),
    ];
  } finally {
    await Promise.all([server.close(), bare.close(), raw.close()]);
  }
}
