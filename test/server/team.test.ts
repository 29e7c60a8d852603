/**
 * Team management through GraphQL, as the users themselves: invitations
 * (emailed by the worker over real SMTP), roles, custom roles, removal,
 * leaving, ownership transfer and workspace deletion.
 */
import { as, login, signUp, switchTenant, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { runJobs } from "../helpers/jobs";
import { startTestServer, type TestServer } from "../helpers/server";
import { useTestSmtp } from "../helpers/smtp";
import { codeOf } from "../helpers/expect";

const getDb = useTestDatabase();
let server: TestServer;
const getSmtp = useTestSmtp();

beforeAll(async () => {
  server = await startTestServer(getDb());
});
afterAll(() => server?.close());

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;

const INVITE = `mutation($email: String!, $role: String, $customRoleId: UUID) {
  inviteMember(input: { email: $email, role: $role, customRoleId: $customRoleId }) { result { rowId email role } }
}`;
const ACCEPT = `mutation($token: String!) { acceptInvitation(input: { token: $token }) { result { rowId role tenantId } } }`;

/** Invites `email` as `owner`, delivers the email, and returns the token from the link. */
async function inviteAndGetToken(owner: TestUser, email: string, role = "member"): Promise<string> {
  const res = await as(server, owner.accessToken)(INVITE, { email, role });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  await runJobs(getDb());
  const mail = [...getSmtp().received].reverse().find((m) => (m.to.includes(email.toLowerCase()) || m.to.includes(email)) && m.raw.replace(/=\r?\n/g, "").includes("/invitations/accept?token"));
  const token = mail?.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=").match(/token=([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`no invitation email for ${email}`);
  return token;
}

/** A second user who joined `owner`'s workspace with `role`, with a token active there. */
async function teammate(owner: TestUser, role = "member"): Promise<TestUser & { teamToken: string; membershipId: string }> {
  const user = await signUp(server);
  const token = await inviteAndGetToken(owner, user.email, role);
  const accepted = await as(server, user.accessToken)(ACCEPT, { token });
  const membershipId = accepted.body.data!.acceptInvitation.result.rowId;
  return { ...user, teamToken: await switchTenant(server, user, owner.tenantId), membershipId };
}

describe("invitations", () => {
  it("invites by email (worker sends a link with a token stored only hashed) and the invitee joins", async () => {
    const owner = await signUp(server, { workspaceName: "Acme" });
    const invitee = await signUp(server);
    const token = await inviteAndGetToken(owner, invitee.email);
    const mail = [...getSmtp().received].reverse().find((m) => m.raw.replace(/=\r?\n/g, "").includes("/invitations/accept?token"))!;
    expect(mail.raw).toMatch(/invited you to Acme/);
    const [stored] = await q("select t.token_hash from app_private.invitation_tokens t join app_public.invitations i on i.id = t.invitation_id where i.email = $1", [invitee.email]);
    expect(stored.token_hash.toString("base64url")).not.toBe(token);
    expect(await q("select type from app_private.events where tenant_id = $1 and type = 'member.invited'", [owner.tenantId])).toHaveLength(1);

    const accepted = await as(server, invitee.accessToken)(ACCEPT, { token });
    expect(accepted.body.data?.acceptInvitation.result).toMatchObject({ role: "member", tenantId: owner.tenantId });
    const again = await as(server, invitee.accessToken)(ACCEPT, { token });
    expect(codeOf(again)).toBe("INVUS");
    expect((await q("select is_verified from app_public.users where id = $1", [invitee.userId]))[0].is_verified).toBe(true);
  });

  it("lists pending invitations to inviters only, and revokes them", async () => {
    const owner = await signUp(server);
    const member = await teammate(owner);
    await as(server, owner.accessToken)(INVITE, { email: "pending@example.com" });
    const list = await as(server, owner.accessToken)("{ invitations { nodes { rowId email acceptedAt revokedAt } } }");
    const pending = list.body.data!.invitations.nodes.find((i: { email: string }) => i.email === "pending@example.com");
    expect(pending).toBeDefined();
    const asMember = await as(server, member.teamToken)("{ invitations { totalCount } }");
    expect(asMember.body.data?.invitations.totalCount).toBe(0);
    const revoked = await as(server, owner.accessToken)(`mutation($id: UUID!) { revokeInvitation(input: { invitationId: $id }) { result { revokedAt } } }`, { id: pending.rowId });
    expect(revoked.body.data?.revokeInvitation.result.revokedAt).toBeTruthy();
  });

  it.each([
    ["an existing member", "ISMEM"],
    ["an email with a pending invitation", "NUNIQ"],
  ])("refuses to invite %s with %s and changes nothing", async (label, expected) => {
    const owner = await signUp(server);
    const other = await teammate(owner);
    const email = label.startsWith("an existing") ? other.email : "twice@example.com";
    if (!label.startsWith("an existing")) await as(server, owner.accessToken)(INVITE, { email });
    const before = await q("select count(*)::int as n from app_public.invitations where tenant_id = $1", [owner.tenantId]);
    const res = await as(server, owner.accessToken)(INVITE, { email });
    expect(codeOf(res)).toBe(expected);
    expect(await q("select count(*)::int as n from app_public.invitations where tenant_id = $1", [owner.tenantId])).toEqual(before);
  });

  it("refuses invitations from members without tenant:members.invite, and roles above the inviter", async () => {
    const owner = await signUp(server);
    const member = await teammate(owner);
    expect(codeOf(await as(server, member.teamToken)(INVITE, { email: "x@example.com" }))).toBe("DNIED");
    const admin = await teammate(owner, "admin");
    expect(codeOf(await as(server, admin.teamToken)(INVITE, { email: "boss@example.com", role: "owner" }))).toBe("DNIED");
    expect(codeOf(await as(server, admin.teamToken)(INVITE, { email: "who@example.com", role: "wizard" }))).toBe("INVLD");
  });

  it("refuses expired, revoked and foreign invitations with codes and adds no membership", async () => {
    const owner = await signUp(server);
    const invitee = await signUp(server);
    const stranger = await signUp(server);
    const token = await inviteAndGetToken(owner, invitee.email);
    expect(codeOf(await as(server, stranger.accessToken)(ACCEPT, { token }))).toBe("DNIED");
    await getDb().superPool.query("update app_public.invitations set expires_at = now() - interval '1 minute' where email = $1", [invitee.email]);
    expect(codeOf(await as(server, invitee.accessToken)(ACCEPT, { token }))).toBe("INVEX");
    expect(codeOf(await as(server, invitee.accessToken)(ACCEPT, { token: "not-a-real-token" }))).toBe("NTFND");
    expect(codeOf(await server.graphql(ACCEPT, { token }))).toBe("LOGIN");
    expect(await q("select 1 from app_public.memberships where tenant_id = $1 and user_id = any($2)", [owner.tenantId, [invitee.userId, stranger.userId]])).toEqual([]);
  });
});

describe("roles and membership changes", () => {
  const CHANGE = `mutation($id: UUID!, $role: String, $customRoleId: UUID) {
    changeMemberRole(input: { membershipId: $id, role: $role, customRoleId: $customRoleId }) { result { role customRoleId } }
  }`;

  it("changes roles within the caller's powers and never demotes the last owner", async () => {
    const owner = await signUp(server);
    const member = await teammate(owner);
    const admin = await teammate(owner, "admin");
    expect((await as(server, admin.teamToken)(CHANGE, { id: member.membershipId, role: "admin" })).body.data?.changeMemberRole.result.role).toBe("admin");
    expect(codeOf(await as(server, admin.teamToken)(CHANGE, { id: member.membershipId, role: "owner" }))).toBe("DNIED");
    // The promotion ended the member's sessions in this workspace: their old token can no longer write at all.
    expect(codeOf(await as(server, member.teamToken)(CHANGE, { id: admin.membershipId, role: "member" }))).toBe("BADTK");
    const plain = await teammate(owner);
    expect(codeOf(await as(server, plain.teamToken)(CHANGE, { id: admin.membershipId, role: "member" }))).toBe("DNIED");
    const [ownerMembership] = await q("select id from app_public.memberships where tenant_id = $1 and user_id = $2", [owner.tenantId, owner.userId]);
    expect(codeOf(await as(server, owner.accessToken)(CHANGE, { id: ownerMembership.id, role: "admin" }))).toBe("LSTOW");
    expect((await q("select role from app_public.memberships where id = $1", [ownerMembership.id]))[0].role).toBe("owner");
  });

  it("creates custom roles limited to the creator's permissions and puts them in tokens", async () => {
    const owner = await signUp(server);
    const member = await teammate(owner);
    const CREATE = `mutation($perms: [String]!) { createRole(input: { role: { key: "editor", name: "Editor", permissions: $perms } }) { role { rowId permissions } } }`;
    expect(codeOf(await as(server, owner.accessToken)(CREATE, { perms: ["blog:posts.read", "made:up.thing"] }))).toBe("INVLD");
    expect(codeOf(await as(server, member.teamToken)(CREATE, { perms: ["blog:posts.read"] }))).toBeDefined();
    const created = await as(server, owner.accessToken)(CREATE, { perms: ["blog:posts.publish", "blog:posts.read", "blog:posts.write"] });
    const roleId = created.body.data!.createRole.role.rowId;
    expect((await as(server, owner.accessToken)(CHANGE, { id: member.membershipId, customRoleId: roleId })).body.data?.changeMemberRole.result).toEqual({
      role: null,
      customRoleId: roleId,
    });
    // The role change ended the member's sessions there (SESSION_REVOCATION_CHECK refuses them at once): sign in again.
    const again = await login(server, member.email, member.password);
    const token = await switchTenant(server, again.body, owner.tenantId);
    const payload = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
    expect(payload).toMatchObject({ role: "editor", perms: ["blog:posts.publish", "blog:posts.read", "blog:posts.write"] });

    // An admin cannot widen a role beyond their own permissions (admins lack tenant:delete).
    const admin = await teammate(owner, "admin");
    const widen = await as(server, admin.teamToken)(`mutation($id: UUID!) { updateRole(input: { rowId: $id, patch: { permissions: ["tenant:delete"] } }) { role { permissions } } }`, { id: roleId });
    expect(codeOf(widen)).toBe("DNIED");
  });

  it("removes members, lets members leave, and keeps the last owner", async () => {
    const owner = await signUp(server);
    const member = await teammate(owner);
    const leaver = await teammate(owner);
    const removed = await as(server, owner.accessToken)(`mutation($id: UUID!) { removeMember(input: { membershipId: $id }) { result { userId } } }`, { id: member.membershipId });
    expect(removed.body.data?.removeMember.result.userId).toBe(member.userId);
    expect((await as(server, leaver.teamToken)("mutation { leaveTenant(input: {}) { result { userId } } }")).body.data?.leaveTenant.result.userId).toBe(leaver.userId);
    expect(codeOf(await as(server, owner.accessToken)("mutation { leaveTenant(input: {}) { result { userId } } }"))).toBe("LSTOW");
    expect(await q("select user_id from app_public.memberships where tenant_id = $1", [owner.tenantId])).toEqual([{ user_id: owner.userId }]);
    expect((await q("select type from app_private.events where tenant_id = $1 and type = 'member.removed'", [owner.tenantId])).length).toBe(2);
  });

  it("transfers ownership: the new owner is owner, the old one becomes admin", async () => {
    const owner = await signUp(server);
    const member = await teammate(owner);
    expect(codeOf(await as(server, member.teamToken)(`mutation($id: UUID!) { transferOwnership(input: { membershipId: $id }) { result { role } } }`, { id: member.membershipId }))).toBe("DNIED");
    const res = await as(server, owner.accessToken)(`mutation($id: UUID!) { transferOwnership(input: { membershipId: $id }) { result { role } } }`, { id: member.membershipId });
    expect(res.body.data?.transferOwnership.result.role).toBe("owner");
    expect(await q("select user_id, role from app_public.memberships where tenant_id = $1 order by role desc", [owner.tenantId])).toEqual([
      { user_id: member.userId, role: "owner" },
      { user_id: owner.userId, role: "admin" },
    ]);
  });

  it("deletes a workspace only for its owner with the slug confirmed, cascading and emitting an event", async () => {
    const owner = await signUp(server, { workspaceName: "Doomed" });
    const admin = await teammate(owner, "admin");
    await as(server, owner.accessToken)(`mutation { createPost(input: { post: { title: "bye" } }) { post { rowId } } }`);
    const [{ slug }] = await q("select slug from app_public.tenants where id = $1", [owner.tenantId]);
    const DELETE = `mutation($slug: String!) { deleteTenant(input: { confirmSlug: $slug }) { result } }`;
    expect(codeOf(await as(server, admin.teamToken)(DELETE, { slug }))).toBe("DNIED");
    expect(codeOf(await as(server, owner.accessToken)(DELETE, { slug: "wrong" }))).toBe("INVLD");
    expect((await as(server, owner.accessToken)(DELETE, { slug })).body.data?.deleteTenant.result).toBe(true);
    expect(await q("select 1 from app_public.tenants where id = $1", [owner.tenantId])).toEqual([]);
    expect(await q("select 1 from app_public.posts where tenant_id = $1", [owner.tenantId])).toEqual([]);
    expect(await q("select 1 from app_public.memberships where tenant_id = $1", [owner.tenantId])).toEqual([]);
    expect(await q("select payload->>'slug' as slug from app_private.events where tenant_id = $1 and type = 'tenant.deleted'", [owner.tenantId])).toEqual([{ slug }]);
  });
});
