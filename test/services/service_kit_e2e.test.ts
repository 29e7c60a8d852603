/**
 * A service built on packages/service-kit, end to end: the example upstream (examples/blog-reactions)
 * runs as its own process behind the real gateway, and a request goes browser-side caller → gateway →
 * service → services API (meter, publish) → outbox → worker → a signed webhook at a local receiver.
 * Around it: the plan's limit refuses at the meter, a retry with the same Idempotency-Key applies once,
 * taking a reaction back releases the meter, and a request that skips the gateway is refused before
 * the service reads any identity header.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { as, bearer, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { freePort } from "../helpers/postgres";
import { startTestServer, type TestServer } from "../helpers/server";
import { drain, startReceiver, type Receiver } from "../helpers/webhooks";

const ROOT = path.join(__dirname, "..", "..");
const GATEWAY_KEY = randomBytes(32).toString("base64url");
const getDb = useTestDatabase();
let server: TestServer;
let service: { url: string; child: ChildProcess; output: () => string };
let receiver: Receiver;
let owner: TestUser;
let endpoint: { id: string; secret: string };

const sql = async (text: string, params: unknown[] = []) => (await getDb().superPool.query(text, params)).rows;
const reactionsUsed = async (tenantId: string) =>
  Number((await sql("select coalesce(sum(used), 0) as n from app_private.meter_counters where tenant_id = $1 and meter = 'blog.reactions'", [tenantId]))[0].n);
const reactedEvents = async (tenantId: string) =>
  (await sql("select id, payload from app_private.events where tenant_id = $1 and type = 'blog.post.reacted' order by occurred_at", [tenantId]));

async function viaGateway(method: string, p: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/svc/blog${p}`, {
    method,
    headers: { ...bearer(token), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function startService(port: number, platformUrl: string) {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "node"), ["--import", "tsx", path.join(ROOT, "examples", "blog-reactions", "server.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), GATEWAY_KEY, PLATFORM_URL: platformUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d));
  child.stderr!.on("data", (d: Buffer) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`example service exited (${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) throw new Error(`example service did not start:\n${out}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, output: () => out };
}

beforeAll(async () => {
  process.env.WEBHOOK_ALLOWED_HOSTS = "127.0.0.1"; // the worker's deliveries (runJobs reads process.env)
  const servicePort = await freePort();
  server = await startTestServer(getDb(), {
    GATEWAY_KEY,
    GATEWAY_ROUTES: JSON.stringify({ blog: `http://127.0.0.1:${servicePort}` }),
    WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
  });
  [service, receiver, owner] = await Promise.all([startService(servicePort, server.url), startReceiver(), signUp(server, { name: "Ada Owner", workspaceName: "Reactions Co" })]);
  const created = await as(server, owner.accessToken)(
    `mutation($url: String!) { createWebhookEndpoint(input: { url: $url, eventTypes: ["blog.post.reacted"] }) { result { secret webhookEndpoint { rowId } } } }`,
    { url: receiver.url },
  );
  expect(created.body.errors).toBeUndefined();
  const result = created.body.data!.createWebhookEndpoint.result;
  endpoint = { id: result.webhookEndpoint.rowId, secret: result.secret };
}, 90_000);

afterAll(async () => {
  delete process.env.WEBHOOK_ALLOWED_HOSTS;
  service?.child.kill("SIGTERM");
  await Promise.all([server?.close(), receiver?.close()]);
});

it("a reaction goes through the gateway to the service, is metered and published, and arrives as a signed webhook", async () => {
  const me = await viaGateway("GET", "/me", owner.accessToken);
  expect(me).toEqual({ status: 200, body: { userId: owner.userId, tenantId: owner.tenantId, workspace: "Reactions Co", name: "Ada Owner", canReact: true } });

  const reacted = await viaGateway("POST", "/posts/hello-world/reactions", owner.accessToken, { reaction: "love" });
  expect(reacted.status).toBe(201);
  expect(reacted.body).toMatchObject({ postId: "hello-world", reaction: "love", counts: { love: 1, like: 0 }, usage: { used: 1, limit: null, remaining: null } });
  expect(await reactionsUsed(owner.tenantId)).toBe(1);
  const events = await reactedEvents(owner.tenantId);
  expect(events).toEqual([{ id: reacted.body.eventId, payload: { postId: "hello-world", reaction: "love", userId: owner.userId, count: 1 } }]);

  const isOurs = (body: string) => JSON.parse(body).data?.postId === "hello-world";
  await drain(getDb(), async () => receiver.received.some((r) => isOurs(r.body)));
  const delivery = receiver.received.find((r) => isOurs(r.body))!;
  const verified = new Webhook(endpoint.secret).verify(delivery.body, {
    "webhook-id": String(delivery.headers["webhook-id"]),
    "webhook-timestamp": String(delivery.headers["webhook-timestamp"]),
    "webhook-signature": String(delivery.headers["webhook-signature"]),
  }) as { type: string; data: Record<string, unknown> };
  expect(verified).toMatchObject({ type: "blog.post.reacted", data: { postId: "hello-world", reaction: "love", userId: owner.userId } });

  const read = await viaGateway("GET", "/posts/hello-world/reactions", owner.accessToken);
  expect(read).toEqual({ status: 200, body: { postId: "hello-world", counts: { like: 0, love: 1, laugh: 0, insightful: 0 }, mine: ["love"] } });
});

it("a client's retry with the same Idempotency-Key counts and publishes once, even after the service restarted and forgot it", async () => {
  const before = { used: await reactionsUsed(owner.tenantId), events: (await reactedEvents(owner.tenantId)).length };
  const key = randomUUID();
  const first = await viaGateway("POST", "/posts/retry/reactions", owner.accessToken, { reaction: "like" }, { "idempotency-key": key });
  expect(first.status).toBe(201);
  // Say the answer was lost and the service crashed: the new process has no memory of the reaction.
  const port = Number(new URL(service.url).port);
  const exited = new Promise((resolve) => service.child.once("exit", resolve));
  service.child.kill("SIGKILL");
  await exited;
  service = await startService(port, server.url);
  const again = await viaGateway("POST", "/posts/retry/reactions", owner.accessToken, { reaction: "like" }, { "idempotency-key": key });
  expect(again.status).toBe(201);
  expect(again.body.eventId).toBe(first.body.eventId);
  expect(await reactionsUsed(owner.tenantId)).toBe(before.used + 1);
  expect((await reactedEvents(owner.tenantId)).length).toBe(before.events + 1);
});

it("taking a reaction back releases the meter", async () => {
  await viaGateway("POST", "/posts/undo/reactions", owner.accessToken, { reaction: "laugh" });
  const used = await reactionsUsed(owner.tenantId);
  const undone = await viaGateway("DELETE", "/posts/undo/reactions/laugh", owner.accessToken);
  expect(undone).toMatchObject({ status: 200, body: { counts: { laugh: 0 }, usage: { used: used - 1 } } });
  expect(await reactionsUsed(owner.tenantId)).toBe(used - 1);
  expect(await viaGateway("DELETE", "/posts/undo/reactions/laugh", owner.accessToken)).toMatchObject({ status: 400, body: { error: { code: "BADRQ" } } });
  expect(await reactionsUsed(owner.tenantId)).toBe(used - 1);
});

it("the plan's reactions limit refuses at the meter: 402 LIMIT, nothing counted or published", async () => {
  const other = await signUp(server, { workspaceName: "Small Plan" });
  await sql("update app_public.tenant_services set limits = limits || '{\"reactions\": 2}' where tenant_id = $1 and service = 'blog'", [other.tenantId]);
  for (const post of ["a", "b"]) expect((await viaGateway("POST", `/posts/${post}/reactions`, other.accessToken, { reaction: "like" })).status).toBe(201);
  const refused = await viaGateway("POST", "/posts/c/reactions", other.accessToken, { reaction: "like" });
  expect(refused).toMatchObject({ status: 402, body: { error: { code: "LIMIT" }, usage: { allowed: false, used: 2, limit: 2, remaining: 0 } } });
  expect(await reactionsUsed(other.tenantId)).toBe(2);
  expect((await reactedEvents(other.tenantId)).map((e) => e.payload.postId)).toEqual(["a", "b"]);
  // The second reaction crossed 80 % and 100 % at once: each announced once, and the refusal announced nothing more.
  expect((await sql("select payload->>'threshold' as t from app_private.events where tenant_id = $1 and type = 'usage.threshold_reached' and payload->>'meter' = 'blog.reactions' order by occurred_at", [other.tenantId])).map((r) => r.t))
    .toEqual(["80", "100"]);
  // The other workspace is untouched by this one's limit.
  expect((await viaGateway("POST", "/posts/c/reactions", owner.accessToken, { reaction: "like" })).status).toBe(201);
});

it("permissions come from the catalog's constants: an API key without blog:posts.read is refused by the service, one with it reads but may not react", async () => {
  const createKey = async (scopes: Record<string, string[]>) => {
    const res = await as(server, owner.accessToken)(
      `mutation($scopes: JSON) { createApiKey(input: { name: "svc", type: "secret", scopes: $scopes }) { result { secret } } }`, { scopes });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createApiKey.result.secret as string;
  };
  const writer = await createKey({ blog: ["write"] });
  const reader = await createKey({ blog: ["read"] });
  const used = await reactionsUsed(owner.tenantId);
  expect(await viaGateway("GET", "/posts/hello-world/reactions", writer)).toMatchObject({ status: 403, body: { error: { code: "DNIED", message: expect.stringContaining("blog:posts.read") } } });
  // (The owner reacted to post c since the service last restarted.)
  expect(await viaGateway("GET", "/posts/c/reactions", reader)).toMatchObject({ status: 200, body: { counts: { like: 1 }, mine: [] } });
  expect(await viaGateway("POST", "/posts/hello-world/reactions", reader, { reaction: "like" })).toMatchObject({ status: 403, body: { error: { code: "DNIED" } } });
  expect(await reactionsUsed(owner.tenantId)).toBe(used);
});

it("bad input is refused by the service with the platform's error shape, and counts nothing", async () => {
  const used = await reactionsUsed(owner.tenantId);
  expect(await viaGateway("POST", "/posts/hello-world/reactions", owner.accessToken, { reaction: "meh" })).toMatchObject({ status: 400, body: { error: { code: "BADRQ" } } });
  expect(await viaGateway("POST", "/posts/..%2F..%2Fetc/reactions", owner.accessToken, { reaction: "like" })).toMatchObject({ status: 400, body: { error: { code: "BADRQ" } } });
  expect(await reactionsUsed(owner.tenantId)).toBe(used);
});

it("a request that skips the gateway is refused before any identity header is read: forged key, no key, copied headers", async () => {
  const used = await reactionsUsed(owner.tenantId);
  const forged = { "x-user-id": owner.userId, "x-tenant-id": owner.tenantId, "x-user-permissions": "blog:posts.read", "content-type": "application/json" };
  for (const headers of [forged, { ...forged, "x-gateway-key": randomBytes(32).toString("base64url") }, { ...forged, "x-gateway-key": GATEWAY_KEY.slice(0, -1) }]) {
    const res = await fetch(`${service.url}/posts/x/reactions`, { method: "POST", headers, body: JSON.stringify({ reaction: "like" }) });
    expect({ status: res.status, body: await res.json() }).toMatchObject({ status: 401, body: { error: { code: "BADTK" } } });
  }
  expect(await reactionsUsed(owner.tenantId)).toBe(used);
  // And the gateway never forwards a client's own x-gateway-key or identity headers.
  const spoofed = await viaGateway("GET", "/me", owner.accessToken, undefined, { "x-user-id": randomUUID(), "x-gateway-key": "nope" });
  expect(spoofed).toMatchObject({ status: 200, body: { userId: owner.userId } });
});
