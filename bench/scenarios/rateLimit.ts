/**
 * Rate limiting: what the Postgres-backed limiter costs GraphQL. Two servers on
 * the same database, one with rate limits on (Postgres store, limits far too
 * high to trigger) and one with RATE_LIMIT_ENABLED=false, answer the same list
 * query as the same signed-in user; rounds alternate. With limits on, every
 * request makes two upserts into app_private.rate_limits (the user's and the
 * workspace's counter) on the owner pool: the worst case of one hot row each.
 * Goal: >= 0.7x the throughput without limits.
 */
import { signUp } from "../../test/helpers/auth";
import { startTestServer } from "../../test/helpers/server";
import { alternate, load, median, ratioResult, type BenchEnv, type BenchResult, type LoadResult } from "../lib";

const ROUNDS = Number(process.env.BENCH_RL_ROUNDS || 3);
const PAGE = 20;

export async function rateLimit(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  const setup = await startTestServer(db);
  const user = await signUp(setup, { workspaceName: "Bench Rate Limits" });
  await setup.close();
  await db.superPool.query(
    `insert into app_public.posts (tenant_id, title, body, status)
     select $1, 'Post ' || g, repeat('lorem ipsum ', 20), 'draft' from generate_series(1, $2) g`,
    [user.tenantId, PAGE],
  );

  const high = { RATE_LIMIT_GRAPHQL_PER_MINUTE: "1000000000", RATE_LIMIT_TENANT_PER_MINUTE: "1000000000", RATE_LIMIT_AUTH_PER_MINUTE: "1000000000" };
  const on = await startTestServer(db, { ...high, RATE_LIMIT_ENABLED: "true" });
  const off = await startTestServer(db, { RATE_LIMIT_ENABLED: "false" });
  try {
    const query = `{ posts(first: ${PAGE}, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { rowId title createdAt } } }`;
    const headers = { authorization: `Bearer ${user.accessToken}` };
    const [a, b] = [await on.graphql(query, {}, headers), await off.graphql(query, {}, headers)];
    if (a.body.data?.posts?.nodes?.length !== PAGE || JSON.stringify(a.body) !== JSON.stringify(b.body)) {
      throw new Error(`rateLimit: servers disagree: ${JSON.stringify(a.body).slice(0, 300)} / ${JSON.stringify(b.body).slice(0, 300)}`);
    }
    if (!a.headers.get("ratelimit-limit") || b.headers.get("ratelimit-limit")) throw new Error("rateLimit: limiter not on/off as configured");

    const post = (url: string) =>
      load({ url: `${url}/graphql`, method: "POST", body: JSON.stringify({ query }), headers: { "content-type": "application/json", ...headers }, env });
    const runs: { on: LoadResult[]; off: LoadResult[] } = { on: [], off: [] };
    const [onRps, offRps] = await alternate(
      ROUNDS,
      async () => (runs.on.push(await post(on.url)), runs.on.at(-1)!.requestsPerSecond),
      async () => (runs.off.push(await post(off.url)), runs.off.at(-1)!.requestsPerSecond),
    );
    if ([...runs.on, ...runs.off].some((r) => r.non2xx || r.errors)) throw new Error("rateLimit: bench requests failed (or were limited)");
    const { rows } = await db.superPool.query("select count(*)::int as n from app_private.rate_limits");
    return [
      ratioResult({
        scenario: `rate limits: GraphQL posts page of ${PAGE}, Postgres limiter (user + workspace counters) on vs off`,
        metric: "req/s",
        value: onRps,
        baselineName: "RATE_LIMIT_ENABLED=false",
        baseline: offRps,
        higherIsBetter: true,
        goal: 0.7,
        notes: `p99 ${median(runs.on.map((r) => r.p99Ms))} ms vs ${median(runs.off.map((r) => r.p99Ms))} ms; ${rows[0].n} counter rows`,
      }),
    ];
  } finally {
    await Promise.all([on.close(), off.close()]);
  }
}
