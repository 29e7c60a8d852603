/**
 * Rate limits over real HTTP, with counters in app_private.rate_limits: headers,
 * 429 RATLM, the keys (IP on /auth, user / workspace / IP on GraphQL), limits
 * from the workspace's `api` entitlement, counters that survive a restart and
 * that two server processes share, the in-memory fallback when the store
 * fails, the off switch, and (when redis-server is installed) the Redis store.
 */
import { execFileSync, spawn } from "node:child_process";
import { bearer, signUp, switchTenant, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { freePort } from "../helpers/postgres";
import { startTestServer, type TestServer } from "../helpers/server";
import { spawnServerProcess } from "../helpers/serverProcess";

const getDb = useTestDatabase();
const SMALL = { RATE_LIMIT_AUTH_PER_MINUTE: "3", RATE_LIMIT_GRAPHQL_PER_MINUTE: "3", RATE_LIMIT_TENANT_PER_MINUTE: "100" };
const QUERY = "{ __typename }";
let alice: TestUser; // workspace A
let bob: TestUser; // workspace B
let carol: TestUser & { tokenInA: string }; // member of workspace A as well

const remaining = (r: { headers: Headers }) => r.headers.get("ratelimit-remaining");
const resetCounters = () => getDb().ownerPool.query("delete from app_private.rate_limits");
/** POST /auth/login with an empty body: 422 INVLD while under the limit, no password hashing. */
const loginAttempt = (s: TestServer) => s.post("/auth/login", {});

beforeAll(async () => {
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
beforeEach(resetCounters);

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("rate limits on auth routes (per client IP)", () => {
  it("sends RateLimit headers that count down, then refuses with 429 RATLM and Retry-After", async () => {
    server = await startTestServer(getDb(), SMALL);
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

    // The counter lives in Postgres, not in this process.
    const { rows } = await getDb().ownerPool.query("select key, points from app_private.rate_limits where key like 'auth:ip:%'");
    expect(rows).toEqual([{ key: expect.stringMatching(/^auth:ip:.*127\.0\.0\.1$/), points: 4 }]);
    // GraphQL has its own buckets.
    expect((await server.graphql(QUERY)).status).toBe(200);
  });

  it("keeps counting across a server restart on the same database", async () => {
    server = await startTestServer(getDb(), SMALL);
    for (let i = 0; i < 3; i++) expect((await loginAttempt(server)).status).toBe(422);
    await server.close();
    server = await startTestServer(getDb(), SMALL);
    expect((await loginAttempt(server)).status).toBe(429);
  });

  it("covers every POST /auth route, service tokens included, in the same per-IP bucket", async () => {
    server = await startTestServer(getDb(), SMALL);
    expect((await loginAttempt(server)).status).toBe(422);
    expect((await server.post("/auth/refresh", { refreshToken: "nope", tokenTransport: "body" })).status).toBe(401);
    const token = await server.post("/auth/service-token", { grant_type: "client_credentials", client_id: "nobody", client_secret: "x" });
    expect({ status: token.status, remaining: remaining(token) }).toEqual({ status: 401, remaining: "0" });
    expect((await server.post("/auth/service-token", { grant_type: "client_credentials", client_id: "nobody", client_secret: "x" })).status).toBe(429);
  });

  it("believes X-Forwarded-For only from proxies TRUST_PROXY names", async () => {
    const fromProxy = (s: TestServer, ip: string) => s.post("/auth/login", {}, { "x-forwarded-for": ip });
    server = await startTestServer(getDb(), SMALL);
    // Untrusted: a client cannot pick a fresh bucket by sending the header.
    for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) expect((await fromProxy(server, ip)).status).toBe(422);
    expect((await fromProxy(server, "203.0.113.4")).status).toBe(429);
    await server.close();
    await resetCounters();
    server = await startTestServer(getDb(), { ...SMALL, TRUST_PROXY: "loopback" });
    for (let i = 0; i < 3; i++) expect((await fromProxy(server, "203.0.113.9")).status).toBe(422);
    expect((await fromProxy(server, "203.0.113.9")).status).toBe(429);
    expect((await fromProxy(server, "198.51.100.7")).status).toBe(422);
    const { rows } = await getDb().ownerPool.query("select key from app_private.rate_limits order by key");
    expect(rows.map((r) => r.key)).toEqual(["auth:ip:198.51.100.7", "auth:ip:203.0.113.9"]);
  });

  it("is off with RATE_LIMIT_ENABLED=false", async () => {
    server = await startTestServer(getDb(), { ...SMALL, RATE_LIMIT_ENABLED: "false" });
    for (let i = 0; i < 5; i++) {
      const res = await loginAttempt(server);
      expect(res.status).toBe(422);
      expect(res.headers.get("ratelimit-limit")).toBeNull();
    }
    expect((await getDb().ownerPool.query("select 1 from app_private.rate_limits")).rowCount).toBe(0);
  });
});

describe("rate limits on GraphQL", () => {
  it("gives each user their own bucket and answers 429 in the GraphQL error shape", async () => {
    server = await startTestServer(getDb(), SMALL);
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
    server = await startTestServer(getDb(), { ...SMALL, RATE_LIMIT_GRAPHQL_PER_MINUTE: "5" });
    const results = await Promise.all(Array.from({ length: 8 }, () => server!.graphql(QUERY, {}, bearer(alice.accessToken))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(results.filter((r) => r.status === 200).map(remaining).sort()).toEqual(["0", "1", "2", "3", "4"]);
    const { rows } = await getDb().ownerPool.query("select key, points from app_private.rate_limits order by key");
    expect(rows).toEqual([
      { key: `api:user:${alice.userId}`, points: 8 },
      { key: `tenant:${alice.tenantId}`, points: 8 },
    ]);
  });

  it("limits a workspace across all of its users", async () => {
    server = await startTestServer(getDb(), { RATE_LIMIT_GRAPHQL_PER_MINUTE: "100", RATE_LIMIT_TENANT_PER_MINUTE: "4" });
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
      server = await startTestServer(db, { RATE_LIMIT_GRAPHQL_PER_MINUTE: "100", RATE_LIMIT_TENANT_PER_MINUTE: "100" });
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
    server = await startTestServer(getDb(), SMALL);
    for (let i = 0; i < 3; i++) expect((await server.graphql(QUERY)).status).toBe(200);
    const refused = await server.graphql(QUERY);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit-policy")).toBe("3;w=60");
    expect((await server.graphql(QUERY, {}, bearer(alice.accessToken))).status).toBe(200);
  });

  it("counts gateway routes (/svc/*) with GraphQL, before the gateway answers", async () => {
    server = await startTestServer(getDb(), SMALL);
    const svc = () => fetch(`${server!.url}/svc/nothing-here/ping`, { headers: bearer(alice.accessToken) });
    expect(remaining(await server.graphql(QUERY, {}, bearer(alice.accessToken)))).toBe("2");
    const statuses = [];
    for (let i = 0; i < 2; i++) statuses.push(remaining(await svc()));
    expect(statuses).toEqual(["1", "0"]);
    const refused = await svc();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: { code: "RATLM", message: expect.any(String) } });
  });

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
    } finally {
      await db.superPool.query("alter table app_private.rate_limits_away rename to rate_limits");
    }
  });
});

describe("two server processes on one database", () => {
  it("share the same counters", async () => {
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

let redisServer: string | undefined;
try {
  redisServer = execFileSync("which", ["redis-server"], { encoding: "utf8" }).trim() || undefined;
} catch {
  redisServer = undefined;
}
const itWithRedis = redisServer ? it : it.skip;
if (!redisServer) console.warn("rate_limit.test.ts: no redis-server on PATH; skipping the Redis store test");

describe("the Redis store (REDIS_URL)", () => {
  it("keeps limiting in memory, without crashing, when Redis cannot be reached", async () => {
    server = await startTestServer(getDb(), { ...SMALL, REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    for (let i = 0; i < 3; i++) {
      const res = await loginAttempt(server);
      expect(res.status).toBe(422);
      expect(remaining(res)).toBe(String(2 - i));
    }
    expect((await loginAttempt(server)).status).toBe(429);
    expect((await getDb().ownerPool.query("select 1 from app_private.rate_limits")).rowCount).toBe(0);
  });

  itWithRedis("counts in Redis, across a restart, without touching Postgres (skipped when redis-server is not installed)", async () => {
    const port = await freePort();
    const redis = spawn(redisServer!, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    try {
      await new Promise((r) => setTimeout(r, 500));
      const env = { ...SMALL, REDIS_URL: `redis://127.0.0.1:${port}` };
      server = await startTestServer(getDb(), env);
      await new Promise((r) => setTimeout(r, 200)); // lazy connect
      for (let i = 0; i < 3; i++) expect((await loginAttempt(server)).status).toBe(422);
      await server.close();
      server = await startTestServer(getDb(), env);
      await new Promise((r) => setTimeout(r, 200));
      expect((await loginAttempt(server)).status).toBe(429);
      expect((await getDb().ownerPool.query("select 1 from app_private.rate_limits")).rowCount).toBe(0);
    } finally {
      redis.kill("SIGTERM");
    }
  });
});
