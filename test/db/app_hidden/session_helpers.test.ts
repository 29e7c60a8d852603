import { asRequestRole, useTestDatabase } from "../../helpers/db";

const getDb = useTestDatabase();
const USER = "7b0d3c1e-9a55-4b8e-8d7a-0c2f7e0e1a11";
const TENANT = "3f1c2d9e-5b6a-4c7d-8e9f-a0b1c2d3e4f5";

const helpers = `select app_hidden.current_user_id() as user_id, app_hidden.current_tenant_id() as tenant_id,
  app_hidden.current_permissions() as permissions, app_hidden.has_permission('blog:posts.write') as can_write,
  app_hidden.current_services() as services, app_hidden.has_service('blog') as has_blog`;

describe("session helpers", () => {
  it("read as NULL / empty / false for an anonymous caller (default deny)", () =>
    asRequestRole(getDb(), undefined, async (c) => {
      const { rows } = await c.query(helpers);
      expect(rows[0]).toEqual({ user_id: null, tenant_id: null, permissions: [], can_write: false, services: [], has_blog: false });
      expect((await c.query("select current_user")).rows[0].current_user).toBe("app_anonymous");
    }));

  it("map '' (what a pooled connection reports for a reset setting) to NULL", () =>
    asRequestRole(getDb(), { role: "app_user", userId: "", tenantId: "", permissions: [], services: [] }, async (c) => {
      const { rows } = await c.query(helpers);
      expect(rows[0]).toEqual({ user_id: null, tenant_id: null, permissions: [], can_write: false, services: [], has_blog: false });
    }));

  it("return the claims the server set for a verified user", () =>
    asRequestRole(getDb(), { role: "app_user", userId: USER, tenantId: TENANT, permissions: ["blog:posts.read", "blog:posts.write"], services: ["blog", "crm"] }, async (c) => {
      const { rows } = await c.query(helpers);
      expect(rows[0]).toEqual({ user_id: USER, tenant_id: TENANT, permissions: ["blog:posts.read", "blog:posts.write"], can_write: true, services: ["blog", "crm"], has_blog: true });
      expect((await c.query("select app_hidden.has_permission('blog:posts.publish') as ok")).rows[0].ok).toBe(false);
    }));

  it("do not leak claims or role into the next transaction on the same connection (it reads '', hence nullif)", async () => {
    const client = await getDb().authPool.connect();
    try {
      await client.query("begin");
      await client.query("select set_config('jwt.claims.user_id', $1, true), set_config('role', 'app_user', true)", [USER]);
      await client.query("commit");
      const { rows } = await client.query("select current_setting('jwt.claims.user_id', true) as id, current_user as role");
      expect(rows[0]).toEqual({ id: "", role: "logicspike_authenticator" });
    } finally {
      client.release();
    }
  });

  it("are unreachable as a request role when the authenticator has not switched role: it has no privileges of its own", async () => {
    await expect(getDb().authPool.query("select app_hidden.current_user_id()")).rejects.toMatchObject({ code: "42501" });
  });
});
