/**
 * The console's billing page (/billing) in a real headless Chromium against a
 * server process with trusted documents on. Coins are granted in SQL (as the
 * billing tests do); the owner buys an add-on with them and sees the balance,
 * the ledger and the usage limits change; a purchase the wallet cannot pay
 * (COINS) and one the plan does not allow (NOADD) are refused next to the
 * add-on and change nothing; an add-on is cancelled after confirming. A
 * member without billing:read sees no billing, and the API refuses their
 * purchase.
 *
 * Coin packs and plans go through Razorpay Checkout: the server is pointed at
 * the local fake Razorpay (test/helpers/fakeRazorpay.ts), whose checkout.js
 * and payment iframe the page loads (the one other origin a page may reach),
 * and whose handler response is signed with the key secret, so the server's
 * real verification (signature, then the payment or subscription re-read)
 * runs. A refused payment and a closed widget show their message and change
 * nothing; the webhook for the same payment arriving after the handler
 * applies nothing twice.
 */
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";
import { signedWebhook, startFakeRazorpay, type FakeRazorpay } from "../helpers/fakeRazorpay";
import { runJobs } from "../helpers/jobs";

let fake: FakeRazorpay;
beforeAll(async () => {
  fake = await startFakeRazorpay();
  // runJobs processes webhooks in this process, which reads its config from process.env.
  Object.assign(process.env, fake.env);
});
afterAll(async () => fake?.close());

const app = useConsoleBrowser({ artifactPrefix: "billing", env: () => ({ API_KEY_CACHE_SECONDS: "0", ...fake.env }), allowedOrigins: () => [fake.url] });
const { getDb, newPage, step, post, gql, signIn, signInUi, invitationToken } = app;

it("buys an add-on with granted coins (balance, ledger and limits follow); refusals shown at the add-on change nothing; cancels one; a member sees no billing and is refused", async () => {
  const owner = uniqueEmail("console-billing");
  const workspace = `Bill Works ${Date.now()}`;
  expect((await post("/auth/register", { email: owner, password: GOOD_PASSWORD, name: "Bea Billing", workspaceName: workspace })).status).toBe(202);
  const ownerToken = await signIn(owner);
  const tenantId = (await getDb().superPool.query("select id from app_public.tenants where name = $1", [workspace])).rows[0].id as string;
  await getDb().superPool.query("select app_private.credit($1, 80, 'grant', 'test', $2)", [tenantId, `console-billing-${tenantId}`]);
  const member = uniqueEmail("console-billing-member");
  expect((await post("/auth/register", { email: member, password: GOOD_PASSWORD, name: "Bo Member" })).status).toBe(202);
  expect((await gql("InviteMember", { email: member, role: "member" }, ownerToken)).body.errors).toBeUndefined();
  await runJobs(getDb());
  expect((await gql("AcceptInvitation", { token: invitationToken(member) }, await signIn(member))).body.errors).toBeUndefined();
  const balance = async () => Number((await getDb().superPool.query("select balance from app_public.wallets where tenant_id = $1", [tenantId])).rows[0].balance);
  const activeAddons = async () => (await getDb().superPool.query("select addon from app_public.tenant_addons where tenant_id = $1 and status = 'active'", [tenantId])).rows.map((r) => r.addon);
  const seatsLimit = async () => (await getDb().superPool.query("select limits->>'seats' as seats from app_public.billing_accounts where tenant_id = $1", [tenantId])).rows[0]?.seats;

  const page = await newPage();
  await step("plan, balance and usage bars are shown", async () => {
    await signInUi(page, owner, "/billing");
    await shows(page.getByTestId("balance"), "80 coins");
    await shows(page.locator(".ledger tbody tr"), "grant");
    expect(await page.locator("progress").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("plan").textContent()).not.toBe("—");
  });

  const seatsBefore = await seatsLimit();
  await step("an add-on bought with coins: balance, ledger and limits follow", async () => {
    await page.getByRole("button", { name: "Buy +5 seats for 50 coins" }).click();
    await shows(page.getByRole("status"), "+5 seats is active.");
    await shows(page.getByTestId("balance"), "30 coins");
    await shows(page.locator(".ledger tbody tr").first(), "-50");
    expect(await balance()).toBe(30);
    expect(await activeAddons()).toEqual(["seats_5"]);
    await runJobs(getDb()); // the entitlements rebuild the purchase queued
    expect(Number(await seatsLimit())).toBe(Number(seatsBefore) + 5);
  });

  await step("refusals are shown at the add-on and change nothing", async () => {
    await page.getByRole("button", { name: "Buy +5 seats for 50 coins" }).click();
    await shows(page.locator(".field-error"), "code: COINS");
    await page.getByRole("button", { name: "Buy +500 posts for 30 coins" }).click();
    await shows(page.locator(".field-error"), "code: NOADD");
    await shows(page.getByTestId("balance"), "30 coins");
    expect(await balance()).toBe(30);
    expect(await activeAddons()).toEqual(["seats_5"]);
  });

  await step("an add-on is cancelled after confirming", async () => {
    await page.getByRole("button", { name: "Cancel +5 seats" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel add-on" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Cancel +5 seats" }).waitFor({ state: "detached" });
    expect(await activeAddons()).toEqual([]);
  });

  await step("a member sees no billing, and the API refuses their purchase", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await signInUi(page, member, "/billing");
    await page.getByRole("combobox", { name: "Workspace", exact: true }).selectOption({ label: workspace });
    await shows(page.locator(".page-header"), workspace);
    await page.getByRole("link", { name: "Billing" }).click();
    await page.waitForURL(`${app.url}/billing`);
    await shows(page.locator(".empty"), "billing:read");
    expect(await page.getByRole("button", { name: /^Buy / }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^(Subscribe to|Switch to) / }).count()).toBe(0);
    const refused = (await gql("PurchaseAddon", { addonKey: "seats_5", idempotencyKey: `m-${Date.now()}` }, await signIn(member, tenantId))).body;
    expect(refused.errors?.[0]?.extensions?.code).toBe("DNIED");
    expect(await balance()).toBe(30);
  });
}, 180_000);

it("buys a coin pack and subscribes to a plan through Razorpay Checkout, switches plan; a refused and a closed payment change nothing; the webhook after the handler applies nothing twice", async () => {
  const owner = uniqueEmail("console-checkout");
  const workspace = `Checkout Works ${Date.now()}`;
  expect((await post("/auth/register", { email: owner, password: GOOD_PASSWORD, name: "Cy Checkout", workspaceName: workspace })).status).toBe(202);
  const sql = (text: string, params: unknown[] = []) => getDb().superPool.query(text, params);
  const tenantId = (await sql("select id from app_public.tenants where name = $1", [workspace])).rows[0].id as string;
  await sql(`insert into app_public.plans (key, name, description, price_monthly_paise, price_yearly_paise, services, provider_plan_ids, sort_order)
             values ('team', 'Team', 'For teams.', 199900, 1999000, '{"blog": {"enabled": true, "posts": 5000}, "seats": 50}',
                     '{"razorpay": {"monthly": "plan_team_monthly", "yearly": "plan_team_yearly"}}', 20) on conflict (key) do nothing`);
  const overview = async () => (await gql("BillingOverview", {}, await signIn(owner, tenantId))).body.data.currentTenant;
  const ledger = async () => (await gql("WalletLedger", { first: 10 }, await signIn(owner, tenantId))).body.data.walletEntries.nodes;
  const webhook = async (id: string, event: string, payload: Record<string, unknown>) => {
    const { raw, headers } = signedWebhook(id, event, payload);
    const res = await fetch(`${app.url}/webhooks/razorpay`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: raw });
    expect(res.status).toBe(200);
  };
  // A button of the widget's payment form. Its iframe is cross-origin, which @sparticuz/chromium's single-process
  // mode cannot hit-test for a pointer click: the click is dispatched on the button instead.
  const widget = (page: Awaited<ReturnType<typeof newPage>>, button: "Pay" | "Fail" | "Close") =>
    page.frameLocator('iframe[name="razorpay-checkout-frame"]').getByRole("button", { name: button }).dispatchEvent("click");

  const page = await newPage();
  await step("the checkout script is allowed by the console's CSP only for the configured origin", async () => {
    const res = await fetch(`${app.url}/billing`);
    expect(res.headers.get("content-security-policy")).toMatch(new RegExp(`script-src 'self' ${fake.url}(;|$)`));
    expect(await (await fetch(`${app.url}/billing/checkout-config`)).json()).toEqual({ enabled: true, provider: "razorpay", keyId: "rzp_test_key", checkoutUrl: `${fake.url}/v1/checkout.js` });
    await signInUi(page, owner, "/billing");
    await shows(page.getByTestId("balance"), "0 coins");
  });

  const buy = page.getByRole("button", { name: /^Buy 100 coins for / });
  await step("a refused payment shows Razorpay's coded error; closing the widget says nothing was charged", async () => {
    await buy.click();
    await widget(page, "Fail");
    await shows(page.locator(".field-error"), "code: BAD_REQUEST_ERROR");
    await widget(page, "Close");
    await page.locator('iframe[name="razorpay-checkout-frame"]').waitFor({ state: "detached" });
    await shows(page.locator(".field-error"), "declined by the bank");
    await buy.click();
    await widget(page, "Close");
    await shows(page.locator(".field-error"), "nothing was charged");
    expect((await overview()).wallet.balance).toBe("0");
    expect(await ledger()).toEqual([]);
  });

  await step("a coin pack paid in the widget is confirmed by the server and credited once, the later webhook too", async () => {
    await buy.click();
    await shows(page.getByRole("status"), "Waiting for the payment");
    await widget(page, "Pay");
    await shows(page.getByRole("status"), "100 coins added: the balance is 100 coins.");
    await shows(page.getByTestId("balance"), "100 coins");
    const paid = fake.checkouts.at(-1)!;
    expect(paid).toEqual({ razorpay_payment_id: expect.stringMatching(/^pay_/), razorpay_order_id: expect.stringMatching(/^order_/), razorpay_signature: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await webhook(`evt_${paid.razorpay_payment_id}`, "payment.captured", { payment: { entity: fake.payments.get(paid.razorpay_payment_id) } });
    await runJobs(getDb());
    expect((await overview()).wallet.balance).toBe("100");
    expect((await ledger()).map((e: { kind: string; amount: string }) => [e.kind, e.amount])).toEqual([["purchase", "100"]]);
  });

  await step("subscribing to Pro through the widget activates the subscription and the plan; its webhook changes nothing more", async () => {
    await page.getByRole("button", { name: "Subscribe to Pro" }).click();
    await widget(page, "Pay");
    await shows(page.getByRole("status"), "Subscribed to Pro: the subscription is active.");
    const paid = fake.checkouts.at(-1)!;
    expect(paid.razorpay_subscription_id).toMatch(/^sub_/);
    await webhook(`evt_${paid.razorpay_subscription_id}`, "subscription.activated", { subscription: { entity: fake.subscriptions.get(paid.razorpay_subscription_id) } });
    await runJobs(getDb());
    await runJobs(getDb());
    const t = await overview();
    expect(t.billingAccount.plan).toBe("pro");
    expect(t.planSubscriptions.nodes.map((s: { plan: string; status: string }) => [s.plan, s.status])).toEqual([["pro", "active"]]);
    const events = await sql("select count(*)::int as n from app_private.events where tenant_id = $1 and type = 'subscription.activated'", [tenantId]);
    expect(events.rows[0].n).toBe(1);
  });

  await step("a forged or foreign subscription callback is refused and changes nothing", async () => {
    const paid = fake.checkouts.at(-1)!;
    const token = await signIn(owner, tenantId);
    const forged = await post("/billing/razorpay/verify", { ...paid, razorpay_signature: "0".repeat(64) }, token);
    expect({ status: forged.status, code: forged.body.error?.code }).toEqual({ status: 400, code: "BADSG" });
    const other = uniqueEmail("console-checkout-other");
    expect((await post("/auth/register", { email: other, password: GOOD_PASSWORD, name: "Oz Other" })).status).toBe(202);
    const foreign = await post("/billing/razorpay/verify", paid, await signIn(other));
    expect({ status: foreign.status, code: foreign.body.error?.code }).toEqual({ status: 404, code: "NTFND" });
    expect((await overview()).planSubscriptions.nodes).toHaveLength(1);
  });

  await step("switching to Team changes the live subscription at Razorpay, after confirming", async () => {
    await page.reload();
    await page.getByRole("button", { name: "Switch to Team" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Switch to Team" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    const subId = fake.checkouts.at(-1)!.razorpay_subscription_id;
    expect(fake.calls).toContain(`PATCH /v1/subscriptions/${subId}`);
    expect(fake.subscriptions.get(subId)!.plan_id).toBe("plan_team_monthly");
    await runJobs(getDb());
    const t = await overview();
    expect(t.planSubscriptions.nodes.map((s: { plan: string; status: string }) => [s.plan, s.status])).toEqual([["team", "active"]]);
    expect(t.billingAccount.plan).toBe("team");
  });
}, 120_000);
