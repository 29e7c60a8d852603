/**
 * Billing through GraphQL: the dashboard (plan, wallet, ledger, usage),
 * buying and cancelling add-ons with coins, permission gating, plan limits
 * enforced on createPost, and the entitlement rebuild reaching tokens.
 */
import { as, decodeJwt, signUp, switchTenant, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { getJobs, runJobs } from "../helpers/jobs";
import { startTestServer, type TestServer } from "../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;
let owner: TestUser;

beforeAll(async () => {
  server = await startTestServer(getDb());
  owner = await signUp(server, { workspaceName: "Billing Co" });
});
afterAll(() => server?.close());

const sql = (text: string, params: unknown[] = []) => getDb().superPool.query(text, params);
const grant = (tenantId: string, coins: number, key: string) => sql("select app_private.credit($1, $2, 'grant', 'test', $3)", [tenantId, coins, key]);
const refresh = async (refreshToken: string) => {
  const res = await server.post("/auth/refresh", { refreshToken, tokenTransport: "body" });
  expect(res.status).toBe(200);
  return res.body as { accessToken: string; refreshToken: string };
};

const DASHBOARD = `{
  currentTenant { billingAccount { plan limits } wallet { balance } }
  walletEntries(first: 2, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) { totalCount pageInfo { hasNextPage } nodes { amount balanceAfter kind } }
  billingUsage { nodes { service resource used limit } }
  plans(orderBy: PRIMARY_KEY_ASC) { nodes { key priceMonthlyPaise currency } }
}`;
const PURCHASE = `mutation($key: String!, $idem: String) { purchaseAddon(input: { addonKey: $key, idempotencyKey: $idem }) { result { rowId addon status } } }`;

it("shows the free plan, the wallet with a paginated ledger, and usage against limits", async () => {
  await grant(owner.tenantId, 100, "g1");
  await grant(owner.tenantId, 20, "g2");
  await grant(owner.tenantId, 5, "g3");
  const res = await as(server, owner.accessToken)(DASHBOARD);
  expect(res.body.errors).toBeUndefined();
  const d = res.body.data!;
  expect(d.currentTenant.billingAccount).toEqual({ plan: "free", limits: { seats: 5, api_keys: 25, storage_mb: 1024 } });
  expect(d.currentTenant.wallet.balance).toBe("125");
  expect(d.walletEntries).toEqual({ totalCount: 3, pageInfo: { hasNextPage: true }, nodes: [{ amount: "5", balanceAfter: "125", kind: "grant" }, { amount: "20", balanceAfter: "120", kind: "grant" }] });
  expect(d.billingUsage.nodes).toEqual(expect.arrayContaining([
    { service: "blog", resource: "posts", used: "0", limit: "100" },
    { service: "workspace", resource: "seats", used: "1", limit: "5" },
    { service: "storage", resource: "bytes", used: "0", limit: String(1024 * 1024 * 1024) },
  ]));
  // Stored bytes follow the files table (reserved with the row, freed with it).
  const { rows: [file] } = await sql(
    "insert into app_public.files (tenant_id, folder, name, content_type, size_bytes, checksum_sha256) values ($1, '', 'usage.bin', 'application/octet-stream', 4096, repeat('0', 64)) returning id",
    [owner.tenantId]);
  const storageRow = async () => ((await as(server, owner.accessToken)(DASHBOARD)).body.data!.billingUsage.nodes as Array<{ service: string; used: string }>).find((n) => n.service === "storage");
  expect(await storageRow()).toMatchObject({ used: "4096" });
  await sql("delete from app_public.files where id = $1", [file.id]);
  expect(await storageRow()).toMatchObject({ used: "0" });
  expect(d.plans.nodes.map((p: { key: string }) => p.key)).toEqual(["free", "pro"]);
});

it("hides billing from members without billing:read and refuses purchases without billing:manage", async () => {
  const member = await signUp(server);
  await sql("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [owner.tenantId, member.userId]);
  const token = await switchTenant(server, member, owner.tenantId);
  const res = await as(server, token)(`{ walletEntries { totalCount } currentTenant { wallet { balance } } }`);
  expect(res.body.data?.walletEntries.totalCount).toBe(0);
  expect(res.body.data?.currentTenant.wallet).toBeNull();
  expect((await as(server, token)(`{ billingUsage { nodes { used } } }`)).body.errors?.[0].extensions?.code).toBe("DNIED");
  expect((await as(server, token)(PURCHASE, { key: "seats_5" })).body.errors?.[0].extensions?.code).toBe("DNIED");
});

it("buys an add-on with coins atomically and idempotently, then raises the limit after the rebuild job", async () => {
  const user = await signUp(server);
  const buy = as(server, user.accessToken);
  // No coins: nothing is debited, nothing activated.
  const broke = await buy(PURCHASE, { key: "seats_5" });
  expect(broke.body.errors?.[0]).toMatchObject({ message: expect.stringContaining("Not enough coins"), extensions: { code: "COINS" } });
  expect((await sql("select count(*)::int as n from app_public.tenant_addons where tenant_id = $1", [user.tenantId])).rows[0].n).toBe(0);
  await grant(user.tenantId, 60, "seed");
  const first = await buy(PURCHASE, { key: "seats_5", idem: "order-1" });
  const again = await buy(PURCHASE, { key: "seats_5", idem: "order-1" });
  expect(first.body.data?.purchaseAddon.result).toMatchObject({ addon: "seats_5", status: "active" });
  expect(again.body.data?.purchaseAddon.result.rowId).toBe(first.body.data?.purchaseAddon.result.rowId);
  expect((await sql("select balance::int from app_public.wallets where tenant_id = $1", [user.tenantId])).rows[0].balance).toBe(10);
  // A Pro-only add-on on the free plan.
  expect((await buy(PURCHASE, { key: "posts_500" })).body.errors?.[0].extensions?.code).toBe("NOADD");
  // The rebuild is queued (one debounced job per workspace) and raises seats from 5 to 10.
  expect((await getJobs(getDb(), "entitlements__rebuild")).filter((j) => j.payload.tenantId === user.tenantId)).toHaveLength(1);
  await runJobs(getDb());
  expect((await sql("select limits from app_public.billing_accounts where tenant_id = $1", [user.tenantId])).rows[0].limits.seats).toBe(10);
  const events = await sql("select type from app_private.events where tenant_id = $1 and type in ('addon.purchased', 'entitlements.changed') order by occurred_at", [user.tenantId]);
  expect(events.rows.map((r) => r.type)).toEqual(["addon.purchased", "entitlements.changed"]);
  // Cancelling takes the seats away again.
  const cancel = await buy(`mutation($id: UUID!) { cancelAddon(input: { tenantAddonId: $id }) { result { status } } }`, { id: first.body.data?.purchaseAddon.result.rowId });
  expect(cancel.body.data?.cancelAddon.result.status).toBe("cancelled");
  await runJobs(getDb());
  expect((await sql("select limits from app_public.billing_accounts where tenant_id = $1", [user.tenantId])).rows[0].limits.seats).toBe(5);
});

it("refuses createPost over the plan's limit with LIMIT, naming the limit and the usage", async () => {
  const user = await signUp(server);
  await sql("update app_public.tenant_services set limits = '{\"posts\": 2}' where tenant_id = $1 and service = 'blog'", [user.tenantId]);
  const create = `mutation($t: String!) { createPost(input: { post: { title: $t } }) { post { rowId } } }`;
  expect((await as(server, user.accessToken)(create, { t: "one" })).body.data?.createPost.post.rowId).toEqual(expect.any(String));
  expect((await as(server, user.accessToken)(create, { t: "two" })).body.errors).toBeUndefined();
  const over = await as(server, user.accessToken)(create, { t: "three" });
  expect(over.body.errors?.[0].extensions?.code).toBe("LIMIT");
  expect(over.body.errors?.[0].message).toMatch(/allows 2 posts .* 2 are in use\. Upgrade the plan or buy an add-on/);
  expect((await sql("select count(*)::int as n from app_public.posts where tenant_id = $1", [user.tenantId])).rows[0].n).toBe(2);
});

it("lets only one of six concurrent inserts at the limit succeed", async () => {
  const user = await signUp(server);
  await sql("update app_public.tenant_services set limits = '{\"posts\": 1}' where tenant_id = $1 and service = 'blog'", [user.tenantId]);
  const create = `mutation($t: String!) { createPost(input: { post: { title: $t } }) { post { rowId } } }`;
  const results = await Promise.all(Array.from({ length: 6 }, (_, i) => as(server, user.accessToken)(create, { t: `race ${i}` })));
  expect(results.filter((r) => !r.body.errors).length).toBe(1);
  expect(results.filter((r) => r.body.errors?.[0].extensions?.code === "LIMIT").length).toBe(5);
  expect((await sql("select count(*)::int as n from app_public.posts where tenant_id = $1", [user.tenantId])).rows[0].n).toBe(1);
});

it("limits active API keys by the plan's workspace-wide limit", async () => {
  const user = await signUp(server);
  await sql("update app_public.billing_accounts set limits = '{\"api_keys\": 1}' where tenant_id = $1", [user.tenantId]);
  const key = `mutation { createApiKey(input: { name: "k", scopes: {blog: ["read"]} }) { result { secret } } }`;
  expect((await as(server, user.accessToken)(key)).body.errors).toBeUndefined();
  expect((await as(server, user.accessToken)(key)).body.errors?.[0].extensions?.code).toBe("LIMIT");
});

it("rebuilds entitlements when the subscription changes, and the next token carries the new services", async () => {
  const user = await signUp(server);
  expect(decodeJwt(user.accessToken).payload.svc).toEqual(["blog"]);
  await sql("insert into app_public.plan_subscriptions (tenant_id, plan, status) values ($1, 'pro', 'active')", [user.tenantId]);
  await runJobs(getDb());
  const next = await refresh(user.refreshToken);
  expect(decodeJwt(next.accessToken).payload.svc).toEqual(["analytics", "blog"]);
  const res = await as(server, next.accessToken)(`{ currentTenant { billingAccount { plan } tenantServices { nodes { service limits } } } }`);
  expect(res.body.data?.currentTenant.billingAccount.plan).toBe("pro");
  expect(res.body.data?.currentTenant.tenantServices.nodes).toEqual(expect.arrayContaining([{ service: "blog", limits: { posts: 1000 } }]));
  // Cancelled: back to free, analytics off.
  await sql("update app_public.plan_subscriptions set status = 'cancelled' where tenant_id = $1", [user.tenantId]);
  await runJobs(getDb());
  expect(decodeJwt((await refresh(next.refreshToken)).accessToken).payload.svc).toEqual(["blog"]);
});
