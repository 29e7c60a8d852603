/**
 * The dashboard's provider-side billing mutations (startCheckout, buyCoins,
 * changePlan, cancelSubscription) through GraphQL, with the real SDK against
 * the local fake Razorpay: the permission check runs in SQL before anything
 * reaches the provider, BILNC when unconfigured, and the effects match the
 * REST routes they share their code with.
 */
import { as, bearer, signUp, switchTenant, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startFakeRazorpay, signedWebhook, type FakeRazorpay } from "../helpers/fakeRazorpay";
import { runJobs } from "../helpers/jobs";
import { startTestServer, type TestServer } from "../helpers/server";
import { codeOf } from "../helpers/expect";

const getDb = useTestDatabase();
let fake: FakeRazorpay;
let server: TestServer;
let unconfigured: TestServer;
let owner: TestUser;

beforeAll(async () => {
  fake = await startFakeRazorpay();
  // The worker task reads process.env (loadConfig()), the server its env argument: give both the same.
  Object.assign(process.env, fake.env);
  server = await startTestServer(getDb(), fake.env);
  unconfigured = await startTestServer(getDb(), { RAZORPAY_KEY_ID: "", RAZORPAY_KEY_SECRET: "" });
  owner = await signUp(server, { workspaceName: "GraphQL Rupee Co" });
  // An operator adds a second plan to the catalog.
  await sql(`insert into app_public.plans (key, name, description, price_monthly_paise, price_yearly_paise, services, provider_plan_ids, sort_order)
             values ('team', 'Team', 'For teams.', 199900, 1999000, '{"blog": {"enabled": true, "posts": 5000}, "seats": 50}',
                     '{"razorpay": {"monthly": "plan_team_monthly", "yearly": "plan_team_yearly"}}', 20)`);
});
afterAll(async () => {
  await server?.close();
  await unconfigured?.close();
  await fake?.close();
});

const sql = (text: string, params: unknown[] = []) => getDb().superPool.query(text, params);
const webhook = (eventId: string, event: string, payload: Record<string, unknown>) => {
  const { raw, headers } = signedWebhook(eventId, event, payload);
  return server.post("/webhooks/razorpay", raw, headers);
};

const START_CHECKOUT = `mutation($plan: String!, $interval: String!) {
  startCheckout(input: { plan: $plan, interval: $interval, clientMutationId: "c1" }) { clientMutationId planSubscriptionId subscriptionId shortUrl keyId }
}`;
const BUY_COINS = `mutation($pack: String!) { buyCoins(input: { coinPack: $pack }) { coinOrderId orderId amount currency keyId } }`;
const CHANGE_PLAN = `mutation($plan: String!, $interval: String) { changePlan(input: { plan: $plan, interval: $interval }) { planSubscriptionId plan interval } }`;
const CANCEL = `mutation { cancelSubscription(input: {}) { planSubscriptionId cancelAtPeriodEnd } }`;
const SUBSCRIPTIONS = `{ currentTenant { planSubscriptions(orderBy: [CREATED_AT_DESC]) { nodes { rowId plan billingInterval status cancelAtPeriodEnd } } } }`;

it("refuses every mutation without billing:manage (DNIED) or without sign-in (LOGIN), before calling the provider", async () => {
  const member = await signUp(server);
  await sql("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [owner.tenantId, member.userId]);
  const token = await switchTenant(server, member, owner.tenantId);
  const before = fake.calls.length;
  const ops: Array<[string, Record<string, unknown>]> = [
    [START_CHECKOUT, { plan: "pro", interval: "monthly" }],
    [BUY_COINS, { pack: "coins_100" }],
    [CHANGE_PLAN, { plan: "pro" }],
    [CANCEL, {}],
  ];
  for (const [query, variables] of ops) {
    const res = await as(server, token)(query, variables);
    expect({ code: codeOf(res), data: Object.values(res.body.data ?? {})[0] }).toEqual({ code: "DNIED", data: null });
    expect(codeOf(await server.graphql(query, variables))).toBe("LOGIN");
  }
  expect(fake.calls.length).toBe(before);
  expect((await sql("select count(*)::int as n from app_public.coin_orders where tenant_id = $1", [owner.tenantId])).rows[0].n).toBe(0);
  expect((await sql("select count(*)::int as n from app_public.plan_subscriptions where tenant_id = $1", [owner.tenantId])).rows[0].n).toBe(0);
});

it("answers BILNC when Razorpay is not configured, and INVLD for a bad interval", async () => {
  for (const [query, variables] of [[START_CHECKOUT, { plan: "pro", interval: "monthly" }], [BUY_COINS, { pack: "coins_100" }], [CHANGE_PLAN, { plan: "pro" }], [CANCEL, {}]] as const) {
    expect(codeOf(await as(unconfigured, owner.accessToken)(query, variables))).toBe("BILNC");
  }
  expect(codeOf(await as(server, owner.accessToken)(START_CHECKOUT, { plan: "pro", interval: "weekly" }))).toBe("INVLD");
  expect(codeOf(await as(server, owner.accessToken)(BUY_COINS, { pack: "no_such_pack" }))).toBe("NTFND");
});

it("creates a coin order through GraphQL that the signed webhook credits exactly once", async () => {
  const res = await as(server, owner.accessToken)(BUY_COINS, { pack: "coins_100" });
  expect(res.body.errors).toBeUndefined();
  const order = res.body.data!.buyCoins;
  expect(order).toMatchObject({ amount: "9900", currency: "INR", keyId: fake.env.RAZORPAY_KEY_ID, orderId: expect.stringMatching(/^order_/) });
  expect(fake.calls).toContain("POST /v1/orders");
  const pay = { id: "pay_G1", entity: "payment", order_id: order.orderId, status: "captured", amount: 9900, currency: "INR" };
  expect((await webhook("evt_g1", "payment.captured", { payment: { entity: pay } })).body).toEqual({ received: true, duplicate: false });
  expect((await webhook("evt_g1", "payment.captured", { payment: { entity: pay } })).body).toEqual({ received: true, duplicate: true });
  await webhook("evt_g2", "order.paid", { payment: { entity: pay }, order: { entity: { id: order.orderId } } });
  await runJobs(getDb());
  const dash = await as(server, owner.accessToken)(`{ currentTenant { wallet { balance } coinOrders { nodes { rowId status } } } }`);
  expect(dash.body.data?.currentTenant).toEqual({ wallet: { balance: "100" }, coinOrders: { nodes: [{ rowId: order.coinOrderId, status: "paid" }] } });
  const entries = await sql("select amount::int, idempotency_key from app_public.wallet_entries where tenant_id = $1", [owner.tenantId]);
  expect(entries.rows).toEqual([{ amount: 100, idempotency_key: "razorpay:payment:pay_G1" }]);
  expect((await sql("select event_id, status from app_private.webhook_events where event_id like 'evt_g%' order by event_id")).rows)
    .toEqual([{ event_id: "evt_g1", status: "processed" }, { event_id: "evt_g2", status: "ignored" }]);
});

it("starts a checkout, changes the plan and cancels at period end, all reflected in planSubscriptions", async () => {
  const gql = as(server, owner.accessToken);
  const checkout = await gql(START_CHECKOUT, { plan: "pro", interval: "monthly" });
  expect(checkout.body.errors).toBeUndefined();
  const started = checkout.body.data!.startCheckout;
  expect(started).toMatchObject({ clientMutationId: "c1", subscriptionId: expect.stringMatching(/^sub_/), shortUrl: "https://rzp.io/i/x", keyId: fake.env.RAZORPAY_KEY_ID });
  expect(fake.calls).toEqual(expect.arrayContaining(["POST /v1/customers", "POST /v1/subscriptions"]));
  const now = Math.floor(Date.now() / 1000);
  await webhook("evt_gs1", "subscription.activated", { subscription: { entity: { id: started.subscriptionId, status: "active", current_start: now, current_end: now + 30 * 86400 } } });
  await runJobs(getDb());
  const subs = async () => (await gql(SUBSCRIPTIONS)).body.data?.currentTenant.planSubscriptions.nodes;
  expect(await subs()).toEqual([{ rowId: started.planSubscriptionId, plan: "pro", billingInterval: "monthly", status: "active", cancelAtPeriodEnd: false }]);

  const changed = await gql(CHANGE_PLAN, { plan: "team", interval: "yearly" });
  expect(changed.body.data?.changePlan).toEqual({ planSubscriptionId: started.planSubscriptionId, plan: "team", interval: "yearly" });
  expect(fake.calls).toContain(`PATCH /v1/subscriptions/${started.subscriptionId}`);
  expect(await subs()).toEqual([{ rowId: started.planSubscriptionId, plan: "team", billingInterval: "yearly", status: "active", cancelAtPeriodEnd: false }]);
  expect(codeOf(await gql(CHANGE_PLAN, { plan: "free" }))).toBe("NTFND"); // no provider plan: nothing changes
  // The REST route is a thin wrapper over the same code; without an interval it keeps the current one.
  expect((await server.post("/billing/subscription/plan", { plan: "pro" }, bearer(owner.accessToken))).body).toEqual({ plan: "pro" });
  expect((await subs())[0]).toMatchObject({ plan: "pro", billingInterval: "yearly" });
  await runJobs(getDb());
  expect((await sql("select plan from app_public.billing_accounts where tenant_id = $1", [owner.tenantId])).rows[0].plan).toBe("pro");

  const cancelled = await gql(CANCEL);
  expect(cancelled.body.data?.cancelSubscription).toEqual({ planSubscriptionId: started.planSubscriptionId, cancelAtPeriodEnd: true });
  expect(fake.calls).toContain(`POST /v1/subscriptions/${started.subscriptionId}/cancel`);
  expect(await subs()).toEqual([{ rowId: started.planSubscriptionId, plan: "pro", billingInterval: "yearly", status: "active", cancelAtPeriodEnd: true }]);
  await webhook("evt_gs2", "subscription.cancelled", { subscription: { entity: { id: started.subscriptionId, status: "cancelled", current_start: now, current_end: now + 30 * 86400 } } });
  await runJobs(getDb());
  expect((await subs())[0]).toMatchObject({ status: "cancelled", cancelAtPeriodEnd: true });
  expect(codeOf(await gql(CANCEL))).toBe("NTFND"); // nothing live left to cancel
});

it("retries a checkout that was closed unpaid, and refuses a second subscription (SUBEX) before calling the provider", async () => {
  const buyer = await signUp(server, { workspaceName: "Second Thoughts Co" });
  const gql = as(server, buyer.accessToken);
  const rows = async () => (await gql(SUBSCRIPTIONS)).body.data?.currentTenant.planSubscriptions.nodes;
  // The first widget was closed: its subscription stays `created`. Trying again cancels it and starts afresh.
  const closed = (await gql(START_CHECKOUT, { plan: "team", interval: "monthly" })).body.data!.startCheckout;
  const retry = await gql(START_CHECKOUT, { plan: "pro", interval: "monthly" });
  expect(retry.body.errors).toBeUndefined();
  const paid = retry.body.data!.startCheckout;
  expect(fake.calls).toContain(`POST /v1/subscriptions/${closed.subscriptionId}/cancel`);
  expect((await rows()).map((r: { rowId: string; status: string }) => [r.rowId, r.status])).toEqual([[paid.planSubscriptionId, "created"], [closed.planSubscriptionId, "cancelled"]]);
  const now = Math.floor(Date.now() / 1000);
  await webhook("evt_retry1", "subscription.activated", { subscription: { entity: { id: paid.subscriptionId, status: "active", current_start: now, current_end: now + 30 * 86400 } } });
  await runJobs(getDb());

  const before = fake.calls.length;
  const again = await gql(START_CHECKOUT, { plan: "team", interval: "yearly" });
  expect({ code: codeOf(again), data: again.body.data?.startCheckout ?? null }).toEqual({ code: "SUBEX", data: null });
  expect(fake.calls.length).toBe(before);
  expect((await rows()).map((r: { status: string }) => r.status)).toEqual(["active", "cancelled"]);
  expect((await gql(CHANGE_PLAN, { plan: "team" })).body.data?.changePlan).toEqual({ planSubscriptionId: paid.planSubscriptionId, plan: "team", interval: "monthly" });
});
