import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;

beforeAll(async () => {
  // A function that fails with an error we do not translate, to prove masking. Created
  // before the server starts so PostGraphile exposes it.
  await getDb().ownerPool.query(`
    create function app_public.explode() returns int as $$ select 1 / 0 $$ language sql volatile;
    grant execute on function app_public.explode() to app_anonymous;`);
  server = await startTestServer(getDb());
});
afterAll(() => server?.close());

describe("HTTP basics", () => {
  it("answers /healthz without touching the database", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("answers /readyz 200 when the database is reachable and fully migrated", async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(await res.json()).toEqual({
      status: "ready",
      checks: { database: { ok: true }, migrations: { ok: true }, workers: { ok: true, detail: expect.stringMatching(/^\d+ alive$/) } },
    });
    expect(res.status).toBe(200);
  });

  it("answers /readyz 503 naming the problem when migrations are behind", async () => {
    await getDb().superPool.query("alter table graphile_migrate.migrations rename to migrations_hidden");
    try {
      const res = await fetch(`${server.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "unavailable", checks: { database: { ok: true }, migrations: { ok: false } } });
    } finally {
      await getDb().superPool.query("alter table graphile_migrate.migrations_hidden rename to migrations");
    }
  });

  it("gives unknown routes a coded JSON 404", async () => {
    const res = await fetch(`${server.url}/no/such/route`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: { code: "NTFND", message: "There is no GET /no/such/route here." } });
  });

  it("echoes a request id on every response, keeping a well-formed incoming one", async () => {
    const mine = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "req-1234567890" } });
    expect(mine.headers.get("x-request-id")).toBe("req-1234567890");
    const bad = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "<script>" } });
    expect(bad.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers malformed GraphQL with 400 and a GraphQL error, not a stack trace", async () => {
    const res = await server.graphql("{ __typename ");
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].message).toMatch(/Syntax Error/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it("answers a body that is not JSON with 400", async () => {
    const res = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/"errors"/);
  });

  it("answers a body over the limit with 413", async () => {
    const big = "x".repeat(200_000);
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ __typename } # ${big}` }),
    });
    expect(res.status).toBe(413);
  });

  it("masks unexpected errors with a reference id and no internal detail", async () => {
    const res = await server.graphql("mutation { explode(input: {}) { result } }");
    const error = res.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: "INTRN", errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(error?.message).toContain(error?.extensions?.errorId);
    expect(JSON.stringify(res.body)).not.toMatch(/division|22012/);
  });

  it("does not serve Ruru outside development", async () => {
    expect((await fetch(`${server.url}/graphiql`)).status).toBe(404);
  });

  it("closes its pools on shutdown", async () => {
    const extra = await startTestServer(getDb());
    await extra.close();
    expect(extra.srv.ctx.rootPgPool.ended).toBe(true);
    expect(extra.srv.ctx.authPgPool.ended).toBe(true);
  });
});
