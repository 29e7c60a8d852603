/**
 * The OIDC provider registry end to end: two real OpenID Connect providers
 * (oauth2-mock-server, each in its own child process) configured at once in
 * OIDC_PROVIDERS, and the real server, driven like a browser: redirects are
 * followed by hand and cookies kept in a small jar.
 */
import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { loadConfig } from "../../../core/config";
import { newTotpSecret } from "../../../server/src/identity/totp";
import { useTestDatabase } from "../../helpers/db";
import { bearer, decodeJwt, GOOD_PASSWORD, login, signUp, uniqueEmail } from "../../helpers/auth";
import { startOidcMock, type OidcMock } from "../../helpers/oidcMock";
import { freePort } from "../../helpers/postgres";
import { startTestServer, type TestServer } from "../../helpers/server";
import { accessTokenFromCookie, CookieBrowser, signInSnapshot } from "../../helpers/cookieBrowser";

const APP_URL = "http://app.logicspike.test";
const getDb = useTestDatabase();
const idps: Record<"keycloak" | "okta", OidcMock> = {} as never;
let server: TestServer;

const registry = (issuers: { keycloak: string; okta: string }) =>
  JSON.stringify({
    keycloak: { name: "Keycloak", issuer: issuers.keycloak, client_id: "ls-keycloak", client_secret: "keycloak-secret-value" },
    // A public client (no secret: PKCE only) with its own scopes.
    okta: { name: "Okta", issuer: issuers.okta, client_id: "ls-okta", scope: "openid email" },
  });

beforeAll(async () => {
  [idps.keycloak, idps.okta] = await Promise.all([startOidcMock(), startOidcMock()]);
  server = await startTestServer(getDb(), { APP_URL, GOOGLE_CLIENT_ID: "", OIDC_PROVIDERS: registry({ keycloak: idps.keycloak.issuer, okta: idps.okta.issuer }) });
  // The server listens on a random port, known only now; the providers must send the browser back to it.
  for (const id of ["keycloak", "okta"]) server.srv.ctx.config.oidc.providers[id].redirectUri = `${server.url}/auth/oidc/${id}/callback`;
});
afterAll(async () => {
  await server?.close();
  await Promise.all(Object.values(idps).map((idp) => idp?.stop()));
});

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;


type Id = keyof typeof idps;
interface Person {
  sub: string;
  email: string;
  email_verified: boolean;
  name?: string;
}
const person = (over: Partial<Person> = {}): Person => ({
  sub: `s-${randomBytes(6).toString("hex")}`,
  email: uniqueEmail("oidc"),
  email_verified: true,
  name: "Olga Oidc",
  ...over,
});

/** /auth/oidc/<id>/start → that provider's /authorize → back to our callback URL (not yet followed). */
async function startAndAuthorize(id: Id, browser: CookieBrowser, redirect?: string): Promise<URL> {
  const start = await browser.get(`${server.url}/auth/oidc/${id}/start${redirect === undefined ? "" : `?redirect=${encodeURIComponent(redirect)}`}`);
  expect({ status: start.status, toIssuer: start.location?.startsWith(`${idps[id].issuer}/authorize?`) }).toEqual({ status: 302, toIssuer: true });
  const authorize = await browser.get(start.location!);
  expect(authorize.status).toBe(302);
  return new URL(authorize.location!);
}

async function signIn(id: Id, user: Person, opts: { browser?: CookieBrowser; redirect?: string; claims?: Record<string, unknown> } = {}) {
  const browser = opts.browser ?? new CookieBrowser();
  await idps[id].configure({ claims: { ...user, ...opts.claims } });
  const callbackUrl = await startAndAuthorize(id, browser, opts.redirect);
  const res = await browser.get(callbackUrl.href);
  return { ...res, browser, callbackUrl };
}

const accessTokenOf = (browser: CookieBrowser) => accessTokenFromCookie(server, browser, APP_URL);

const snapshot = () => signInSnapshot(getDb());

describe("GET /auth/providers", () => {
  it("lists every configured sign-in method by name and start path, and nothing an attacker could use", async () => {
    const res = await fetch(`${server.url}/auth/providers`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      password: true,
      providers: [
        { id: "keycloak", name: "Keycloak", protocol: "oidc", start: "/auth/oidc/keycloak/start" },
        { id: "okta", name: "Okta", protocol: "oidc", start: "/auth/oidc/okta/start" },
      ],
    });
    for (const secretish of ["keycloak-secret-value", "ls-keycloak", "ls-okta", idps.keycloak.issuer, idps.okta.issuer]) expect(text).not.toContain(secretish);
  });

  it("adds Google and GitHub when they are configured, and lists no providers when none are", async () => {
    const all = await startTestServer(getDb(), { GOOGLE_CLIENT_ID: "g", GITHUB_CLIENT_ID: "gh", GITHUB_CLIENT_SECRET: "ghs", OIDC_PROVIDERS: "" });
    const none = await startTestServer(getDb(), { GOOGLE_CLIENT_ID: "", GITHUB_CLIENT_ID: "", OIDC_PROVIDERS: "" });
    try {
      expect(((await (await fetch(`${all.url}/auth/providers`)).json()) as { providers: unknown }).providers).toEqual([
        { id: "google", name: "Google", protocol: "oidc", start: "/auth/google/start" },
        { id: "github", name: "GitHub", protocol: "oauth2", start: "/auth/github/start" },
      ]);
      expect(await (await fetch(`${none.url}/auth/providers`)).json()).toEqual({ password: true, providers: [] });
    } finally {
      await Promise.all([all.close(), none.close()]);
    }
  });
});

describe("GET /auth/oidc/:provider/start", () => {
  it.each([
    ["keycloak", "ls-keycloak", "openid email profile"],
    ["okta", "ls-okta", "openid email"],
  ] as const)("sends %s's sign-in to its own issuer with its client id, PKCE S256, state and nonce, in a cookie of its own", async (id, clientId, scope) => {
    const browser = new CookieBrowser();
    const res = await browser.get(`${server.url}/auth/oidc/${id}/start`);
    expect(res.status).toBe(302);
    const url = new URL(res.location!);
    expect(url.origin + url.pathname).toBe(`${idps[id].issuer}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: clientId,
      redirect_uri: `${server.url}/auth/oidc/${id}/callback`,
      response_type: "code",
      scope,
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: "S256",
      state: expect.stringMatching(/^[\w-]{20,}$/),
      nonce: expect.stringMatching(/^[\w-]{20,}$/),
    });
    const cookie = res.setCookies.find((c) => c.startsWith(`ls_${id}_oauth=`))!;
    expect(cookie).toMatch(new RegExp(`; Path=/auth/oidc/${id};`));
    expect(cookie).toMatch(/; Max-Age=600;.*HttpOnly.*SameSite=Lax/);
  });

  it.each(["nope", "google", "github", "__proto__", "toString", "keycloak-2"])("answers an unknown provider (%s) with 404 OAUNC and starts nothing", async (id) => {
    for (const path of [`/auth/oidc/${id}/start`, `/auth/oidc/${id}/callback?code=x&state=y`]) {
      const res = await new CookieBrowser().get(`${server.url}${path}`);
      expect({ path, status: res.status, code: res.body.error?.code, location: res.location, cookies: res.setCookies }).toEqual({
        path,
        status: 404,
        code: "OAUNC",
        location: null,
        cookies: [],
      });
    }
  });

  it.each(["https://evil.example", "//evil.example/x", "/\\evil.example", "settings"])("refuses redirect=%s before going anywhere", async (redirect) => {
    const res = await new CookieBrowser().get(`${server.url}/auth/oidc/keycloak/start?redirect=${encodeURIComponent(redirect)}`);
    expect({ status: res.status, code: res.body.error.code, location: res.location, cookies: res.setCookies }).toEqual({
      status: 422,
      code: "INVLD",
      location: null,
      cookies: [],
    });
  });
});

describe("GET /auth/oidc/:provider/callback", () => {
  it("creates a user and workspace for a new identity, stored under the provider's id, and lands on the requested path", async () => {
    const kc = person({ name: "Kira Keycloak" });
    const before = await snapshot();
    const res = await signIn("keycloak", kc, { redirect: "/settings?tab=profile" });
    expect({ status: res.status, location: res.location }).toEqual({ status: 302, location: `${APP_URL}/settings?tab=profile` });
    expect(res.browser.cookies.has("ls_keycloak_oauth")).toBe(false);
    const token = await accessTokenOf(res.browser);
    expect(decodeJwt(token).payload).toMatchObject({ amr: ["oauth"], aal: "aal1" });
    const me = await server.graphql(`{ currentUser { rowId email name isVerified } }`, undefined, bearer(token));
    expect(me.body.data!.currentUser).toEqual({ rowId: decodeJwt(token).payload.sub, email: kc.email, name: "Kira Keycloak", isVerified: true });
    expect(await q("select provider, user_id from app_private.user_identities where subject = $1", [kc.sub])).toEqual([
      { provider: "keycloak", user_id: decodeJwt(token).payload.sub },
    ]);
    const after = await snapshot();
    expect([after.users, after.tenants, after.identities]).toEqual([before.users + 1, before.tenants + 1, before.identities + 1]);
  });

  it("keeps the providers apart: the same subject at two issuers is two people; the same verified email at both is one", async () => {
    const sub = `shared-${randomBytes(4).toString("hex")}`;
    const atKeycloak = await signIn("keycloak", person({ sub }));
    const atOkta = await signIn("okta", person({ sub }));
    const [a, b] = [decodeJwt(await accessTokenOf(atKeycloak.browser)).payload.sub, decodeJwt(await accessTokenOf(atOkta.browser)).payload.sub];
    expect(a).not.toBe(b);

    const email = uniqueEmail("both");
    const first = decodeJwt(await accessTokenOf((await signIn("keycloak", person({ email }))).browser)).payload;
    const tenants = (await snapshot()).tenants;
    const second = decodeJwt(await accessTokenOf((await signIn("okta", person({ email: email.toUpperCase() }))).browser)).payload;
    expect({ sub: second.sub, tid: second.tid }).toEqual({ sub: first.sub, tid: first.tid });
    expect((await snapshot()).tenants).toBe(tenants);
    expect(await q("select provider from app_private.user_identities where user_id = $1 order by provider", [first.sub])).toEqual([
      { provider: "keycloak" },
      { provider: "okta" },
    ]);
  });

  it("links to an unverified password account but drops its password and sessions (it may be a squatter's)", async () => {
    const squatted = await signUp(server, { name: "Not Yet Verified" });
    const res = await signIn("okta", person({ email: squatted.email }));
    expect(res.status).toBe(302);
    expect(decodeJwt(await accessTokenOf(res.browser)).payload.sub).toBe(squatted.userId);
    expect(await q("select is_verified from app_public.users where id = $1", [squatted.userId])).toEqual([{ is_verified: true }]);
    expect((await login(server, squatted.email, GOOD_PASSWORD)).body.error.code).toBe("CREDS");
    expect((await server.post("/auth/refresh", { refreshToken: squatted.refreshToken })).body.error.code).toBe("BADTK");
  });

  it("refuses an unverified email that matches an existing account (EMUNV), and changes nothing", async () => {
    const existing = await signUp(server);
    for (const emailVerified of [false, "false", undefined]) {
      const user = person({ email: existing.email });
      const before = await snapshot();
      const res = await signIn("keycloak", user, { claims: { email_verified: emailVerified } });
      expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 409, code: "EMUNV" });
      expect(res.browser.cookies.has("ls_refresh")).toBe(false);
      expect(await snapshot()).toEqual(before);
    }
    expect((await login(server, existing.email, GOOD_PASSWORD)).status).toBe(200);
  });

  it("asks for the second factor when the user has MFA on, and records the provider as the first factor", async () => {
    const user = person();
    await signIn("okta", user);
    const [{ user_id: userId }] = await q("select user_id from app_private.user_identities where provider = 'okta' and subject = $1", [user.sub]);
    const secret = newTotpSecret();
    await q("insert into app_private.mfa_totp (user_id, secret, confirmed_at) values ($1, $2, now())", [userId, secret]);
    const sessions = (await snapshot()).sessions;
    const res = await signIn("okta", user, { redirect: "/home" });
    const landing = new URL(res.location!);
    expect(landing.origin + landing.pathname).toBe(`${APP_URL}/home`);
    const fragment = new URLSearchParams(landing.hash.slice(1));
    expect(fragment.get("mfaRequired")).toBe("1");
    expect(res.browser.cookies.has("ls_refresh")).toBe(false);
    expect((await snapshot()).sessions).toBe(sessions);
    const verified = await server.post("/auth/mfa/verify", { mfaToken: fragment.get("mfaToken"), code: await generate({ secret }), tokenTransport: "body" });
    expect(decodeJwt(verified.body.accessToken).payload).toMatchObject({ sub: userId, amr: ["oauth", "otp"], aal: "aal2" });
  });

  it("refuses a callback whose state is not this browser's attempt, before exchanging the code", async () => {
    const user = person();
    const browser = new CookieBrowser();
    await idps.keycloak.configure({ claims: { ...user } });
    const callbackUrl = await startAndAuthorize("keycloak", browser);
    callbackUrl.searchParams.set("state", "attacker-chosen-state");
    const [exchanges, before] = [await idps.keycloak.tokenRequests(), await snapshot()];
    const res = await browser.get(callbackUrl.href);
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 400, code: "BADRQ" });
    expect(await idps.keycloak.tokenRequests()).toBe(exchanges);
    expect(await snapshot()).toEqual(before);
    expect(browser.cookies.has("ls_keycloak_oauth")).toBe(false); // spent either way
  });

  it("refuses a replayed callback: the attempt is single use, and its cookie is spent", async () => {
    const first = await signIn("keycloak", person());
    expect(first.status).toBe(302);
    const [exchanges, before] = [await idps.keycloak.tokenRequests(), await snapshot()];
    const replay = await first.browser.get(first.callbackUrl.href);
    expect({ status: replay.status, code: replay.body.error.code }).toEqual({ status: 400, code: "BADRQ" });
    expect(await idps.keycloak.tokenRequests()).toBe(exchanges);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses one provider's attempt carried to another provider's callback", async () => {
    const browser = new CookieBrowser();
    await idps.keycloak.configure({ claims: { ...person() } });
    const callbackUrl = await startAndAuthorize("keycloak", browser);
    // Same state, same code, the keycloak cookie renamed for okta's path: its MAC is keyed by provider.
    const okta = new CookieBrowser();
    okta.cookies.set("ls_okta_oauth", browser.cookies.get("ls_keycloak_oauth")!);
    const [exchanges, before] = [(await idps.okta.tokenRequests()) + (await idps.keycloak.tokenRequests()), await snapshot()];
    const res = await okta.get(`${server.url}/auth/oidc/okta/callback${callbackUrl.search}`);
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 400, code: "BADRQ" });
    expect((await idps.okta.tokenRequests()) + (await idps.keycloak.tokenRequests())).toBe(exchanges);
    expect(await snapshot()).toEqual(before);
  });

  it("rejects an ID token with another nonce, or from another issuer, and creates nothing", async () => {
    for (const claims of [{ nonce: "replayed-from-another-sign-in" }, { iss: idps.okta.issuer }, { aud: "ls-okta" }]) {
      const before = await snapshot();
      const res = await signIn("keycloak", person(), { claims });
      expect({ claims, status: res.status, code: res.body.error.code }).toEqual({ claims, status: 401, code: "BADTK" });
      expect(await snapshot()).toEqual(before);
    }
  });

  it.each([
    ["access_denied", 403, "DNIED"],
    ["server_error", 400, "BADRQ"],
  ])("answers the provider's error=%s with %i %s, and creates nothing", async (error, status, code) => {
    const browser = new CookieBrowser();
    await idps.okta.configure({ authorizeError: error });
    const callbackUrl = await startAndAuthorize("okta", browser);
    expect(callbackUrl.searchParams.get("error")).toBe(error);
    const before = await snapshot();
    const res = await browser.get(callbackUrl.href);
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status, code });
    expect(await snapshot()).toEqual(before);
  });
});

describe("refusals seen by a browser", () => {
  it("land on the app with the coded error in the fragment (Accept: text/html), while API clients keep the JSON answer", async () => {
    const target = `${server.url}/auth/oidc/keycloak/callback?state=forged&code=whatever`;
    const asBrowser = await fetch(target, { redirect: "manual", headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(asBrowser.status).toBe(302);
    expect(asBrowser.headers.get("cache-control")).toBe("no-store");
    const landing = new URL(asBrowser.headers.get("location")!);
    expect(landing.origin + landing.pathname).toBe(`${APP_URL}/`);
    expect(Object.fromEntries(new URLSearchParams(landing.hash.slice(1)))).toEqual({ error: "BADRQ", message: expect.stringContaining("Start again") });
    const asApi = await fetch(target, { redirect: "manual" });
    expect({ status: asApi.status, body: await asApi.json() }).toMatchObject({ status: 400, body: { error: { code: "BADRQ" } } });
  });
});

describe("configuration", () => {
  it("answers 503 OAUDN for an issuer that cannot be discovered, while the other providers keep working", async () => {
    const down = await startTestServer(getDb(), {
      APP_URL,
      OIDC_PROVIDERS: registry({ keycloak: `http://127.0.0.1:${await freePort()}`, okta: idps.okta.issuer }),
    });
    try {
      const res = await new CookieBrowser().get(`${down.url}/auth/oidc/keycloak/start`);
      expect(res.status).toBe(503);
      expect(res.body.error).toEqual({ code: "OAUDN", message: expect.stringMatching(/^Keycloak sign-in is unavailable.*Reference: [0-9a-f-]{36}$/) });
      expect((await new CookieBrowser().get(`${down.url}/auth/oidc/okta/start`)).status).toBe(302);
    } finally {
      await down.close();
    }
  });

  it.each([
    ["not json", /must be a JSON object/],
    ['{"google": {"issuer": "https://accounts.google.com", "client_id": "x"}}', /"google" is reserved \(configure it with GOOGLE_CLIENT_ID\)/],
    ['{"Bad Id": {"issuer": "https://a.example", "client_id": "x"}}', /provider id "Bad Id" must match/],
    ['{"corp": {"issuer": "http://sso.example.com", "client_id": "x"}}', /OIDC_PROVIDERS\.corp\.issuer must be an https URL/],
    ['{"corp": {"issuer": "https://sso.example.com"}}', /OIDC_PROVIDERS\.corp\.client_id must be a non-empty string/],
    ['{"corp": {"issuer": "https://sso.example.com", "client_id": "x", "scope": "email"}}', /OIDC_PROVIDERS\.corp\.scope must include openid/],
    ['{"corp": {"issuer": "https://sso.example.com", "clientId": "x"}}', /OIDC_PROVIDERS\.corp: unknown field "clientId"/],
  ])("refuses OIDC_PROVIDERS=%s at start-up with a message naming the problem", (value, message) => {
    expect(() => loadConfig({ NODE_ENV: "test", OIDC_PROVIDERS: value })).toThrow(message);
  });
});
