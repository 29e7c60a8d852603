/**
 * Creating another workspace through GraphQL (app_public.create_workspace):
 * the caller owns it in one transaction, switches to it with
 * /auth/switch-tenant, and the per-user cap (MAX_WORKSPACES_PER_USER) holds
 * even under parallel calls. Bad input changes nothing.
 */
import { as, bearer, decodeJwt, signUp, switchTenant } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";
import { codeOf } from "../helpers/expect";

const getDb = useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(getDb(), { MAX_WORKSPACES_PER_USER: "3" });
});
afterAll(() => server?.close());

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;
const CREATE = `mutation($name: String!, $slug: String) {
  createWorkspace(input: { name: $name, slug: $slug }) { result { switchTenantPath tenant { rowId name slug } } }
}`;
const ownedBy = async (userId: string) =>
  Number((await q("select count(*) from app_public.memberships where user_id = $1 and role = 'owner'", [userId]))[0].count);

it("creates a workspace owned by the caller, who then switches to it and works there", async () => {
  const user = await signUp(server, { workspaceName: "First" });
  const res = await as(server, user.accessToken)(CREATE, { name: "  Acme Labs  ", slug: `acme-${Date.now()}` });
  expect(res.body.errors).toBeUndefined();
  const { tenant, switchTenantPath } = res.body.data!.createWorkspace.result;
  expect(tenant.name).toBe("Acme Labs");
  expect(switchTenantPath).toBe("/auth/switch-tenant");
  expect(await q("select role from app_public.memberships where tenant_id = $1 and user_id = $2", [tenant.rowId, user.userId])).toEqual([
    { role: "owner" },
  ]);
  // The tenant's own triggers ran: settings and a plan exist like for a registered workspace.
  expect(await q("select 1 from app_public.tenant_settings where tenant_id = $1", [tenant.rowId])).toHaveLength(1);
  expect(await q("select type from app_private.events where tenant_id = $1 and type = 'tenant.created'", [tenant.rowId])).toHaveLength(1);

  // The old token still names the first workspace; the switch answers one for the new one, with owner permissions.
  expect(decodeJwt(user.accessToken).payload.tid).toBe(user.tenantId);
  const switched = await server.post(switchTenantPath, { tenantId: tenant.rowId }, bearer(user.accessToken));
  expect(switched.status).toBe(200);
  expect(decodeJwt(switched.body.accessToken).payload.tid).toBe(tenant.rowId);
  const here = await as(server, switched.body.accessToken)(`{ currentTenant { rowId name } }`);
  expect(here.body.data!.currentTenant).toEqual({ rowId: tenant.rowId, name: "Acme Labs" });
  const invited = await as(server, switched.body.accessToken)(
    `mutation { inviteMember(input: { email: "colleague@example.com" }) { result { email } } }`,
  );
  expect(invited.body.errors).toBeUndefined();
});

it("derives a free slug from the name when none is given", async () => {
  const user = await signUp(server);
  const a = await as(server, user.accessToken)(CREATE, { name: "Same Name Co" });
  const b = await as(server, user.accessToken)(CREATE, { name: "Same Name Co" });
  const slugs = [a, b].map((r) => r.body.data!.createWorkspace.result.tenant.slug);
  expect(slugs[0]).toMatch(/^same-name-co/);
  expect(slugs[1]).toMatch(/^same-name-co/);
  expect(slugs[0]).not.toBe(slugs[1]);
});

it("refuses bad names and slugs with coded errors and creates nothing", async () => {
  const user = await signUp(server);
  const taken = `taken-${Date.now()}`;
  expect((await as(server, user.accessToken)(CREATE, { name: "Taken", slug: taken })).body.errors).toBeUndefined();
  const before = await q("select count(*) from app_public.tenants");
  const cases: Array<[Record<string, unknown>, string, RegExp]> = [
    [{ name: "" }, "INVLD", /name/],
    [{ name: "   " }, "INVLD", /name/],
    [{ name: "x".repeat(101) }, "INVLD", /at most 100/],
    [{ name: "Ok", slug: "No Spaces" }, "INVLD", /lower-case/],
    [{ name: "Ok", slug: "ab" }, "INVLD", /3 to 50/],
    [{ name: "Ok", slug: "-dash-first" }, "INVLD", /inner dashes/],
    [{ name: "Ok", slug: taken.toUpperCase() }, "SLGTK", /already taken/],
  ];
  for (const [variables, expected, message] of cases) {
    const res = await as(server, user.accessToken)(CREATE, variables);
    expect({ variables, code: codeOf(res) }).toEqual({ variables, code: expected });
    expect(res.body.errors![0].message).toMatch(message);
  }
  expect(await q("select count(*) from app_public.tenants")).toEqual(before);
  expect(await ownedBy(user.userId)).toBe(2);
});

it("caps the workspaces one user owns, also when the calls race", async () => {
  const user = await signUp(server); // owns 1; the cap is 3
  const results = await Promise.all(Array.from({ length: 6 }, (_, i) => as(server, user.accessToken)(CREATE, { name: `Race ${i}` })));
  const codes = results.map((r) => (r.body.errors ? codeOf(r) : "ok"));
  expect(codes.filter((c) => c === "ok")).toHaveLength(2);
  expect(codes.filter((c) => c === "WSLIM")).toHaveLength(4);
  expect(results.find((r) => codeOf(r) === "WSLIM")!.body.errors![0].message).toMatch(/already own 3 workspaces/);
  expect(await ownedBy(user.userId)).toBe(3);
});

it("is for signed-in people only: anonymous callers and API keys cannot create workspaces", async () => {
  const anonymous = await server.graphql(CREATE, { name: "Nope" });
  expect(codeOf(anonymous)).toBe("DNIED");
  const user = await signUp(server);
  const key = await as(server, user.accessToken)(`mutation { createApiKey(input: { name: "k" }) { result { secret } } }`);
  const withKey = await server.graphql(CREATE, { name: "Nope" }, { "x-api-key": key.body.data!.createApiKey.result.secret });
  expect(codeOf(withKey)).toBe("DNIED");
  expect(await q("select count(*) from app_public.tenants where name = 'Nope'")).toEqual([{ count: "0" }]);
});

it("switch-tenant refuses a workspace the caller does not belong to", async () => {
  const [a, b] = [await signUp(server), await signUp(server)];
  const created = await as(server, a.accessToken)(CREATE, { name: "Private" });
  const res = await server.post("/auth/switch-tenant", { tenantId: created.body.data!.createWorkspace.result.tenant.rowId }, bearer(b.accessToken));
  expect(res.status).toBe(403);
  expect(res.body.error.code).toBe("DNIED");
  await expect(switchTenant(server, a, created.body.data!.createWorkspace.result.tenant.rowId)).resolves.toEqual(expect.any(String));
});
