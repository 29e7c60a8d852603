/**
 * Passwordless sign-in by email end to end: the real routes, the real worker
 * task (runJobs) and a real SMTP server whose messages we read the link and
 * the code from, as a user would.
 */
import { createHash } from "node:crypto";
import { bearer, decodeJwt, GOOD_PASSWORD, login, signUp, uniqueEmail, type TestUser } from "../../helpers/auth";
import { useTestDatabase } from "../../helpers/db";
import { getJobs, runJobs } from "../../helpers/jobs";
import { startTestServer, type TestServer } from "../../helpers/server";
import { mailedLink, useTestSmtp } from "../../helpers/smtp";
import { totp, wrongCode } from "../../helpers/totp";
import { launchBrowser } from "../../helpers/browser";

const getDb = useTestDatabase();
const getSmtp = useTestSmtp();
let server: TestServer;

beforeAll(async () => {
  // Its page tests drive the server's minimal email-link pages (the console's own: test/browser/console_email_links).
  server = await startTestServer(getDb(), { EMAIL_LINK_PAGES: "minimal" });
});
afterAll(() => server?.close());

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;
const sha256 = (s: string) => createHash("sha256").update(s).digest();
const errorOf = (res: { status: number; body: any }) => ({ status: res.status, code: res.body?.error?.code });
const SAME_ANSWER = { status: "magic_link_requested", message: "If an account uses this email, we sent it a sign-in link and code. Check your inbox." };

const mailsTo = (email: string) => getSmtp().received.filter((m) => m.to.includes(email.toLowerCase()));
const decoded = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** Requests a sign-in email, runs the worker, and returns the token and code of the newest one. */
async function requestEmail(email: string, extra: Record<string, unknown> = {}): Promise<{ token: string; code: string; link: string }> {
  const res = await server.post("/auth/magic-link", { email, ...extra });
  expect(res).toMatchObject({ status: 202, body: SAME_ANSWER });
  await runJobs(getDb());
  const link = mailedLink(getSmtp(), email, "/magic-link");
  const text = mailsTo(email).map((m) => decoded(m.raw)).reverse().find((t) => t.includes(link))!;
  const code = text.match(/enter this code: (\d{6})/)?.[1];
  if (!code) throw new Error("no code in the email");
  return { token: new URL(link).searchParams.get("token")!, code, link };
}

const verify = (body: Record<string, unknown>) => server.post("/auth/magic-link/verify", { tokenTransport: "body", ...body });
const currentUser = async (accessToken: string) =>
  (await server.graphql("{ currentUser { rowId isVerified } }", undefined, bearer(accessToken))).body.data?.currentUser;
const activeLinks = (userId: string) =>
  q("select failed_codes, used_at, voided_at from app_private.magic_links where user_id = $1 and used_at is null and voided_at is null", [userId]);

describe("POST /auth/magic-link", () => {
  it("emails a link to APP_URL/magic-link and a 6-digit code, both stored only hashed, 15 minutes", async () => {
    const user = await signUp(server);
    const { token, code, link } = await requestEmail(user.email);
    expect(link.startsWith(`${server.srv.ctx.config.appUrl}/magic-link?token=`)).toBe(true);
    expect(code).toMatch(/^\d{6}$/);
    const rows = await q("select token_hash, code_hash, round(extract(epoch from expires_at - created_at)) as ttl from app_private.magic_links where user_id = $1", [user.userId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toEqual(sha256(token));
    expect(rows[0].code_hash).toEqual(sha256(`${user.userId}:${code}`));
    expect(Number(rows[0].ttl)).toBe(900);
    const dump = JSON.stringify(await q("select * from app_private.magic_links where user_id = $1", [user.userId]));
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(code);
  });

  it("answers an unknown address the same 202 and sends nothing", async () => {
    const email = uniqueEmail("nobody");
    const res = await server.post("/auth/magic-link", { email });
    expect(res).toMatchObject({ status: 202, body: SAME_ANSWER });
    expect(await getJobs(getDb(), "user__send_magic_link_email")).toEqual([]);
    await runJobs(getDb());
    expect(mailsTo(email)).toEqual([]);
    // Neither a user nor a request row appears for it.
    expect(await q("select 1 from app_public.users where email = $1", [email])).toEqual([]);
  });

  it("refuses a redirect that leaves the app and a malformed email (INVLD), queueing nothing", async () => {
    const user = await signUp(server);
    for (const body of [{ email: user.email, redirect: "//evil.example" }, { email: user.email, redirect: "https://evil.example/" }, { email: "not-an-email" }]) {
      expect(errorOf(await server.post("/auth/magic-link", body))).toEqual({ status: 422, code: "INVLD" });
    }
    expect(await getJobs(getDb(), "user__send_magic_link_email")).toEqual([]);
  });

  it("limits requests per address (existing or not, the same way) and per IP: 429 RATLM with Retry-After", async () => {
    const user = await signUp(server);
    const unknown = uniqueEmail("nobody");
    for (const email of [user.email, unknown]) {
      for (let i = 0; i < 5; i++) expect((await server.post("/auth/magic-link", { email })).status).toBe(202);
      const refused = await server.post("/auth/magic-link", { email });
      expect(errorOf(refused)).toEqual({ status: 429, code: "RATLM" });
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3500);
    }
    // Another address is not affected.
    const other = await signUp(server);
    expect((await server.post("/auth/magic-link", { email: other.email })).status).toBe(202);

    const strict = await startTestServer(getDb(), { MAGIC_LINK_MAX_PER_IP: "3" });
    try {
      // The IP's count already holds this file's earlier requests, so a fresh IP limit of 3 is reached at once.
      const res = await strict.post("/auth/magic-link", { email: uniqueEmail("fresh") });
      expect(errorOf(res)).toEqual({ status: 429, code: "RATLM" });
    } finally {
      await strict.close();
    }
  });
});

describe("POST /auth/magic-link/verify", () => {
  it("signs in with the link like a password login (session, refresh, access token), exactly once", async () => {
    const user = await signUp(server);
    const { token } = await requestEmail(user.email, { redirect: "/settings/profile" });
    const res = await verify({ token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: "Bearer", tenantId: user.tenantId, redirect: "/settings/profile" });
    expect(decodeJwt(res.body.accessToken).payload).toMatchObject({ sub: user.userId, tid: user.tenantId, amr: ["email"], aal: "aal1" });
    expect((await currentUser(res.body.accessToken)).rowId).toBe(user.userId);
    expect((await server.post("/auth/refresh", { refreshToken: res.body.refreshToken })).status).toBe(200);

    const sessions = await q("select count(*)::int as n from app_private.refresh_token_families where user_id = $1 and revoked_at is null", [user.userId]);
    expect(errorOf(await verify({ token }))).toEqual({ status: 410, code: "LNKEX" });
    expect(await q("select count(*)::int as n from app_private.refresh_token_families where user_id = $1 and revoked_at is null", [user.userId])).toEqual(sessions);
  });

  it("signs in with the code from the email (the cookie transport works too)", async () => {
    const user = await signUp(server);
    const { code } = await requestEmail(user.email);
    const res = await server.post("/auth/magic-link/verify", { email: user.email.toUpperCase(), code, tokenTransport: "cookie" });
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toBeUndefined();
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(decodeJwt(res.body.accessToken).payload.sub).toBe(user.userId);
    expect(errorOf(await verify({ email: user.email, code }))).toEqual({ status: 401, code: "MLCOD" });
  });

  it("asks for the second factor when MFA is on (the link is one factor), then signs in", async () => {
    const user = await signUp(server);
    const enrol = await server.post("/auth/mfa/totp/enroll", {}, bearer(user.accessToken));
    expect((await server.post("/auth/mfa/totp/confirm", { code: await totp(enrol.body.secret, -1) }, bearer(user.accessToken))).status).toBe(200);
    const { token } = await requestEmail(user.email);
    const res = await verify({ token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mfaRequired: true, mfaToken: expect.any(String) });
    expect(res.body.accessToken).toBeUndefined();
    expect(errorOf(await server.post("/auth/mfa/verify", { mfaToken: res.body.mfaToken, code: await wrongCode(enrol.body.secret), tokenTransport: "body" })))
      .toEqual({ status: 401, code: "MFACD" });
    const done = await server.post("/auth/mfa/verify", { mfaToken: res.body.mfaToken, code: await totp(enrol.body.secret), tokenTransport: "body" });
    expect(done.status).toBe(200);
    expect(decodeJwt(done.body.accessToken).payload).toMatchObject({ sub: user.userId, aal: "aal2" });
  });

  it("refuses an expired link and code (LNKEX, MLCOD), changing nothing", async () => {
    const user = await signUp(server);
    const { token, code } = await requestEmail(user.email);
    await q("update app_private.magic_links set expires_at = now() - interval '1 second' where user_id = $1", [user.userId]);
    const before = await q("select * from app_private.magic_links where user_id = $1", [user.userId]);
    expect(errorOf(await verify({ token }))).toEqual({ status: 410, code: "LNKEX" });
    expect(errorOf(await verify({ email: user.email, code }))).toEqual({ status: 401, code: "MLCOD" });
    expect(await q("select * from app_private.magic_links where user_id = $1", [user.userId])).toEqual(before);
  });

  it("voids the earlier email when a newer one is requested", async () => {
    const user = await signUp(server);
    const first = await requestEmail(user.email);
    const second = await requestEmail(user.email);
    expect(second.token).not.toBe(first.token);
    expect(errorOf(await verify({ token: first.token }))).toEqual({ status: 410, code: "LNKEX" });
    if (first.code !== second.code) expect(errorOf(await verify({ email: user.email, code: first.code }))).toEqual({ status: 401, code: "MLCOD" });
    expect((await verify({ token: second.token })).status).toBe(200);
  });

  it("voids the request after 5 wrong codes, so even the right code is then refused", async () => {
    const user = await signUp(server);
    const { token, code } = await requestEmail(user.email);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    for (let i = 1; i <= 4; i++) {
      expect(errorOf(await verify({ email: user.email, code: wrong }))).toEqual({ status: 401, code: "MLCOD" });
      expect(await activeLinks(user.userId)).toEqual([{ failed_codes: i, used_at: null, voided_at: null }]);
    }
    expect(errorOf(await verify({ email: user.email, code: wrong }))).toEqual({ status: 401, code: "MLCOD" });
    expect(await activeLinks(user.userId)).toEqual([]);
    expect(errorOf(await verify({ email: user.email, code }))).toEqual({ status: 401, code: "MLCOD" });
    expect(errorOf(await verify({ token }))).toEqual({ status: 410, code: "LNKEX" });
    expect(await q("select 1 from app_private.refresh_token_families where user_id = $1 and amr = '{email}'", [user.userId])).toEqual([]);
  });

  it("answers a code for an unknown address, or one with no request, exactly like a wrong code", async () => {
    const user = await signUp(server);
    expect(errorOf(await verify({ email: uniqueEmail("nobody"), code: "123456" }))).toEqual({ status: 401, code: "MLCOD" });
    expect(errorOf(await verify({ email: user.email, code: "123456" }))).toEqual({ status: 401, code: "MLCOD" });
    expect(errorOf(await verify({ token: "x".repeat(43) }))).toEqual({ status: 410, code: "LNKEX" });
    expect(errorOf(await verify({ email: user.email, code: "12345" }))).toEqual({ status: 422, code: "INVLD" });
    expect(errorOf(await verify({}))).toEqual({ status: 422, code: "INVLD" });
  });

  it("marks the email verified; a password set before the address was proven stops working", async () => {
    const user: TestUser = await signUp(server);
    expect((await currentUser(user.accessToken)).isVerified).toBe(false);
    const { token } = await requestEmail(user.email);
    const res = await verify({ token });
    expect(res.status).toBe(200);
    expect((await currentUser(res.body.accessToken)).isVerified).toBe(true);
    // Whoever registered the address before its owner proved it loses the password and the session.
    expect(errorOf(await login(server, user.email, GOOD_PASSWORD))).toEqual({ status: 401, code: "CREDS" });
    expect(errorOf(await server.post("/auth/refresh", { refreshToken: user.refreshToken }))).toEqual({ status: 401, code: "BADTK" });
    expect((await server.post("/auth/refresh", { refreshToken: res.body.refreshToken })).status).toBe(200);
  });

  it("keeps the password of an already verified account", async () => {
    const user = await signUp(server);
    await q("update app_public.users set is_verified = true where id = $1", [user.userId]);
    const { code } = await requestEmail(user.email);
    expect((await verify({ email: user.email, code })).status).toBe(200);
    expect((await login(server, user.email, GOOD_PASSWORD)).status).toBe(200);
    expect((await server.post("/auth/refresh", { refreshToken: user.refreshToken })).status).toBe(200);
  });

  it("keeps its hashes out of the data export, and goes with the account", async () => {
    const user = await signUp(server);
    await requestEmail(user.email);
    const [{ token_hash, code_hash }] = await q("select token_hash, code_hash from app_private.magic_links where user_id = $1", [user.userId]);
    const [{ archive }] = await q("select app_private.data_export_archive($1)::text as archive", [user.userId]);
    for (const hash of [token_hash as Buffer, code_hash as Buffer]) {
      expect(archive).not.toContain(hash.toString("hex"));
      expect(archive).not.toContain(hash.toString("base64"));
    }
    expect((await server.post("/auth/account/delete", { password: GOOD_PASSWORD }, bearer(user.accessToken))).status).toBe(200);
    expect(await q("select 1 from app_private.magic_links where user_id = $1", [user.userId])).toEqual([]);
  });

  it("lists the user's sign-in emails in the data export: times, state and wrong codes, no hashes", async () => {
    const user = await signUp(server);
    await requestEmail(user.email, { redirect: "/billing" });
    expect(errorOf(await verify({ email: user.email, code: "000000" })).code).toBe("MLCOD");
    const [{ archive }] = await q("select app_private.data_export_archive($1) as archive", [user.userId]);
    expect(archive.magicLinks).toEqual([
      { createdAt: expect.any(String), expiresAt: expect.any(String), usedAt: null, voidedAt: null, failedCodes: 1, redirect: "/billing" },
    ]);
    expect(Object.keys(archive.magicLinks[0]).filter((k) => /hash|token|code$/i.test(k))).toEqual([]);
  });

  it("user__expire_magic_links deletes expired links and rate-limit rows past the hour, and only those", async () => {
    const stale = await signUp(server);
    const fresh = await signUp(server);
    await requestEmail(stale.email);
    await requestEmail(fresh.email);
    await q("update app_private.magic_links set created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' where user_id = $1", [stale.userId]);
    const staleKey = sha256(`email:${stale.email.toLowerCase()}`);
    const requestsOf = async (key: Buffer) => Number((await q("select count(*) from app_private.magic_link_requests where key_hash = $1", [key]))[0].count);
    expect(await requestsOf(staleKey)).toBe(1);
    await q("update app_private.magic_link_requests set requested_at = now() - interval '61 minutes' where key_hash = $1", [staleKey]);
    const requestsBefore = Number((await q("select count(*) from app_private.magic_link_requests"))[0].count);

    await q("select graphile_worker.add_job('user__expire_magic_links')");
    await runJobs(getDb());
    expect(await getJobs(getDb(), "user__expire_magic_links")).toEqual([]); // ran and succeeded
    expect(await q("select 1 from app_private.magic_links where user_id = $1", [stale.userId])).toEqual([]);
    expect(await activeLinks(fresh.userId)).toHaveLength(1);
    expect(await requestsOf(staleKey)).toBe(0);
    // The stale address's row and nothing else (its IP row is recent: it was made by the second request too).
    expect(Number((await q("select count(*) from app_private.magic_link_requests"))[0].count)).toBe(requestsBefore - 1);
    // The fresh link still signs in.
    const { token } = await requestEmail(fresh.email);
    expect((await verify({ token })).status).toBe(200);
  });

  it("the emailed link opens the built-in page, whose script only acts on a click", async () => {
    const user = await signUp(server);
    const { link } = await requestEmail(user.email);
    const page = await fetch(`${server.url}${new URL(link).pathname}${new URL(link).search}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const script = (await page.text()).match(/<script type="module" src="([^"]+magic-link\.js)"/)?.[1];
    expect(script).toBeDefined();
    const js = await fetch(`${server.url}${script}`);
    expect(js.status).toBe(200);
    expect(await js.text()).toContain('onSubmit(linkForm, async () => {\n  const result = await api("/auth/magic-link/verify"');
    // Opening the page spent nothing: the link still signs in.
    expect((await verify({ token: new URL(link).searchParams.get("token") })).status).toBe(200);
  });

  it("signs in from the built-in page in a real browser, on a click, and lands on the requested path", async () => {
    const user = await signUp(server);
    const savedAppUrl = process.env.APP_URL;
    process.env.APP_URL = server.url; // runJobs reads it: the emailed link must open this server's page
    let link: string;
    try {
      ({ link } = await requestEmail(user.email, { redirect: "/sign-in" }));
    } finally {
      if (savedAppUrl === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = savedAppUrl;
    }
    expect(link.startsWith(`${server.url}/magic-link?token=`)).toBe(true);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => /Content[- ]Security[- ]Policy|Refused to/i.test(m.text()) && errors.push(m.text()));
      await page.goto(link);
      const button = page.locator("#magic-link-form button[type=submit]");
      await button.waitFor({ state: "visible", timeout: 15_000 });
      expect(page.url()).toBe(`${server.url}/magic-link`); // the token left the address bar
      expect(await activeLinks(user.userId)).toHaveLength(1); // loading the page spent nothing
      await button.click({ timeout: 15_000 }); // waits until the script has enabled it
      await page.waitForURL(`${server.url}/sign-in`, { timeout: 15_000 });
      await page.locator("#signed-in-as").filter({ hasText: `You are signed in as ${user.email}` }).waitFor({ timeout: 15_000 });
      expect(await activeLinks(user.userId)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
