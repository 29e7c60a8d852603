/**
 * SESSION_REVOCATION_CHECK (on by default): once a session is signed out, its
 * access tokens, though unexpired, are refused on signed-in /auth routes and
 * on GraphQL mutations (BADTK); reads keep working until the token expires,
 * as docs/identity.md says. Other sessions of the same user are untouched.
 */
import { as, bearer, GOOD_PASSWORD, login, signUp } from "../../helpers/auth";
import { useTestDatabase } from "../../helpers/db";
import { startTestServer, type TestServer } from "../../helpers/server";
import { codeOf } from "../../helpers/expect";

const getDb = useTestDatabase();
let server: TestServer;
let lax: TestServer;
beforeAll(async () => {
  server = await startTestServer(getDb());
  lax = await startTestServer(getDb(), { SESSION_REVOCATION_CHECK: "false" });
});
afterAll(async () => {
  await server?.close();
  await lax?.close();
});

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;
const INVITE = `mutation($email: String!) { inviteMember(input: { email: $email }) { result { email } } }`;

it("refuses a signed-out session's access token for mutations and signed-in /auth routes, not another session's", async () => {
  const user = await signUp(server); // session A
  const other = await login(server, user.email, GOOD_PASSWORD); // session B, another device
  expect((await as(server, user.accessToken)(INVITE, { email: "before@example.com" })).body.errors).toBeUndefined();

  expect((await server.post("/auth/logout", { refreshToken: user.refreshToken })).status).toBe(200);

  const write = await as(server, user.accessToken)(INVITE, { email: "after@example.com" });
  expect(codeOf(write)).toBe("BADTK");
  expect(write.body.errors![0].message).toMatch(/signed out or revoked; sign in again/);
  expect(await q("select email from app_public.invitations where tenant_id = $1 order by created_at", [user.tenantId])).toEqual([
    { email: "before@example.com" },
  ]);
  const switched = await server.post("/auth/switch-tenant", { tenantId: user.tenantId }, bearer(user.accessToken));
  expect({ status: switched.status, code: switched.body.error?.code }).toEqual({ status: 401, code: "BADTK" });
  // Reads stay allowed until the token expires (no lookup on the read path).
  expect((await as(server, user.accessToken)(`{ currentUser { email } }`)).body.data!.currentUser.email).toBe(user.email);

  // Session B is another family: it still writes.
  expect((await as(server, other.body.accessToken)(INVITE, { email: "from-b@example.com" })).body.errors).toBeUndefined();
  // "Sign out everywhere" ends B too.
  expect((await server.post("/auth/logout-all", {}, bearer(other.body.accessToken))).status).toBe(200);
  expect(codeOf(await as(server, other.body.accessToken)(INVITE, { email: "late@example.com" }))).toBe("BADTK");
});

it("can be turned off (SESSION_REVOCATION_CHECK=false): tokens then work until they expire", async () => {
  const user = await signUp(lax);
  await lax.post("/auth/logout", { refreshToken: user.refreshToken });
  expect((await as(lax, user.accessToken)(INVITE, { email: "still@example.com" })).body.errors).toBeUndefined();
});
