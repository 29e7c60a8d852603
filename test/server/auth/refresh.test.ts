import { bearer, decodeJwt, GOOD_PASSWORD, login, signUp } from "../../helpers/auth";
import { useTestDatabase } from "../../helpers/db";
import { startTestServer, type TestServer } from "../../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(getDb(), { CORS_ORIGINS: "http://app.example.test" }); // the browser frontend below
});
afterAll(() => server?.close());

const refresh = (refreshToken: string) => server.post("/auth/refresh", { refreshToken });
const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;
const familyOf = (token: string) => decodeJwt(token).payload.sid as string;

describe("POST /auth/refresh", () => {
  it("rotates: a new refresh token and a fresh access token in the same session", async () => {
    const user = await signUp(server);
    const res = await refresh(user.refreshToken);
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).not.toBe(user.refreshToken);
    expect(res.body).toMatchObject({ tokenType: "Bearer", expiresIn: 900, tenantId: user.tenantId });
    expect(familyOf(res.body.accessToken)).toBe(familyOf(user.accessToken));
    expect(decodeJwt(res.body.accessToken).payload.jti).not.toBe(decodeJwt(user.accessToken).payload.jti);
    expect((await refresh(res.body.refreshToken)).status).toBe(200);
  });

  it("answers 20 parallel refreshes with one token with exactly one rotation", async () => {
    const user = await signUp(server);
    const results = await Promise.all(Array.from({ length: 20 }, () => refresh(user.refreshToken)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(results.map((r) => r.body.refreshToken)).size).toBe(1);
    const [{ count }] = await q("select count(*)::int from app_private.refresh_tokens where family_id = $1", [familyOf(user.accessToken)]);
    expect(count).toBe(2); // the original and its one successor
    expect((await refresh(results[0].body.refreshToken)).status).toBe(200);
  });

  it("re-answers a lost response within the grace window with the same successor", async () => {
    const user = await signUp(server);
    const first = await refresh(user.refreshToken);
    const again = await refresh(user.refreshToken);
    expect(again.status).toBe(200);
    expect(again.body.refreshToken).toBe(first.body.refreshToken);
  });

  it("revokes the whole family when a rotated token is reused after the grace window", async () => {
    const user = await signUp(server);
    const next = await refresh(user.refreshToken);
    await getDb().superPool.query("update app_private.refresh_tokens set rotated_at = now() - interval '1 hour' where rotated_at is not null and family_id = $1", [
      familyOf(user.accessToken),
    ]);
    const replay = await refresh(user.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toMatchObject({ code: "BADTK", message: expect.stringMatching(/already used/) });
    // The legitimate holder's current token dies with the family.
    expect((await refresh(next.body.refreshToken)).status).toBe(401);
    const [family] = await q("select revoked_reason from app_private.refresh_token_families where id = $1", [familyOf(user.accessToken)]);
    expect(family.revoked_reason).toBe("refresh token reused");
  });

  it("refuses unknown, missing and expired refresh tokens", async () => {
    expect((await refresh("A".repeat(43))).body.error.code).toBe("BADTK");
    expect((await server.post("/auth/refresh", {})).status).toBe(401);
    const user = await signUp(server);
    await getDb().superPool.query("update app_private.refresh_token_families set expires_at = now() - interval '1 second' where id = $1", [familyOf(user.accessToken)]);
    expect((await refresh(user.refreshToken)).status).toBe(401);
  });

  it("uses an httpOnly, Secure, SameSite=Strict cookie for browsers and keeps the token out of the body", async () => {
    const user = await signUp(server);
    const res = await server.post("/auth/login", { email: user.email, password: GOOD_PASSWORD }, { origin: "http://app.example.test" });
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toBeUndefined();
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^ls_refresh=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/auth; Expires=.+; HttpOnly; Secure; SameSite=Strict$/);
    const rotated = await server.post("/auth/refresh", {}, { cookie: cookie.split(";")[0], origin: "http://app.example.test" });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).toBeUndefined();
    expect(rotated.headers.get("set-cookie")).toMatch(/^ls_refresh=/);
    expect(rotated.headers.get("set-cookie")).not.toContain(cookie.split(";")[0]);
  });

  it("recomputes permissions from the database at every refresh", async () => {
    const user = await signUp(server);
    expect(decodeJwt(user.accessToken).payload.perms).not.toContain("audit:export");
    await getDb().superPool.query("insert into app_public.permissions values ('audit:export', 'Export the audit log.')");
    await getDb().superPool.query("update app_public.role_templates set permissions = permissions || 'audit:export'::text where key = 'owner'");
    try {
      const res = await refresh(user.refreshToken);
      expect(decodeJwt(res.body.accessToken).payload.perms).toContain("audit:export");
    } finally {
      await getDb().superPool.query("update app_public.role_templates set permissions = array_remove(permissions, 'audit:export') where key = 'owner'");
      await getDb().superPool.query("delete from app_public.permissions where key = 'audit:export'");
    }
  });
});

describe("sessions end when access changes", () => {
  async function addMember(userId: string, tenantId: string, role = "member") {
    await getDb().superPool.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, $3)", [tenantId, userId, role]);
  }

  it("revokes a member's sessions for a workspace when their role changes", async () => {
    const owner = await signUp(server);
    const member = await signUp(server);
    await addMember(member.userId, owner.tenantId);
    const inTeam = await login(server, member.email, GOOD_PASSWORD, { tenantId: owner.tenantId });
    await getDb().superPool.query("update app_public.memberships set role = 'admin' where user_id = $1 and tenant_id = $2", [member.userId, owner.tenantId]);
    expect((await refresh(inTeam.body.refreshToken)).status).toBe(401);
    // Their session in their own workspace is untouched.
    expect((await refresh(member.refreshToken)).status).toBe(200);
  });

  it("revokes a removed member's sessions for that workspace", async () => {
    const owner = await signUp(server);
    const member = await signUp(server);
    await addMember(member.userId, owner.tenantId);
    const inTeam = await login(server, member.email, GOOD_PASSWORD, { tenantId: owner.tenantId });
    await getDb().superPool.query("delete from app_public.memberships where user_id = $1 and tenant_id = $2", [member.userId, owner.tenantId]);
    const res = await refresh(inTeam.body.refreshToken);
    expect(res.status).toBe(401);
  });

  it("refuses and revokes a session whose membership is gone even if nothing revoked it (refresh checks it itself)", async () => {
    const owner = await signUp(server);
    const member = await signUp(server);
    await addMember(member.userId, owner.tenantId);
    const inTeam = await login(server, member.email, GOOD_PASSWORD, { tenantId: owner.tenantId });
    const family = familyOf(inTeam.body.accessToken);
    // A DBA's bulk delete with triggers off: the revoking trigger does not run, the family stays live.
    const client = await getDb().superPool.connect();
    try {
      await client.query("begin");
      await client.query("set local session_replication_role = replica");
      await client.query("delete from app_public.memberships where user_id = $1 and tenant_id = $2", [member.userId, owner.tenantId]);
      await client.query("commit");
    } finally {
      client.release();
    }
    expect(await q("select revoked_at from app_private.refresh_token_families where id = $1", [family])).toEqual([{ revoked_at: null }]);
    const res = await refresh(inTeam.body.refreshToken);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("BADTK");
    expect(await q("select revoked_reason from app_private.refresh_token_families where id = $1", [family])).toEqual([{ revoked_reason: "membership gone" }]);
    expect(await q("select count(*)::int n from app_private.refresh_tokens where family_id = $1", [family])).toEqual([{ n: 1 }]);
  });
});

describe("POST /auth/logout and /auth/logout-all", () => {
  it("logout ends this session only", async () => {
    const user = await signUp(server);
    const other = await login(server, user.email, GOOD_PASSWORD);
    expect((await server.post("/auth/logout", { refreshToken: user.refreshToken })).status).toBe(200);
    expect((await refresh(user.refreshToken)).status).toBe(401);
    expect((await refresh(other.body.refreshToken)).status).toBe(200);
  });

  it("logout-all ends every session of the user and needs a signed-in caller", async () => {
    const user = await signUp(server);
    const other = await login(server, user.email, GOOD_PASSWORD);
    expect((await server.post("/auth/logout-all", {})).body.error.code).toBe("LOGIN");
    const res = await server.post("/auth/logout-all", {}, bearer(user.accessToken));
    expect(res.body).toEqual({ status: "signed_out", sessionsEnded: 2 });
    expect((await refresh(user.refreshToken)).status).toBe(401);
    expect((await refresh(other.body.refreshToken)).status).toBe(401);
  });
});

describe("POST /auth/switch-tenant", () => {
  it("re-mints the token for another workspace of the caller, and later refreshes stay there", async () => {
    const owner = await signUp(server);
    const member = await signUp(server);
    await getDb().superPool.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [owner.tenantId, member.userId]);
    const res = await server.post("/auth/switch-tenant", { tenantId: owner.tenantId }, bearer(member.accessToken));
    expect(res.status).toBe(200);
    const { payload } = decodeJwt(res.body.accessToken);
    expect(payload).toMatchObject({ sub: member.userId, tid: owner.tenantId, role: "member" });
    expect(payload.perms).toEqual(["blog:posts.read", "blog:posts.write", "storage:files.read", "storage:files.write", "tenant:members.read"]);
    const refreshed = await refresh(member.refreshToken);
    expect(decodeJwt(refreshed.body.accessToken).payload.tid).toBe(owner.tenantId);
  });

  it("refuses a workspace the caller does not belong to (403) and anonymous callers (401)", async () => {
    const a = await signUp(server);
    const b = await signUp(server);
    const res = await server.post("/auth/switch-tenant", { tenantId: b.tenantId }, bearer(a.accessToken));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("DNIED");
    expect((await server.post("/auth/switch-tenant", { tenantId: b.tenantId })).status).toBe(401);
    expect((await server.post("/auth/switch-tenant", { tenantId: "nope" }, bearer(a.accessToken))).body.error.code).toBe("INVLD");
  });
});
