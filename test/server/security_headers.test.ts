/**
 * helmet's headers on every kind of response: API, errors, health. HSTS only
 * in production; GraphiQL's relaxed CSP only on its own paths (its browser
 * test, test/browser/graphiql.test.ts, checks Ruru runs under it).
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;
let production: TestServer;
beforeAll(async () => {
  server = await startTestServer(getDb());
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  production = await startTestServer(getDb(), {
    NODE_ENV: "production",
    JWT_PRIVATE_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    REFRESH_TOKEN_SECRET: randomBytes(32).toString("base64url"),
    DATABASE_URL: getDb().urls.owner,
    PUBLIC_URL: "https://api.logicspike.test",
  });
});
afterAll(async () => {
  await server?.close();
  await production?.close();
});

const directives = (csp: string | null) =>
  Object.fromEntries((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));

describe.each([
  ["GraphQL", "POST", "/graphql", '{"query":"{ __typename }"}'],
  ["an auth route's error", "POST", "/auth/login", "{}"],
  ["a 404", "GET", "/no/such/page", undefined],
  ["health", "GET", "/healthz", undefined],
])("on %s", (_label, method, path, body) => {
  it("sends nosniff, deny framing, no referrer and a self-only CSP without inline script", async () => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { "content-type": "application/json" }, body });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-powered-by")).toBeNull();
    const csp = directives(res.headers.get("content-security-policy"));
    expect(csp).toMatchObject({
      "default-src": ["'self'"],
      "script-src": ["'self'"],
      "style-src": ["'self'"],
      "frame-ancestors": ["'none'"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'self'"],
    });
    expect(JSON.stringify(csp)).not.toMatch(/unsafe-(inline|eval)|\*/);
    // Development and test run on plain http: no HSTS, no upgrade-insecure-requests.
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(csp["upgrade-insecure-requests"]).toBeUndefined();
  });
});

it("sends HSTS (a year, subdomains) and, served over https, upgrade-insecure-requests in production", async () => {
  const res = await fetch(`${production.url}/healthz`);
  expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  expect(directives(res.headers.get("content-security-policy"))["upgrade-insecure-requests"]).toEqual([]);
  expect(res.headers.get("x-frame-options")).toBe("DENY");
});

it("does not upgrade subresources of a production server reached over plain http (a LAN deployment)", async () => {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const plain = await startTestServer(getDb(), {
    NODE_ENV: "production",
    JWT_PRIVATE_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    REFRESH_TOKEN_SECRET: randomBytes(32).toString("base64url"),
    DATABASE_URL: getDb().urls.owner,
    PUBLIC_URL: "http://192.168.1.20:3000",
  });
  try {
    const csp = directives((await fetch(`${plain.url}/healthz`)).headers.get("content-security-policy"));
    expect(csp["upgrade-insecure-requests"]).toBeUndefined();
    expect(csp["script-src"]).toEqual(["'self'"]);
  } finally {
    await plain.close();
  }
});

it("relaxes the CSP only for GraphiQL's own paths, still without framing or third-party hosts", async () => {
  const res = await fetch(`${server.url}/graphiql`); // 404 outside development, but the path's policy applies
  const csp = directives(res.headers.get("content-security-policy"));
  expect(csp["script-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  expect(csp["frame-ancestors"]).toEqual(["'none'"]);
  expect(csp["connect-src"]).toEqual(["'self'", "ws:", "wss:"]);
  const other = directives((await fetch(`${server.url}/graphiqlx`)).headers.get("content-security-policy"));
  expect(other["script-src"]).toEqual(["'self'"]);
});
