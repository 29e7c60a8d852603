/**
 * Stops and restarts a real Postgres (a cluster of this file's own, so other
 * test files keep theirs) under a running server: 503s while it is down,
 * recovery without a restart when it is back.
 */
import { testUrls } from "../helpers/db";
import { spawnTestPostgres, type TestPostgres } from "../helpers/postgres";
import { startTestServer, type TestServer } from "../helpers/server";

let pg: TestPostgres;
let server: TestServer;
const QUERY = 'mutation { submitContactMessage(input: {name: "D", email: "d@example.com", message: "while down?"}) { result } }';

beforeAll(async () => {
  pg = await spawnTestPostgres("logicspike_down");
  server = await startTestServer({ urls: testUrls(pg.rootUrl, pg.templateDb, pg.ownerPassword, pg.authenticatorPassword) });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await pg?.destroy();
});

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

it("answers 503 while the database is down and recovers by itself when it returns", async () => {
  expect((await server.graphql(QUERY)).status).toBe(200);

  await pg.stop();
  const ready = await fetch(`${server.url}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ status: "unavailable", checks: { database: { ok: false } } });

  const down = await server.graphql(QUERY);
  expect(down.status).toBe(503);
  expect(down.headers.get("retry-after")).toBe("5");
  expect(down.body.errors?.[0]).toMatchObject({ extensions: { code: "DBDWN" } });
  expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200); // the process itself is fine

  await pg.start();
  const readyAgain = await eventually(() => fetch(`${server.url}/readyz`), (r) => r.status === 200);
  expect(readyAgain.status).toBe(200);
  const up = await eventually(() => server.graphql(QUERY), (r) => r.status === 200);
  expect(up.body).toEqual({ data: { submitContactMessage: { result: true } } });
});
