/**
 * The console's API keys page (/api-keys) in a real headless Chromium against
 * a server process with trusted documents on. The owner creates a key in the
 * UI (mistakes refused at their fields first), reads the secret shown once and
 * uses it against /graphql; rolls it (new secret, once); revokes it after
 * typing its name, and the API refuses it. A member without apikeys:manage
 * sees no controls, and the API refuses their direct call. No page may load
 * anything from another origin or raise a CSP violation or script error.
 */
import type { Page } from "playwright-core";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";
import { runJobs } from "../helpers/jobs";

// No key cache: a revoked key is refused by the very next request.
const app = useConsoleBrowser({ artifactPrefix: "api-keys", env: { API_KEY_CACHE_SECONDS: "0" } });
const { getDb, newPage, step, post, gql, signIn, signInUi, invitationToken } = app;

/** The secret from the once-only dialog, which is then closed; the page never shows it again. */
async function readSecret(page: Page): Promise<string> {
  const dialog = page.getByRole("dialog");
  await shows(dialog, "you won't see it again");
  const secret = await dialog.getByLabel("Secret").inputValue();
  await dialog.getByRole("button", { name: "Copy" }).click();
  await dialog.getByRole("status").waitFor();
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.waitFor({ state: "detached" });
  // Closing the dialog unmounts it (and the secret) on the next render.
  await page.waitForFunction(`!document.body.innerHTML.includes(${JSON.stringify(secret)})`);
  return secret;
}

it("creates a key (mistakes refused at their fields), whose secret shown once works; rolls it; revokes it and the API refuses it; a member sees no controls and is refused", async () => {
  const owner = uniqueEmail("console-keys");
  const workspace = `Key Works ${Date.now()}`;
  expect((await post("/auth/register", { email: owner, password: GOOD_PASSWORD, name: "Kim Keys", workspaceName: workspace })).status).toBe(202);
  const ownerToken = await signIn(owner);
  const tenantId = (await getDb().superPool.query("select id from app_public.tenants where name = $1", [workspace])).rows[0].id as string;
  const draft = (await gql("CreatePost", { post: { title: "Draft for the key", body: "x" } }, ownerToken)).body;
  expect(draft.errors).toBeUndefined();
  const member = uniqueEmail("console-keys-member");
  expect((await post("/auth/register", { email: member, password: GOOD_PASSWORD, name: "Mo Member" })).status).toBe(202);
  expect((await gql("InviteMember", { email: member, role: "member" }, ownerToken)).body.errors).toBeUndefined();
  await runJobs(getDb());
  expect((await gql("AcceptInvitation", { token: invitationToken(member) }, await signIn(member))).body.errors).toBeUndefined();
  const keyRow = async (name: string) => (await getDb().superPool.query("select type, permissions, revoked_at from app_public.api_keys where tenant_id = $1 and name = $2", [tenantId, name])).rows;

  const page = await newPage();
  await step("mistakes are refused at their fields and nothing is created", async () => {
    await signInUi(page, owner, "/api-keys");
    await shows(page.locator(".empty"), "No API keys yet.");
    await page.getByLabel("Key name").fill("Deploy bot");
    await page.getByRole("button", { name: "Create key" }).click();
    await shows(page.locator(".field-error"), "Choose at least one scope.");
    await page.getByLabel("Kind").selectOption("publishable");
    // Only public read scopes may be chosen for a publishable key.
    expect(await page.getByRole("checkbox", { name: "blog write", exact: true }).isDisabled()).toBe(true);
    await page.getByRole("checkbox", { name: "blog read", exact: true }).check();
    await page.getByLabel("Allowed domains").fill("not a domain");
    await page.getByRole("button", { name: "Create key" }).click();
    await shows(page.locator(".field-error"), "fix: not, a, domain");
    expect(await page.getByLabel("Allowed domains").getAttribute("aria-invalid")).toBe("true");
    expect(await keyRow("Deploy bot")).toEqual([]);
  });

  let secret = "";
  await step("a secret key is created; its secret, shown once, reads the workspace's posts", async () => {
    await page.getByLabel("Kind").selectOption("secret");
    await page.getByLabel("Key name").fill("Deploy bot");
    await page.getByRole("checkbox", { name: "blog read", exact: true }).check();
    await page.getByLabel("Expires after").selectOption("30d");
    await page.getByRole("button", { name: "Create key" }).click();
    secret = await readSecret(page);
    expect(secret).toMatch(/^ls_/);
    const row = page.getByRole("row", { name: /Deploy bot/ });
    await shows(row, "blog:posts.read");
    await shows(row, "secret");
    await shows(row, "Active");
    expect(await keyRow("Deploy bot")).toEqual([{ type: "secret", permissions: ["blog:posts.read"], revoked_at: null }]);
    const read = await gql("Posts", {}, secret);
    expect(read.status).toBe(200);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.posts.nodes.map((p: { title: string }) => p.title)).toEqual(["Draft for the key"]);
    // The key holds only what it was given: writing is refused.
    expect((await gql("CreatePost", { post: { title: "By the key" } }, secret)).body.errors?.[0]?.extensions?.code).toBe("DNIED");
  });

  await step("rolling shows a new secret once; both work during the grace period", async () => {
    await page.getByRole("button", { name: "Roll Deploy bot" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Roll key" }).click();
    const rolled = await readSecret(page);
    expect(rolled).toMatch(/^ls_/);
    expect(rolled).not.toBe(secret);
    expect((await gql("Posts", {}, rolled)).body.errors).toBeUndefined();
    expect((await gql("Posts", {}, secret)).body.errors).toBeUndefined();
    secret = rolled;
  });

  await step("revoking asks for the key's name; afterwards the API refuses the key", async () => {
    await page.getByRole("button", { name: "Revoke Deploy bot" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    expect((await keyRow("Deploy bot"))[0].revoked_at).toBeNull();
    await page.getByRole("button", { name: "Revoke Deploy bot" }).click();
    const confirm = dialog.getByRole("button", { name: "Revoke key" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel("Type Deploy bot to confirm").fill("Deploy bot");
    await confirm.click();
    await dialog.waitFor({ state: "detached" });
    await shows(page.getByRole("row", { name: /Deploy bot/ }), "Revoked");
    expect(await page.getByRole("button", { name: "Revoke Deploy bot" }).count()).toBe(0);
    expect((await keyRow("Deploy bot"))[0].revoked_at).not.toBeNull();
    const refused = await gql("Posts", {}, secret);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.code ?? refused.body.error?.code).toBe("BADKY");
  });

  await step("a member sees no key controls, and the API refuses their create", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await signInUi(page, member, "/api-keys");
    await page.getByRole("combobox", { name: "Workspace", exact: true }).selectOption({ label: workspace });
    await shows(page.locator(".page-header"), workspace); // the switch lands on /team
    await page.getByRole("link", { name: "API keys" }).click();
    await page.waitForURL(`${app.url}/api-keys`);
    await shows(page.locator(".empty"), "apikeys:manage");
    expect(await page.getByRole("button", { name: "Create key" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^(Roll|Revoke) / }).count()).toBe(0);
    const refused = (await gql("CreateApiKey", { name: "Sneaky", scopes: { blog: ["read"] } }, await signIn(member, tenantId))).body;
    expect(refused.errors?.[0]?.extensions?.code).toBe("DNIED");
    expect(await keyRow("Sneaky")).toEqual([]);
  });
}, 180_000);
