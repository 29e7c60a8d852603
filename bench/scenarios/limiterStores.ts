/**
 * Rate-limit stores: the rateLimit scenario's request (a signed-in GraphQL posts page, limits on but far too
 * high to trigger) against two servers on the same database, one counting in Redis (REDIS_URL set, a real
 * throwaway redis-server) and one in Postgres (REDIS_URL unset: two upserts into app_private.rate_limits per
 * request on the owner pool); rounds alternate. Goal: Redis >= 1.0x the Postgres store, i.e. not slower: the
 * Redis store exists to take the hot counter rows (row lock + WAL per request) off Postgres, so if it costs
 * throughput on one instance it buys nothing but the shared counters across instances.
 */
import { signUp } from "../../test/helpers/auth";
import { startTestRedis } from "../../test/helpers/redis";
import { startTestServer } from "../../test/helpers/server";
import { alternate, load, median, ratioResult, type BenchEnv, type BenchResult, type LoadResult } from "../lib";

const ROUNDS = Number(process.env.BENCH_RL_ROUNDS || 3);
const PAGE = 20;

export async function limiterStores(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  const setup = await startTestServer(db);
  const user = await signUp(setup, { workspaceName: "Bench Limiter Stores" });
  await setup.close();
  await db.superPool.query(
    `insert into app_public.posts (tenant_id, title, body, status)
     select $1, 'Post ' || g, repeat('lorem ipsum ', 20), 'draft' from generate_series(1, $2) g`,
    [user.tenantId, PAGE],
  );

  const redis = await startTestRedis();
  const limits = {
    RATE_LIMIT_ENABLED: "true",
    RATE_LIMIT_GRAPHQL_PER_MINUTE: "1000000000",
    RATE_LIMIT_TENANT_PER_MINUTE: "1000000000",
    RATE_LIMIT_AUTH_PER_MINUTE: "1000000000",
  };
  const inRedis = await startTestServer(db, { ...limits, REDIS_URL: redis.url });
  const inPg = await startTestServer(db, { ...limits, REDIS_URL: "" });
  try {
    const query = `{ posts(first: ${PAGE}, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { rowId title createdAt } } }`;
    const headers = { authorization: `Bearer ${user.accessToken}` };
    const [a, b] = [await inRedis.graphql(query, {}, headers), await inPg.graphql(query, {}, headers)];
    if (a.body.data?.posts?.nodes?.length !== PAGE || JSON.stringify(a.body) !== JSON.stringify(b.body)) {
      throw new Error(`limiterStores: servers disagree: ${JSON.stringify(a.body).slice(0, 300)} / ${JSON.stringify(b.body).slice(0, 300)}`);
    }
    if (!a.headers.get("ratelimit-limit") || !b.headers.get("ratelimit-limit")) throw new Error("limiterStores: a limiter is off");
    const { rows: before } = await db.superPool.query("select count(*)::int as n from app_private.rate_limits");
    if ((await redis.client.dbsize()) === 0) throw new Error("limiterStores: the Redis server holds no counters");

    const post = (url: string) =>
      load({ url: `${url}/graphql`, method: "POST", body: JSON.stringify({ query }), headers: { "content-type": "application/json", ...headers }, env });
    const runs: { redis: LoadResult[]; pg: LoadResult[] } = { redis: [], pg: [] };
    const [redisRps, pgRps] = await alternate(
      ROUNDS,
      async () => (runs.redis.push(await post(inRedis.url)), runs.redis.at(-1)!.requestsPerSecond),
      async () => (runs.pg.push(await post(inPg.url)), runs.pg.at(-1)!.requestsPerSecond),
    );
    if ([...runs.redis, ...runs.pg].some((r) => r.non2xx || r.errors)) throw new Error("limiterStores: bench requests failed (or were limited)");
    return [
      ratioResult({
        scenario: `rate-limit stores: GraphQL posts page of ${PAGE}, limiter counters in Redis vs Postgres`,
        metric: "req/s",
        value: redisRps,
        baselineName: "Postgres store (REDIS_URL unset)",
        baseline: pgRps,
        higherIsBetter: true,
        goal: 1,
        notes: `p99 ${median(runs.redis.map((r) => r.p99Ms))} ms vs ${median(runs.pg.map((r) => r.p99Ms))} ms; ${before[0].n} Postgres counter rows, ${await redis.client.dbsize()} Redis keys`,
      }),
    ];
  } finally {
    await Promise.all([inRedis.close(), inPg.close()]);
    await redis.destroy();
  }
}
