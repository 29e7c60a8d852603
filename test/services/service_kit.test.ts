/**
 * packages/service-kit against the real platform: the client with a service token (fetched, cached,
 * scoped), usage release and its refusals, the retention of idempotency keys, the Fetch-API
 * middleware with real Request objects, and the JWKS verifier for services outside the gateway,
 * with the same strict checks as the server and a key rotation picked up from the JWKS.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes, randomUUID } from "node:crypto";
import { calculateJwkThumbprint, exportJWK, exportPKCS8, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { PlatformClient, PlatformError, ServiceKitError } from "../../packages/service-kit/src";
import { withGateway } from "../../packages/service-kit/src/fetch";
import { createTokenVerifier } from "../../packages/service-kit/src/jwks";
import retention from "../../functions/src/tasks/services__retention";
import { loadConfig } from "../../core/config";
import { decodeJwt, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

const GATEWAY_KEY = randomBytes(32).toString("base64url");
const getDb = useTestDatabase();
let server: TestServer;
let owner: TestUser;
let viaGateway: PlatformClient;

const sql = async (text: string, params: unknown[] = []) => (await getDb().superPool.query(text, params)).rows;
const used = async (tenantId: string, meter: string) =>
  Number((await sql("select coalesce(sum(used), 0) as n from app_private.meter_counters where tenant_id = $1 and meter = $2", [tenantId, meter]))[0].n);
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof PlatformError || e instanceof ServiceKitError ? { status: e.status, code: e.code } : e));

beforeAll(async () => {
  server = await startTestServer(getDb(), { GATEWAY_KEY, GATEWAY_ROUTES: JSON.stringify({ blog: "http://127.0.0.1:9" }) });
  owner = await signUp(server, { name: "Kit Owner", workspaceName: "Kit Co" });
  viaGateway = new PlatformClient({ baseUrl: server.url, gatewayKey: GATEWAY_KEY, service: "blog" });
});
afterAll(() => server?.close());

describe("PlatformClient", () => {
  it("with client credentials fetches one service token, reuses it, and is held to its scopes", async () => {
    const secret = (await sql("select app_private.create_service_client('blog', $1) as s", [["internal:usage.read", "internal:workspace.read"]]))[0].s as string;
    let tokenFetches = 0;
    const counting: typeof fetch = (input, init) => {
      if (String(input).endsWith("/auth/service-token")) tokenFetches++;
      return fetch(input, init);
    };
    const client = new PlatformClient({ baseUrl: server.url, clientId: "blog", clientSecret: secret, fetch: counting });
    const ws = client.for(owner.tenantId);
    expect(await ws.settings()).toMatchObject({ id: owner.tenantId, name: "Kit Co", service: "blog", entitlements: { services: { blog: { enabled: true } } } });
    expect(await ws.usage("blog.reactions", 3)).toMatchObject({ meter: "blog.reactions", allowed: true, used: 0, limit: null, period: "month" });
    expect(tokenFetches).toBe(1);
    // Not granted: internal:usage.write, internal:members.read.
    expect(await refusal(ws.consume("blog.reactions", 1))).toEqual({ status: 403, code: "DNIED" });
    expect(await refusal(ws.member(owner.userId))).toEqual({ status: 403, code: "DNIED" });
    expect(await used(owner.tenantId, "blog.reactions")).toBe(0);
    // A wrong secret is the platform's refusal, not a crash.
    const wrong = new PlatformClient({ baseUrl: server.url, clientId: "blog", clientSecret: "nope" });
    expect(await refusal(wrong.for(owner.tenantId).settings())).toMatchObject({ status: 401 });
  });

  it("behind the gateway: members within the workspace only, and another workspace's data is out of reach", async () => {
    const ws = viaGateway.for({ tenantId: owner.tenantId, requestId: "req-kit-1" });
    expect(await ws.member(owner.userId)).toEqual({ userId: owner.userId, name: "Kit Owner", avatarUrl: null, role: "owner", permissions: expect.arrayContaining(["blog:posts.read"]), joinedAt: expect.any(String) });
    const stranger = await signUp(server, { workspaceName: "Elsewhere" });
    expect(await refusal(ws.member(stranger.userId))).toEqual({ status: 404, code: "NTFND" });
    // A workspace without the blog service: the service may not act for it.
    await sql("update app_public.tenant_services set enabled = false where tenant_id = $1 and service = 'blog'", [stranger.tenantId]);
    expect(await refusal(viaGateway.for(stranger.tenantId).consume("blog.reactions", 1))).toEqual({ status: 403, code: "NOSVC" });
    expect(await refusal(viaGateway.for(stranger.tenantId).publish("blog.post.reacted", { postId: "p", reaction: "like", userId: stranger.userId }))).toEqual({ status: 403, code: "NOSVC" });
    expect(await used(stranger.tenantId, "blog.reactions")).toBe(0);
  });

  it("refuses bad configuration at construction", () => {
    expect(() => new PlatformClient({ baseUrl: server.url, gatewayKey: "short", service: "blog" })).toThrow(/at least 32/);
    expect(() => new PlatformClient({ baseUrl: "", gatewayKey: GATEWAY_KEY, service: "blog" })).toThrow(/baseUrl/);
  });
});

describe("releasing usage (POST /internal/v1/usage/release)", () => {
  it("gives back on the service's own meter, never below zero, once per idempotency key", async () => {
    const ws = viaGateway.for(owner.tenantId);
    await ws.consume("blog.reactions", 5);
    expect(await ws.release("blog.reactions", 2, { idempotencyKey: "undo-1" })).toMatchObject({ allowed: true, replayed: false, used: 3 });
    expect(await ws.release("blog.reactions", 2, { idempotencyKey: "undo-1" })).toMatchObject({ replayed: true, used: 3 });
    expect(await refusal(ws.release("blog.reactions", 1, { idempotencyKey: "undo-1" }))).toEqual({ status: 409, code: "IDKEY" });
    expect(await ws.release("blog.reactions", 50)).toMatchObject({ used: 0, remaining: null });
    expect(await used(owner.tenantId, "blog.reactions")).toBe(0);
  });

  it("a key that consumed cannot release; platform meters, gauges, unknown meters and bad quantities are refused; nothing moves", async () => {
    const ws = viaGateway.for(owner.tenantId);
    await ws.consume("blog.reactions", 4, { idempotencyKey: "react-9" });
    await ws.record("storage.bytes", 1000);
    const before = { reactions: await used(owner.tenantId, "blog.reactions"), bytes: await used(owner.tenantId, "storage.bytes") };
    expect(await refusal(ws.release("blog.reactions", 4, { idempotencyKey: "react-9" }))).toEqual({ status: 409, code: "IDKEY" });
    expect(await refusal(ws.release("storage.bytes", 1000))).toEqual({ status: 403, code: "DNIED" });
    expect(await refusal(ws.release("api.calls", 1))).toEqual({ status: 403, code: "DNIED" });
    expect(await refusal(ws.release("blog.posts", 1))).toEqual({ status: 403, code: "DNIED" });
    expect(await refusal(ws.release("no.such", 1))).toEqual({ status: 422, code: "NOMTR" });
    for (const quantity of [0, -5, 1.5, 1e16]) expect(await refusal(ws.release("blog.reactions", quantity))).toEqual({ status: 422, code: "INVLD" });
    expect({ reactions: await used(owner.tenantId, "blog.reactions"), bytes: await used(owner.tenantId, "storage.bytes") }).toEqual(before);
  });

  it("falling back below 80 % re-arms the threshold: crossing it again announces again", async () => {
    const other = await signUp(server, { workspaceName: "Thresholds" });
    await sql("update app_public.tenant_services set limits = limits || '{\"reactions\": 10}' where tenant_id = $1 and service = 'blog'", [other.tenantId]);
    const ws = viaGateway.for(other.tenantId);
    const announced = async () => (await sql("select count(*)::int as n from app_private.events where tenant_id = $1 and type = 'usage.threshold_reached'", [other.tenantId]))[0].n;
    await ws.consume("blog.reactions", 8);
    expect(await announced()).toBe(1);
    await ws.release("blog.reactions", 3);
    await ws.consume("blog.reactions", 1);
    expect(await announced()).toBe(1);
    await ws.consume("blog.reactions", 2);
    expect(await announced()).toBe(2);
  });
});

it("services__retention removes idempotency keys older than the retention period, and only those", async () => {
  const ws = viaGateway.for(owner.tenantId);
  await ws.consume("api.calls", 1, { idempotencyKey: "old-call" });
  await ws.consume("api.calls", 1, { idempotencyKey: "new-call" });
  await sql("insert into app_public.event_types (key, description, schema, published_by) values ('blog.retention.probe', 'test', '{\"type\": \"object\"}', 'blog') on conflict do nothing");
  await ws.publish("blog.retention.probe", {}, { idempotencyKey: "old-event" });
  await ws.publish("blog.retention.probe", {}, { idempotencyKey: "new-event" });
  await sql("update app_private.meter_records set recorded_at = now() - interval '31 days' where tenant_id = $1 and idempotency_key = 'old-call'", [owner.tenantId]);
  await sql("update app_private.service_event_keys set created_at = now() - interval '31 days' where tenant_id = $1 and idempotency_key = 'old-event'", [owner.tenantId]);
  const calls = await used(owner.tenantId, "api.calls");

  const withPgClient = <T>(fn: (c: import("pg").PoolClient) => Promise<T>) => getDb().ownerPool.connect().then(async (c) => { try { return await fn(c); } finally { c.release(); } });
  const logs: string[] = [];
  await retention({}, { withPgClient, logger: { info: (m: string) => logs.push(m) } } as never, loadConfig({ ...process.env, SERVICES_IDEMPOTENCY_RETENTION_DAYS: "30" }));
  expect(logs).toEqual(["services__retention: removed 1 usage keys and 1 event keys older than 30 days"]);
  expect((await sql("select idempotency_key from app_private.meter_records where tenant_id = $1 and meter = 'api.calls' order by 1", [owner.tenantId])).map((r) => r.idempotency_key)).toEqual(["new-call"]);
  expect((await sql("select idempotency_key from app_private.service_event_keys where tenant_id = $1 order by 1", [owner.tenantId])).map((r) => r.idempotency_key)).toEqual(["new-event"]);
  // Counters are history, not keys: they stay.
  expect(await used(owner.tenantId, "api.calls")).toBe(calls);
  // Still within retention, the new key is a replay.
  expect(await ws.consume("api.calls", 1, { idempotencyKey: "new-call" })).toMatchObject({ replayed: true });
  await expect(retention({ retentionDays: 0 }, { withPgClient } as never, loadConfig())).rejects.toThrow("services__retention: invalid payload");
});

describe("withGateway (Fetch-API servers)", () => {
  const handler = withGateway({ gatewayKey: GATEWAY_KEY, client: new PlatformClient({ baseUrl: "http://127.0.0.1:9", gatewayKey: GATEWAY_KEY, service: "blog" }), onError: () => {} },
    async (request, { identity }) => {
      const action = new URL(request.url).pathname;
      if (action === "/write") identity.require("blog:posts.write");
      if (action === "/crash") throw new Error("secret detail");
      return Response.json({ userId: identity.userId, tenantId: identity.tenantId, canRead: identity.can("blog:posts.read"), requestId: identity.requestId });
    });
  const tenantId = randomUUID();
  const userId = randomUUID();
  const trusted = { "x-gateway-key": GATEWAY_KEY, "x-tenant-id": tenantId, "x-user-id": userId, "x-user-permissions": "blog:posts.read tenant:members.read", "x-request-id": "r1" };
  const call = async (path: string, headers: Record<string, string>) => {
    const res = await handler(new Request(`http://svc.local${path}`, { headers }));
    return { status: res.status, body: await res.json() };
  };

  it("gives the handler the typed identity from the gateway's headers", async () => {
    expect(await call("/read", trusted)).toEqual({ status: 200, body: { userId, tenantId, canRead: true, requestId: "r1" } });
  });

  it("refuses a missing or wrong gateway key, a request with no workspace and malformed headers, before the handler runs", async () => {
    const { "x-gateway-key": _key, ...noKey } = trusted;
    expect(await call("/read", noKey)).toMatchObject({ status: 401, body: { error: { code: "BADTK" } } });
    expect(await call("/read", { ...trusted, "x-gateway-key": GATEWAY_KEY.toUpperCase() })).toMatchObject({ status: 401, body: { error: { code: "BADTK" } } });
    const { "x-tenant-id": _t, ...noTenant } = trusted;
    expect(await call("/read", noTenant)).toMatchObject({ status: 401, body: { error: { code: "LOGIN" } } });
    expect(await call("/read", { ...trusted, "x-user-id": "' or 1=1" })).toMatchObject({ status: 400, body: { error: { code: "BADRQ" } } });
  });

  it("answers a missing permission with 403 DNIED and masks unexpected errors as 500 INTRN", async () => {
    expect(await call("/write", trusted)).toMatchObject({ status: 403, body: { error: { code: "DNIED", message: expect.stringContaining("blog:posts.write") } } });
    expect(await call("/crash", trusted)).toEqual({ status: 500, body: { error: { code: "INTRN", message: "Something went wrong on our side." } } });
  });

  it("refuses to start without a real gateway key", () => {
    expect(() => withGateway({ gatewayKey: "" }, async () => new Response())).toThrow(/gatewayKey/);
  });
});

describe("createTokenVerifier (services outside the gateway)", () => {
  let rotated: TestServer;
  let relay: http.Server;
  let jwksTarget: string;
  let jwksUrl: string;
  let keyA: { privateKey: CryptoKey; publicKey: CryptoKey };

  beforeAll(async () => {
    // Two platform processes on one database, before and after a key rotation (what `npm run keys:rotate` deploys):
    // the first signs with key A; the second with key B, still publishing A.
    const [a, b] = await Promise.all([generateKeyPair("RS256", { extractable: true }), generateKeyPair("RS256", { extractable: true })]);
    keyA = a;
    const REFRESH_TOKEN_SECRET = randomBytes(32).toString("base64url");
    await server.close();
    server = await startTestServer(getDb(), { GATEWAY_KEY, REFRESH_TOKEN_SECRET, JWT_PRIVATE_KEY: await exportPKCS8(a.privateKey) });
    rotated = await startTestServer(getDb(), {
      GATEWAY_KEY, REFRESH_TOKEN_SECRET, JWT_PRIVATE_KEY: await exportPKCS8(b.privateKey), JWT_PREVIOUS_PUBLIC_KEYS: JSON.stringify([await exportSPKI(a.publicKey)]),
    });
    // A JWKS address that first serves the old deployment's keys, then the new one's.
    jwksTarget = server.url;
    relay = http.createServer(async (_req, res) => {
      const upstream = await fetch(`${jwksTarget}/.well-known/jwks.json`);
      res.writeHead(upstream.status, { "content-type": "application/json" }).end(await upstream.text());
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    jwksUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(async () => {
    await rotated?.close();
    relay?.closeAllConnections();
    await new Promise((resolve) => relay?.close(resolve));
  });

  const config = () => loadConfig({ ...process.env, NODE_ENV: "test" });
  const tokenFrom = async (s: TestServer) => {
    const res = await s.post("/auth/login", { email: owner.email, password: owner.password, tokenTransport: "body" });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  };

  it("verifies the platform's access tokens into the same identity the gateway would give, and follows a key rotation", async () => {
    const verifier = createTokenVerifier({ jwksUrl, issuer: config().jwt.issuer, audience: config().jwt.audience, service: "blog", cooldownMs: 0 });
    const before = await tokenFrom(server);
    const v = await verifier.verify(before);
    expect(v.identity).toMatchObject({ userId: owner.userId, tenantId: owner.tenantId, apiKeyId: null });
    expect(v.identity.can("blog:posts.read")).toBe(true);
    expect(v.services).toContain("blog");
    expect(v.expiresAt.getTime()).toBe(decodeJwt(before).payload.exp * 1000);

    jwksTarget = rotated.url;
    const after = await tokenFrom(rotated);
    expect(decodeJwt(after).header.kid).not.toBe(decodeJwt(before).header.kid);
    expect((await verifier.verify(after)).identity.userId).toBe(owner.userId); // an unknown kid fetched the JWKS again
    expect((await verifier.verify(before)).identity.userId).toBe(owner.userId); // the previous key is still published
  });

  it("refuses what the server refuses: a forged signature, another audience, a service token, an expired token, a workspace not entitled", async () => {
    const { issuer, audience } = config().jwt;
    const verifier = createTokenVerifier({ jwksUrl, issuer, audience, cooldownMs: 0 });
    jwksTarget = rotated.url;
    const good = await tokenFrom(rotated);
    const [h, p, sig] = good.split(".");
    const claims = decodeJwt(good).payload;
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, perms: [...claims.perms, "tenant:delete"] })).toString("base64url");
    expect(await refusal(verifier.verify(`${h}.${forgedPayload}.${sig}`))).toEqual({ status: 401, code: "BADTK" });
    expect(await refusal(verifier.verify(`${h}.${p}.${sig.slice(0, -4)}AAAA`))).toEqual({ status: 401, code: "BADTK" });
    expect(await refusal(verifier.verify("a".repeat(9000)))).toEqual({ status: 401, code: "BADTK" });

    const stranger = await generateKeyPair("RS256");
    const selfSigned = await new SignJWT({ ...claims }).setProtectedHeader({ alg: "RS256", typ: "at+jwt", kid: decodeJwt(good).header.kid }).sign(stranger.privateKey);
    expect(await refusal(verifier.verify(selfSigned))).toEqual({ status: 401, code: "BADTK" });

    const elsewhere = createTokenVerifier({ jwksUrl, issuer, audience: "another-api", cooldownMs: 0 });
    expect(await refusal(elsewhere.verify(good))).toEqual({ status: 401, code: "BADTK" });

    const secret = (await sql("select app_private.create_service_client('blog', $1) as s", [["internal:usage.read"]]))[0].s as string;
    const svc = await rotated.post("/auth/service-token", { grant_type: "client_credentials", client_id: "blog", client_secret: secret });
    expect(await refusal(verifier.verify(svc.body.access_token))).toEqual({ status: 401, code: "BADTK" });

    const crm = createTokenVerifier({ jwksUrl, issuer, audience, service: "crm", cooldownMs: 0 });
    expect(await refusal(crm.verify(good))).toEqual({ status: 403, code: "NOSVC" });

    // Signed with the real (previous) key A, but past its exp: TKEXP, as the server says, so clients refresh.
    const kidA = await calculateJwkThumbprint(await exportJWK(keyA.publicKey));
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ ...claims, iat: now - 600, exp: now - 60 }).setProtectedHeader({ alg: "RS256", typ: "at+jwt", kid: kidA }).sign(keyA.privateKey);
    expect(await refusal(verifier.verify(expired))).toEqual({ status: 401, code: "TKEXP" });
    // The same key and a valid exp, but without the typ the server sets (what any RS256 JWT of ours would be).
    const untyped = await new SignJWT({ ...claims, iat: now, exp: now + 60 }).setProtectedHeader({ alg: "RS256", kid: kidA }).sign(keyA.privateKey);
    expect(await refusal(verifier.verify(untyped))).toEqual({ status: 401, code: "BADTK" });
    const typed = await new SignJWT({ ...claims, iat: now, exp: now + 60 }).setProtectedHeader({ alg: "RS256", typ: "at+jwt", kid: kidA }).sign(keyA.privateKey);
    expect((await verifier.verify(typed)).identity.userId).toBe(owner.userId); // (the control: only typ differed)
  });
});
