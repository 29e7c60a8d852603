/**
 * The console's webhooks page (/webhooks) in a real headless Chromium against
 * a server process with trusted documents on, a real local receiver
 * (test/helpers/webhooks.ts) and the real delivery tasks run from this
 * process. The owner adds an endpoint (a refused URL first), reads the secret
 * shown once; an event reaches the receiver and its delivery row appears; a
 * failing delivery is filtered for and replayed with "replay failures since",
 * a good one replayed alone; the endpoint is disabled and its secret rotated.
 * A member without webhooks:manage sees no controls, and the API refuses
 * their direct call. No page may load anything from another origin or raise
 * a CSP violation or script error.
 */
import type { Page } from "playwright-core";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";
import { runJobs } from "../helpers/jobs";
import { drain, startReceiver, type Receiver } from "../helpers/webhooks";

// The delivery tasks run in this process (runJobs): they read these, as the worker would.
const WORKER_ENV = { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1", WEBHOOK_RETRY_SCHEDULE: "0,0.2,0.2", WEBHOOK_TIMEOUT_MS: "2000" };
Object.assign(process.env, WORKER_ENV);
// The server's own allow-list for endpoint URLs: the local receiver, nothing else private.
const app = useConsoleBrowser({ artifactPrefix: "webhooks", env: WORKER_ENV });
const { getDb, newPage, step, post, gql, signIn, signInUi, invitationToken } = app;

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

/** The signing secret from the once-only dialog, which is then closed. */
async function readSecret(page: Page): Promise<string> {
  const dialog = page.getByRole("dialog");
  await shows(dialog, "you won't see it again");
  const secret = await dialog.getByLabel("Secret").inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.waitFor({ state: "detached" });
  // Closing the dialog unmounts it (and the secret) on the next render.
  await page.waitForFunction(`!document.body.innerHTML.includes(${JSON.stringify(secret)})`);
  return secret;
}

/** Rows of the deliveries table (the endpoints table names event types too). */
const deliveryRows = (page: Page) => page.locator(".panel", { has: page.getByRole("heading", { name: "Deliveries" }) }).getByRole("row", { name: /apikey\.created/ });

const localMinute = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

it("adds an endpoint whose events arrive and show as deliveries; filters, replays failures since and one delivery; disables and rotates; a member sees no controls and is refused", async () => {
  const owner = uniqueEmail("console-hooks");
  const workspace = `Hook Works ${Date.now()}`;
  expect((await post("/auth/register", { email: owner, password: GOOD_PASSWORD, name: "Hal Hooks", workspaceName: workspace })).status).toBe(202);
  const ownerToken = await signIn(owner);
  const tenantId = (await getDb().superPool.query("select id from app_public.tenants where name = $1", [workspace])).rows[0].id as string;
  const member = uniqueEmail("console-hooks-member");
  expect((await post("/auth/register", { email: member, password: GOOD_PASSWORD, name: "Meg Member" })).status).toBe(202);
  expect((await gql("InviteMember", { email: member, role: "member" }, ownerToken)).body.errors).toBeUndefined();
  await runJobs(getDb());
  expect((await gql("AcceptInvitation", { token: invitationToken(member) }, await signIn(member))).body.errors).toBeUndefined();
  await runJobs(getDb()); // the invitation's own events, before any endpoint exists
  const endpoints = async () => (await getDb().superPool.query("select id, url, event_types, is_enabled from app_public.webhook_endpoints where tenant_id = $1", [tenantId])).rows;
  const deliveries = async () => (await getDb().superPool.query("select status, attempt_count from app_public.webhook_deliveries where tenant_id = $1 order by created_at", [tenantId])).rows;
  const makeKey = async (name: string) => expect((await gql("CreateApiKey", { name, scopes: { blog: ["read"] } }, ownerToken)).body.errors).toBeUndefined();

  const page = await newPage();
  await step("a private URL is refused at its field, nothing created", async () => {
    await signInUi(page, owner, "/webhooks");
    await shows(page.locator(".empty"), "No endpoints yet.");
    await page.getByLabel("Endpoint URL").fill("http://localhost:9/hook");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await shows(page.locator(".field-error"), "code: WHURL");
    expect(await page.getByLabel("Endpoint URL").getAttribute("aria-invalid")).toBe("true");
    expect(await endpoints()).toEqual([]);
  });

  let secret = "";
  await step("the receiver's endpoint is added, its secret shown once", async () => {
    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description").fill("Local receiver");
    await page.getByRole("checkbox", { name: "apikey.created", exact: true }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    secret = await readSecret(page);
    expect(secret).toMatch(/^whsec_/);
    await shows(page.getByRole("row", { name: new RegExp(receiver.url) }), "Enabled");
    expect(await endpoints()).toMatchObject([{ url: receiver.url, event_types: ["apikey.created"], is_enabled: true }]);
  });

  await step("an event reaches the receiver and its delivery row appears", async () => {
    await makeKey("Hook trigger one");
    await drain(getDb(), async () => receiver.received.length >= 1);
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({ type: "apikey.created" });
    expect(receiver.received[0].headers["webhook-signature"]).toMatch(/^v1,/);
    await page.getByRole("button", { name: "Refresh" }).click();
    const row = deliveryRows(page);
    await shows(row, "succeeded");
    await shows(row, "200");
  });

  await step("a failing delivery: filtered for, then replayed with 'replay failures since'", async () => {
    receiver.behaviour = (_req, res) => { res.statusCode = 500; res.end("down"); };
    await makeKey("Hook trigger two");
    await drain(getDb(), async () => (await deliveries()).some((d) => d.status === "failed"));
    await page.getByLabel("Status", { exact: true }).selectOption("failed");
    const failed = deliveryRows(page);
    await failed.filter({ hasText: "succeeded" }).waitFor({ state: "detached" });
    await shows(failed, "500");
    expect(await failed.count()).toBe(1);
    await shows(failed, "3"); // every attempt of the shortened schedule
    receiver.behaviour = (_req, res) => res.end("ok");
    const before = receiver.received.length;
    await page.getByLabel("Failed since").fill(localMinute(new Date(Date.now() - 3600_000)));
    await page.getByRole("button", { name: "Replay failures" }).click();
    await shows(page.getByRole("status"), "1 failed deliveries queued again.");
    await drain(getDb(), async () => (await deliveries()).every((d) => d.status === "succeeded"));
    expect(receiver.received.length).toBe(before + 1);
    await page.getByLabel("Status", { exact: true }).selectOption("succeeded");
    await deliveryRows(page).filter({ hasText: "succeeded" }).nth(1).waitFor();
    expect(await deliveryRows(page).count()).toBe(2);
  });

  await step("one delivery replayed alone: the receiver gets it again, with the same webhook-id", async () => {
    const first = receiver.received[0].headers["webhook-id"];
    const before = receiver.received.length;
    await page.getByRole("button", { name: /^Replay the apikey\.created delivery/ }).last().click();
    await shows(page.getByRole("status"), "queued again");
    await drain(getDb(), async () => receiver.received.length > before);
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toContain(first);
    expect(receiver.received.filter((r) => r.headers["webhook-id"] === first).length).toBe(2);
  });

  await step("'send test event' delivers one signed webhook.test to that endpoint, listed under its deliveries", async () => {
    const before = receiver.received.length;
    await page.getByRole("button", { name: `Send a test event to ${receiver.url}` }).click();
    await shows(page.getByRole("status"), "A test event is on its way");
    await drain(getDb(), async () => receiver.received.length > before);
    expect(JSON.parse(receiver.received.at(-1)!.body)).toMatchObject({ type: "webhook.test", data: { message: expect.stringContaining("test event") } });
    await page.getByLabel("Status", { exact: true }).selectOption("");
    await page.getByRole("button", { name: "Refresh" }).click();
    await shows(page.locator(".panel", { has: page.getByRole("heading", { name: "Deliveries" }) }).getByRole("row", { name: /webhook\.test/ }), "succeeded");
  });

  await step("disable, then rotate the secret", async () => {
    await page.getByRole("button", { name: `Disable ${receiver.url}` }).click();
    await shows(page.getByRole("row", { name: new RegExp(receiver.url) }).first(), "Disabled");
    expect((await endpoints())[0].is_enabled).toBe(false);
    await page.getByRole("button", { name: `Rotate the secret of ${receiver.url}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotate secret" }).click();
    const rotated = await readSecret(page);
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
  });

  await step("a member sees no webhook controls, and the API refuses their create", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await signInUi(page, member, "/webhooks");
    await page.getByRole("combobox", { name: "Workspace", exact: true }).selectOption({ label: workspace });
    await shows(page.locator(".page-header"), workspace);
    await page.getByRole("link", { name: "Webhooks" }).click();
    await page.waitForURL(`${app.url}/webhooks`);
    await shows(page.locator(".empty"), "webhooks:manage");
    expect(await page.getByRole("button", { name: "Add endpoint" }).count()).toBe(0);
    const refused = (await gql("CreateWebhookEndpoint", { url: receiver.url, eventTypes: [] }, await signIn(member, tenantId))).body;
    expect(refused.errors?.[0]?.extensions?.code).toBe("DNIED");
    expect((await endpoints()).length).toBe(1);
  });
}, 180_000);
