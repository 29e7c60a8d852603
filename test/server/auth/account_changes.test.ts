/**
 * Password and email changes, and the welcome email, end to end: real
 * routes, the real worker tasks (runJobs) and a real SMTP server whose
 * messages we read the links from. Bad input answers a coded error and
 * changes nothing.
 */
import { createHash } from "node:crypto";
import { bearer, GOOD_PASSWORD, login, signUp, uniqueEmail } from "../../helpers/auth";
import { useTestDatabase } from "../../helpers/db";
import { eventually } from "../../helpers/expect";
import { getJobs, runJobs } from "../../helpers/jobs";
import { startTestServer, type TestServer } from "../../helpers/server";
import { useTestSmtp } from "../../helpers/smtp";
import { loadConfig } from "../../../core/config";

const getDb = useTestDatabase();
const getSmtp = useTestSmtp();
let server: TestServer;
beforeAll(async () => {
  // Its page tests drive the server's minimal email-link pages (the console's own: test/browser/console_email_links).
  server = await startTestServer(getDb(), { EMAIL_LINK_PAGES: "minimal" });
});
afterAll(() => server?.close());

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;
const NEW_PASSWORD = "a brand new passphrase 42";
const errorOf = (res: { status: number; body: any }) => ({ status: res.status, code: res.body?.error?.code });

function mailsTo(email: string): string[] {
  return getSmtp().received
    .filter((m) => m.to.map((t) => t.toLowerCase()).includes(email.toLowerCase()))
    .map((m) => m.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
}
function confirmToken(email: string): string {
  const token = mailsTo(email).reverse().map((t) => t.match(/\/confirm-email\?token=([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/)?.[1]).find(Boolean);
  if (!token) throw new Error(`no confirm-email link for ${email}`);
  return token;
}
const passwordHash = async (userId: string) => (await q("select password_hash from app_private.user_secrets where user_id = $1", [userId]))[0].password_hash;
const liveSessions = async (userId: string) =>
  (await q("select count(*)::int as n from app_private.refresh_token_families where user_id = $1 and revoked_at is null", [userId]))[0].n;

describe("POST /auth/password", () => {
  it("changes the password with the current one and signs out every other session, not this one", async () => {
    const user = await signUp(server);
    const other = (await login(server, user.email, GOOD_PASSWORD)).body;
    const res = await server.post("/auth/password", { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD }, bearer(user.accessToken));
    expect(res).toMatchObject({ status: 200, body: { status: "password_changed", sessionsEnded: 1 } });

    expect(errorOf(await server.post("/auth/refresh", { refreshToken: other.refreshToken }))).toEqual({ status: 401, code: "BADTK" });
    expect((await server.post("/auth/refresh", { refreshToken: user.refreshToken })).status).toBe(200);
    expect(errorOf(await login(server, user.email, GOOD_PASSWORD))).toEqual({ status: 401, code: "CREDS" });
    expect((await login(server, user.email, NEW_PASSWORD)).status).toBe(200);
    expect(await q("select diff from app_public.audit_log where tenant_id = $1 and event = 'auth.password_changed'", [user.tenantId]))
      .toEqual([{ diff: { sessionsEnded: 1 } }]);
    expect(await q("select diff->>'reason' as reason from app_public.audit_log where tenant_id = $1 and event = 'auth.session_revoked'", [user.tenantId]))
      .toEqual([{ reason: "password changed" }]);
  });

  it("refuses a wrong current password (CREDS, then LOCKD) and a weak new one (WEAKP), changing nothing", async () => {
    const user = await signUp(server);
    const other = await login(server, user.email, GOOD_PASSWORD);
    const before = await passwordHash(user.userId);

    const weak = await server.post("/auth/password", { currentPassword: GOOD_PASSWORD, newPassword: "password1" }, bearer(user.accessToken));
    expect(errorOf(weak)).toEqual({ status: 422, code: "WEAKP" });
    for (let i = 0; i <= loadConfig().login.freeFailures; i++) { // the free failures, then the one that locks
      const wrong = await server.post("/auth/password", { currentPassword: "not my password at all", newPassword: NEW_PASSWORD }, bearer(user.accessToken));
      expect(errorOf(wrong)).toEqual({ status: 401, code: "CREDS" });
    }
    const locked = await server.post("/auth/password", { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD }, bearer(user.accessToken));
    expect(errorOf(locked)).toEqual({ status: 429, code: "LOCKD" });
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    const missing = await server.post("/auth/password", { newPassword: NEW_PASSWORD }, bearer(user.accessToken));
    expect(errorOf(missing)).toEqual({ status: 422, code: "INVLD" });
    expect(errorOf(await server.post("/auth/password", { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD }))).toEqual({ status: 401, code: "LOGIN" });

    expect(await passwordHash(user.userId)).toEqual(before);
    expect(await liveSessions(user.userId)).toBe(2);
    expect((await server.post("/auth/refresh", { refreshToken: other.body.refreshToken })).status).toBe(200);
    // The lock is per user for this check; signing in is not locked by it.
    expect((await login(server, user.email, GOOD_PASSWORD)).status).toBe(200);
  });
});

describe("email change", () => {
  it("mails a link to the new address, switches on confirmation, and tells the old address", async () => {
    const user = await signUp(server);
    const newEmail = uniqueEmail("moved");
    const res = await server.post("/auth/email", { newEmail, password: GOOD_PASSWORD }, bearer(user.accessToken));
    expect(res.status).toBe(202);
    expect(res.body.status).toBe("confirmation_sent");
    await runJobs(getDb());
    const token = confirmToken(newEmail);
    expect(mailsTo(newEmail).at(-1)).toContain(`${loadConfig().appUrl}/confirm-email?token=${token}`);
    // Stored only hashed; nothing changed yet.
    const [stored] = await q("select encode(token_hash, 'hex') as h from app_private.email_tokens where user_id = $1 and kind = 'change_email'", [user.userId]);
    expect(stored.h).toBe(createHash("sha256").update(token).digest("hex"));
    expect(await q("select email::text from app_public.users where id = $1", [user.userId])).toEqual([{ email: user.email }]);

    const confirmed = await server.post("/auth/email/confirm", { token });
    expect(confirmed).toMatchObject({ status: 200, body: { status: "email_changed", email: newEmail } });
    expect(await q("select email::text, is_verified from app_public.users where id = $1", [user.userId])).toEqual([{ email: newEmail, is_verified: true }]);
    expect(await q("select count(*)::int as n from app_public.audit_log where tenant_id = $1 and event = 'auth.email_changed'", [user.tenantId])).toEqual([{ n: 1 }]);
    await runJobs(getDb());
    const notice = mailsTo(user.email).at(-1)!;
    expect(notice).toContain("was changed");
    expect(notice).toContain(newEmail);
    expect(await q("select * from app_private.email_changes where user_id = $1", [user.userId])).toEqual([]); // the old address is gone too
    expect((await login(server, newEmail, GOOD_PASSWORD)).status).toBe(200);
    expect(errorOf(await login(server, user.email, GOOD_PASSWORD))).toEqual({ status: 401, code: "CREDS" });

    // The link is single use.
    expect(errorOf(await server.post("/auth/email/confirm", { token }))).toEqual({ status: 410, code: "LNKEX" });
    // A re-run of the notice job sends nothing more.
    const count = getSmtp().received.length;
    await getDb().ownerPool.query("select graphile_worker.add_job('user__send_email_changed_notice', json_build_object('userId', $1::uuid))", [user.userId]);
    await runJobs(getDb());
    expect(getSmtp().received.length).toBe(count);
  });

  it("answers the same for an address another account uses, and mails nothing and stores nothing for it", async () => {
    const user = await signUp(server);
    const taken = await signUp(server);
    await runJobs(getDb());
    const mailsBefore = mailsTo(taken.email).length;
    const free = await server.post("/auth/email", { newEmail: uniqueEmail("free"), password: GOOD_PASSWORD }, bearer(user.accessToken));
    const inUse = await server.post("/auth/email", { newEmail: taken.email.toUpperCase(), password: GOOD_PASSWORD }, bearer(user.accessToken));
    expect({ status: inUse.status, body: inUse.body }).toEqual({ status: free.status, body: free.body });
    await runJobs(getDb());
    expect(mailsTo(taken.email)).toHaveLength(mailsBefore);
    expect(await q("select * from app_private.email_changes where user_id = $1", [user.userId])).toEqual([]);
    // …and the earlier (free) request's link died with it.
    expect(await q("select count(*)::int as n from app_private.email_tokens where user_id = $1 and kind = 'change_email' and used_at is null", [user.userId])).toEqual([{ n: 0 }]);
    expect(await q("select email::text from app_public.users where id = $1", [user.userId])).toEqual([{ email: user.email }]);
  });

  it("a newer request voids the older link, and an address taken meanwhile is NUNIQ at confirmation, changing nothing", async () => {
    const user = await signUp(server);
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    await server.post("/auth/email", { newEmail: first, password: GOOD_PASSWORD }, bearer(user.accessToken));
    await runJobs(getDb());
    const firstToken = confirmToken(first);
    await server.post("/auth/email", { newEmail: second, password: GOOD_PASSWORD }, bearer(user.accessToken));
    expect(errorOf(await server.post("/auth/email/confirm", { token: firstToken }))).toEqual({ status: 410, code: "LNKEX" });
    await runJobs(getDb());
    const secondToken = confirmToken(second);

    await signUp(server, { email: second }); // someone registers the address before the link is opened
    expect(errorOf(await server.post("/auth/email/confirm", { token: secondToken }))).toEqual({ status: 409, code: "NUNIQ" });
    expect(await q("select email::text from app_public.users where id = $1", [user.userId])).toEqual([{ email: user.email }]);
    expect(await q("select count(*)::int as n from app_public.audit_log where tenant_id = $1 and event = 'auth.email_changed'", [user.tenantId])).toEqual([{ n: 0 }]);
  });

  it("refuses a wrong password, the current address, a malformed one and a bad link, queueing nothing", async () => {
    const user = await signUp(server);
    await runJobs(getDb());
    const cases = [
      [{ newEmail: uniqueEmail(), password: "not my password at all" }, 401, "CREDS"],
      [{ newEmail: user.email.toUpperCase(), password: GOOD_PASSWORD }, 422, "INVLD"],
      [{ newEmail: "not an email", password: GOOD_PASSWORD }, 422, "INVLD"],
    ] as const;
    for (const [body, status, code] of cases) expect(errorOf(await server.post("/auth/email", body, bearer(user.accessToken)))).toEqual({ status, code });
    expect(errorOf(await server.post("/auth/email", { newEmail: uniqueEmail(), password: GOOD_PASSWORD }))).toEqual({ status: 401, code: "LOGIN" });
    expect(errorOf(await server.post("/auth/email/confirm", { token: "x".repeat(43) }))).toEqual({ status: 410, code: "LNKEX" });
    expect(errorOf(await server.post("/auth/email/confirm", {}))).toEqual({ status: 422, code: "INVLD" });
    expect(await getJobs(getDb(), "user__send_email_change_email")).toEqual([]);
    expect(await q("select * from app_private.email_changes where user_id = $1", [user.userId])).toEqual([]);
  });

  it("serves the /confirm-email page the link opens", async () => {
    const res = await fetch(`${server.url}/confirm-email`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("confirm-email.js");
    expect(text).toContain("Use this address for my account");
  });
});

describe("welcome email", () => {
  it("is sent once on user.created, through the event bus, even when the event is dispatched again", async () => {
    const user = await signUp(server);
    const welcomes = () => mailsTo(user.email).filter((m) => m.includes("Subject: Welcome to LogicSpike"));
    // Three jobs in a row (events__dispatch -> events__subscriber -> user__send_welcome_email); on a loaded
    // machine one run-once pass can end before the last is due, so run the queue until the email is there.
    await eventually("the welcome email", async () => {
      await runJobs(getDb());
      return welcomes().length > 0;
    });
    expect(welcomes()).toHaveLength(1);
    expect(welcomes()[0]).toContain(`Hello ${user.name}`);
    expect(await q("select count(*)::int as n from app_private.welcome_emails where user_id = $1", [user.userId])).toEqual([{ n: 1 }]);

    await getDb().ownerPool.query(
      "select app_private.dispatch_event(id, array['welcome_email']) from app_private.events where type = 'user.created' and payload->>'userId' = $1",
      [user.userId],
    );
    await runJobs(getDb());
    await getDb().ownerPool.query("select graphile_worker.add_job('user__send_welcome_email', json_build_object('userId', $1::uuid))", [user.userId]);
    await runJobs(getDb());
    expect(welcomes()).toHaveLength(1);
  });
});
