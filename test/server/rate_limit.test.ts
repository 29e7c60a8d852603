/**
 * Rate limits over real HTTP: headers, 429 RATLM, the keys (IP on /auth, user /
 * workspace / IP on GraphQL), limits from the workspace's `api` entitlement,
 * counters that survive a restart, the off switch. Every one of those runs
 * against both stores, app_private.rate_limits and a real redis-server
 * (test/helpers/redis.ts; missing redis-server fails the suite). Then per store:
 * counters two servers share, and the in-memory fallback when the store fails
 * (for Redis: stopped mid-run, a throttled warning and the failure metric,
 * then counting in Redis again once it is back).
 */
import { bearer, signUp, switchTenant, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { freePort } from "../helpers/postgres";
import { startTestRedis, type TestRedis } from "../helpers/redis";
import { startTestServer, type TestServer } from "../helpers/server";
import { spawnServerProcess } from "../helpers/serverProcess";
import { logger } from "../../core/logger";

const getDb = useTestDatabase();
const SMALL = { RATE_LIMIT_AUTH_PER_MINUTE: "3", RATE_LIMIT_GRAPHQL_PER_MINUTE: "3", RATE_LIMIT_TENANT_PER_MINUTE: "100" };
const QUERY = "{ __typename }";
let alice: TestUser; // workspace A
let bob: TestUser; // workspace B
let carol: TestUser & { tokenInA: string }; // member of workspace A as well

let redis: TestRedis;

type Counters = Array<{ key: string; points: number }>;
/** One shared store as the tests see it: how to point a server at it and what it holds. */
interface Store {
  name: string;
  env(): Record<string, string>;
  counters(): Promise<Counters>;
}
const postgres: Store = {
  name: "Postgres",
  env: () => ({}),
  counters: async () => (await getDb().ownerPool.query<Counters[number]>("select key, points from app_private.rate_limits order by key")).rows,
};
const redisStore: Store = {
  name: "Redis",
  env: () => ({ REDIS_URL: redis.url }),
  async counters() {
    const keys = (await redis.client.keys("*")).sort();
    const values = keys.length ? await redis.client.mget(...keys) : [];
    return keys.map((key, i) => ({ key, points: Number(values[i]) }));
  },
};
const STORES = [postgres, redisStore];
const resetCounters = async () => {
  await getDb().ownerPool.query("delete from app_private.rate_limits");
  await redis.client.flushall();
};

const remaining = (r: { headers: Headers }) => r.headers.get("ratelimit-remaining");
/** The store-failure counter from GET /metrics (loopback, no METRICS_TOKEN in tests). */
async function storeFailures(s: TestServer, store: "postgres" | "redis"): Promise<number> {
  const text = await (await fetch(`${s.url}/metrics`)).text();
  const line = new RegExp(`^logicspike_rate_limit_store_failures_total\\{store="${store}"\\} (\\d+)$`, "m").exec(text);
  return line ? Number(line[1]) : 0;
}
/** POST /auth/login with an empty body: 422 INVLD while under the limit, no password hashing. */
const loginAttempt = (s: TestServer) => s.post("/auth/login", {});

beforeAll(async () => {
  redis = await startTestRedis();
  const setup = await startTestServer(getDb()); // NODE_ENV=test defaults: limits the suite never reaches
  try {
    alice = await signUp(setup, { workspaceName: "Limited A" });
    bob = await signUp(setup, { workspaceName: "Limited B" });
    const c = await signUp(setup, { workspaceName: "Carol's own" });
    await getDb().ownerPool.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [alice.tenantId, c.userId]);
    carol = { ...c, tokenInA: await switchTenant(setup, c, alice.tenantId) };
  } finally {
    await setup.close();
  }
});
afterAll(() => redis?.destroy());
beforeEach(resetCounters);

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(STORES)("rate limits on auth routes (per client IP), $name store", (store) => {
  const start = (env: Record<string, string> = SMALL) => startTestServer(getDb(), { ...store.env(), ...env });

  it("sends RateLimit headers that count down, then refuses with 429 RATLM and Retry-After", async () => {
    server = await start();
    const seen: Array<string | null> = [];
    for (let i = 0; i < 3; i++) {
      const res = await loginAttempt(server);
      expect(res.status).toBe(422);
      expect(res.headers.get("ratelimit-limit")).toBe("3");
      expect(res.headers.get("ratelimit-policy")).toBe("3;w=60");
      expect(Number(res.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(1);
      expect(Number(res.headers.get("ratelimit-reset"))).toBeLessThanOrEqual(60);
      seen.push(remaining(res));
    }
    expect(seen).toEqual(["2", "1", "0"]);

    const refused = await loginAttempt(server);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: "RATLM", message: expect.stringMatching(/Too many requests/) } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(remaining(refused)).toBe("0");

    // The counter lives in this store (and only there), not in this process.
    expect(await store.counters()).toEqual([{ key: expect.stringMatching(/^auth:ip:.*127\.0\.0\.1$/), points: 4 }]);
    for (const other of STORES.filter((s) => s !== store)) expect(await other.counters()).toEqual([]);
    // GraphQL has its own buckets.
    expect((await server.graphql(QUERY)).status).toBe(200);
  });

  it("keeps counting across a server restart on the same store", async () => {
    server = await start();
    for (let i = 0; i < 3; i++) expect((await loginAttempt(server)).status).toBe(422);
    await server.close();
    server = await start();
    expect((await loginAttempt(server)).status).toBe(429);
  });

  it("covers every POST /auth route, service tokens included, in the same per-IP bucket", async () => {
    server = await start();
    expect((await loginAttempt(server)).status).toBe(422);
    expect((await server.post("/auth/refresh", { refreshToken: "nope", tokenTransport: "body" })).status).toBe(401);
    const token = await server.post("/auth/service-token", { grant_type: "client_credentials", client_id: "nobody", client_secret: "x" });
    expect({ status: token.status, remaining: remaining(token) }).toEqual({ status: 401, remaining: "0" });
    expect((await server.post("/auth/service-token", { grant_type: "client_credentials", client_id: "nobody", client_secret: "x" })).status).toBe(429);
  });

  it("believes X-Forwarded-For only from proxies TRUST_PROXY names", async () => {
    const fromProxy = (s: TestServer, ip: string) => s.post("/auth/login", {}, { "x-forwarded-for": ip });
    server = await start();
    // Untrusted: a client cannot pick a fresh bucket by sending the header.
    for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) expect((await fromProxy(server, ip)).status).toBe(422);
    expect((await fromProxy(server, "203.0.113.4")).status).toBe(429);
    await server.close();
    await resetCounters();
    server = await start({ ...SMALL, TRUST_PROXY: "loopback" });
    for (let i = 0; i < 3; i++) expect((await fromProxy(server, "203.0.113.9")).status).toBe(422);
    expect((await fromProxy(server, "203.0.113.9")).status).toBe(429);
    expect((await fromProxy(server, "198.51.100.7")).status).toBe(422);
    expect((await store.counters()).map((r) => r.key)).toEqual(["auth:ip:198.51.100.7", "auth:ip:203.0.113.9"]);
  });

  it("is off with RATE_LIMIT_ENABLED=false", async () => {
    server = await start({ ...SMALL, RATE_LIMIT_ENABLED: "false" });
    for (let i = 0; i < 5; i++) {
      const res = await loginAttempt(server);
      expect(res.status).toBe(422);
      expect(res.headers.get("ratelimit-limit")).toBeNull();
    }
    for (const s of STORES) expect(await s.counters()).toEqual([]);
  });
});

describe.each(STORES)("rate limits on GraphQL, $name store", (store) => {
  const start = (env: Record<string, string> = SMALL) => startTestServer(getDb(), { ...store.env(), ...env });

  it("gives each user their own bucket and answers 429 in the GraphQL error shape", async () => {
    server = await start();
    const seen: Array<string | null> = [];
    for (let i = 0; i < 3; i++) {
      const res = await server.graphql(QUERY, {}, bearer(alice.accessToken));
      expect(res.status).toBe(200);
      seen.push(remaining(res));
    }
    expect(seen).toEqual(["2", "1", "0"]);
    const refused = await server.graphql(QUERY, {}, bearer(alice.accessToken));
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: "RATLM", message: expect.any(String) } }] });
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    // Both limits are announced: the user's (3) and the workspace's (100).
    expect(refused.headers.get("ratelimit-policy")).toBe("3;w=60, 100;w=60");

    const other = await server.graphql(QUERY, {}, bearer(bob.accessToken));
    expect(other.status).toBe(200);
    expect(remaining(other)).toBe("2");
  });

  it("counts concurrent requests exactly (batched counter updates)", async () => {
    server = await start({ ...SMALL, RATE_LIMIT_GRAPHQL_PER_MINUTE: "5" });
    const results = await Promise.all(Array.from({ length: 8 }, () => server!.graphql(QUERY, {}, bearer(alice.accessToken))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(results.filter((r) => r.status === 200).map(remaining).sort()).toEqual(["0", "1", "2", "3", "4"]);
    expect(await store.counters()).toEqual([
      { key: `api:user:${alice.userId}`, points: 8 },
      { key: `tenant:${alice.tenantId}`, points: 8 },
    ]);
  });

  it("limits a workspace across all of its users", async () => {
    server = await start({ RATE_LIMIT_GRAPHQL_PER_MINUTE: "100", RATE_LIMIT_TENANT_PER_MINUTE: "4" });
    for (const token of [alice.accessToken, carol.tokenInA, alice.accessToken, carol.tokenInA]) {
      expect((await server.graphql(QUERY, {}, bearer(token))).status).toBe(200);
    }
    const refused = await server.graphql(QUERY, {}, bearer(carol.tokenInA));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit-limit")).toBe("4");
    expect((await server.graphql(QUERY, {}, bearer(carol.accessToken))).status).toBe(200); // carol in her own workspace
    expect((await server.graphql(QUERY, {}, bearer(bob.accessToken))).status).toBe(200);
  });

  it("takes the workspace limit from its `api` entitlement (requests_per_minute) when set", async () => {
    const db = getDb();
    await db.ownerPool.query("insert into app_public.services (key, name) values ('api', 'API') on conflict do nothing");
    await db.ownerPool.query(
      `insert into app_public.tenant_services (tenant_id, service, limits) values ($1, 'api', '{"requests_per_minute": 2}')`,
      [bob.tenantId],
    );
    try {
      server = await start({ RATE_LIMIT_GRAPHQL_PER_MINUTE: "100", RATE_LIMIT_TENANT_PER_MINUTE: "100" });
      for (let i = 0; i < 2; i++) expect((await server.graphql(QUERY, {}, bearer(bob.accessToken))).status).toBe(200);
      const refused = await server.graphql(QUERY, {}, bearer(bob.accessToken));
      expect(refused.status).toBe(429);
      expect(refused.headers.get("ratelimit-limit")).toBe("2");
      expect((await server.graphql(QUERY, {}, bearer(alice.accessToken))).headers.get("ratelimit-policy")).toBe("100;w=60, 100;w=60");
    } finally {
      await db.ownerPool.query("delete from app_public.tenant_services where service = 'api'");
    }
  });

  it("limits anonymous callers per IP", async () => {
    server = await start();
    for (let i = 0; i < 3; i++) expect((await server.graphql(QUERY)).status).toBe(200);
    const refused = await server.graphql(QUERY);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit-policy")).toBe("3;w=60");
    expect((await server.graphql(QUERY, {}, bearer(alice.accessToken))).status).toBe(200);
  });

  it("counts gateway routes (/svc/*) with GraphQL, before the gateway answers", async () => {
    server = await start();
    const svc = () => fetch(`${server!.url}/svc/nothing-here/ping`, { headers: bearer(alice.accessToken) });
    expect(remaining(await server.graphql(QUERY, {}, bearer(alice.accessToken)))).toBe("2");
    const statuses = [];
    for (let i = 0; i < 2; i++) statuses.push(remaining(await svc()));
    expect(statuses).toEqual(["1", "0"]);
    const refused = await svc();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: { code: "RATLM", message: expect.any(String) } });
  });
});

describe("the Postgres store", () => {
  it("keeps limiting in memory, instead of failing requests, when the Postgres store fails", async () => {
    const db = getDb();
    await db.superPool.query("alter table app_private.rate_limits rename to rate_limits_away");
    try {
      server = await startTestServer(db, SMALL);
      for (let i = 0; i < 3; i++) {
        const res = await server.graphql(QUERY, {}, bearer(alice.accessToken));
        expect(res.status).toBe(200);
        expect(remaining(res)).toBe(String(2 - i));
      }
      expect((await server.graphql(QUERY, {}, bearer(alice.accessToken))).status).toBe(429);
      expect(await storeFailures(server, "postgres")).toBe(8); // user and workspace counters, 4 requests
    } finally {
      await db.superPool.query("alter table app_private.rate_limits_away rename to rate_limits");
    }
  });

  it("shares counters between two server processes on one database", async () => {
    const env = { NODE_ENV: "test", LOG_LEVEL: "warn", MIGRATE_ON_START: "false", RATE_LIMIT_AUTH_PER_MINUTE: "4", RATE_LIMIT_GRAPHQL_PER_MINUTE: "4" };
    const [a, b] = [await spawnServerProcess(getDb().urls, env), await spawnServerProcess(getDb().urls, env)];
    try {
      const login = (url: string) => fetch(`${url}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      const auth = [await login(a.url), await login(b.url), await login(a.url), await login(b.url), await login(a.url)];
      expect(auth.map((r) => r.status)).toEqual([422, 422, 422, 422, 429]);
      expect(auth.map(remaining)).toEqual(["3", "2", "1", "0", "0"]);

      const gql = (url: string) =>
        fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...bearer(alice.accessToken) }, body: JSON.stringify({ query: QUERY }) });
      const api = [await gql(b.url), await gql(a.url), await gql(b.url), await gql(a.url), await gql(b.url)];
      expect(api.map((r) => r.status)).toEqual([200, 200, 200, 200, 429]);
      expect(api.map(remaining)).toEqual(["3", "2", "1", "0", "0"]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 120_000);
});

describe("the Redis store (REDIS_URL)", () => {
  const start = (env: Record<string, string> = SMALL) => startTestServer(getDb(), { ...env, REDIS_URL: redis.url });
  const login = async () => {
    const res = await loginAttempt(server!);
    return { status: res.status, remaining: remaining(res) };
  };

  it("shares counters between two servers on the same REDIS_URL, and leaves Postgres alone", async () => {
    const env = { ...SMALL, RATE_LIMIT_AUTH_PER_MINUTE: "4", RATE_LIMIT_GRAPHQL_PER_MINUTE: "4" };
    const [a, b] = [await start(env), await start(env)];
    try {
      const auth = [await loginAttempt(a), await loginAttempt(b), await loginAttempt(a), await loginAttempt(b), await loginAttempt(a)];
      expect(auth.map((r) => r.status)).toEqual([422, 422, 422, 422, 429]);
      expect(auth.map(remaining)).toEqual(["3", "2", "1", "0", "0"]);

      const gql = (s: TestServer) => s.graphql(QUERY, {}, bearer(alice.accessToken));
      const api = [await gql(b), await gql(a), await gql(b), await gql(a), await gql(b)];
      expect(api.map((r) => r.status)).toEqual([200, 200, 200, 200, 429]);
      expect(api.map(remaining)).toEqual(["3", "2", "1", "0", "0"]);

      expect(await redisStore.counters()).toEqual([
        { key: `api:user:${alice.userId}`, points: 5 },
        { key: expect.stringMatching(/^auth:ip:.*127\.0\.0\.1$/), points: 5 },
        { key: `tenant:${alice.tenantId}`, points: 5 },
      ]);
      expect(await postgres.counters()).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("keeps limiting in memory, without crashing, when Redis cannot be reached at start", async () => {
    server = await startTestServer(getDb(), { ...SMALL, REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    for (let i = 0; i < 3; i++) expect(await login()).toEqual({ status: 422, remaining: String(2 - i) });
    expect((await login()).status).toBe(429);
    expect(await storeFailures(server, "redis")).toBe(4);
    expect(await postgres.counters()).toEqual([]);
  });

  it("limits in memory while Redis is stopped (one warning, the failure metric), then counts in Redis again", async () => {
    server = await start();
    expect([await login(), await login()]).toEqual([{ status: 422, remaining: "2" }, { status: 422, remaining: "1" }]);
    expect(await redisStore.counters()).toEqual([{ key: expect.stringMatching(/^auth:ip:/), points: 2 }]);

    const warn = jest.spyOn(logger, "warn");
    try {
      await redis.stop();
      await new Promise((r) => setTimeout(r, 100)); // let the server's client see its socket close
      // Fresh per-process counters: neither 500 nor unlimited.
      const down = [];
      for (let i = 0; i < 4; i++) down.push(await login());
      expect(down).toEqual([
        { status: 422, remaining: "2" },
        { status: 422, remaining: "1" },
        { status: 422, remaining: "0" },
        { status: 429, remaining: "0" },
      ]);
      expect(await storeFailures(server, "redis")).toBe(4);
      // Connection errors and failed counts share one throttle: one line per 10 s, not one per request.
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][1]).toMatch(/Redis/);

      await redis.start(); // same port, empty (nothing persisted)
      // ioredis reconnects on its own (backoff up to 2 s); meanwhile the memory counter still refuses.
      const deadline = Date.now() + 10_000;
      let back = await login();
      while (back.status === 429 && Date.now() < deadline) {
        expect(back.remaining).toBe("0");
        await new Promise((r) => setTimeout(r, 100));
        back = await login();
      }
      expect(back).toEqual({ status: 422, remaining: "2" }); // the first count in the restarted Redis
      const failuresWhileDown = await storeFailures(server, "redis");
      expect([await login(), await login(), await login()]).toEqual([
        { status: 422, remaining: "1" },
        { status: 422, remaining: "0" },
        { status: 429, remaining: "0" },
      ]);
      expect(await redisStore.counters()).toEqual([{ key: expect.stringMatching(/^auth:ip:/), points: 4 }]);
      expect(await storeFailures(server, "redis")).toBe(failuresWhileDown);
    } finally {
      warn.mockRestore();
      await redis.start().catch(() => undefined); // for later tests, if this one failed while Redis was down
    }
  }, 30_000);
});
