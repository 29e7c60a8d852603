import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { useTestDatabase } from "../../helpers/db";
import { getJobs } from "../../helpers/jobs";
import { startTestServer, type TestServer } from "../../helpers/server";
import { decodeJwt, GOOD_PASSWORD, login, signUp, uniqueEmail } from "../../helpers/auth";

const getDb = useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(getDb());
});
afterAll(() => server?.close());

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;

describe("POST /auth/register", () => {
  it("creates user, first workspace and owner membership together and queues the verification email", async () => {
    const email = uniqueEmail("reg");
    const res = await server.post("/auth/register", { email, password: GOOD_PASSWORD, name: "Reggie", workspaceName: "Reggie's Team" });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: "pending_verification", message: expect.stringMatching(/verify your email/) });
    const [row] = await q(
      `select u.id, u.is_verified, t.name as tenant, t.slug, m.role, s.password_hash
         from app_public.users u join app_public.memberships m on m.user_id = u.id
         join app_public.tenants t on t.id = m.tenant_id join app_private.user_secrets s on s.user_id = u.id
        where u.email = $1`,
      [email],
    );
    expect(row).toMatchObject({ is_verified: false, tenant: "Reggie's Team", slug: "reggie-s-team", role: "owner" });
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const jobs = await getJobs(getDb(), "user__send_verification_email");
    expect(jobs.map((j) => j.payload)).toContainEqual({ userId: row.id });
  });

  it("answers a taken email exactly like a new one, creates nothing, and emails the owner instead", async () => {
    const email = uniqueEmail("dup");
    const first = await server.post("/auth/register", { email, password: GOOD_PASSWORD, name: "First" });
    const before = await q("select (select count(*) from app_public.users) u, (select count(*) from app_public.tenants) t");
    const second = await server.post("/auth/register", { email: email.toUpperCase(), password: "another fine passphrase", name: "Second" });
    expect({ status: second.status, body: second.body }).toEqual({ status: first.status, body: first.body });
    expect(await q("select (select count(*) from app_public.users) u, (select count(*) from app_public.tenants) t")).toEqual(before);
    const [user] = await q("select id from app_public.users where email = $1", [email]);
    expect((await getJobs(getDb(), "user__send_account_exists_email")).map((j) => j.payload)).toContainEqual({ userId: user.id });
  });

  it("registers people with the same workspace name at the same moment, each with a distinct slug", async () => {
    const emails = Array.from({ length: 10 }, () => uniqueEmail("same"));
    const results = await Promise.all(emails.map((email) => server.post("/auth/register", { email, password: GOOD_PASSWORD, name: "Same", workspaceName: "Same Name" })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(202));
    const slugs = await q(
      "select t.slug from app_public.tenants t join app_public.memberships m on m.tenant_id = t.id join app_public.users u on u.id = m.user_id where u.email = any($1)",
      [emails],
    );
    expect(new Set(slugs.map((r) => r.slug)).size).toBe(10);
    expect(slugs.map((r) => r.slug)).toContain("same-name");
  });

  it("leaves nothing behind when a step fails midway (one transaction)", async () => {
    const email = uniqueEmail("atomic");
    await getDb().superPool.query("alter table app_public.tenants add constraint test_fail check (name <> 'FAIL ME')");
    try {
      const res = await server.post("/auth/register", { email, password: GOOD_PASSWORD, name: "Atom", workspaceName: "FAIL ME" });
      expect(res.status).toBeGreaterThanOrEqual(400);
    } finally {
      await getDb().superPool.query("alter table app_public.tenants drop constraint test_fail");
    }
    expect(await q("select 1 from app_public.users where email = $1", [email])).toEqual([]);
    expect(await q("select 1 from app_public.tenants where name = 'FAIL ME'")).toEqual([]);
  });

  it.each([
    ["a malformed email", { email: "nope", password: GOOD_PASSWORD, name: "N" }, 422, "INVLD", /email/],
    ["a missing name", { email: uniqueEmail(), password: GOOD_PASSWORD }, 422, "INVLD", /name is required/],
    ["a short password", { email: uniqueEmail(), password: "short1", name: "N" }, 422, "WEAKP", /at least 10/],
    ["a common password", { email: uniqueEmail(), password: "password1234", name: "N" }, 422, "WEAKP", /easy to guess/],
    ["a password containing the email", { email: "janedoe@example.com", password: "janedoe-2024!!", name: "N" }, 422, "WEAKP", /easy to guess/],
    ["a JSON array", [1, 2], 400, "BADRQ", /JSON object/],
  ])("refuses %s with a coded error and creates nothing", async (_label, body, status, code, message) => {
    const before = await q("select count(*) from app_public.users");
    const res = await server.post("/auth/register", body);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await q("select count(*) from app_public.users")).toEqual(before);
  });

  it("refuses a body that is not JSON with 400 BADRQ", async () => {
    const res = await server.post("/auth/register", "{not json", { "content-type": "application/json" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("BADRQ");
  });
});

describe("POST /auth/login", () => {
  it("returns an RS256 access token with the documented claims, verifiable with the public JWKS", async () => {
    const user = await signUp(server, { workspaceName: "Claims Co" });
    const jwks = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify(user.accessToken, createLocalJWKSet(jwks), {
      algorithms: ["RS256"],
      issuer: "logicspike",
      audience: "logicspike",
    });
    expect(protectedHeader).toMatchObject({ alg: "RS256", kid: jwks.keys[0].kid, typ: "at+jwt" });
    expect(payload).toMatchObject({ sub: user.userId, tid: user.tenantId, role: "owner", svc: ["blog"], amr: ["pwd"], aal: "aal1" });
    expect(payload.perms).toEqual(expect.arrayContaining(["tenant:delete", "billing:manage", "blog:posts.publish"]));
    expect(payload.exp! - payload.iat!).toBe(900);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof payload.sid).toBe("string");
    expect(user.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const user = await signUp(server);
    const wrong = await login(server, user.email, "wrong password entirely");
    const unknown = await login(server, uniqueEmail("ghost"), "wrong password entirely");
    expect(wrong.status).toBe(401);
    expect({ status: unknown.status, body: unknown.body }).toEqual({ status: wrong.status, body: wrong.body });
    expect(wrong.body.error).toEqual({ code: "CREDS", message: "Email or password is incorrect." });
  });

  it("locks an email after repeated failures, with Retry-After, counted outside the request transaction", async () => {
    const user = await signUp(server);
    for (let i = 0; i < 5; i++) expect((await login(server, user.email, `bad guess ${i} xx`)).status).toBe(401);
    const [attempts] = await q("select failures from app_private.login_attempts where key = $1", [`email:${user.email}`]);
    expect(attempts.failures).toBe(5);
    expect((await login(server, user.email, "bad guess 6 xxxx")).status).toBe(401); // the 6th failure sets the lock
    const locked = await login(server, user.email, GOOD_PASSWORD); // even the right password waits
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("LOCKD");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Unknown emails lock the same way, so a lock reveals nothing.
    const ghost = uniqueEmail("ghost");
    for (let i = 0; i < 6; i++) await login(server, ghost, `bad guess ${i} xx`);
    expect((await login(server, ghost, GOOD_PASSWORD)).status).toBe(429);
  });

  it("resets the failure count after a successful sign-in", async () => {
    const user = await signUp(server);
    await login(server, user.email, "bad guess one xx");
    expect((await login(server, user.email, GOOD_PASSWORD)).status).toBe(200);
    expect(await q("select 1 from app_private.login_attempts where key = $1", [`email:${user.email}`])).toEqual([]);
  });

  it("signs in to a requested workspace only if the user belongs to it", async () => {
    const a = await signUp(server);
    const b = await signUp(server);
    const own = await login(server, a.email, GOOD_PASSWORD, { tenantId: a.tenantId });
    expect(decodeJwt(own.body.accessToken).payload.tid).toBe(a.tenantId);
    const foreign = await login(server, a.email, GOOD_PASSWORD, { tenantId: b.tenantId });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("DNIED");
  });
});
