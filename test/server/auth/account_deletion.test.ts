/**
 * Account deletion end to end through POST /auth/account/delete: recent
 * authentication (password, second factor), the sole-owner refusal, what is
 * deleted with the account, and the proof that no trace of the email or name
 * is left in any column of any table of any schema while every audit chain
 * still verifies.
 */
import { randomBytes } from "node:crypto";
import { as, bearer, GOOD_PASSWORD, signUp, type TestUser } from "../../helpers/auth";
import { useTestDatabase } from "../../helpers/db";
import { startTestServer, type TestServer } from "../../helpers/server";
import { totp, wrongCode } from "../../helpers/totp";

const getDb = useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(getDb());
});
afterAll(() => server?.close());

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;
const errorOf = (res: { status: number; body: any }) => ({ status: res.status, code: res.body?.error?.code });
const uniqueName = (label: string) => `${label} Zq${randomBytes(4).toString("hex")}`;
const del = (user: TestUser, body: Record<string, unknown>) => server.post("/auth/account/delete", body, bearer(user.accessToken));

/** Rows, per table, whose whole-row text contains the needle: every table of every schema, read as the superuser. */
async function traces(needle: string): Promise<Record<string, number>> {
  const tables = await q(
    `select format('%I.%I', n.nspname, c.relname) as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`,
  );
  const found: Record<string, number> = {};
  for (const { t } of tables) {
    const [{ n }] = await q(`select count(*)::int as n from ${t} x where x::text ilike $1`, [`%${needle}%`]);
    if (n) found[t] = n;
  }
  return found;
}
async function allChainsVerify(): Promise<boolean> {
  const rows = await q("select distinct tenant_id, app_private.verify_audit_chain(tenant_id) as ok from app_public.audit_log");
  return rows.length > 0 && rows.every((r) => r.ok === true);
}
const addMember = (tenantId: string, userId: string, role = "member") =>
  q("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, $3)", [tenantId, userId, role]);

describe("POST /auth/account/delete", () => {
  it("deletes the account and its sole-member workspace, keeps shared ones, and leaves no trace of the email or name anywhere", async () => {
    const alice = await signUp(server, { name: uniqueName("Alice") });
    const bob = await signUp(server, { name: uniqueName("Bob") });
    const carol = await signUp(server, { name: uniqueName("Carol") });
    // Bob invites Alice's address (his audit log now holds it), then she becomes a member there, as does Carol.
    const invited = await as(server, bob.accessToken)(`mutation($e: String!) { inviteMember(input: { email: $e }) { result { email } } }`, { e: alice.email });
    expect(invited.body.errors).toBeUndefined();
    await addMember(bob.tenantId, alice.userId);
    await addMember(bob.tenantId, carol.userId);
    await server.post("/auth/login", { email: alice.email, password: "not her password", tokenTransport: "body" });
    expect(Object.keys(await traces(alice.email)).length).toBeGreaterThan(1); // the scan below is meaningful
    expect(Object.keys(await traces(alice.name)).length).toBeGreaterThan(0);

    const res = await del(alice, { password: GOOD_PASSWORD });
    expect(res).toMatchObject({ status: 200, body: { status: "deleted", workspacesDeleted: 1 } });

    expect(await traces(alice.email)).toEqual({});
    expect(await traces(alice.name)).toEqual({});
    expect(await allChainsVerify()).toBe(true);
    expect(errorOf(await server.post("/auth/refresh", { refreshToken: alice.refreshToken }))).toEqual({ status: 401, code: "BADTK" });
    expect(await q("select 1 from app_public.tenants where id = $1", [alice.tenantId])).toEqual([]);
    expect(await q("select user_id from app_public.memberships where tenant_id = $1 order by user_id", [bob.tenantId]))
      .toEqual([bob.userId, carol.userId].sort().map((user_id) => ({ user_id })));
    expect(await q("select 1 from app_private.refresh_token_families where user_id = $1", [alice.userId])).toEqual([]);
    // The deletion is in the audit log of the shared workspace, with no personal data.
    expect(await q("select diff, ip from app_public.audit_log where tenant_id = $1 and event = 'user.deleted'", [bob.tenantId]))
      .toEqual([{ diff: {}, ip: null }]);
    expect(await q("select payload from app_private.events where type = 'user.deleted' and payload->>'userId' = $1", [alice.userId]))
      .toEqual([{ payload: { userId: alice.userId } }]);
    // Bob's audit entries about the invitation to her address are still there (chain intact), with the address erased.
    expect(await q("select action, diff->>'email' as email from app_public.audit_log where tenant_id = $1 and table_name = 'invitations' order by seq", [bob.tenantId]))
      .toEqual([{ action: "insert", email: `erased-${alice.userId}@deleted.invalid` }, { action: "delete", email: `erased-${alice.userId}@deleted.invalid` }]);
    // Others are untouched: Bob still signs in and his name is still there.
    expect((await server.post("/auth/refresh", { refreshToken: bob.refreshToken })).status).toBe(200);
    expect(Object.keys(await traces(bob.email)).length).toBeGreaterThan(0);
  });

  it("refuses (SOLOW, naming the workspace) while the user is the only owner of a workspace with other members, changing nothing", async () => {
    const owner = await signUp(server, { name: uniqueName("Olga"), workspaceName: `Shared ${randomBytes(3).toString("hex")}` });
    const member = await signUp(server);
    await addMember(owner.tenantId, member.userId);
    const [{ name }] = await q("select name from app_public.tenants where id = $1", [owner.tenantId]);
    const auditBefore = await q("select count(*)::int as n from app_public.audit_log");

    const res = await del(owner, { password: GOOD_PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "SOLOW", details: { workspaces: [name] } });
    expect(res.body.error.message).toContain(name);
    expect(await q("select 1 from app_public.users where id = $1", [owner.userId])).toHaveLength(1);
    expect(await q("select count(*)::int as n from app_public.memberships where tenant_id = $1", [owner.tenantId])).toEqual([{ n: 2 }]);
    expect(await q("select count(*)::int as n from app_public.audit_log")).toEqual(auditBefore);
    expect((await server.post("/auth/refresh", { refreshToken: owner.refreshToken })).status).toBe(200);

    // With a second owner the refusal lifts, and the workspace stays with its members.
    await q("update app_public.memberships set role = 'owner' where tenant_id = $1 and user_id = $2", [owner.tenantId, member.userId]);
    expect(await del(owner, { password: GOOD_PASSWORD })).toMatchObject({ status: 200, body: { workspacesDeleted: 0 } });
    expect(await q("select user_id from app_public.memberships where tenant_id = $1", [owner.tenantId])).toEqual([{ user_id: member.userId }]);
  });

  it("refuses a wrong password, a missing or wrong second factor and no sign-in, changing nothing; the right code deletes", async () => {
    const user = await signUp(server, { name: uniqueName("Mfa") });
    const enrol = await server.post("/auth/mfa/totp/enroll", {}, bearer(user.accessToken));
    expect((await server.post("/auth/mfa/totp/confirm", { code: await totp(enrol.body.secret, -1) }, bearer(user.accessToken))).status).toBe(200);

    expect(errorOf(await del(user, { password: "not my password at all", code: await totp(enrol.body.secret) }))).toEqual({ status: 401, code: "CREDS" });
    expect(errorOf(await del(user, { password: GOOD_PASSWORD }))).toEqual({ status: 403, code: "MFARQ" });
    expect(errorOf(await del(user, { password: GOOD_PASSWORD, code: await wrongCode(enrol.body.secret) }))).toEqual({ status: 401, code: "MFACD" });
    expect(errorOf(await del(user, { password: GOOD_PASSWORD, recoveryCode: "not-a-recovery-code" }))).toEqual({ status: 401, code: "MFACD" });
    expect(errorOf(await del(user, {}))).toEqual({ status: 422, code: "INVLD" });
    expect(errorOf(await server.post("/auth/account/delete", { password: GOOD_PASSWORD }))).toEqual({ status: 401, code: "LOGIN" });
    expect(await q("select 1 from app_public.users where id = $1", [user.userId])).toHaveLength(1);
    expect(await q("select 1 from app_public.tenants where id = $1", [user.tenantId])).toHaveLength(1);
    expect((await server.post("/auth/refresh", { refreshToken: user.refreshToken })).status).toBe(200);

    expect((await del(user, { password: GOOD_PASSWORD, code: await totp(enrol.body.secret) })).status).toBe(200);
    expect(await traces(user.email)).toEqual({});
    expect(await q("select 1 from app_private.mfa_totp where user_id = $1", [user.userId])).toEqual([]);
  });
});
