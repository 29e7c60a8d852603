/**
 * Machine-to-machine: client credentials become a short RS256 service token
 * (same JWKS, distinct typ and audience), which opens /internal/* but never
 * /graphql; a user token never opens /internal/*; the gateway key is the
 * other way in, compared exactly.
 */
import { randomBytes } from "node:crypto";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { bearer, decodeJwt, signUp } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

const GATEWAY_KEY = randomBytes(32).toString("hex");
const getDb = useTestDatabase();
let server: TestServer;
let secret: string;

const createClient = async (id: string, scopes: string[]) =>
  (await getDb().ownerPool.query<{ secret: string }>("select app_private.create_service_client($1, $2) as secret", [id, scopes])).rows[0].secret;

beforeAll(async () => {
  server = await startTestServer(getDb(), { GATEWAY_KEY });
  secret = await createClient("billing", ["invoices:read", "invoices:write"]);
});
afterAll(() => server?.close());

const tokenFor = async (id = "billing", s = secret) => {
  const res = await server.post("/auth/service-token", { grant_type: "client_credentials", client_id: id, client_secret: s });
  expect(res.status).toBe(200);
  return res.body.access_token as string;
};
const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as any };
};

describe("POST /auth/service-token", () => {
  it("trades client credentials for a short service token verifiable with the JWKS, with its own typ and audience", async () => {
    const res = await server.post("/auth/service-token", { grant_type: "client_credentials", client_id: "billing", client_secret: secret });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 300, scope: "invoices:read invoices:write" });
    const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(res.body.access_token, jwks, {
      algorithms: ["RS256"],
      issuer: "logicspike",
      audience: "logicspike:internal",
      typ: "svc+jwt",
    });
    expect(protectedHeader.typ).toBe("svc+jwt");
    expect(payload).toMatchObject({ sub: "billing", client_id: "billing", scope: "invoices:read invoices:write" });
    expect(payload.exp! - payload.iat!).toBe(300);
    // Not a user token: the user audience does not verify it.
    await expect(jwtVerify(res.body.access_token, jwks, { audience: "logicspike" })).rejects.toThrow();
  });

  it("accepts HTTP Basic with a form body, and narrows to the requested scopes", async () => {
    const res = await fetch(`${server.url}/auth/service-token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`billing:${secret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&scope=invoices%3Aread",
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.scope).toBe("invoices:read");
    expect(decodeJwt(body.access_token).payload.scope).toBe("invoices:read");
  });

  it("refuses scopes the client was not given with 403 DNIED", async () => {
    const res = await server.post("/auth/service-token", { grant_type: "client_credentials", client_id: "billing", client_secret: secret, scope: "invoices:read tenants:admin" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("DNIED");
  });

  it("answers a wrong secret, an unknown client and a revoked client the same way: 401 CLCRD", async () => {
    const wrong = await server.post("/auth/service-token", { grant_type: "client_credentials", client_id: "billing", client_secret: secret.slice(0, -1) + (secret.endsWith("0") ? "1" : "0") });
    const unknown = await server.post("/auth/service-token", { grant_type: "client_credentials", client_id: "nobody", client_secret: secret });
    const revokedSecret = await createClient("reports", ["reports:read"]);
    const before = await server.post("/auth/service-token", { grant_type: "client_credentials", client_id: "reports", client_secret: revokedSecret });
    expect(before.status).toBe(200);
    await getDb().ownerPool.query("select app_private.revoke_service_client('reports')");
    const revoked = await server.post("/auth/service-token", { grant_type: "client_credentials", client_id: "reports", client_secret: revokedSecret });
    for (const res of [wrong, unknown, revoked]) {
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: "CLCRD", message: expect.any(String) });
    }
    expect(unknown.body).toEqual(wrong.body);
  });

  it("refuses other grant types and missing credentials", async () => {
    const grant = await server.post("/auth/service-token", { grant_type: "password", client_id: "billing", client_secret: secret });
    expect([grant.status, grant.body.error.code]).toEqual([422, "INVLD"]);
    const missing = await server.post("/auth/service-token", { grant_type: "client_credentials" });
    expect([missing.status, missing.body.error.code]).toEqual([401, "CLCRD"]);
  });

  it("stores only a hash of the secret", async () => {
    const { rows } = await getDb().superPool.query("select encode(secret_hash, 'hex') as h from app_private.service_clients where id = 'billing'");
    expect(rows[0].h).toHaveLength(64);
    expect(rows[0].h).not.toContain(secret);
  });
});

describe("/internal/*", () => {
  it("tells a service-token caller who it is", async () => {
    const res = await get("/internal/whoami", bearer(await tokenFor()));
    expect(res).toEqual({ status: 200, body: { kind: "service", serviceId: "billing", scopes: ["invoices:read", "invoices:write"] } });
  });

  it("accepts the exact gateway key and refuses a wrong or missing one", async () => {
    expect(await get("/internal/whoami", { "x-gateway-key": GATEWAY_KEY })).toEqual({ status: 200, body: { kind: "gateway", serviceId: null, scopes: [] } });
    for (const wrong of [GATEWAY_KEY.slice(0, -1), `${GATEWAY_KEY}x`, GATEWAY_KEY.toUpperCase(), ""]) {
      const res = await get("/internal/whoami", { "x-gateway-key": wrong });
      expect([res.status, res.body.error.code]).toEqual([401, "BADTK"]);
    }
    const missing = await get("/internal/whoami");
    expect([missing.status, missing.body.error.code]).toEqual([401, "LOGIN"]);
  });

  it("refuses a user access token (401 BADTK)", async () => {
    const user = await signUp(server);
    const res = await get("/internal/whoami", bearer(user.accessToken));
    expect([res.status, res.body.error.code]).toEqual([401, "BADTK"]);
  });

  it("answers unknown internal routes with 404 only after authentication", async () => {
    expect((await get("/internal/nope")).status).toBe(401);
    const res = await get("/internal/nope", { "x-gateway-key": GATEWAY_KEY });
    expect([res.status, res.body.error.code]).toEqual([404, "NTFND"]);
  });
});

it("refuses a service token as a user token on /graphql and /svc/* (401 BADTK)", async () => {
  const serviceToken = await tokenFor();
  const res = await server.graphql("{ currentUser { rowId } }", {}, bearer(serviceToken));
  expect(res.status).toBe(401);
  expect(res.body.errors?.[0].extensions?.code).toBe("BADTK");
  const svc = await get("/svc/billing/x", bearer(serviceToken));
  expect([svc.status, svc.body.error.code]).toEqual([401, "BADTK"]);
});
