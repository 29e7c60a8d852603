/**
 * One spelling per path (server/src/http/requestPath.ts, installCanonicalPath):
 * case, doubled and trailing slashes, percent-encoded letters and the
 * absolute form all reach the same limit and the same checks as the plain
 * path; dot segments, malformed `%` and `\` are refused; an encoded `/`
 * (%2F) never splits a segment, so it finds no route. Requests go out over
 * node:http, which sends the path as written (fetch would resolve `.`/`..`).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { bearer, signUp } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";
import { canonicalTarget, isApiLimited, isAuthLimited, serviceRoute } from "../../server/src/http/requestPath";

describe("canonicalTarget", () => {
  it.each([
    ["/graphql", "/graphql"],
    ["/GraphQL", "/graphql"],
    ["//graphql//", "/graphql"],
    ["/graphql/", "/graphql"],
    ["/%67raphql", "/graphql"],
    ["/%47RAPHQL?X=%41&y=B", "/graphql?X=%41&y=B"], // the query is kept byte for byte
    ["/auth/%6Cogin/", "/auth/login"],
    ["/%61uth//LOGIN", "/auth/login"],
    ["/AUTH/Google/Callback?code=AbC&state=X", "/auth/google/callback?code=AbC&state=X"],
    ["/Internal/WhoAmI", "/internal/whoami"],
    ["/Webhooks/Razorpay", "/webhooks/razorpay"],
    ["/SVC/CRM/Contacts/AbC/", "/svc/crm/Contacts/AbC/"], // the upstream's path keeps its case and trailing slash
    ["/svc/crm/", "/svc/crm"],
    ["//svc//crm//a//b", "/svc/crm/a/b"],
    ["/svc/%63rm/%41b%2fc%3f", "/svc/crm/Ab%2Fc%3F"],
    ["/svc%2Fcrm/x", "/svc%2Fcrm/x"], // not /svc: no route, no segment split
    ["/auth/login%2f", "/auth/login%2F"],
    ["/auth/LOGIN%2fx", "/auth/login%2Fx"], // lower-cased without touching the hex
    ["/%2525", "/%2525"], // decoded once: %25 stays encoded
    ["/Verify-Email/", "/Verify-Email"], // pages keep their case
    ["/%7Euser/%41", "/~user/A"],
    ["/", "/"],
    ["//", "/"],
    ["/graphql#fragment", "/graphql"],
    ["/graphql?a=1#fragment", "/graphql?a=1"],
    // The absolute form keeps its origin (Express's router depends on it) and routes on the path.
    ["http://example.com/GraphQL?x", "http://example.com/graphql?x", "/graphql"],
    ["http://example.com", "http://example.com/", "/"],
    ["https://example.com?x=1", "https://example.com/?x=1", "/"],
  ])("%s is %s", (target, url, path = url.split("?")[0]) => {
    expect(canonicalTarget(target)).toEqual({ url, path });
  });

  it.each(["/./graphql", "/x/../graphql", "/%2e%2e/graphql", "/graphql/.", "/svc/crm/../blog", "/svc/crm/%2E/x", "/a%zz", "/a%4", "/a%", "/auth\\login", "*", "graphql", "/a\u00a0b", "/graphql?a=\u00a0", "http://a\\b/graphql"])(
    "refuses %j",
    (target) => {
      expect(canonicalTarget(target)).toEqual({ refused: expect.any(String) });
    },
  );

  it("answers already-canonical targets without the general rules, and the general rules agree", () => {
    // An empty query (`?`) sends the same path through the general rules.
    for (const target of ["/graphql", "/auth/login", "/auth/mfa/totp/enroll", "/svc/crm/contacts", "/healthz", "/sign-in", "/x_y-z/0"]) {
      expect(canonicalTarget(target)).toEqual({ url: target, path: target });
      expect(canonicalTarget(`${target}?`)).toEqual({ url: `${target}?`, path: target });
    }
  });

  it("limits exactly the canonical prefixes", () => {
    expect(["/graphql", "/svc", "/svc/crm", "/svc/crm/a/"].every(isApiLimited)).toBe(true);
    expect(["/graphiql", "/graphql/x", "/svcx", "/svc%2Fcrm", "/auth/login"].some(isApiLimited)).toBe(false);
    // The storage API is limited in every spelling that reaches it: /storage is lower-cased like /auth.
    expect(["/storage/v1/files", "/storage/v1/files/0b5e/url"].every(isApiLimited)).toBe(true);
    expect(["/storage/v1/filesx", "/storage/v1/object/public/a/b"].some(isApiLimited)).toBe(false);
    expect(canonicalTarget("/STORAGE/V1/Files/")).toEqual({ url: "/storage/v1/files", path: "/storage/v1/files" });
    expect(isAuthLimited("POST", "/auth/login") && isAuthLimited("POST", "/auth") && isAuthLimited("POST", "/auth/login%2F")).toBe(true);
    expect(isAuthLimited("GET", "/auth/login") || isAuthLimited("POST", "/authx") || isAuthLimited("POST", "/auth%2Flogin")).toBe(false);
    expect([serviceRoute("/svc"), serviceRoute("/svc/crm"), serviceRoute("/svc/crm/A/b/"), serviceRoute("/graphql")]).toEqual([
      { service: "", rest: "/" },
      { service: "crm", rest: "/" },
      { service: "crm", rest: "/A/b/" },
      undefined,
    ]);
  });
});

describe("over HTTP", () => {
  const getDb = useTestDatabase();
  let server: TestServer;
  let upstream: http.Server;
  let received: string[] = [];
  let token: string;

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      received.push(req.url!);
      res.writeHead(201, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const db = getDb();
    await db.superPool.query("insert into app_public.services (key, name) values ('crm', 'CRM')");
    const env = {
      RATE_LIMIT_AUTH_PER_MINUTE: "2",
      RATE_LIMIT_GRAPHQL_PER_MINUTE: "2",
      RATE_LIMIT_TENANT_PER_MINUTE: "100",
      GATEWAY_ROUTES: JSON.stringify({ crm: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, other: "http://127.0.0.1:9" }),
    };
    // Sign up on a server with the test defaults, so setup spends none of the small limits.
    const setup = await startTestServer(db, { GATEWAY_ROUTES: env.GATEWAY_ROUTES });
    try {
      const user = await signUp(setup);
      await db.superPool.query("insert into app_public.tenant_services (tenant_id, service) values ($1, 'crm')", [user.tenantId]);
      const refreshed = await setup.post("/auth/refresh", { refreshToken: user.refreshToken, tokenTransport: "body" });
      token = refreshed.body.accessToken; // carries `svc` with crm
    } finally {
      await setup.close();
    }
    server = await startTestServer(db, env);
  });
  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => upstream?.close(resolve));
  });
  beforeEach(async () => {
    received = [];
    await getDb().ownerPool.query("delete from app_private.rate_limits");
  });

  interface Reply {
    status: number;
    code: string | undefined;
    remaining: string | undefined;
  }

  /** One request with the path exactly as written (absolute-form too). */
  function send(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
    const { port } = new URL(server.url);
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const headers = { accept: "application/json", ...(body ? { "content-type": "application/json" } : {}), ...opts.headers };
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          let json: any = null;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON: no code
          }
          const remaining = res.headers["ratelimit-remaining"];
          resolve({ status: res.statusCode!, code: json?.error?.code ?? json?.errors?.[0]?.extensions?.code, remaining: remaining as string | undefined });
        });
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  /** Spellings of a canonical path that must reach its route. */
  const sameRoute = (path: string): string[] => {
    const last = path.lastIndexOf("/");
    const segments = path.split("/");
    return [
      path.toUpperCase(),
      segments.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join("/"),
      `/${path}`,
      path.replaceAll("/", "//"),
      `${path}/`,
      `${path.slice(0, last + 1)}%${path.charCodeAt(last + 1).toString(16)}${path.slice(last + 2)}`, // /auth/%6cogin
      path.replace(/^\/[^/]+/, (first) => first.replace(/[a-z]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)), // /%61%75%74%68/login
      `http://127.0.0.1${path}`,
    ];
  };

  /** Spellings that must never reach the route: 400 BADRQ here, or 404 NTFND from the router. */
  const neverRoute = (path: string): Array<[string, number, string]> => {
    const last = path.lastIndexOf("/");
    return [
      [`/.${path}`, 400, "BADRQ"],
      [`/x/..${path}`, 400, "BADRQ"],
      [`/%2E%2E${path}`, 400, "BADRQ"],
      [`${path}/.`, 400, "BADRQ"],
      [`${path}%`, 400, "BADRQ"],
      [last > 0 ? `${path.slice(0, last)}\\${path.slice(last + 1)}` : `/\\${path.slice(1)}`, 400, "BADRQ"], // /auth\login
      [`${path}%2F`, 404, "NTFND"],
      [last > 0 ? `${path.slice(0, last)}%2F${path.slice(last + 1)}` : `/%2F${path.slice(1)}`, 404, "NTFND"],
    ];
  };

  const AUTH = [
    { path: "/auth/login", status: 422 }, // empty body: INVLD, no password hashing
    { path: "/auth/register", status: 422 },
    { path: "/auth/refresh", status: 401 }, // no token: BADTK
  ];
  const GRAPHQL = { query: "{ __typename }" };

  describe.each(AUTH)("POST $path", ({ path, status }) => {
    it("counts every spelling that reaches the route against the one per-IP limit", async () => {
      for (const spelling of sameRoute(path)) {
        await getDb().ownerPool.query("delete from app_private.rate_limits");
        const first = await send("POST", spelling, { body: {} });
        expect({ spelling, status: first.status, remaining: first.remaining }).toEqual({ spelling, status, remaining: "1" });
        expect((await send("POST", path, { body: {} })).remaining).toBe("0");
        const refused = await send("POST", spelling, { body: {} });
        expect({ spelling, status: refused.status, code: refused.code }).toEqual({ spelling, status: 429, code: "RATLM" });
      }
    });

    it("refuses dot segments, malformed escapes and backslashes, and finds no route for an encoded slash", async () => {
      for (const [spelling, expected, code] of neverRoute(path)) {
        const res = await send("POST", spelling, { body: {} });
        expect({ spelling, status: res.status, code: res.code }).toEqual({ spelling, status: expected, code });
      }
    });

    it("once the limit is spent, no spelling gets through", async () => {
      const [a, b, ...rest] = sameRoute(path);
      expect((await send("POST", a, { body: {} })).status).toBe(status);
      expect((await send("POST", b, { body: {} })).status).toBe(status);
      for (const spelling of [path, ...rest]) {
        const res = await send("POST", spelling, { body: {} });
        expect({ spelling, status: res.status, code: res.code }).toEqual({ spelling, status: 429, code: "RATLM" });
      }
      for (const [spelling, , code] of neverRoute(path)) {
        const res = await send("POST", spelling, { body: {} });
        expect({ spelling, code: res.code }).toEqual({ spelling, code: expect.stringMatching(new RegExp(`^(${code}|RATLM)$`)) });
      }
    });
  });

  describe("/graphql", () => {
    it("counts every spelling that reaches grafserv against the one limit", async () => {
      for (const spelling of sameRoute("/graphql")) {
        await getDb().ownerPool.query("delete from app_private.rate_limits");
        const first = await send("POST", spelling, { body: GRAPHQL });
        expect({ spelling, status: first.status, remaining: first.remaining }).toEqual({ spelling, status: 200, remaining: "1" });
        expect((await send("POST", "/graphql", { body: GRAPHQL })).remaining).toBe("0");
        const refused = await send("POST", spelling, { body: GRAPHQL });
        expect({ spelling, status: refused.status, code: refused.code }).toEqual({ spelling, status: 429, code: "RATLM" });
      }
    });

    it("never lets a dot segment or an encoded slash reach grafserv", async () => {
      for (const [spelling, expected, code] of neverRoute("/graphql")) {
        const res = await send("POST", spelling, { body: GRAPHQL });
        expect({ spelling, status: res.status, code: res.code }).toEqual({ spelling, status: expected, code });
      }
    });
  });

  describe("/svc/<name>", () => {
    const spellings = ["/svc/crm/x", "/SVC/crm/x", "//svc/crm/x", "/svc//crm/x", "/Svc/CRM/x", "/svc/%63rm/x", "/%73vc/crm/x", "/svc/crm/x/", "http://127.0.0.1/SVC/crm/x"];

    it("puts every spelling through the same sign-in check and rate limit, anonymous", async () => {
      for (const spelling of spellings) {
        await getDb().ownerPool.query("delete from app_private.rate_limits");
        const res = await send("GET", spelling);
        expect({ spelling, status: res.status, code: res.code, remaining: res.remaining }).toEqual({ spelling, status: 401, code: "LOGIN", remaining: "1" });
      }
      expect(received).toEqual([]);
    });

    it("checks the entitlement of the canonical service name", async () => {
      for (const spelling of ["/SVC/OTHER/x", "//svc/Other/x", "/svc/%6Fther"]) {
        const res = await send("GET", spelling, { headers: bearer(token) });
        expect({ spelling, status: res.status, code: res.code }).toEqual({ spelling, status: 403, code: "NOSVC" });
        await getDb().ownerPool.query("delete from app_private.rate_limits");
      }
    });

    it("sends the upstream its own path with its case, trailing slash and encoded slashes as sent", async () => {
      const cases = [
        ["/SVC/crm/Contacts/AbC?Sort=Name", "/Contacts/AbC?Sort=Name"],
        ["//svc//CRM//Contacts/AbC", "/Contacts/AbC"],
        ["/svc/crm/Contacts/AbC/", "/Contacts/AbC/"],
        ["/svc/%63rm/%43ontacts/a%2fB", "/Contacts/a%2FB"],
        ["/Svc/Crm", "/"],
      ];
      for (const [spelling] of cases) {
        await getDb().ownerPool.query("delete from app_private.rate_limits");
        expect({ spelling, status: (await send("GET", spelling, { headers: bearer(token) })).status }).toEqual({ spelling, status: 201 });
      }
      expect(received).toEqual(cases.map(([, upstreamPath]) => upstreamPath));
    });

    it("refuses dot segments (never resolved into another service) and finds no service for an encoded slash", async () => {
      const cases: Array<[string, number, string]> = [
        ["/svc/crm/../other/x", 400, "BADRQ"],
        ["/svc/crm/%2e%2e/other", 400, "BADRQ"],
        ["/svc/crm/./x", 400, "BADRQ"],
        ["/svc/crm%2Fx", 404, "NTFND"],
      ];
      for (const [spelling, status, code] of cases) {
        const res = await send("GET", spelling, { headers: bearer(token) });
        expect({ spelling, status: res.status, code: res.code }).toEqual({ spelling, status, code });
      }
      expect(received).toEqual([]);
    });

    it("counts every spelling against the caller's one limit", async () => {
      expect((await send("GET", "/SVC/crm/x", { headers: bearer(token) })).remaining).toBe("1");
      expect((await send("GET", "//svc/crm/x", { headers: bearer(token) })).remaining).toBe("0");
      for (const spelling of spellings) {
        const res = await send("GET", spelling, { headers: bearer(token) });
        expect({ spelling, status: res.status, code: res.code }).toEqual({ spelling, status: 429, code: "RATLM" });
      }
      expect(received).toEqual(["/x", "/x"]);
    });
  });
});
