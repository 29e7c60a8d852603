/**
 * Personal data export end to end: POST /auth/account/export (recent
 * authentication), the real user__export_data job (runJobs), the email read
 * from a real SMTP server, and the download link it carries. The archive
 * holds the user's data from both of their workspaces, no secret of theirs
 * (read from the database and compared as text, in every encoding the
 * database would print), and nothing of another member of their workspace.
 * Then expiry (DXEXP, before and after the hourly cleanup), unknown links
 * (DXUNK), the one-pending-export rule, the daily limit, and deletion.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { parseCrontab } from "graphile-worker";
import { loadConfig } from "../../../core/config";
import { as, bearer, GOOD_PASSWORD, signUp, switchTenant, type TestUser } from "../../helpers/auth";
import { useTestDatabase } from "../../helpers/db";
import { getJobs, runJobs } from "../../helpers/jobs";
import { CRONTAB_FILE } from "../../../functions/src/worker";
import { startTestServer, type TestServer } from "../../helpers/server";
import { mailedLink, useTestSmtp, type TestSmtp } from "../../helpers/smtp";
import { totp } from "../../helpers/totp";

const getDb = useTestDatabase();
const getSmtp = useTestSmtp();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(getDb());
});
afterAll(() => server?.close());

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;
const errorOf = (res: { status: number; body: any }) => ({ status: res.status, code: res.body?.error?.code });
const marker = (label: string) => `${label}-${randomBytes(4).toString("hex")}`;
const requestExport = (user: TestUser, body: Record<string, unknown> = { password: GOOD_PASSWORD }) =>
  server.post("/auth/account/export", body, bearer(user.accessToken));

/** Signs up and verifies the address through the emailed link: exports are only sent to verified addresses. */
async function verifiedSignUp(opts: { name?: string } = {}): Promise<TestUser> {
  const user = await signUp(server, opts);
  await runJobs(getDb());
  const token = new URL(mailedLink(getSmtp(), user.email, "/verify-email")).searchParams.get("token");
  expect((await server.post("/auth/verify-email", { token })).status).toBe(200);
  return user;
}

/** The newest export link mailed to email (quoted-printable decoded). */
function exportLink(smtp: TestSmtp, email: string): { url: string; token: string } {
  const texts = smtp.received
    .filter((m) => m.to.includes(email.toLowerCase()))
    .map((m) => m.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  const match = texts.reverse().map((t) => t.match(/(https?:\/\/\S+)\/auth\/account\/export\/([0-9a-f]{64})(?![0-9a-f])/)).find(Boolean);
  if (!match) throw new Error(`no data export link mailed to ${email}`);
  return { url: `${match[1]}/auth/account/export/${match[2]}`, token: match[2] };
}
const download = async (token: string) => {
  const res = await fetch(`${server.url}/auth/account/export/${token}`);
  const text = await res.text();
  let body: any = null;
  try { body = JSON.parse(text); } catch { body = { raw: text }; }
  return { status: res.status, headers: res.headers, text, body };
};
const hexAndBase64 = (rows: Array<{ h: Buffer | string }>) =>
  rows.flatMap(({ h }) => (typeof h === "string" ? [h] : [h.toString("hex"), h.toString("base64"), h.toString("base64url")]));
/** Every key of every object in a JSON value. */
const keysOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap(keysOf) : v && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)]) : [];

describe("POST /auth/account/export → email → GET /auth/account/export/<token>", () => {
  it("exports the user's data from both workspaces with no secret and nothing of another member", async () => {
    const alice = await verifiedSignUp({ name: marker("Alice") });
    const mallory = await signUp(server, { name: marker("Mallory") });
    await q("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [alice.tenantId, mallory.userId]);
    // Alice's second workspace, where she makes an API key, a webhook endpoint and a post.
    const created = await as(server, alice.accessToken)(`mutation($n: String!) { createWorkspace(input: { name: $n }) { result { tenant { rowId } } } }`, { n: marker("Second") });
    const secondId: string = created.body.data!.createWorkspace.result.tenant.rowId;
    const inSecond = await switchTenant(server, alice, secondId);
    const key = await as(server, inSecond)(`mutation($n: String!) { createApiKey(input: { name: $n }) { result { secret apiKey { rowId prefix } } } }`, { n: marker("alice-key") });
    expect(key.body.errors).toBeUndefined();
    const apiKey = key.body.data!.createApiKey.result;
    const hook = await as(server, inSecond)(`mutation { createWebhookEndpoint(input: { url: "https://example.com/alice-hook", eventTypes: ["member.joined"] }) { result { secret } } }`);
    expect(hook.body.errors).toBeUndefined();
    const postTitle = marker("Alice post");
    expect((await as(server, inSecond)(`mutation($t: String!) { createPost(input: { post: { title: $t, body: "hello" } }) { post { title } } }`, { t: postTitle })).body.errors).toBeUndefined();
    // In her first workspace: an invitation she sent, a file she uploaded, a notification; Mallory's own things there too.
    const invitee = `${marker("invitee")}@example.com`;
    expect((await as(server, alice.accessToken)(`mutation($e: String!) { inviteMember(input: { email: $e }) { result { email } } }`, { e: invitee })).body.errors).toBeUndefined();
    const aliceFile = `${marker("alice-file")}.txt`;
    const malloryFile = `${marker("mallory-file")}.txt`;
    await q("insert into app_public.files (tenant_id, name, size_bytes, uploaded_by) values ($1, $2, 5, $3), ($1, $4, 7, $5)",
      [alice.tenantId, aliceFile, alice.userId, malloryFile, mallory.userId]);
    const [{ id: eventId }] = await q("select app_private.publish_event($1, 'blog.post.published', jsonb_build_object('postId', 'p1', 'title', 'T')) as id", [alice.tenantId]);
    const aliceNote = marker("Alice note");
    const malloryNote = marker("Mallory note");
    await q("insert into app_public.notifications (tenant_id, user_id, event_id, event_type, title) values ($1, $2, $4, 'blog.post.published', $3), ($1, $5, $4, 'blog.post.published', $6)",
      [alice.tenantId, alice.userId, aliceNote, eventId, mallory.userId, malloryNote]);
    const malloryKey = marker("mallory-key");
    const mToken = await switchTenant(server, mallory, alice.tenantId);
    await as(server, mToken)(`mutation($n: String!) { createApiKey(input: { name: $n }) { result { secret } } }`, { n: malloryKey });
    // Two-factor on, so there are TOTP and recovery-code secrets to leak; the request then needs a code.
    const enrol = await server.post("/auth/mfa/totp/enroll", {}, bearer(alice.accessToken));
    const confirm = await server.post("/auth/mfa/totp/confirm", { code: await totp(enrol.body.secret, -1) }, bearer(alice.accessToken));
    expect(confirm.status).toBe(200);

    const res = await requestExport(alice, { password: GOOD_PASSWORD, code: await totp(enrol.body.secret) });
    expect(res).toMatchObject({ status: 202, body: { status: "export_pending", exportId: expect.any(String), alreadyPending: false } });
    const jobs = await getJobs(getDb(), "user__export_data");
    expect(jobs).toEqual([expect.objectContaining({ payload: { exportId: res.body.exportId }, key: `user__export_data:${res.body.exportId}` })]);
    await runJobs(getDb());
    expect(await getJobs(getDb(), "user__export_data")).toEqual([]);

    const link = exportLink(getSmtp(), alice.email);
    expect(link.url.startsWith(`${loadConfig().publicUrl}/auth/account/export/`)).toBe(true);
    const got = await download(link.token);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(got.headers.get("content-disposition")).toMatch(/^attachment; filename="logicspike-data-export-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(got.headers.get("cache-control")).toBe("no-store");
    const archive = got.body;

    // Her data, from both workspaces.
    expect(archive).toMatchObject({ format: "logicspike.data-export", version: 1, user: { id: alice.userId, email: alice.email, name: alice.name, isVerified: true } });
    expect(archive.security).toMatchObject({ hasPassword: true, totp: { enabled: true }, recoveryCodesLeft: confirm.body.recoveryCodes.length });
    expect(archive.workspaces.map((w: any) => [w.tenantId, w.role]).sort()).toEqual([[alice.tenantId, "owner"], [secondId, "owner"]].sort());
    expect(archive.sessions.length).toBeGreaterThanOrEqual(1);
    expect(archive.sessions.every((s: any) => typeof s.id === "string" && Array.isArray(s.signInMethods))).toBe(true);
    expect(archive.apiKeys).toEqual([expect.objectContaining({ id: apiKey.apiKey.rowId, tenantId: secondId, prefix: apiKey.apiKey.prefix })]);
    expect(archive.webhookEndpoints).toEqual([expect.objectContaining({ tenantId: secondId, url: "https://example.com/alice-hook" })]);
    expect(archive.posts).toEqual([expect.objectContaining({ tenantId: secondId, title: postTitle })]);
    expect(archive.invitationsSent).toEqual([expect.objectContaining({ tenantId: alice.tenantId, email: invitee })]);
    expect(archive.files).toEqual([expect.objectContaining({ tenantId: alice.tenantId, name: aliceFile, sizeBytes: 5 })]);
    expect(archive.notifications).toEqual([expect.objectContaining({ tenantId: alice.tenantId, title: aliceNote })]);
    const auditTenants = new Set(archive.auditEntries.map((a: any) => a.tenantId));
    expect([...auditTenants].sort()).toEqual([alice.tenantId, secondId].sort());
    expect(archive.auditEntries.map((a: any) => a.event)).toEqual(expect.arrayContaining(["auth.login", "apikey.created", "auth.mfa_enabled", "auth.data_export_requested"]));
    expect(archive.dataExports).toEqual([expect.objectContaining({ id: res.body.exportId })]);

    // No secret of hers, in any form the database holds it.
    const secrets = [
      ...(await q("select password_hash as h from app_private.user_secrets where user_id = $1", [alice.userId])),
      ...(await q("select secret as h from app_private.mfa_totp where user_id = $1", [alice.userId])),
      ...(await q("select code_hash as h from app_private.mfa_recovery_codes where user_id = $1", [alice.userId])),
      ...(await q("select t.token_hash as h from app_private.refresh_tokens t join app_private.refresh_token_families f on f.id = t.family_id where f.user_id = $1", [alice.userId])),
      ...(await q("select s.secret_hash as h from app_private.api_key_secrets s join app_public.api_keys k on k.id = s.api_key_id where k.created_by = $1", [alice.userId])),
      ...(await q("select s.secret as h from app_private.webhook_secrets s join app_public.webhook_endpoints w on w.id = s.endpoint_id where w.created_by = $1", [alice.userId])),
      ...(await q("select token_hash as h from app_private.email_tokens where user_id = $1", [alice.userId])),
      ...(await q("select token_hash as h from app_private.data_exports where user_id = $1", [alice.userId])),
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(14); // password, TOTP, 10 recovery codes, refresh token, key, webhook secret
    const plain = [enrol.body.secret, ...confirm.body.recoveryCodes, alice.refreshToken, apiKey.secret, hook.body.data!.createWebhookEndpoint.result.secret, link.token];
    const leaked = [...hexAndBase64(secrets), ...plain].filter((s) => got.text.includes(s));
    expect(leaked).toEqual([]);
    expect(keysOf(archive).filter((k) => /hash|secret|token/i.test(k))).toEqual([]);

    // Nothing of Mallory's, though she is a member of Alice's first workspace.
    for (const needle of [mallory.email, mallory.name, mallory.userId, malloryFile, malloryNote, malloryKey, mallory.refreshToken]) {
      expect({ needle, found: got.text.includes(needle) }).toEqual({ needle, found: false });
    }

    // The link works again until it expires (an interrupted download); each use is counted and audited.
    expect((await download(link.token)).status).toBe(200);
    expect(await q("select status, download_count, emailed_at is not null as emailed from app_private.data_exports where id = $1", [res.body.exportId]))
      .toEqual([{ status: "ready", download_count: 2, emailed: true }]);
    expect((await q("select count(*)::int as n from app_public.audit_log where event = 'auth.data_export_downloaded' and actor_user_id = $1", [alice.userId]))[0].n)
      .toBe(4); // 2 downloads × 2 workspaces
  });

  it("refuses an expired link (DXEXP) before and after the cleanup deletes the archive, and an unknown one (DXUNK)", async () => {
    const user = await verifiedSignUp();
    expect((await requestExport(user)).status).toBe(202);
    await runJobs(getDb());
    const { token } = exportLink(getSmtp(), user.email);
    expect((await download(token)).status).toBe(200);
    const [{ expires_at: expiresAt }] = await q("select expires_at from app_private.data_exports where user_id = $1", [user.userId]);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(loadConfig().dataExport.ttlSeconds * 1000 - 60_000);

    // The expiry passes (moved back instead of waiting a day).
    await q("update app_private.data_exports set ready_at = ready_at - interval '25 hours', expires_at = now() - interval '1 hour' where user_id = $1", [user.userId]);
    expect(errorOf(await download(token))).toEqual({ status: 410, code: "DXEXP" });
    await q("select graphile_worker.add_job('user__expire_data_exports', '{}')");
    await runJobs(getDb());
    expect(await q("select status, archive from app_private.data_exports where user_id = $1", [user.userId])).toEqual([{ status: "expired", archive: null }]);
    const again = await download(token);
    expect(errorOf(again)).toEqual({ status: 410, code: "DXEXP" });
    expect(again.text).not.toContain(user.email);

    expect(errorOf(await download(randomBytes(32).toString("hex")))).toEqual({ status: 404, code: "DXUNK" });
    expect(errorOf(await download("not-a-token"))).toEqual({ status: 404, code: "DXUNK" });
    expect(errorOf(await download(token.toUpperCase()))).toEqual({ status: 410, code: "DXEXP" }); // the path is lower-cased: same token

    // Long after expiry the row goes too; the link is then simply unknown.
    await q("update app_private.data_exports set expires_at = now() - interval '31 days' where user_id = $1", [user.userId]);
    await q("select graphile_worker.add_job('user__expire_data_exports', '{}')");
    await runJobs(getDb());
    expect(await q("select 1 from app_private.data_exports where user_id = $1", [user.userId])).toEqual([]);
    expect(errorOf(await download(token))).toEqual({ status: 404, code: "DXUNK" });
  });

  it("schedules the cleanup hourly in functions/crontab, with a job key", () => {
    const item = parseCrontab(fs.readFileSync(CRONTAB_FILE, "utf8")).find((i) => i.task === "user__expire_data_exports");
    expect(item).toMatchObject({ match: expect.any(Function), options: { jobKey: "user__expire_data_exports" } });
  });

  it("answers the pending export to a repeated request (one job), and limits exports to DATA_EXPORT_MAX_PER_DAY a day", async () => {
    const user = await verifiedSignUp();
    // Four at once: the user row lock serialises them, so exactly one creates the export and the rest answer it.
    const racing = await Promise.all([1, 2, 3, 4].map(() => requestExport(user)));
    expect(racing.map((r) => r.status)).toEqual([202, 202, 202, 202]);
    expect(racing.filter((r) => r.body.alreadyPending === false)).toHaveLength(1);
    const first = racing.find((r) => r.body.alreadyPending === false)!;
    expect(new Set(racing.map((r) => r.body.exportId))).toEqual(new Set([first.body.exportId]));
    const second = await requestExport(user);
    expect(second).toMatchObject({ status: 202, body: { exportId: first.body.exportId, alreadyPending: true } });
    expect((await getJobs(getDb(), "user__export_data")).filter((j) => j.payload.exportId === first.body.exportId)).toHaveLength(1);
    expect(await q("select count(*)::int as n from app_private.data_exports where user_id = $1", [user.userId])).toEqual([{ n: 1 }]);
    await runJobs(getDb());
    const mails = () => getSmtp().received.filter((m) => m.to.includes(user.email.toLowerCase()) && /data export is ready/.test(m.raw)).length;
    expect(mails()).toBe(1);

    const max = loadConfig().dataExport.maxPerDay;
    for (let i = 1; i < max; i++) {
      expect((await requestExport(user)).body.alreadyPending).toBe(false);
      await runJobs(getDb());
    }
    expect(mails()).toBe(max);
    const limited = await requestExport(user);
    expect(errorOf(limited)).toEqual({ status: 429, code: "RATLM" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(23 * 3600);
    expect(await q("select count(*)::int as n from app_private.data_exports where user_id = $1", [user.userId])).toEqual([{ n: max }]);
    expect(await getJobs(getDb(), "user__export_data")).toEqual([]);
    // A day later the oldest falls out of the window.
    await q("update app_private.data_exports set requested_at = requested_at - interval '25 hours' where user_id = $1 and requested_at = (select min(requested_at) from app_private.data_exports where user_id = $1)", [user.userId]);
    expect((await requestExport(user)).status).toBe(202);
  });

  it("refuses no sign-in, a wrong password, an unverified address and a missing second factor, queueing nothing", async () => {
    const user = await verifiedSignUp();
    const jobsBefore = (await getJobs(getDb(), "user__export_data")).length;
    expect(errorOf(await server.post("/auth/account/export", { password: GOOD_PASSWORD }))).toEqual({ status: 401, code: "LOGIN" });
    expect(errorOf(await requestExport(user, { password: "not my password at all" }))).toEqual({ status: 401, code: "CREDS" });
    expect(errorOf(await requestExport(user, {}))).toEqual({ status: 422, code: "INVLD" });
    // An address never verified gets no link: the link is the key to the archive.
    const unverified = await signUp(server);
    expect(errorOf(await requestExport(unverified))).toEqual({ status: 403, code: "EMNVF" });
    expect(await q("select 1 from app_private.data_exports where user_id = $1", [unverified.userId])).toEqual([]);
    const enrol = await server.post("/auth/mfa/totp/enroll", {}, bearer(user.accessToken));
    expect((await server.post("/auth/mfa/totp/confirm", { code: await totp(enrol.body.secret, -1) }, bearer(user.accessToken))).status).toBe(200);
    expect(errorOf(await requestExport(user))).toEqual({ status: 403, code: "MFARQ" });
    expect(errorOf(await requestExport(user, { password: GOOD_PASSWORD, recoveryCode: "not-a-recovery-code" }))).toEqual({ status: 401, code: "MFACD" });
    expect(await q("select 1 from app_private.data_exports where user_id = $1", [user.userId])).toEqual([]);
    expect((await getJobs(getDb(), "user__export_data")).length).toBe(jobsBefore);
    // With the code it goes through.
    expect((await requestExport(user, { password: GOOD_PASSWORD, code: await totp(enrol.body.secret) })).status).toBe(202);
  });

  it("deletes the user's exports with the account, and a job queued before the deletion sends nothing", async () => {
    const user = await verifiedSignUp({ name: marker("Gone") });
    expect((await requestExport(user)).status).toBe(202);
    await runJobs(getDb());
    const { token } = exportLink(getSmtp(), user.email);
    const pending = await requestExport(user);
    expect(pending.status).toBe(202);
    expect(await q("select count(*)::int as n from app_private.data_exports where user_id = $1", [user.userId])).toEqual([{ n: 2 }]);

    expect((await server.post("/auth/account/delete", { password: GOOD_PASSWORD }, bearer(user.accessToken))).status).toBe(200);
    expect(await q("select 1 from app_private.data_exports where user_id = $1", [user.userId])).toEqual([]);
    const sent = getSmtp().received.length;
    await runJobs(getDb());
    expect(getSmtp().received.slice(sent).filter((m) => /data export/.test(m.raw))).toEqual([]);
    expect(errorOf(await download(token))).toEqual({ status: 404, code: "DXUNK" });
  });
});
