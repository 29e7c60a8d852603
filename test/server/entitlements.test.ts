/**
 * Service entitlements: tokens carry the workspace's enabled services (`svc`)
 * and RLS checks them with has_service(), so a workspace that loses a service
 * loses it in SQL too, from its next token on.
 */
import { as, decodeJwt, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;
let owner: TestUser;

beforeAll(async () => {
  server = await startTestServer(getDb());
  owner = await signUp(server);
});
afterAll(() => server?.close());

const refresh = async (refreshToken: string) => {
  const res = await server.post("/auth/refresh", { refreshToken, tokenTransport: "body" });
  expect(res.status).toBe(200);
  return res.body as { accessToken: string; refreshToken: string };
};

it("gives a new workspace the default services, in its token and through GraphQL", async () => {
  expect(decodeJwt(owner.accessToken).payload.svc).toEqual(["blog"]);
  const res = await as(server, owner.accessToken)("{ currentTenant { tenantServices { nodes { service enabled limits } } } }");
  expect(res.body.data?.currentTenant.tenantServices.nodes).toEqual([{ service: "blog", enabled: true, limits: { posts: 100 } }]);
});

it("hides and refuses the blog once the workspace is no longer entitled to it", async () => {
  const create = `mutation($t: String!) { createPost(input: { post: { title: $t } }) { post { rowId } } }`;
  expect((await as(server, owner.accessToken)(create, { t: "while entitled" })).body.data?.createPost.post.rowId).toEqual(expect.any(String));

  await getDb().superPool.query("update app_public.tenant_services set enabled = false where tenant_id = $1 and service = 'blog'", [owner.tenantId]);
  const next = await refresh(owner.refreshToken);
  expect(decodeJwt(next.accessToken).payload.svc).toEqual([]);
  // Same permissions in the token, but no entitlement: nothing visible, nothing writable.
  expect(decodeJwt(next.accessToken).payload.perms).toContain("blog:posts.write");
  expect((await as(server, next.accessToken)("{ posts { totalCount } }")).body.data?.posts.totalCount).toBe(0);
  expect((await as(server, next.accessToken)(create, { t: "after" })).body.errors?.[0].extensions?.code).toBe("DNIED");
  const { rows } = await getDb().superPool.query("select count(*)::int as n from app_public.posts where tenant_id = $1", [owner.tenantId]);
  expect(rows[0].n).toBe(1);

  await getDb().superPool.query("update app_public.tenant_services set enabled = true where tenant_id = $1 and service = 'blog'", [owner.tenantId]);
  const again = await refresh(next.refreshToken);
  expect((await as(server, again.accessToken)("{ posts { totalCount } }")).body.data?.posts.totalCount).toBe(1);
});

it("does not let members change their own entitlements", async () => {
  const res = await as(server, owner.accessToken)(`{ __type(name: "Mutation") { fields { name } } }`);
  const names = (res.body.data?.__type.fields as Array<{ name: string }>).map((f) => f.name);
  expect(names.filter((n) => /tenantService/i.test(n))).toEqual([]);
});
