/**
 * Every new workspace starts on the free plan, whichever way it is created:
 * registration (POST /auth/register) and the createWorkspace mutation both
 * insert into app_public.tenants, whose _510_billing_setup trigger opens the
 * wallet and builds the free plan's entitlements in the same transaction.
 * There is no free subscription row (free is what a workspace has without a
 * live subscription) and nothing is left for the worker to do.
 */
import { as, decodeJwt, signUp, switchTenant } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { getJobs } from "../helpers/jobs";
import { startTestServer, type TestServer } from "../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(getDb());
});
afterAll(() => server?.close());

const one = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows[0];

/** What the free plan grants, read from the catalog (operators may edit it): numeric entries are workspace limits, objects are services. */
const FREE_PLAN = `
  select (select jsonb_object_agg(k, v) from jsonb_each(p.services) e(k, v) where jsonb_typeof(v) = 'number') as limits,
         (select jsonb_object_agg(k, v - 'enabled') from jsonb_each(p.services) e(k, v)
           where jsonb_typeof(v) = 'object' and coalesce((v ->> 'enabled')::boolean, true)) as services
    from app_public.plans p where p.key = 'free'`;

/** What the workspace has, straight after it was created. */
const WORKSPACE_BILLING = `
  select ba.plan, ba.limits,
         (select jsonb_object_agg(ts.service, ts.limits) from app_public.tenant_services ts where ts.tenant_id = $1 and ts.enabled) as services,
         (select w.balance::int from app_public.wallets w where w.tenant_id = $1) as balance,
         (select count(*)::int from app_public.plan_subscriptions s where s.tenant_id = $1) as subscriptions
    from app_public.billing_accounts ba where ba.tenant_id = $1`;

async function expectFreePlan(tenantId: string, accessToken: string) {
  const free = await one(FREE_PLAN);
  expect(Object.keys(free.services)).toContain("blog"); // the comparison below is not vacuous
  expect(await one(WORKSPACE_BILLING, [tenantId])).toEqual({
    plan: "free", limits: free.limits, services: free.services, balance: 0, subscriptions: 0,
  });
  // Built in the creating transaction: no rebuild is waiting for the worker.
  expect((await getJobs(getDb(), "entitlements__rebuild")).filter((j) => j.payload.tenantId === tenantId)).toEqual([]);
  // The same through the API, and in the token's services claim.
  const res = await as(server, accessToken)(`{ currentTenant { rowId billingAccount { plan limits } wallet { balance } } }`);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data!.currentTenant).toEqual({ rowId: tenantId, billingAccount: { plan: "free", limits: free.limits }, wallet: { balance: "0" } });
  expect([...decodeJwt(accessToken).payload.svc].sort()).toEqual(expect.arrayContaining(Object.keys(free.services).sort()));
}

it("gives a workspace created at registration the free plan's entitlements and an empty wallet", async () => {
  const user = await signUp(server, { workspaceName: "Registered Co" });
  await expectFreePlan(user.tenantId, user.accessToken);
});

it("gives a workspace created with createWorkspace the free plan's entitlements and an empty wallet", async () => {
  const user = await signUp(server);
  const res = await as(server, user.accessToken)(
    `mutation($name: String!) { createWorkspace(input: { name: $name }) { result { tenant { rowId } } } }`,
    { name: "Second Co" },
  );
  expect(res.body.errors).toBeUndefined();
  const tenantId = res.body.data!.createWorkspace.result.tenant.rowId as string;
  expect(tenantId).not.toBe(user.tenantId);
  await expectFreePlan(tenantId, await switchTenant(server, user, tenantId));
});
