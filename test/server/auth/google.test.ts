/**
 * Google sign-in end to end: a real OIDC provider (oauth2-mock-server in a
 * child process) and the real server, driven like a browser: redirects are
 * followed by hand and cookies kept in a small jar.
 */
import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { newTotpSecret } from "../../../server/src/identity/totp";
import { useTestDatabase } from "../../helpers/db";
import { bearer, decodeJwt, GOOD_PASSWORD, login, signUp, uniqueEmail } from "../../helpers/auth";
import { startOidcMock, type OidcMock } from "../../helpers/oidcMock";
import { freePort } from "../../helpers/postgres";
import { startTestServer, type TestServer } from "../../helpers/server";
import { CookieBrowser } from "../../helpers/cookieBrowser";

const APP_URL = "http://app.logicspike.test";
const CLIENT_ID = "logicspike-test-client";
const GOOGLE_ENV = { GOOGLE_CLIENT_ID: CLIENT_ID, GOOGLE_CLIENT_SECRET: "test-client-secret", APP_URL };

const getDb = useTestDatabase();
let idp: OidcMock;
let server: TestServer;

beforeAll(async () => {
  idp = await startOidcMock();
  server = await startTestServer(getDb(), { ...GOOGLE_ENV, GOOGLE_ISSUER: idp.issuer });
  // The server listens on a random port, known only now; the provider must send the browser back to it.
  server.srv.ctx.config.google.redirectUri = `${server.url}/auth/google/callback`;
});
afterAll(async () => {
  await server?.close();
  await idp?.stop();
});

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;


interface GoogleUser {
  sub: string;
  email: string;
  email_verified: boolean;
  name?: string;
  picture?: string;
}
const googleUser = (over: Partial<GoogleUser> = {}): GoogleUser => ({
  sub: `g-${randomBytes(6).toString("hex")}`,
  email: uniqueEmail("google"),
  email_verified: true,
  name: "Grace Google",
  ...over,
});

/** /auth/google/start → the provider's /authorize → back to our callback URL (not yet followed). */
async function startAndAuthorize(browser: CookieBrowser, redirect?: string): Promise<URL> {
  const start = await browser.get(`${server.url}/auth/google/start${redirect === undefined ? "" : `?redirect=${encodeURIComponent(redirect)}`}`);
  expect({ status: start.status, location: start.location?.startsWith(`${idp.issuer}/authorize?`) }).toEqual({ status: 302, location: true });
  const authorize = await browser.get(start.location!);
  expect(authorize.status).toBe(302);
  return new URL(authorize.location!);
}

/** The whole dance for one Google account; returns the callback's response. */
async function signInWithGoogle(user: GoogleUser, opts: { browser?: CookieBrowser; redirect?: string; claims?: Record<string, unknown> } = {}) {
  const browser = opts.browser ?? new CookieBrowser();
  await idp.configure({ claims: { ...user, ...opts.claims } });
  const callbackUrl = await startAndAuthorize(browser, opts.redirect);
  const res = await browser.get(callbackUrl.href);
  return { ...res, browser };
}

/** What the SPA does on landing: POST /auth/refresh with the cookie. */
async function refreshWithCookie(browser: CookieBrowser) {
  const cookie = browser.cookies.get("ls_refresh");
  expect(cookie).toBeDefined();
  return server.post("/auth/refresh", {}, { cookie: `ls_refresh=${cookie}`, origin: APP_URL });
}

const ME = `{ currentUser { rowId email name isVerified avatarUrl } myMemberships { nodes { role tenant { rowId name } } } }`;
const userCount = async () => Number((await q("select count(*) n from app_public.users"))[0].n);
const tenantCount = async () => Number((await q("select count(*) n from app_public.tenants"))[0].n);

describe("GET /auth/google/start", () => {
  it("redirects to the provider with code flow, PKCE S256, state and nonce, and keeps them in a signed Lax cookie", async () => {
    const browser = new CookieBrowser();
    const res = await browser.get(`${server.url}/auth/google/start`);
    expect(res.status).toBe(302);
    const url = new URL(res.location!);
    expect(url.origin + url.pathname).toBe(`${idp.issuer}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      redirect_uri: `${server.url}/auth/google/callback`,
      response_type: "code",
      scope: "openid email profile",
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: "S256",
      state: expect.stringMatching(/^[\w-]{20,}$/),
      nonce: expect.stringMatching(/^[\w-]{20,}$/),
    });
    const cookie = res.setCookies.find((c) => c.startsWith("ls_google_oidc="))!;
    expect(cookie).toMatch(/; Max-Age=600;/);
    expect(cookie).toMatch(/; Path=\/auth\/google;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    // The verifier never leaves in the URL; only its S256 challenge does.
    expect(res.location).not.toContain(JSON.parse(Buffer.from(browser.cookies.get("ls_google_oidc")!.split(".")[0], "base64url").toString()).codeVerifier);
  });

  it.each(["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "settings"])(
    "refuses redirect=%s (no open redirects) before going anywhere",
    async (redirect) => {
      const res = await new CookieBrowser().get(`${server.url}/auth/google/start?redirect=${encodeURIComponent(redirect)}`);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("INVLD");
      expect(res.location).toBeNull();
      expect(res.setCookies).toEqual([]);
    },
  );
});

describe("GET /auth/google/callback", () => {
  it("creates a user and their workspace for a new Google account, sets the refresh cookie and lands on APP_URL", async () => {
    const google = googleUser({ name: "Nina New", picture: "https://lh3.googleusercontent.com/a/nina" });
    const [users, tenants] = [await userCount(), await tenantCount()];
    const res = await signInWithGoogle(google);
    expect({ status: res.status, location: res.location }).toEqual({ status: 302, location: `${APP_URL}/` });
    expect(res.browser.cookies.has("ls_google_oidc")).toBe(false); // single use
    expect(res.setCookies.find((c) => c.startsWith("ls_refresh="))).toMatch(/HttpOnly; .*SameSite=Strict/);

    const refreshed = await refreshWithCookie(res.browser);
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(refreshed.body.accessToken).payload).toMatchObject({ amr: ["oauth"], aal: "aal1" });
    const me = await server.graphql(ME, undefined, bearer(refreshed.body.accessToken));
    expect(me.body.errors).toBeUndefined();
    expect(me.body.data!.currentUser).toEqual({
      rowId: expect.any(String),
      email: google.email,
      name: "Nina New",
      isVerified: true,
      avatarUrl: "https://lh3.googleusercontent.com/a/nina",
    });
    expect(me.body.data!.myMemberships.nodes).toEqual([{ role: "owner", tenant: { rowId: expect.any(String), name: "Nina New's workspace" } }]);
    expect([await userCount(), await tenantCount()]).toEqual([users + 1, tenants + 1]);
    expect(await q("select user_id from app_private.user_identities where provider = 'google' and subject = $1", [google.sub])).toEqual([
      { user_id: me.body.data!.currentUser.rowId },
    ]);
  });

  it("signs the same Google account into the same user the second time, with no new workspace", async () => {
    const google = googleUser();
    const first = await signInWithGoogle(google);
    const firstToken = (await refreshWithCookie(first.browser)).body.accessToken as string;
    const [users, tenants] = [await userCount(), await tenantCount()];
    // Same subject; Google may report a changed email, which must not create or switch accounts.
    const second = await signInWithGoogle({ ...google, email: uniqueEmail("renamed") });
    expect(second.status).toBe(302);
    const secondToken = (await refreshWithCookie(second.browser)).body.accessToken as string;
    expect(decodeJwt(secondToken).payload.sub).toBe(decodeJwt(firstToken).payload.sub);
    expect(decodeJwt(secondToken).payload.tid).toBe(decodeJwt(firstToken).payload.tid);
    expect([await userCount(), await tenantCount()]).toEqual([users, tenants]);
  });

  it("lands on the requested path on APP_URL", async () => {
    const res = await signInWithGoogle(googleUser(), { redirect: "/settings/team?tab=members" });
    expect(res.location).toBe(`${APP_URL}/settings/team?tab=members`);
  });

  it("links a verified Google email to the existing verified password account, which keeps its password", async () => {
    const existing = await signUp(server, { name: "Paula Password" });
    await q("update app_public.users set is_verified = true where id = $1", [existing.userId]);
    const tenants = await tenantCount();
    const res = await signInWithGoogle(googleUser({ email: existing.email.toUpperCase() }));
    expect(res.status).toBe(302);
    const token = (await refreshWithCookie(res.browser)).body.accessToken as string;
    expect(decodeJwt(token).payload).toMatchObject({ sub: existing.userId, tid: existing.tenantId });
    expect(await tenantCount()).toBe(tenants);
    expect(await q("select count(*)::int n from app_private.user_identities where user_id = $1", [existing.userId])).toEqual([{ n: 1 }]);
    expect((await login(server, existing.email, GOOD_PASSWORD)).status).toBe(200);
  });

  it("links to an unverified password account but drops its password and sessions (it may be a squatter's)", async () => {
    const squatted = await signUp(server, { name: "Not Yet Verified" });
    const res = await signInWithGoogle(googleUser({ email: squatted.email }));
    expect(res.status).toBe(302);
    const token = (await refreshWithCookie(res.browser)).body.accessToken as string;
    expect(decodeJwt(token).payload.sub).toBe(squatted.userId);
    expect(await q("select is_verified from app_public.users where id = $1", [squatted.userId])).toEqual([{ is_verified: true }]);
    expect((await login(server, squatted.email, GOOD_PASSWORD)).body.error.code).toBe("CREDS");
    expect((await server.post("/auth/refresh", { refreshToken: squatted.refreshToken })).body.error.code).toBe("BADTK");
  });

  it("refuses an unverified Google email that matches an existing account (EMUNV) and links nothing", async () => {
    const existing = await signUp(server);
    const google = googleUser({ email: existing.email, email_verified: false });
    const res = await signInWithGoogle(google);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("EMUNV");
    expect(res.browser.cookies.has("ls_refresh")).toBe(false);
    expect(await q("select 1 from app_private.user_identities where subject = $1", [google.sub])).toEqual([]);
    expect((await login(server, existing.email, GOOD_PASSWORD)).status).toBe(200);
  });

  it("refuses a callback whose state does not match this browser's attempt, before exchanging the code", async () => {
    const google = googleUser();
    const browser = new CookieBrowser();
    await idp.configure({ claims: { ...google } });
    const callbackUrl = await startAndAuthorize(browser);
    callbackUrl.searchParams.set("state", "attacker-chosen-state");
    const exchanges = await idp.tokenRequests();
    const res = await browser.get(callbackUrl.href);
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 400, code: "BADRQ" });
    expect(await idp.tokenRequests()).toBe(exchanges);
    expect(await q("select 1 from app_public.users where email = $1", [google.email])).toEqual([]);
    expect(browser.cookies.has("ls_google_oidc")).toBe(false); // the attempt is spent either way
  });

  it("refuses a callback from a browser that did not start the attempt (no cookie), or with an altered cookie", async () => {
    const google = googleUser();
    const browser = new CookieBrowser();
    await idp.configure({ claims: { ...google } });
    const callbackUrl = await startAndAuthorize(browser);
    const exchanges = await idp.tokenRequests();

    const other = await new CookieBrowser().get(callbackUrl.href);
    expect({ status: other.status, code: other.body.error.code }).toEqual({ status: 400, code: "BADRQ" });

    const [payload, signature] = browser.cookies.get("ls_google_oidc")!.split(".");
    const edited = JSON.parse(Buffer.from(payload, "base64url").toString());
    edited.redirect = "/elsewhere";
    browser.cookies.set("ls_google_oidc", `${Buffer.from(JSON.stringify(edited)).toString("base64url")}.${signature}`);
    const altered = await browser.get(callbackUrl.href);
    expect({ status: altered.status, code: altered.body.error.code }).toEqual({ status: 400, code: "BADRQ" });

    expect(await idp.tokenRequests()).toBe(exchanges);
    expect(await q("select 1 from app_public.users where email = $1", [google.email])).toEqual([]);
  });

  it("rejects an ID token whose nonce is not this attempt's, and creates nothing", async () => {
    const google = googleUser();
    const res = await signInWithGoogle(google, { claims: { nonce: "replayed-from-another-sign-in" } });
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 401, code: "BADTK" });
    expect(res.browser.cookies.has("ls_refresh")).toBe(false);
    expect(await q("select 1 from app_public.users where email = $1", [google.email])).toEqual([]);
  });

  it("rejects an ID token issued to another client (aud)", async () => {
    const google = googleUser();
    const res = await signInWithGoogle(google, { claims: { aud: "someone-elses-client" } });
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 401, code: "BADTK" });
    expect(await q("select 1 from app_public.users where email = $1", [google.email])).toEqual([]);
  });

  it("answers a cancelled consent (error=access_denied) with DNIED", async () => {
    const browser = new CookieBrowser();
    await idp.configure({ authorizeError: "access_denied" });
    const callbackUrl = await startAndAuthorize(browser);
    expect(callbackUrl.searchParams.get("error")).toBe("access_denied");
    const res = await browser.get(callbackUrl.href);
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 403, code: "DNIED" });
  });

  it("asks for the second factor like password sign-in when the user has MFA on, without starting a session", async () => {
    const google = googleUser();
    await signInWithGoogle(google);
    const [{ user_id: userId }] = await q("select user_id from app_private.user_identities where subject = $1", [google.sub]);
    const secret = newTotpSecret();
    await q("insert into app_private.mfa_totp (user_id, secret, confirmed_at) values ($1, $2, now())", [userId, secret]);
    const sessions = Number((await q("select count(*) n from app_private.refresh_token_families where user_id = $1", [userId]))[0].n);
    const res = await signInWithGoogle(google, { redirect: "/home" });
    expect(res.status).toBe(302);
    const landing = new URL(res.location!);
    expect(landing.origin + landing.pathname).toBe(`${APP_URL}/home`);
    const fragment = new URLSearchParams(landing.hash.slice(1));
    expect(fragment.get("mfaRequired")).toBe("1");
    expect(decodeJwt(fragment.get("mfaToken")!).payload.sub).toBe(userId);
    expect(res.browser.cookies.has("ls_refresh")).toBe(false);
    expect(Number((await q("select count(*) n from app_private.refresh_token_families where user_id = $1", [userId]))[0].n)).toBe(sessions);
    // Completing the challenge records Google, not a password, as the first factor.
    const verified = await server.post("/auth/mfa/verify", { mfaToken: fragment.get("mfaToken"), code: await generate({ secret }), tokenTransport: "body" });
    expect(verified.status).toBe(200);
    expect(decodeJwt(verified.body.accessToken).payload).toMatchObject({ sub: userId, amr: ["oauth", "otp"], aal: "aal2" });
  });
});

describe("when Google sign-in is unavailable", () => {
  it("answers both routes with OAUNC when GOOGLE_CLIENT_ID is unset", async () => {
    const off = await startTestServer(getDb(), { GOOGLE_ISSUER: idp.issuer, GOOGLE_CLIENT_ID: "" });
    try {
      for (const path of ["/auth/google/start", "/auth/google/callback?code=x&state=y"]) {
        const res = await new CookieBrowser().get(`${off.url}${path}`);
        expect({ path, status: res.status, code: res.body.error.code }).toEqual({ path, status: 404, code: "OAUNC" });
      }
    } finally {
      await off.close();
    }
  });

  it("answers 503 OAUDN with a reference id when the issuer cannot be discovered, and keeps serving", async () => {
    const down = await startTestServer(getDb(), { ...GOOGLE_ENV, GOOGLE_ISSUER: `http://127.0.0.1:${await freePort()}` });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await new CookieBrowser().get(`${down.url}/auth/google/start`);
        expect(res.status).toBe(503);
        expect(res.body.error).toEqual({ code: "OAUDN", message: expect.stringMatching(/Reference: [0-9a-f-]{36}$/) });
      }
      expect((await fetch(`${down.url}/healthz`)).status).toBe(200);
    } finally {
      await down.close();
    }
  });
});
