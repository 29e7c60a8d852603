/**
 * Razorpay end to end with the real SDK against a local fake Razorpay
 * (test/helpers/fakeRazorpay.ts), webhooks signed the way Razorpay signs
 * them (hex HMAC-SHA256 of the raw body with the webhook secret).
 */
import { bearer, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { KEY_SECRET, sign, startFakeRazorpay, type FakeRazorpay } from "../helpers/fakeRazorpay";
import { runJobs } from "../helpers/jobs";
import { startTestServer, type TestServer } from "../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;
let fake: FakeRazorpay;
let owner: TestUser;
let payments: FakeRazorpay["payments"];
let calls: string[];

beforeAll(async () => {
  fake = await startFakeRazorpay();
  ({ payments, calls } = fake);
  // The worker task reads process.env (loadConfig()), the server its env argument: give both the same.
  Object.assign(process.env, fake.env);
  server = await startTestServer(getDb(), fake.env);
  owner = await signUp(server, { workspaceName: "Rupee Co" });
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

const sql = (text: string, params: unknown[] = []) => getDb().superPool.query(text, params);
function webhook(eventId: string, event: string, payload: Record<string, unknown>, opts: { signature?: string | null; tamper?: boolean } = {}) {
  const raw = JSON.stringify({ entity: "event", account_id: "acc_1", event, contains: Object.keys(payload), payload, created_at: Math.floor(Date.now() / 1000) });
  const headers: Record<string, string> = { "x-razorpay-event-id": eventId };
  if (opts.signature !== null) headers["x-razorpay-signature"] = opts.signature ?? sign(raw);
  return server.post("/webhooks/razorpay", opts.tamper ? raw.replace("captured", "CAPTURED") : raw, headers);
}
const paymentEntity = (id: string, orderId: string, status: string, amount = 9900, currency = "INR") => ({ id, entity: "payment", order_id: orderId, status, amount, currency });
const balance = async (tenantId: string) => Number((await sql("select balance from app_public.wallets where tenant_id = $1", [tenantId])).rows[0].balance);
const buyCoins = async (pack = "coins_100") => {
  const res = await server.post("/billing/coins", { coinPack: pack }, bearer(owner.accessToken));
  expect(res.status).toBe(200);
  return res.body as { orderId: string; amount: number; currency: string };
};

it("credits a coin pack exactly once however often the webhook and the checkout callback arrive", async () => {
  const order = await buyCoins();
  expect(order).toMatchObject({ amount: 9900, currency: "INR" });
  expect(calls).toContain("POST /v1/orders");
  const pay = paymentEntity("pay_A", order.orderId, "captured");
  payments.set("pay_A", pay);
  expect((await webhook("evt_1", "payment.captured", { payment: { entity: pay } })).body).toEqual({ received: true, duplicate: false });
  expect((await webhook("evt_1", "payment.captured", { payment: { entity: pay } })).body).toEqual({ received: true, duplicate: true });
  await webhook("evt_2", "order.paid", { payment: { entity: pay }, order: { entity: { id: order.orderId } } });
  const verify = await server.post("/billing/razorpay/verify",
    { razorpay_order_id: order.orderId, razorpay_payment_id: "pay_A", razorpay_signature: sign(`${order.orderId}|pay_A`, KEY_SECRET) }, bearer(owner.accessToken));
  expect(verify.body).toEqual({ orderStatus: "paid", paymentStatus: "captured", balance: 100 });
  await runJobs(getDb());
  expect(await balance(owner.tenantId)).toBe(100);
  const entries = await sql("select kind, amount::int, idempotency_key from app_public.wallet_entries where tenant_id = $1", [owner.tenantId]);
  expect(entries.rows).toEqual([{ kind: "purchase", amount: 100, idempotency_key: "razorpay:payment:pay_A" }]);
  const events = await sql("select event_id, status from app_private.webhook_events order by event_id");
  expect(events.rows).toEqual([{ event_id: "evt_1", status: "ignored" }, { event_id: "evt_2", status: "ignored" }]); // the callback got there first
});

it("never moves a captured payment back: a late payment.failed is ignored", async () => {
  const order = await buyCoins();
  const pay = paymentEntity("pay_B", order.orderId, "captured");
  await webhook("evt_b1", "payment.captured", { payment: { entity: pay } });
  await webhook("evt_b2", "payment.failed", { payment: { entity: { ...pay, status: "failed" } } });
  await runJobs(getDb());
  expect((await sql("select status from app_private.payments where payment_id = 'pay_B'")).rows[0].status).toBe("captured");
  expect((await sql("select status from app_private.webhook_events where event_id in ('evt_b1', 'evt_b2') order by event_id")).rows.map((r) => r.status)).toEqual(["processed", "ignored"]);
  expect(await balance(owner.tenantId)).toBe(200);
});

it("refuses forged, altered and missing signatures without storing anything", async () => {
  const pay = { payment: { entity: paymentEntity("pay_X", "order_x", "captured") } };
  for (const res of [
    await webhook("evt_f1", "payment.captured", pay, { signature: sign("something else") }),
    await webhook("evt_f2", "payment.captured", pay, { tamper: true }),
    await webhook("evt_f3", "payment.captured", pay, { signature: null }),
    await webhook("evt_f4", "payment.captured", pay, { signature: "zz" }),
  ]) {
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: "BADSG" });
  }
  expect((await sql("select count(*)::int as n from app_private.webhook_events where event_id like 'evt_f%'")).rows[0].n).toBe(0);
  const forged = await server.post("/billing/razorpay/verify", { razorpay_order_id: "order_1", razorpay_payment_id: "pay_A", razorpay_signature: "0".repeat(64) }, bearer(owner.accessToken));
  expect(forged.body.error?.code).toBe("BADSG");
});

it("stores unknown event types and ignores them", async () => {
  expect((await webhook("evt_u1", "refund.speed_changed", { refund: { entity: { id: "rfnd_1" } } })).status).toBe(200);
  await runJobs(getDb());
  expect((await sql("select type, status from app_private.webhook_events where event_id = 'evt_u1'")).rows).toEqual([{ type: "refund.speed_changed", status: "ignored" }]);
});

it("credits nothing when the payment's amount or currency differs from the order", async () => {
  const before = await balance(owner.tenantId);
  const order = await buyCoins();
  payments.set("pay_M", paymentEntity("pay_M", order.orderId, "captured", 100));
  const res = await server.post("/billing/razorpay/verify",
    { razorpay_order_id: order.orderId, razorpay_payment_id: "pay_M", razorpay_signature: sign(`${order.orderId}|pay_M`, KEY_SECRET) }, bearer(owner.accessToken));
  expect(res.body.error?.code).toBe("AMTMM");
  await webhook("evt_m1", "payment.captured", { payment: { entity: paymentEntity("pay_M2", order.orderId, "captured", 9900, "USD") } });
  await runJobs(getDb());
  expect(await balance(owner.tenantId)).toBe(before);
  expect((await sql("select status from app_public.coin_orders o join app_private.provider_refs r on r.local_id = o.id where r.external_id = $1", [order.orderId])).rows[0].status).toBe("mismatch");
});

it("subscribes to Pro, activates by webhook, rebuilds entitlements, and ignores a late event after cancellation", async () => {
  const checkout = await server.post("/billing/checkout", { plan: "pro", interval: "monthly" }, bearer(owner.accessToken));
  expect(checkout.status).toBe(200);
  const subId = checkout.body.subscriptionId as string;
  expect(calls).toEqual(expect.arrayContaining(["POST /v1/customers", "POST /v1/subscriptions"]));
  const now = Math.floor(Date.now() / 1000);
  const sub = (status: string) => ({ subscription: { entity: { id: subId, status, current_start: now, current_end: now + 30 * 86400 } } });
  await webhook("evt_s1", "subscription.activated", sub("active"));
  await webhook("evt_i1", "invoice.paid", { invoice: { entity: { id: "inv_1", subscription_id: subId, status: "paid", amount: 99900, currency: "INR", paid_at: now } } });
  await runJobs(getDb());
  await runJobs(getDb());
  expect((await sql("select plan from app_public.billing_accounts where tenant_id = $1", [owner.tenantId])).rows[0].plan).toBe("pro");
  expect((await sql("select status, amount_paise::int from app_public.invoices where tenant_id = $1", [owner.tenantId])).rows).toEqual([{ status: "paid", amount_paise: 99900 }]);
  expect((await server.post("/billing/subscription/cancel", {}, bearer(owner.accessToken))).body).toEqual({ cancelAtPeriodEnd: true });
  await webhook("evt_s2", "subscription.cancelled", sub("cancelled"));
  await webhook("evt_s3", "subscription.charged", sub("active")); // late/out of order: cancelled is final
  await runJobs(getDb());
  await runJobs(getDb());
  expect((await sql("select status from app_public.plan_subscriptions where tenant_id = $1", [owner.tenantId])).rows[0].status).toBe("cancelled");
  expect((await sql("select plan from app_public.billing_accounts where tenant_id = $1", [owner.tenantId])).rows[0].plan).toBe("free");
  const types = (await sql("select type from app_private.events where tenant_id = $1 and type like 'subscription.%' order by occurred_at", [owner.tenantId])).rows.map((r) => r.type);
  expect(types).toEqual(["subscription.activated", "subscription.cancelled"]);
});
