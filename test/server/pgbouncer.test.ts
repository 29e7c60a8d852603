/**
 * The server behind a real pgbouncer in transaction mode (test/helpers/pgbouncer.ts): its owner and
 * authenticator pools go through the pooler, the direct URL (DATABASE_DIRECT_URL) carries the LISTENs of the
 * worker and of realtime. Sign-in, GraphQL reads and writes in two workspaces, a subscription and a webhook
 * delivery all work through it; restarting pgbouncer under load costs coded DBDWN answers at worst, never
 * another workspace's rows.
 */
// Read by @dataplan/pg when it loads (below, through the server): pgbouncer < 1.21 cannot carry prepared statements.
process.env.DATAPLAN_PG_PREPARED_STATEMENT_CACHE_SIZE = "0";

import { createClient } from "graphql-ws";
import WebSocket from "ws";
import type { Runner } from "graphile-worker";
import { loadConfig } from "../../core/config";
import { makePgPool } from "../../core/db/pool";
import { startWorker } from "../../functions/src/worker";
import { getDirectPgPool } from "../../server/src/http/installDatabasePools";
import { as, bearer, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startPgBouncer, type PgBouncer } from "../helpers/pgbouncer";
import { startTestServer, type TestServer } from "../helpers/server";
import { startReceiver, type Receiver } from "../helpers/webhooks";

let bouncer: PgBouncer;
let server: TestServer;
let worker: Runner | undefined;
let receiver: Receiver;
// Registered before useTestDatabase's hooks so that they run first: nothing may hold a connection when the database is dropped.
afterAll(async () => {
  await worker?.stop();
  await server?.close();
  await receiver?.close();
  await bouncer?.destroy();
});
const getDb = useTestDatabase();
let a: TestUser;
let b: TestUser;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CREATE_POST = `mutation($title: String!, $status: String) { createPost(input: { post: { title: $title, status: $status } }) { post { rowId tenantId } } }`;
const POSTS = `{ posts { nodes { rowId title tenantId } } }`;
const SERVER_ENV = { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" };

beforeAll(async () => {
  bouncer = await startPgBouncer(getDb().urls);
  receiver = await startReceiver();
  server = await startTestServer(bouncer, SERVER_ENV);
  a = await signUp(server, { workspaceName: "Bouncer A" });
  b = await signUp(server, { workspaceName: "Bouncer B" });
}, 60_000);

it("signs in and refreshes sessions through the pooler (the owner pool sends its named statements unnamed)", async () => {
  expect(a.tenantId).not.toBe(b.tenantId);
  // More concurrent sign-in round trips than pgbouncer has server connections per user, so they interleave.
  const refreshed = await Promise.all(
    Array.from({ length: 12 }, async () => {
      const u = await signUp(server);
      return server.post("/auth/refresh", { refreshToken: u.refreshToken });
    }),
  );
  expect(refreshed.map((r) => r.status)).toEqual(refreshed.map(() => 200));
});

it("keeps two workspaces apart in GraphQL reads and writes", async () => {
  const write = await as(server, a.accessToken)(CREATE_POST, { title: "only A", status: "draft" });
  expect(write.body.errors).toBeUndefined();
  await as(server, b.accessToken)(CREATE_POST, { title: "only B", status: "draft" });
  const [ra, rb] = await Promise.all([as(server, a.accessToken)(POSTS), as(server, b.accessToken)(POSTS)]);
  expect(ra.body.data!.posts.nodes.map((p: { title: string }) => p.title)).toEqual(["only A"]);
  expect(rb.body.data!.posts.nodes.map((p: { title: string }) => p.title)).toEqual(["only B"]);
});

it("delivers a subscription event over the direct LISTEN connection", async () => {
  const seen: unknown[] = [];
  const client = createClient({ url: `${server.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, connectionParams: bearer(a.accessToken), retryAttempts: 0 });
  try {
    const dispose = client.subscribe({ query: "subscription { workspaceEvent { type payload } }" }, { next: (r) => void seen.push(r.data), error: (e) => void seen.push(e), complete: () => {} });
    await sleep(500); // the LISTEN is issued once the subscription is planned
    await as(server, a.accessToken)(CREATE_POST, { title: "live", status: "published" });
    for (let i = 0; i < 50 && seen.length === 0; i++) await sleep(100);
    dispose();
    expect(seen).toEqual([{ workspaceEvent: { type: "blog.post.published", payload: expect.objectContaining({ title: "live" }) } }]);
  } finally {
    await client.dispose();
  }
});

it("delivers a webhook with the worker on the direct pool", async () => {
  const created = await as(server, b.accessToken)(
    `mutation($url: String!) { createWebhookEndpoint(input: { url: $url, eventTypes: ["blog.post.published"] }) { result { webhookEndpoint { rowId } } } }`,
    { url: receiver.url },
  );
  expect(created.body.errors).toBeUndefined();
  worker = await startWorker({ pgPool: getDirectPgPool(server.srv.app), concurrency: 2, pollInterval: 60_000, config: loadConfig({ ...process.env, ...SERVER_ENV, NODE_ENV: "test", LOG_LEVEL: "silent" }) });
  // pollInterval is a minute: the job is found through LISTEN/NOTIFY on the direct connection, or not in time.
  await as(server, b.accessToken)(CREATE_POST, { title: "hooked", status: "published" });
  for (let i = 0; i < 100 && receiver.received.length === 0; i++) await sleep(100);
  expect(receiver.received).toHaveLength(1);
  expect(JSON.parse(receiver.received[0].body)).toMatchObject({ type: "blog.post.published", data: expect.objectContaining({ title: "hooked" }) });
});

it("answers DBDWN at worst while pgbouncer restarts under load, recovers, and never shows another workspace's rows", async () => {
  const users = [a, b];
  const outcomes: string[] = [];
  let running = true;
  const load = users.flatMap((u, i) =>
    Array.from({ length: 4 }, async (_, j) => {
      const gql = as(server, u.accessToken);
      while (running) {
        const r = j === 0 ? await gql(CREATE_POST, { title: `load ${i}`, status: "draft" }) : await gql(POSTS);
        if (r.body.errors?.length) {
          outcomes.push(`${r.status} ${r.body.errors.map((e) => e.extensions?.code).join(",")}`);
          continue;
        }
        outcomes.push("ok");
        const tenants = j === 0 ? [r.body.data!.createPost.post.tenantId] : r.body.data!.posts.nodes.map((p: { tenantId: string }) => p.tenantId);
        for (const t of tenants) if (t !== u.tenantId) outcomes.push(`WRONG TENANT for ${u.email}`);
      }
    }),
  );
  await sleep(500);
  await bouncer.stop();
  await sleep(1000);
  await bouncer.start();
  // Until every kind of request has succeeded again after the restart.
  const restartedAt = outcomes.length;
  for (let i = 0; i < 150 && outcomes.slice(restartedAt).filter((o) => o === "ok").length < 40; i++) await sleep(100);
  running = false;
  await Promise.all(load);

  const failures = outcomes.filter((o) => o !== "ok");
  expect(failures.filter((o) => o.includes("WRONG TENANT"))).toEqual([]);
  expect(new Set(failures)).toEqual(new Set(failures.length ? ["503 DBDWN"] : []));
  expect(failures.length).toBeGreaterThan(0); // the restart was felt: the test is not vacuous
  expect(outcomes.slice(-8)).toEqual(Array(8).fill("ok"));
  const ready = await fetch(`${server.url}/readyz`);
  expect(ready.status).toBe(200);
}, 60_000);

it("runs named statements unnamed on a pool made for the pooler", async () => {
  const pool = makePgPool(bouncer.urls.owner, "test", { unnamedStatements: true, max: 8 });
  try {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => pool.query({ name: "test.echo", text: "select $1::int as n", values: [i] })));
    expect(results.map((r) => r.rows[0].n)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  } finally {
    await pool.end();
  }
});
