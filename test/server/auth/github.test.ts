/**
 * GitHub sign-in end to end: a small fake GitHub (a real node:http server
 * speaking GitHub's OAuth and REST shapes: authorize, single-use codes with
 * PKCE, access_token, /user, /user/emails) and the real server, driven like a
 * browser with manual redirects and a cookie jar.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generate } from "otplib";
import { loadConfig } from "../../../core/config";
import { newTotpSecret } from "../../../server/src/identity/totp";
import { useTestDatabase } from "../../helpers/db";
import { bearer, decodeJwt, GOOD_PASSWORD, login, signUp, uniqueEmail } from "../../helpers/auth";
import { startTestServer, type TestServer } from "../../helpers/server";
import { accessTokenFromCookie, CookieBrowser, signInSnapshot } from "../../helpers/cookieBrowser";

const APP_URL = "http://app.logicspike.test";
const CLIENT_ID = "Iv1.test-client";
const CLIENT_SECRET = "github-test-client-secret";

interface GithubUser {
  id: number;
  login: string;
  name: string | null;
  avatar_url: string;
  emails: Array<{ email: string; primary: boolean; verified: boolean; visibility: string | null }>;
}

/** A fake GitHub: one user signs in at a time (`next`), as if they clicked "Authorize". */
class FakeGithub {
  server!: Server;
  url = "";
  next: GithubUser | null = null;
  authorizeError: string | null = null;
  failEmails = false;
  tokenRequests = 0;
  readonly tokenBodies: URLSearchParams[] = [];
  private readonly codes = new Map<string, { user: GithubUser; challenge: string; redirectUri: string }>();
  private readonly tokens = new Map<string, GithubUser>();

  async start() {
    this.server = createServer((req, res) => void this.handle(req, (status, body, headers = {}) => {
      res.writeHead(status, body === undefined ? headers : { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(body === undefined ? "" : JSON.stringify(body));
    }));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage, send: (status: number, body?: unknown, headers?: Record<string, string>) => void) {
    const url = new URL(req.url!, this.url);
    if (req.method === "GET" && url.pathname === "/login/oauth/authorize") {
      const redirect = new URL(url.searchParams.get("redirect_uri")!);
      redirect.searchParams.set("state", url.searchParams.get("state")!);
      if (url.searchParams.get("client_id") !== CLIENT_ID) return send(404, { error: "unknown client" });
      if (this.authorizeError) {
        redirect.searchParams.set("error", this.authorizeError);
        redirect.searchParams.set("error_description", "The user has denied your application access.");
      } else {
        const code = randomBytes(10).toString("hex");
        this.codes.set(code, { user: this.next!, challenge: url.searchParams.get("code_challenge")!, redirectUri: url.searchParams.get("redirect_uri")! });
        redirect.searchParams.set("code", code);
      }
      return send(302, undefined, { location: redirect.href });
    }
    if (req.method === "POST" && url.pathname === "/login/oauth/access_token") {
      this.tokenRequests += 1;
      let raw = "";
      for await (const chunk of req) raw += chunk;
      const form = new URLSearchParams(raw);
      this.tokenBodies.push(form);
      if (form.get("client_id") !== CLIENT_ID || form.get("client_secret") !== CLIENT_SECRET) {
        return send(200, { error: "incorrect_client_credentials", error_description: "The client_id and/or client_secret passed are incorrect." });
      }
      const grant = this.codes.get(form.get("code") ?? "");
      this.codes.delete(form.get("code") ?? ""); // single use, like GitHub's
      const verifier = form.get("code_verifier") ?? "";
      if (!grant || grant.redirectUri !== form.get("redirect_uri") || createHash("sha256").update(verifier).digest("base64url") !== grant.challenge) {
        return send(200, { error: "bad_verification_code", error_description: "The code passed is incorrect or expired." });
      }
      const token = `gho_${randomBytes(12).toString("hex")}`;
      this.tokens.set(token, grant.user);
      return send(200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
    }
    // REST API: GitHub refuses requests without a User-Agent, and unknown tokens.
    if (!req.headers["user-agent"]) return send(403, { message: "Request forbidden by administrative rules." });
    const user = this.tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
    if (!user) return send(401, { message: "Bad credentials" });
    if (url.pathname === "/api/user") return send(200, { login: user.login, id: user.id, name: user.name, avatar_url: user.avatar_url, type: "User" });
    if (url.pathname === "/api/user/emails") return this.failEmails ? send(502, { message: "Server Error" }) : send(200, user.emails);
    send(404, { message: "Not Found" });
  }
}

const getDb = useTestDatabase();
const github = new FakeGithub();
let server: TestServer;
const githubEnv = () => ({
  APP_URL,
  GITHUB_CLIENT_ID: CLIENT_ID,
  GITHUB_CLIENT_SECRET: CLIENT_SECRET,
  GITHUB_AUTHORIZE_URL: `${github.url}/login/oauth/authorize`,
  GITHUB_TOKEN_URL: `${github.url}/login/oauth/access_token`,
  GITHUB_API_URL: `${github.url}/api`,
});

beforeAll(async () => {
  await github.start();
  server = await startTestServer(getDb(), githubEnv());
  server.srv.ctx.config.github.redirectUri = `${server.url}/auth/github/callback`;
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => github.server?.close(resolve));
});
beforeEach(() => {
  github.authorizeError = null;
  github.failEmails = false;
});

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;


let nextId = 4_000_000 + Math.floor(Math.random() * 1_000_000);
const githubUser = (over: Partial<GithubUser> & { email?: string; verified?: boolean } = {}): GithubUser => {
  const { email = uniqueEmail("gh"), verified = true, ...rest } = over;
  return {
    id: nextId++,
    login: `octo-${randomBytes(3).toString("hex")}`,
    name: "Mona Octocat",
    avatar_url: "https://avatars.githubusercontent.com/u/583231?v=4",
    emails: [{ email, primary: true, verified, visibility: "private" }],
    ...rest,
  };
};

async function startAndAuthorize(browser: CookieBrowser, user: GithubUser | null, redirect?: string): Promise<URL> {
  github.next = user;
  const start = await browser.get(`${server.url}/auth/github/start${redirect === undefined ? "" : `?redirect=${encodeURIComponent(redirect)}`}`);
  expect({ status: start.status, toGithub: start.location?.startsWith(`${github.url}/login/oauth/authorize?`) }).toEqual({ status: 302, toGithub: true });
  const authorize = await browser.get(start.location!);
  expect(authorize.status).toBe(302);
  return new URL(authorize.location!);
}

async function signIn(user: GithubUser, opts: { browser?: CookieBrowser; redirect?: string } = {}) {
  const browser = opts.browser ?? new CookieBrowser();
  const callbackUrl = await startAndAuthorize(browser, user, opts.redirect);
  const res = await browser.get(callbackUrl.href);
  return { ...res, browser, callbackUrl };
}

const accessTokenOf = (browser: CookieBrowser) => accessTokenFromCookie(server, browser, APP_URL);

const snapshot = () => signInSnapshot(getDb());
const identitiesOf = (userId: string) => q("select provider, subject from app_private.user_identities where user_id = $1 order by provider", [userId]);

describe("GET /auth/github/start", () => {
  it("redirects to GitHub's authorize page with state and PKCE S256, keeping them in a signed Lax cookie", async () => {
    const res = await new CookieBrowser().get(`${server.url}/auth/github/start`);
    expect(res.status).toBe(302);
    const url = new URL(res.location!);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      redirect_uri: `${server.url}/auth/github/callback`,
      scope: "read:user user:email",
      state: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: "S256",
      allow_signup: "false",
    });
    const cookie = res.setCookies.find((c) => c.startsWith("ls_github_oauth="))!;
    expect(cookie).toMatch(/; Max-Age=600; Path=\/auth\/github;.*HttpOnly.*SameSite=Lax/);
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example"])("refuses redirect=%s before going anywhere", async (redirect) => {
    const res = await new CookieBrowser().get(`${server.url}/auth/github/start?redirect=${encodeURIComponent(redirect)}`);
    expect({ status: res.status, code: res.body.error.code, location: res.location, cookies: res.setCookies }).toEqual({
      status: 422,
      code: "INVLD",
      location: null,
      cookies: [],
    });
  });
});

describe("GET /auth/github/callback", () => {
  it("creates a user and workspace from /user and the primary verified email, keyed by GitHub's numeric id", async () => {
    const gh = githubUser({ name: "Gita Hub" });
    const before = await snapshot();
    const res = await signIn(gh, { redirect: "/welcome" });
    expect({ status: res.status, location: res.location }).toEqual({ status: 302, location: `${APP_URL}/welcome` });
    expect(res.browser.cookies.has("ls_github_oauth")).toBe(false);
    const token = await accessTokenOf(res.browser);
    expect(decodeJwt(token).payload).toMatchObject({ amr: ["oauth"], aal: "aal1" });
    const me = await server.graphql(`{ currentUser { rowId email name isVerified avatarUrl } }`, undefined, bearer(token));
    expect(me.body.data!.currentUser).toEqual({ rowId: decodeJwt(token).payload.sub, email: gh.emails[0].email, name: "Gita Hub", isVerified: true, avatarUrl: gh.avatar_url });
    expect(await identitiesOf(decodeJwt(token).payload.sub)).toEqual([{ provider: "github", subject: String(gh.id) }]);
    const after = await snapshot();
    expect([after.users, after.tenants, after.identities]).toEqual([before.users + 1, before.tenants + 1, before.identities + 1]);
    // The code was exchanged with the PKCE verifier and the app's secret, at the registered redirect URI.
    const exchange = github.tokenBodies.at(-1)!;
    expect(Object.fromEntries(exchange)).toEqual({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      code: res.callbackUrl.searchParams.get("code"),
      redirect_uri: `${server.url}/auth/github/callback`,
      code_verifier: expect.stringMatching(/^[\w-]{43}$/),
    });
  });

  it("names the user by their login when GitHub has no display name, and signs the same id in again after an email change", async () => {
    const gh = githubUser({ name: null });
    const first = decodeJwt(await accessTokenOf((await signIn(gh)).browser)).payload;
    expect(await q("select name from app_public.users where id = $1", [first.sub])).toEqual([{ name: gh.login }]);
    const before = await snapshot();
    const moved = { ...gh, emails: [{ email: uniqueEmail("moved"), primary: true, verified: true, visibility: null }] };
    const second = decodeJwt(await accessTokenOf((await signIn(moved)).browser)).payload;
    expect({ sub: second.sub, tid: second.tid }).toEqual({ sub: first.sub, tid: first.tid });
    const after = await snapshot();
    expect([after.users, after.tenants, after.identities]).toEqual([before.users, before.tenants, before.identities]);
  });

  it("links the verified primary email to an existing verified account, which keeps its password", async () => {
    const existing = await signUp(server, { name: "Vera Verified" });
    await q("update app_public.users set is_verified = true where id = $1", [existing.userId]);
    const gh = githubUser({ email: existing.email.toUpperCase() });
    const res = await signIn(gh);
    expect(decodeJwt(await accessTokenOf(res.browser)).payload).toMatchObject({ sub: existing.userId, tid: existing.tenantId });
    expect(await identitiesOf(existing.userId)).toEqual([{ provider: "github", subject: String(gh.id) }]);
    expect((await login(server, existing.email, GOOD_PASSWORD)).status).toBe(200);
  });

  it("links to an unverified password account but drops its password and sessions (it may be a squatter's)", async () => {
    const squatted = await signUp(server);
    const res = await signIn(githubUser({ email: squatted.email }));
    expect(decodeJwt(await accessTokenOf(res.browser)).payload.sub).toBe(squatted.userId);
    expect((await login(server, squatted.email, GOOD_PASSWORD)).body.error.code).toBe("CREDS");
    expect((await server.post("/auth/refresh", { refreshToken: squatted.refreshToken })).body.error.code).toBe("BADTK");
  });

  it("uses only the primary address: a verified secondary one matching an account links nothing", async () => {
    const existing = await signUp(server);
    await q("update app_public.users set is_verified = true where id = $1", [existing.userId]);
    const gh = githubUser();
    gh.emails.push({ email: existing.email, primary: false, verified: true, visibility: null });
    const res = await signIn(gh);
    expect(decodeJwt(await accessTokenOf(res.browser)).payload.sub).not.toBe(existing.userId);
    expect(await identitiesOf(existing.userId)).toEqual([]);
  });

  it("refuses an unverified primary email matching an existing account (EMUNV), and changes nothing", async () => {
    const existing = await signUp(server);
    const before = await snapshot();
    const res = await signIn(githubUser({ email: existing.email, verified: false }));
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 409, code: "EMUNV" });
    expect(res.browser.cookies.has("ls_refresh")).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect((await login(server, existing.email, GOOD_PASSWORD)).status).toBe(200);
  });

  it("creates no account from an unverified or missing primary email (OAEML), but still signs in an id linked before", async () => {
    for (const emails of [
      [{ email: uniqueEmail("unverified"), primary: true, verified: false, visibility: null }],
      [{ email: uniqueEmail("secondary"), primary: false, verified: true, visibility: null }],
      [],
    ]) {
      const before = await snapshot();
      const res = await signIn(githubUser({ emails }));
      expect({ emails, status: res.status, code: res.body.error.code }).toEqual({ emails, status: 422, code: "OAEML" });
      expect(await snapshot()).toEqual(before);
    }
    const linked = githubUser();
    const userId = decodeJwt(await accessTokenOf((await signIn(linked)).browser)).payload.sub;
    linked.emails = [{ ...linked.emails[0], verified: false }];
    expect(decodeJwt(await accessTokenOf((await signIn(linked)).browser)).payload.sub).toBe(userId);
  });

  it("asks for the second factor when the user has MFA on, without starting a session", async () => {
    const gh = githubUser();
    const userId = decodeJwt(await accessTokenOf((await signIn(gh)).browser)).payload.sub;
    const secret = newTotpSecret();
    await q("insert into app_private.mfa_totp (user_id, secret, confirmed_at) values ($1, $2, now())", [userId, secret]);
    const sessions = (await snapshot()).sessions;
    const res = await signIn(gh);
    const fragment = new URLSearchParams(new URL(res.location!).hash.slice(1));
    expect(fragment.get("mfaRequired")).toBe("1");
    expect((await snapshot()).sessions).toBe(sessions);
    const verified = await server.post("/auth/mfa/verify", { mfaToken: fragment.get("mfaToken"), code: await generate({ secret }), tokenTransport: "body" });
    expect(decodeJwt(verified.body.accessToken).payload).toMatchObject({ sub: userId, amr: ["oauth", "otp"], aal: "aal2" });
  });

  it("refuses a callback whose state is not this browser's attempt, before exchanging the code", async () => {
    const gh = githubUser();
    for (const tamper of [(u: URL) => u.searchParams.set("state", "attacker-chosen"), (u: URL) => u.searchParams.delete("state")]) {
      const browser = new CookieBrowser();
      const callbackUrl = await startAndAuthorize(browser, gh);
      tamper(callbackUrl);
      const [exchanges, before] = [github.tokenRequests, await snapshot()];
      const res = await browser.get(callbackUrl.href);
      expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 400, code: "BADRQ" });
      expect(github.tokenRequests).toBe(exchanges);
      expect(await snapshot()).toEqual(before);
    }
    // And from a browser that never started it (no cookie).
    const callbackUrl = await startAndAuthorize(new CookieBrowser(), gh);
    expect((await new CookieBrowser().get(callbackUrl.href)).body.error.code).toBe("BADRQ");
  });

  it("refuses a replayed callback: the cookie is spent, and a kept cookie meets a spent code", async () => {
    const browser = new CookieBrowser();
    const callbackUrl = await startAndAuthorize(browser, githubUser());
    const keptCookie = browser.cookies.get("ls_github_oauth")!;
    expect((await browser.get(callbackUrl.href)).status).toBe(302);
    const [exchanges, before] = [github.tokenRequests, await snapshot()];

    const sameBrowser = await browser.get(callbackUrl.href);
    expect({ status: sameBrowser.status, code: sameBrowser.body.error.code }).toEqual({ status: 400, code: "BADRQ" });
    expect(github.tokenRequests).toBe(exchanges);

    const thief = new CookieBrowser();
    thief.cookies.set("ls_github_oauth", keptCookie);
    const replay = await thief.get(callbackUrl.href);
    expect({ status: replay.status, code: replay.body.error.code }).toEqual({ status: 401, code: "BADTK" });
    expect(thief.cookies.has("ls_refresh")).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["access_denied", 403, "DNIED"],
    ["redirect_uri_mismatch", 400, "BADRQ"],
  ])("answers GitHub's error=%s with %i %s, exchanging nothing", async (error, status, code) => {
    github.authorizeError = error;
    const browser = new CookieBrowser();
    const callbackUrl = await startAndAuthorize(browser, githubUser());
    expect(callbackUrl.searchParams.get("error")).toBe(error);
    const [exchanges, before] = [github.tokenRequests, await snapshot()];
    const res = await browser.get(callbackUrl.href);
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status, code });
    expect(github.tokenRequests).toBe(exchanges);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 503 OAUDN with a reference id when GitHub's API fails, and creates nothing", async () => {
    github.failEmails = true;
    const before = await snapshot();
    const res = await signIn(githubUser());
    expect(res.status).toBe(503);
    expect(res.body.error).toEqual({ code: "OAUDN", message: expect.stringMatching(/^GitHub sign-in is unavailable.*Reference: [0-9a-f-]{36}$/) });
    expect(await snapshot()).toEqual(before);
  });
});

describe("configuration", () => {
  it("answers 503 OAUDN when GitHub refuses the app's credentials (an operator's mistake, logged)", async () => {
    const wrong = await startTestServer(getDb(), { ...githubEnv(), GITHUB_CLIENT_SECRET: "not-the-secret" });
    try {
      wrong.srv.ctx.config.github.redirectUri = `${wrong.url}/auth/github/callback`;
      const browser = new CookieBrowser();
      github.next = githubUser();
      const authorize = await browser.get((await browser.get(`${wrong.url}/auth/github/start`)).location!);
      const res = await browser.get(authorize.location!);
      expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 503, code: "OAUDN" });
    } finally {
      await wrong.close();
    }
  });

  it("answers both routes with 404 OAUNC unless both GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET are set", async () => {
    for (const env of [{ GITHUB_CLIENT_ID: "" }, { GITHUB_CLIENT_SECRET: "" }]) {
      const off = await startTestServer(getDb(), { ...githubEnv(), ...env });
      try {
        for (const path of ["/auth/github/start", "/auth/github/callback?code=x&state=y"]) {
          const res = await new CookieBrowser().get(`${off.url}${path}`);
          expect({ path, status: res.status, code: res.body.error.code, cookies: res.setCookies }).toEqual({ path, status: 404, code: "OAUNC", cookies: [] });
        }
      } finally {
        await off.close();
      }
    }
  });

  it("refuses GitHub endpoints over plain http to another host at start-up", () => {
    expect(() => loadConfig({ NODE_ENV: "test", GITHUB_API_URL: "http://github.example.com/api/v3" })).toThrow(/GITHUB_API_URL must be an https URL/);
    expect(loadConfig({ NODE_ENV: "test", GITHUB_API_URL: "https://ghe.example.com/api/v3/" }).github.apiUrl).toBe("https://ghe.example.com/api/v3");
  });
});
