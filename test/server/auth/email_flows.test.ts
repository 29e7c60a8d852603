/**
 * Email verification and password reset end to end: real HTTP routes, the
 * real worker tasks (runJobs) and a real SMTP server whose received messages
 * we read the links from, exactly as a user would click them.
 */
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { bearer, GOOD_PASSWORD, login, signUp, uniqueEmail } from "../../helpers/auth";
import { useTestDatabase } from "../../helpers/db";
import { getJobs, runJobs } from "../../helpers/jobs";
import { startTestServer, type TestServer } from "../../helpers/server";
import { useTestSmtp } from "../../helpers/smtp";
import { loadConfig } from "../../../core/config";
import { logger } from "../../../core/logger";

const getDb = useTestDatabase();
let server: TestServer;
const getSmtp = useTestSmtp();

beforeAll(async () => {
  server = await startTestServer(getDb());
});
afterAll(() => server?.close());

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;
const sha256 = (s: string) => createHash("sha256").update(s).digest();
const NEW_PASSWORD = "a brand new passphrase 42";

/** The decoded (quoted-printable) text of every message delivered to `email`, oldest first. */
function mailsTo(email: string): string[] {
  return getSmtp().received
    .filter((m) => m.to.map((t) => t.toLowerCase()).includes(email.toLowerCase()))
    .map((m) => m.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
}

/** The token in the newest `/path?token=` link sent to `email`. */
function tokenFromMail(email: string, path: "verify-email" | "reset-password"): string {
  const re = new RegExp(`/${path}\\?token=([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])`);
  const token = mailsTo(email).reverse().map((text) => text.match(re)?.[1]).find(Boolean);
  if (!token) throw new Error(`no ${path} email for ${email}`);
  return token;
}

const errorCode = (res: { body: any }) => res.body?.error?.code;
const isVerified = async (accessToken: string) =>
  (await server.graphql("{ currentUser { isVerified } }", undefined, bearer(accessToken))).body.data?.currentUser?.isVerified;

async function requestResetToken(email: string): Promise<string> {
  const res = await server.post("/auth/forgot-password", { email });
  expect(res.status).toBe(202);
  await runJobs(getDb());
  return tokenFromMail(email, "reset-password");
}

describe("email verification", () => {
  it("verifies with the emailed link (stored only hashed, 24 h expiry), exactly once", async () => {
    const user = await signUp(server);
    await runJobs(getDb());
    const token = tokenFromMail(user.email, "verify-email");
    // The welcome email (user.created) goes to the same address; the newest other mail is the verification.
    expect(mailsTo(user.email).filter((m) => !m.includes("Subject: Welcome to LogicSpike")).at(-1)).toContain(`${loadConfig().appUrl}/verify-email?token=${token}`);

    const [stored] = await q("select token_hash, extract(epoch from expires_at - now()) as ttl from app_private.email_tokens where user_id = $1 and kind = 'verify_email'", [user.userId]);
    expect(Buffer.compare(stored.token_hash, sha256(token))).toBe(0);
    expect(Number(stored.ttl)).toBeGreaterThan(86400 - 120);
    expect(Number(stored.ttl)).toBeLessThanOrEqual(86400);
    expect(await isVerified(user.accessToken)).toBe(false);

    const res = await server.post("/auth/verify-email", { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "verified" });
    expect(await isVerified(user.accessToken)).toBe(true);

    const again = await server.post("/auth/verify-email", { token });
    expect(again.status).toBe(410);
    expect(errorCode(again)).toBe("LNKEX");
  });

  it("rejects an expired link with LNKEX and changes nothing", async () => {
    const user = await signUp(server);
    await runJobs(getDb());
    const token = tokenFromMail(user.email, "verify-email");
    await getDb().ownerPool.query("update app_private.email_tokens set expires_at = now() - interval '1 second' where token_hash = $1", [sha256(token)]);

    const res = await server.post("/auth/verify-email", { token });
    expect({ status: res.status, code: errorCode(res) }).toEqual({ status: 410, code: "LNKEX" });
    expect(res.body.error.message).toMatch(/expired/);
    expect(await isVerified(user.accessToken)).toBe(false);
    expect((await q("select used_at from app_private.email_tokens where token_hash = $1", [sha256(token)]))[0].used_at).toBeNull();
  });

  it("rejects unknown and missing tokens", async () => {
    const unknown = await server.post("/auth/verify-email", { token: randomBytes(32).toString("base64url") });
    expect({ status: unknown.status, code: errorCode(unknown) }).toEqual({ status: 410, code: "LNKEX" });
    const missing = await server.post("/auth/verify-email", {});
    expect({ status: missing.status, code: errorCode(missing) }).toEqual({ status: 422, code: "INVLD" });
  });

  it("resends a fresh link to a signed-in unverified user (the old link stops working), and not once verified", async () => {
    const user = await signUp(server);
    await runJobs(getDb());
    const first = tokenFromMail(user.email, "verify-email");

    expect((await server.post("/auth/resend-verification", {})).status).toBe(401);
    const resent = await server.post("/auth/resend-verification", {}, bearer(user.accessToken));
    expect(resent.status).toBe(202);
    expect((await getJobs(getDb(), "user__send_verification_email")).map((j) => j.payload)).toContainEqual({ userId: user.userId });
    await runJobs(getDb());
    const second = tokenFromMail(user.email, "verify-email");
    expect(second).not.toBe(first);

    expect(errorCode(await server.post("/auth/verify-email", { token: first }))).toBe("LNKEX");
    expect((await server.post("/auth/verify-email", { token: second })).status).toBe(200);
    expect(await isVerified(user.accessToken)).toBe(true);

    const done = await server.post("/auth/resend-verification", {}, bearer(user.accessToken));
    expect(done).toMatchObject({ status: 200, body: { status: "already_verified" } });
    expect((await getJobs(getDb(), "user__send_verification_email")).filter((j) => j.payload.userId === user.userId)).toEqual([]);
  });
});

describe("registration with a taken email", () => {
  it("answers like a new registration, creates no user, and tells the owner by email", async () => {
    const owner = await signUp(server, { name: "Owner" });
    await runJobs(getDb());
    const before = mailsTo(owner.email).length;
    const fresh = await server.post("/auth/register", { email: uniqueEmail("fresh"), password: GOOD_PASSWORD, name: "Fresh" });
    const dup = await server.post("/auth/register", { email: owner.email.toUpperCase(), password: "another fine passphrase", name: "Mallory" });
    expect({ status: dup.status, body: dup.body }).toEqual({ status: fresh.status, body: fresh.body });
    expect(await q("select id from app_public.users where email = $1", [owner.email])).toEqual([{ id: owner.userId }]);

    await runJobs(getDb());
    const mails = mailsTo(owner.email);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)).toMatch(/Subject: You already have a LogicSpike account/);
    expect(mails.at(-1)).toContain("/forgot-password");
    expect(mails.at(-1)).not.toMatch(/token=/);
    expect((await login(server, owner.email, GOOD_PASSWORD)).status).toBe(200);
  });
});

describe("password reset", () => {
  it("answers forgot-password identically for unknown emails, queueing and sending nothing", async () => {
    const user = await signUp(server);
    const jobsBefore = (await getJobs(getDb(), "user__send_password_reset_email")).length;
    const unknownEmail = uniqueEmail("nobody");
    const unknown = await server.post("/auth/forgot-password", { email: unknownEmail });
    expect(await getJobs(getDb(), "user__send_password_reset_email")).toHaveLength(jobsBefore);
    const known = await server.post("/auth/forgot-password", { email: user.email });
    expect({ status: unknown.status, body: unknown.body }).toEqual({ status: known.status, body: known.body });
    expect(known.status).toBe(202);
    // A second request before the worker runs collapses into the same job (job key).
    await server.post("/auth/forgot-password", { email: user.email.toUpperCase() });
    expect((await getJobs(getDb(), "user__send_password_reset_email")).filter((j) => j.payload.userId === user.userId)).toHaveLength(1);

    await runJobs(getDb());
    expect(mailsTo(unknownEmail)).toEqual([]);
    expect(mailsTo(user.email).filter((m) => m.includes("/reset-password?token="))).toHaveLength(1);
  });

  it("resets the password: weak ones refused without effect, sessions revoked, lockout cleared, link single use", async () => {
    const user = await signUp(server);
    const token = await requestResetToken(user.email);
    const [stored] = await q("select extract(epoch from expires_at - now()) as ttl from app_private.email_tokens where token_hash = $1", [sha256(token)]);
    expect(Number(stored.ttl)).toBeGreaterThan(3600 - 120);
    expect(Number(stored.ttl)).toBeLessThanOrEqual(3600);

    // Weak password: refused, nothing changes, the link still works afterwards.
    const weak = await server.post("/auth/reset-password", { token, password: "password123" });
    expect({ status: weak.status, code: errorCode(weak) }).toEqual({ status: 422, code: "WEAKP" });
    expect((await login(server, user.email, GOOD_PASSWORD)).status).toBe(200);
    expect((await q("select used_at from app_private.email_tokens where token_hash = $1", [sha256(token)]))[0].used_at).toBeNull();

    // Another live reset link (say, from a second device's request) must die with the reset.
    const other = randomBytes(32).toString("base64url");
    await getDb().ownerPool.query(
      "insert into app_private.email_tokens (user_id, kind, token_hash, expires_at) values ($1, 'reset_password', $2, now() + interval '1 hour')",
      [user.userId, sha256(other)],
    );
    // Lock the account out by guessing (6 failures > 5 free).
    for (let i = 0; i < 6; i++) expect((await login(server, user.email, "wrong guess number " + i)).status).toBe(401);
    expect(errorCode(await login(server, user.email, GOOD_PASSWORD))).toBe("LOCKD");

    const res = await server.post("/auth/reset-password", { token, password: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "password_reset" });

    expect(errorCode(await login(server, user.email, GOOD_PASSWORD))).toBe("CREDS");
    expect((await login(server, user.email, NEW_PASSWORD)).status).toBe(200);
    const refreshed = await server.post("/auth/refresh", { refreshToken: user.refreshToken });
    expect({ status: refreshed.status, code: errorCode(refreshed) }).toEqual({ status: 401, code: "BADTK" });
    const [secret] = await q("select password_hash from app_private.user_secrets where user_id = $1", [user.userId]);
    expect(secret.password_hash).toMatch(/^\$argon2id\$/);
    expect(await isVerified((await login(server, user.email, NEW_PASSWORD)).body.accessToken)).toBe(true);

    for (const t of [token, other]) {
      const again = await server.post("/auth/reset-password", { token: t, password: "yet another passphrase 7" });
      expect({ status: again.status, code: errorCode(again) }).toEqual({ status: 410, code: "LNKEX" });
    }
    expect((await login(server, user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("rejects an expired reset link and keeps the old password", async () => {
    const user = await signUp(server);
    const token = await requestResetToken(user.email);
    await getDb().ownerPool.query("update app_private.email_tokens set expires_at = now() - interval '1 second' where token_hash = $1", [sha256(token)]);
    const res = await server.post("/auth/reset-password", { token, password: NEW_PASSWORD });
    expect({ status: res.status, code: errorCode(res) }).toEqual({ status: 410, code: "LNKEX" });
    expect((await login(server, user.email, GOOD_PASSWORD)).status).toBe(200);
    expect(errorCode(await login(server, user.email, NEW_PASSWORD))).toBe("CREDS");
  });

  it("lets exactly one of 20 parallel resets with the same link succeed", async () => {
    const user = await signUp(server);
    const token = await requestResetToken(user.email);
    const passwords = Array.from({ length: 20 }, (_, i) => `parallel passphrase number ${i}`);
    const results = await Promise.all(passwords.map((password) => server.post("/auth/reset-password", { token, password })));
    const winners = results.flatMap((r, i) => (r.status === 200 ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200).map(errorCode)).toEqual(Array(19).fill("LNKEX"));
    expect((await login(server, user.email, passwords[winners[0]])).status).toBe(200);
    expect(await q("select 1 from app_private.email_tokens where token_hash = $1 and used_at is not null", [sha256(token)])).toHaveLength(1);
  });
  it("serialises two resets racing on one link in the database: the second waits for the first, then fails", async () => {
    const user = await signUp(server);
    const token = await requestResetToken(user.email);
    const [a, b] = [new pg.Client(getDb().urls.owner), new pg.Client(getDb().urls.owner)];
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query("begin");
      await a.query("select app_private.reset_password($1, $2)", [sha256(token), "hash-from-a"]);
      const second = b.query("select app_private.reset_password($1, $2)", [sha256(token), "hash-from-b"]).then(
        () => "succeeded",
        (e: { code?: string }) => e.code,
      );
      // Wait until b is blocked on a's row lock, then let a commit.
      const deadline = Date.now() + 5000;
      while ((await q("select wait_event_type from pg_stat_activity where pid = $1", [(b as unknown as { processID: number }).processID]))[0]?.wait_event_type !== "Lock") {
        if (Date.now() > deadline) throw new Error("the second reset never waited for the first");
        await new Promise((r) => setTimeout(r, 20));
      }
      await a.query("commit");
      expect(await second).toBe("LNKEX");
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    expect((await q("select password_hash from app_private.user_secrets where user_id = $1", [user.userId]))[0].password_hash).toBe("hash-from-a");
  });
});

describe("without SMTP_URL (the development default)", () => {
  it("logs the email instead of sending it, and the logged link works", async () => {
    const user = await signUp(server);
    const info = jest.spyOn(logger, "info");
    delete process.env.SMTP_URL;
    try {
      await runJobs(getDb()); // the verification email, logged
      expect((await server.post("/auth/forgot-password", { email: user.email })).status).toBe(202);
      await runJobs(getDb());
    } finally {
      process.env.SMTP_URL = getSmtp().url;
    }
    expect(mailsTo(user.email)).toEqual([]);
    const logged = info.mock.calls
      .map(([obj]) => (obj as { email?: { to: string; subject: string; text: string } })?.email)
      .filter((e): e is { to: string; subject: string; text: string } => e?.to === user.email && e.subject !== "Welcome to LogicSpike");
    expect(logged.map((e) => e.text)).toEqual([expect.stringContaining("/verify-email?token="), expect.stringContaining("/reset-password?token=")]);
    info.mockRestore();

    const token = logged[1].text.match(/reset-password\?token=([A-Za-z0-9_-]{43})/)![1];
    expect((await server.post("/auth/reset-password", { token, password: NEW_PASSWORD })).status).toBe(200);
    expect((await login(server, user.email, NEW_PASSWORD)).status).toBe(200);
  });
});
