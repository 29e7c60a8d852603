/**
 * The API gateway against a real upstream: /svc/<name>/* is proxied with the
 * prefix removed, bodies stream through intact, the upstream sees only the
 * verified identity (never what the client claimed), and every refusal is
 * coded: 401 anonymous, 404 unknown service, 403 not entitled, 502 down.
 */
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { bearer, decodeJwt, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  length: number;
  sha256: string;
}

const GATEWAY_KEY = randomBytes(32).toString("hex");
const getDb = useTestDatabase();
let server: TestServer;
let upstream: http.Server;
let received: Received[] = [];
let user: TestUser;
let token: string;

async function listen(srv: http.Server | net.Server): Promise<number> {
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  return (srv.address() as AddressInfo).port;
}

const refresh = async (refreshToken: string) => {
  const res = await server.post("/auth/refresh", { refreshToken, tokenTransport: "body" });
  expect(res.status).toBe(200);
  return res.body as { accessToken: string; refreshToken: string };
};

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const hash = createHash("sha256");
    let length = 0;
    req.on("data", (chunk: Buffer) => {
      hash.update(chunk);
      length += chunk.length;
    });
    req.on("end", () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, rawHeaders: req.rawHeaders, length, sha256: hash.digest("hex") });
      res.writeHead(201, {
        "content-type": "application/json",
        "x-upstream": "crm",
        "set-cookie": "ls_refresh=planted; Path=/auth; HttpOnly",
        // An upstream that would open itself to every origin: the gateway's CORS policy must win.
        "access-control-allow-origin": "*",
        "access-control-allow-credentials": "true",
      });
      res.end(JSON.stringify({ ok: true, url: req.url }));
    });
  });
  const upstreamPort = await listen(upstream);
  // A port that was just free: connecting to it is refused.
  const probe = net.createServer();
  const deadPort = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));

  const db = getDb();
  await db.superPool.query(`insert into app_public.services (key, name) values ('crm', 'CRM'), ('down', 'Down'), ('unrouted', 'Unrouted')`);
  server = await startTestServer(db, {
    GATEWAY_KEY,
    GATEWAY_ROUTES: JSON.stringify({ crm: `http://127.0.0.1:${upstreamPort}`, down: `http://127.0.0.1:${deadPort}` }),
    CORS_ORIGINS: "https://frontend.test",
  });
  user = await signUp(server);
  await db.superPool.query(
    `insert into app_public.tenant_services (tenant_id, service) select $1, unnest(array['crm', 'down', 'unrouted'])`,
    [user.tenantId],
  );
  const next = await refresh(user.refreshToken);
  token = next.accessToken;
  user.refreshToken = next.refreshToken;
  expect(decodeJwt(token).payload.svc).toEqual(["blog", "crm", "down", "unrouted"]);
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => upstream?.close(resolve));
});
beforeEach(() => {
  received = [];
});

const call = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);

it("proxies /svc/<name>/* to the upstream with the prefix removed, query kept, response relayed", async () => {
  const res = await call("/svc/crm/contacts/42?include=notes&x=1", { method: "PATCH", headers: { ...bearer(token), "content-type": "application/json" }, body: '{"a":1}' });
  expect(res.status).toBe(201);
  expect(res.headers.get("x-upstream")).toBe("crm");
  expect(res.headers.get("set-cookie")).toBeNull(); // upstreams cannot set cookies on our origin
  expect(res.headers.get("access-control-allow-origin")).toBeNull(); // nor CORS headers: no Origin, no CORS
  expect(await res.json()).toEqual({ ok: true, url: "/contacts/42?include=notes&x=1" });
  expect(received).toHaveLength(1);
  expect(received[0]).toMatchObject({ method: "PATCH", url: "/contacts/42?include=notes&x=1", length: 7 });
  expect(received[0].sha256).toBe(createHash("sha256").update('{"a":1}').digest("hex"));

  await call("/svc/crm", { headers: bearer(token) });
  expect(received[1].url).toBe("/");
});

it("streams a large body through unchanged (no body parser in front, no body limit)", async () => {
  const body = randomBytes(1024 * 1024 + 17);
  const res = await call("/svc/crm/upload", { method: "POST", headers: { ...bearer(token), "content-type": "application/json" }, body });
  expect(res.status).toBe(201);
  expect(received[0].length).toBe(body.length);
  expect(received[0].sha256).toBe(createHash("sha256").update(body).digest("hex"));
});

it("sends the verified identity and the gateway key upstream, and none of the caller's credentials", async () => {
  const res = await call("/svc/crm/me", { headers: { ...bearer(token), cookie: "logicspike_refresh=secret", "proxy-authorization": "Basic Zm9vOmJhcg==" } });
  expect(res.status).toBe(201);
  const claims = decodeJwt(token).payload;
  const h = received[0].headers;
  expect(h["x-user-id"]).toBe(user.userId);
  expect(h["x-tenant-id"]).toBe(user.tenantId);
  expect(h["x-user-permissions"]).toBe((claims.perms as string[]).join(" "));
  expect(h["x-request-id"]).toBe(res.headers.get("x-request-id"));
  expect(h["x-gateway-key"]).toBe(GATEWAY_KEY);
  expect(h["x-api-key-id"]).toBeUndefined();
  expect(h.authorization).toBeUndefined();
  expect(h.cookie).toBeUndefined();
  expect(h["proxy-authorization"]).toBeUndefined();
});

it("identifies an API-key caller upstream by key id and workspace, without the key itself", async () => {
  const created = await server.graphql(
    `mutation { createApiKey(input: { name: "gateway test" }) { result { secret apiKey { rowId } } } }`,
    {},
    bearer(token),
  );
  expect(created.body.errors).toBeUndefined();
  const key = created.body.data?.createApiKey.result;
  expect(key?.secret).toMatch(/^ls_/);
  const res = await call("/svc/crm/from-a-key", { headers: { "x-api-key": key.secret } });
  expect(res.status).toBe(201);
  const h = received[0].headers;
  expect(h["x-api-key-id"]).toBe(key.apiKey.rowId);
  expect(h["x-tenant-id"]).toBe(user.tenantId);
  expect(h["x-user-id"]).toBeUndefined();
  expect(h["x-api-key"]).toBeUndefined();
  expect(JSON.stringify(received[0].rawHeaders)).not.toContain(key.secret);
});

it("lets a publishable key read through the gateway but never write", async () => {
  const created = await server.graphql(
    `mutation { createApiKey(input: { name: "browser", type: "publishable", scopes: { blog: ["read"] }, allowedDomains: ["app.example.com"] }) { result { secret } } }`,
    {},
    bearer(token),
  );
  expect(created.body.errors).toBeUndefined();
  const headers = { "x-api-key": created.body.data!.createApiKey.result.secret as string, origin: "https://app.example.com" };
  expect((await call("/svc/crm/catalog", { headers })).status).toBe(201);
  const write = await call("/svc/crm/orders", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: "{}" });
  expect({ status: write.status, code: ((await write.json()) as { error: { code: string } }).error.code }).toEqual({ status: 403, code: "DNIED" });
  expect(received.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /catalog"]);
});

/** Raw HTTP/1.1, so header case and duplicates reach our server exactly as written. */
function rawRequest(port: number, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write([...lines, "connection: close", "", ""].join("\r\n")));
    let data = "";
    socket.on("data", (d) => (data += d.toString()));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
  });
}

it("never lets smuggled trusted headers reach the upstream, in any case or number", async () => {
  const port = Number(new URL(server.url).port);
  const response = await rawRequest(port, [
    "GET /svc/crm/smuggle HTTP/1.1",
    "host: 127.0.0.1",
    `authorization: Bearer ${token}`,
    "X-User-Id: 00000000-0000-0000-0000-000000000001",
    "x-user-id: 00000000-0000-0000-0000-000000000002",
    "x-tenant-id: 00000000-0000-0000-0000-000000000003",
    "x-tenant-id: 00000000-0000-0000-0000-000000000004",
    "X-GATEWAY-KEY: forged",
    "x-user-permissions: tenant:admin billing:manage",
    "X-User-Permissions: everything",
    "X-Api-Key-Id: forged-key",
    "Connection: x-gateway-key",
  ]);
  expect(response).toMatch(/^HTTP\/1\.1 201/);
  expect(received).toHaveLength(1);
  const raw = received[0].rawHeaders;
  const values = (name: string) => raw.filter((_, i) => i % 2 === 1 && raw[i - 1].toLowerCase() === name);
  expect(values("x-user-id")).toEqual([user.userId]);
  expect(values("x-tenant-id")).toEqual([user.tenantId]);
  expect(values("x-gateway-key")).toEqual([GATEWAY_KEY]);
  expect(values("x-user-permissions")).toEqual([(decodeJwt(token).payload.perms as string[]).join(" ")]);
  expect(values("x-api-key-id")).toEqual([]);
  expect(values("x-request-id")).toEqual([/\r\nx-request-id: ([^\r]+)\r\n/i.exec(response)?.[1]]);
  expect(raw.join("\n")).not.toMatch(/forged|00000000-0000-0000-0000-00000000000[1-4]|tenant:admin billing|everything/);
});

it("refuses anonymous callers with 401 LOGIN, before revealing which services exist", async () => {
  for (const path of ["/svc/crm/x", "/svc/nope/x"]) {
    const res = await call(path, { method: "POST", body: "x" });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe("LOGIN");
  }
  const forged = await call("/svc/crm/x", { headers: bearer("not.a.token") });
  expect(forged.status).toBe(401);
  expect(((await forged.json()) as any).error.code).toBe("BADTK");
  expect(received).toEqual([]);
});

it("answers 404 NTFND for a service that has no route, even when the workspace is entitled to it", async () => {
  for (const path of ["/svc/nope/x", "/svc/unrouted/x", "/svc/", "/svc/__proto__/x", "/svc/constructor"]) {
    const res = await call(path, { headers: bearer(token) });
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe("NTFND");
  }
  expect(received).toEqual([]);
});

it("refuses a workspace that is not entitled to the service with 403 NOSVC, from its next token on", async () => {
  const db = getDb();
  await db.superPool.query("update app_public.tenant_services set enabled = false where tenant_id = $1 and service = 'crm'", [user.tenantId]);
  try {
    const next = await refresh(user.refreshToken);
    user.refreshToken = next.refreshToken;
    expect(decodeJwt(next.accessToken).payload.svc).not.toContain("crm");
    const res = await call("/svc/crm/contacts", { method: "POST", headers: bearer(next.accessToken), body: "{}" });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.code).toBe("NOSVC");
    expect(received).toEqual([]);
  } finally {
    await db.superPool.query("update app_public.tenant_services set enabled = true where tenant_id = $1 and service = 'crm'", [user.tenantId]);
  }
});

it("maps an unreachable upstream to 502 UPDWN without leaking the address", async () => {
  const res = await call("/svc/down/anything", { method: "POST", headers: bearer(token), body: "hello" });
  expect(res.status).toBe(502);
  const body = (await res.json()) as any;
  expect(body.error.code).toBe("UPDWN");
  expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
});

it("answers CORS for /svc itself: an allowed origin gets our headers, never the upstream's, and a foreign one reaches no upstream", async () => {
  const before = received.length;
  const ok = await call("/svc/crm/contacts", { headers: { ...bearer(token), origin: "https://frontend.test" } });
  expect(ok.status).toBe(201);
  expect(ok.headers.get("access-control-allow-origin")).toBe("https://frontend.test");
  expect(ok.headers.get("access-control-allow-credentials")).toBe("true");
  const foreign = await call("/svc/crm/contacts", { method: "POST", headers: { ...bearer(token), origin: "https://evil.test" }, body: "{}" });
  expect(foreign.status).toBe(403);
  expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe("NOCRS");
  expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  expect(received.length).toBe(before + 1);
});
