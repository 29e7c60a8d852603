/**
 * Rate-limit stores: the rateLimit scenario's request (a signed-in GraphQL posts page, limits on but far too
 * high to trigger) against two servers on the same database, one counting in Redis (REDIS_URL set, a real
 * throwaway redis-server) and one in Postgres (REDIS_URL unset: two upserts into app_private.rate_limits per
 * request on the owner pool); rounds alternate. Goal: Redis >= 1.0x the Postgres store, i.e. not slower: the
 * Redis store exists to take the hot counter rows (row lock + WAL per request) off Postgres, so if it costs
 * throughput on one instance it buys nothing but the shared counters across instances.
 *
 * A second result measures what the Redis store is for: the Postgres WAL each request writes (pg_current_wal_lsn
 * around every round, over the requests of that round). Goal: the Redis side writes at most a tenth of the
 * Postgres side's WAL per request (ratio >= 10). On one shared box the throughput goal is the hard one.
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
    const wal = { redis: { bytes: 0, requests: 0 }, pg: { bytes: 0, requests: 0 } };
    const lsn = async () => (await db.superPool.query<{ lsn: string }>("select pg_current_wal_lsn()::text as lsn")).rows[0].lsn;
    const measured = async (side: "redis" | "pg", url: string) => {
      const start = await lsn();
      const result = await post(url);
      const { rows } = await db.superPool.query<{ bytes: string }>("select pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::bigint as bytes", [start]);
      wal[side].bytes += Number(rows[0].bytes);
      wal[side].requests += result.total;
      runs[side].push(result);
      return result.requestsPerSecond;
    };
    const [redisRps, pgRps] = await alternate(ROUNDS, () => measured("redis", inRedis.url), () => measured("pg", inPg.url));
    const walPerRequest = (side: "redis" | "pg") => wal[side].bytes / Math.max(1, wal[side].requests);
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
      ratioResult({
        scenario: "rate-limit stores: Postgres WAL written per request, counters in Redis vs Postgres",
        metric: "WAL bytes/request",
        // at least one byte, so a side that writes none gives a finite ratio
        value: Math.max(1, Math.round(walPerRequest("redis"))),
        baselineName: "Postgres store (REDIS_URL unset)",
        baseline: Math.round(walPerRequest("pg")),
        higherIsBetter: false,
        goal: 10,
        notes: `${wal.redis.requests} vs ${wal.pg.requests} requests; raw ${walPerRequest("redis").toFixed(1)} vs ${walPerRequest("pg").toFixed(1)} bytes/request`,
      }),
    ];
  } finally {
    await Promise.all([inRedis.close(), inPg.close()]);
    await redis.destroy();
  }
}
