/**
 * CORS over real HTTP: which origins get CORS headers (CORS_ORIGINS exact and
 * wildcard entries, APP_URL, verified custom domains, same-origin), what a
 * preflight answers, and that a disallowed origin or preflight gets 403 NOCRS
 * without CORS headers and changes nothing. Start-up refuses a bad CORS_ORIGINS.
 */
import { loadConfig } from "../../core/config";
import { as, GOOD_PASSWORD, signUp, uniqueEmail } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;
const APP = "https://app.logicspike.test";
beforeAll(async () => {
  server = await startTestServer(getDb(), {
    APP_URL: APP,
    CORS_ORIGINS: "http://localhost:5173, https://*.partner.test",
    CORS_MAX_AGE_SECONDS: "900",
    API_KEY_CACHE_SECONDS: "0", // so a revoked key's sites lose CORS at once here
  });
});
afterAll(() => server?.close());

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;

function preflight(origin: string, method = "POST", headers = "content-type, authorization", path = "/graphql") {
  return fetch(`${server.url}${path}`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": headers },
  });
}

async function register(origin: string | undefined, email: string) {
  return fetch(`${server.url}/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(origin ? { origin } : {}) },
    body: JSON.stringify({ email, password: GOOD_PASSWORD, name: "Cors" }),
  });
}

/** `{ error }` on REST routes, GraphQL-shaped `{ errors: [...] }` on /graphql. */
async function refusal(res: Response): Promise<{ code?: string; message?: string }> {
  const body = (await res.json()) as any;
  return body.error ?? { code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message };
}

const corsHeaders = (res: Response) => [...res.headers.keys()].filter((h) => h.startsWith("access-control-"));

describe("allowed origins", () => {
  it.each([
    ["an exact CORS_ORIGINS entry", "http://localhost:5173"],
    ["a subdomain of a wildcard entry", "https://shop.partner.test"],
    ["a deeper subdomain of a wildcard entry", "https://a.b.partner.test"],
    ["APP_URL", APP],
  ])("answers a preflight from %s, cached, with credentials", async (_label, origin) => {
    const res = await preflight(origin);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(origin);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("access-control-max-age")).toBe("900");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(res.headers.get("vary")).toMatch(/origin/i);
  });

  it("lets an allowed origin register, sign in and query, reading the response headers it needs", async () => {
    const email = uniqueEmail("cors");
    const reg = await register("http://localhost:5173", email);
    expect(reg.status).toBe(202);
    expect(reg.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const login = await fetch(`${server.url}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://shop.partner.test" },
      body: JSON.stringify({ email, password: GOOD_PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get("access-control-allow-origin")).toBe("https://shop.partner.test");
    expect(login.headers.get("access-control-allow-credentials")).toBe("true");
    // A browser request defaults to the httpOnly refresh cookie: the token is not in the body.
    expect(login.headers.get("set-cookie")).toMatch(/ls_refresh=.*HttpOnly.*SameSite=Strict/i);
    const body = (await login.json()) as { accessToken: string; refreshToken?: string };
    expect(body.refreshToken).toBeUndefined();
    const gql = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:5173", authorization: `Bearer ${body.accessToken}` },
      body: JSON.stringify({ query: "{ currentUser { email } }" }),
    });
    expect(((await gql.json()) as any).data.currentUser.email).toBe(email);
    expect(gql.headers.get("access-control-expose-headers")).toMatch(/x-request-id/i);
  });

  it("allows a workspace's verified custom domain over https, not a pending one", async () => {
    const owner = await signUp(server);
    await q(
      `insert into app_public.custom_domains (tenant_id, hostname, status, verified_at) values ($1, 'portal.customer.test', 'verified', now()), ($1, 'pending.customer.test', 'pending', null)`,
      [owner.tenantId],
    );
    expect((await preflight("https://portal.customer.test")).headers.get("access-control-allow-origin")).toBe("https://portal.customer.test");
    expect((await preflight("http://portal.customer.test")).status).toBe(403);
    expect((await preflight("https://pending.customer.test")).status).toBe(403);
  });

  it("treats a page calling its own host as same-origin, and sends Vary: Origin on API answers without Origin", async () => {
    const host = new URL(server.url).host;
    const res = await register(`http://${host}`, uniqueEmail("same"));
    expect(res.status).toBe(202);
    const plain = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' });
    expect(plain.headers.get("vary")).toMatch(/origin/i);
    expect(corsHeaders(plain)).toEqual([]);
  });
});

describe("refused origins and preflights", () => {
  it.each([
    ["an unknown origin", "https://evil.test"],
    ["the apex of a wildcard entry", "https://partner.test"],
    ["a wildcard entry's host on another scheme", "http://shop.partner.test"],
    ["an exact entry on another port", "http://localhost:5174"],
    ["a look-alike suffix", "https://evilpartner.test"],
    ["the null origin (sandboxed frames, file://)", "null"],
    ["an origin with a path", "http://localhost:5173/app"],
  ])("refuses a preflight from %s with NOCRS and no CORS headers", async (_label, origin) => {
    const res = await preflight(origin);
    expect(res.status).toBe(403);
    expect(corsHeaders(res)).toEqual([]);
    expect((await refusal(res)).code).toBe("NOCRS");
  });

  it("refuses a preflight for a method or header we do not accept, from an allowed origin", async () => {
    const method = await preflight("http://localhost:5173", "PROPFIND");
    expect(method.status).toBe(403);
    expect(corsHeaders(method)).toEqual([]);
    expect(await refusal(method)).toMatchObject({ code: "NOCRS", message: expect.stringMatching(/PROPFIND method is not allowed/) });
    const header = await preflight("http://localhost:5173", "POST", "content-type, x-forwarded-for");
    expect(header.status).toBe(403);
    expect(await refusal(header)).toMatchObject({ code: "NOCRS", message: expect.stringMatching(/x-forwarded-for/) });
  });

  it("refuses the request itself from a disallowed origin, before it changes anything", async () => {
    const email = uniqueEmail("evil");
    const res = await register("https://evil.test", email);
    expect(res.status).toBe(403);
    expect(corsHeaders(res)).toEqual([]);
    expect(((await res.json()) as any).error.code).toBe("NOCRS");
    expect(await q("select 1 from app_public.users where email = $1", [email])).toEqual([]);

    // A GraphQL mutation with a stolen token, from a page on another origin: refused, nothing written.
    const owner = await signUp(server);
    const gql = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.test", authorization: `Bearer ${owner.accessToken}` },
      body: JSON.stringify({ query: `mutation { inviteMember(input: { email: "victim@example.com" }) { result { email } } }` }),
    });
    expect(gql.status).toBe(403);
    expect(((await gql.json()) as any).errors[0].extensions.code).toBe("NOCRS");
    expect(await q("select 1 from app_public.invitations where tenant_id = $1", [owner.tenantId])).toEqual([]);
    // The same call from nowhere (no Origin: a server) or an allowed origin works.
    expect((await as(server, owner.accessToken)(`{ currentTenant { rowId } }`)).body.data!.currentTenant.rowId).toBe(owner.tenantId);
  });

  it("leaves pages and health checks alone for GET, with no CORS headers outside the API", async () => {
    const res = await fetch(`${server.url}/healthz`, { headers: { origin: "https://evil.test" } });
    expect(res.status).toBeLessThan(400);
    expect(corsHeaders(res)).toEqual([]);
  });
});

describe("publishable keys keep their own domain lock on top", () => {
  it("refuses a pk_ key from an allowed origin outside the key's domains (KYORG)", async () => {
    const owner = await signUp(server);
    const created = await as(server, owner.accessToken)(
      `mutation { createApiKey(input: { name: "site", type: "publishable", allowedDomains: ["shop.partner.test"] }) { result { secret } } }`,
    );
    const pk = created.body.data!.createApiKey.result.secret as string;
    const call = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", origin, "x-api-key": pk },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
    expect((await call("https://shop.partner.test")).status).toBe(200);
    const other = await call("https://other.partner.test");
    expect(((await other.json()) as any).errors[0].extensions.code).toBe("KYORG");
    expect(other.headers.get("access-control-allow-origin")).toBe("https://other.partner.test"); // so the browser can read the reason
  });

  it("gives a live pk_ key's own sites CORS on /graphql and /svc, without credentials, and nothing else", async () => {
    const owner = await signUp(server);
    const site = `https://widget-${Date.now()}.site.test`;
    expect((await preflight(site)).status).toBe(403);
    const created = await as(server, owner.accessToken)(
      `mutation($d: [String]) { createApiKey(input: { name: "widget", type: "publishable", allowedDomains: $d }) { result { secret apiKey { rowId } } } }`,
      { d: [new URL(site).hostname] },
    );
    const { secret, apiKey } = created.body.data!.createApiKey.result;
    const res = await preflight(site);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(site);
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    const query = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: site, "x-api-key": secret },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(query.status).toBe(200);
    expect(query.headers.get("access-control-allow-origin")).toBe(site);
    expect(await query.json()).toEqual({ data: { __typename: "Query" } });
    // Not the auth routes: no sign-in, refresh or cookie from a key's site.
    expect((await preflight(site, "POST", "content-type", "/auth/refresh")).status).toBe(403);
    expect((await register(site, uniqueEmail("widget"))).status).toBe(403);
    // A wildcard entry covers subdomains, not the apex or look-alikes.
    await as(server, owner.accessToken)(
      `mutation { createApiKey(input: { name: "wild", type: "publishable", allowedDomains: ["*.wild.test"] }) { result { secret } } }`,
    );
    expect((await preflight("https://a.wild.test")).status).toBe(204);
    expect((await preflight("https://wild.test")).status).toBe(403);
    expect((await preflight("https://notwild.test")).status).toBe(403);
    // Revoked: its sites are refused again.
    await as(server, owner.accessToken)(`mutation($id: UUID!) { revokeApiKey(input: { apiKeyId: $id }) { clientMutationId } }`, { id: apiKey.rowId });
    expect((await preflight(site)).status).toBe(403);
  });
});

describe("CORS_ORIGINS at start-up", () => {
  it.each([
    ["*", /not allowed \(credentials need exact origins\)/],
    ["https://app.example.com/path", /is not an origin/],
    ["app.example.com", /is not an origin/],
    ["https://*.com", /parent domain of at least two labels/],
    ["ftp://files.example.com", /is not an origin/],
    ["https://user@app.example.com", /is not an origin/],
  ])("refuses %s with a message that shows the right form", (value, why) => {
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(why);
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/https:\/\/app\.example\.com or http:\/\/localhost:5173/);
  });

  it("accepts a list with spaces, commas and default ports", () => {
    expect(loadConfig({ CORS_ORIGINS: "https://a.example.com,  https://*.example.net http://localhost:5173 https://b.example.com:443" }).cors.origins).toEqual([
      { exact: "https://a.example.com" },
      { scheme: "https:", suffix: ".example.net", port: "" },
      { exact: "http://localhost:5173" },
      { exact: "https://b.example.com" },
    ]);
  });
});
