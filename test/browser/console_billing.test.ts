/**
 * The console's billing page (/billing) in a real headless Chromium against a
 * server process with trusted documents on. Coins are granted in SQL (as the
 * billing tests do); the owner buys an add-on with them and sees the balance,
 * the ledger and the usage limits change; a purchase the wallet cannot pay
 * (COINS) and one the plan does not allow (NOADD) are refused next to the
 * add-on and change nothing; an add-on is cancelled after confirming. A
 * member without billing:read sees no billing, and the API refuses their
 * purchase. Changing the plan (the Razorpay checkout) is not in the console.
 */
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";
import { runJobs } from "../helpers/jobs";

const app = useConsoleBrowser({ artifactPrefix: "billing", env: { API_KEY_CACHE_SECONDS: "0" } });
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
    const refused = (await gql("PurchaseAddon", { addonKey: "seats_5", idempotencyKey: `m-${Date.now()}` }, await signIn(member, tenantId))).body;
    expect(refused.errors?.[0]?.extensions?.code).toBe("DNIED");
    expect(await balance()).toBe(30);
  });
}, 180_000);
