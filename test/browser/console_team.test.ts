/**
 * The console's team page (/team) beyond members and invitations, in a real
 * headless Chromium against a server process: custom roles with the
 * catalog's permission picker (created, edited, assigned to a member from the
 * role select, deletion refused while assigned, then deleted); a member sees
 * none of the owner's controls and the API refuses them (DNIED); leaving a
 * workspace keeps the session signed in (moved to the member's own
 * workspace); a member removed while looking at the workspace is moved out
 * with a notice; the last owner cannot leave (LSTOW); a workspace is deleted
 * after typing its name; ownership is transferred after typing the new
 * owner's email. Results are checked in the database.
 */
import type { Page } from "playwright-core";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";

const app = useConsoleBrowser({ artifactPrefix: "team" });
const { getDb, newPage, step, post, signIn, signInUi, gql } = app;
const sql = async (text: string, values: unknown[] = []) => (await getDb().superPool.query(text, values)).rows;

async function register(label: string, workspaceName: string) {
  const email = uniqueEmail(label.toLowerCase().replace(/\W+/g, "-"));
  expect((await post("/auth/register", { email, password: GOOD_PASSWORD, name: label, workspaceName })).status).toBe(202);
  const [row] = await sql("select u.id as user_id, m.tenant_id from app_public.users u join app_public.memberships m on m.user_id = u.id where u.email = $1", [email]);
  return { email, userId: row.user_id as string, ownTenantId: row.tenant_id as string };
}

const switchTo = async (page: Page, name: string) => {
  if ((await page.locator("#workspace-switcher").locator("option:checked").innerText()) === name) return;
  await page.locator("#workspace-switcher").selectOption({ label: name });
  await shows(page.locator(".page-header"), name);
};

it("custom roles, a member's view and the API's refusals, leave, removal while looking, last owner, delete and transfer", async () => {
  const stamp = Date.now();
  const w1 = `Team One ${stamp}`;
  const owner = await register("Olga Owner", w1);
  const ava = await register("Ava Member", `Ava Own ${stamp}`);
  const ben = await register("Ben Member", `Ben Own ${stamp}`);
  for (const m of [ava, ben]) await sql("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [owner.ownTenantId, m.userId]);
  const w2 = `Team Two ${stamp}`;
  const ownerToken = await signIn(owner.email, owner.ownTenantId);
  const created = await gql("CreateWorkspace", { name: w2, slug: `team-two-${stamp}` }, ownerToken);
  const w2Id = created.body.data.createWorkspace.result.tenant.rowId as string;

  const page = await newPage();
  await step("owner: a role without permissions is refused at the picker; one is created from the catalog", async () => {
    await signInUi(page, owner.email, "/team");
    await switchTo(page, w1);
    const roles = page.locator(".panel", { has: page.getByRole("heading", { name: "Custom roles" }) });
    await shows(roles, "No custom roles yet.");
    await roles.getByLabel("Role name").fill("Support agent");
    await roles.getByRole("button", { name: "Create role" }).click();
    await shows(roles.locator(".field-error"), "Choose at least one permission.");
    await roles.getByRole("checkbox", { name: /tenant:members\.read/ }).check();
    await roles.getByRole("checkbox", { name: /audit:read/ }).check();
    await roles.getByRole("button", { name: "Create role" }).click();
    await shows(page.getByRole("status"), "The role Support agent was created.");
    const [role] = await sql("select key, permissions from app_public.roles where tenant_id = $1", [owner.ownTenantId]);
    expect(role).toEqual({ key: "support_agent", permissions: ["audit:read", "tenant:members.read"] });
  });

  await step("edited; assigned to a member from the role select; deletion refused while assigned, then deleted", async () => {
    const roles = page.locator(".panel", { has: page.getByRole("heading", { name: "Custom roles" }) });
    await roles.getByRole("button", { name: "Edit the role Support agent" }).click();
    await roles.getByRole("checkbox", { name: /billing:read/ }).check();
    await roles.getByRole("button", { name: "Save role" }).click();
    await shows(page.getByRole("status"), "The role Support agent was saved.");
    expect((await sql("select permissions from app_public.roles where tenant_id = $1", [owner.ownTenantId]))[0].permissions).toEqual(["audit:read", "billing:read", "tenant:members.read"]);
    await page.getByLabel(`Role for ${ben.email}`).selectOption({ label: "Support agent" });
    await shows(page.locator(".saved"), "Saved");
    expect((await sql("select r.name from app_public.memberships m join app_public.roles r on r.id = m.custom_role_id where m.user_id = $1 and m.tenant_id = $2", [ben.userId, owner.ownTenantId]))[0]?.name).toBe("Support agent");
    await roles.getByRole("button", { name: "Delete the role Support agent" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Type Support agent to confirm").fill("Support agent");
    await dialog.getByRole("button", { name: "Delete role" }).click();
    await shows(dialog.getByRole("alert"), "Members still have this role");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect((await sql("select count(*)::int as n from app_public.roles where tenant_id = $1", [owner.ownTenantId]))[0].n).toBe(1);
    await page.getByLabel(`Role for ${ben.email}`).selectOption({ label: "Member" });
    await shows(page.locator(".saved"), "Saved");
    await roles.getByRole("button", { name: "Delete the role Support agent" }).click();
    await dialog.getByLabel("Type Support agent to confirm").fill("Support agent");
    await dialog.getByRole("button", { name: "Delete role" }).click();
    await shows(page.getByRole("status"), "The role Support agent was deleted.");
    expect((await sql("select count(*)::int as n from app_public.roles where tenant_id = $1", [owner.ownTenantId]))[0].n).toBe(0);
  });

  const avaPage = await newPage();
  await step("a member sees no role, transfer or delete controls; the API refuses them", async () => {
    await signInUi(avaPage, ava.email, "/team");
    await switchTo(avaPage, w1);
    await avaPage.getByRole("button", { name: "Leave workspace" }).waitFor();
    expect(await avaPage.getByRole("heading", { name: "Custom roles" }).count()).toBe(0);
    expect(await avaPage.getByRole("button", { name: "Delete workspace" }).count()).toBe(0);
    expect(await avaPage.getByRole("button", { name: "Transfer ownership" }).count()).toBe(0);
    const avaToken = await signIn(ava.email, owner.ownTenantId);
    const createRole = await gql("CreateRole", { role: { key: "sneaky", name: "Sneaky", permissions: ["tenant:members.read"] } }, avaToken);
    expect(createRole.body.errors?.[0]?.extensions?.code).toBe("DNIED");
    const del = await gql("DeleteWorkspace", { confirmSlug: (await sql("select slug from app_public.tenants where id = $1", [owner.ownTenantId]))[0].slug }, avaToken);
    expect(del.body.errors?.[0]?.extensions?.code).toBe("DNIED");
    expect((await sql("select count(*)::int as n from app_public.roles where tenant_id = $1", [owner.ownTenantId]))[0].n).toBe(0);
    expect((await sql("select count(*)::int as n from app_public.tenants where id = $1", [owner.ownTenantId]))[0].n).toBe(1);
  });

  await step("leaving keeps the member signed in, moved to their own workspace", async () => {
    await avaPage.getByRole("button", { name: "Leave workspace" }).click();
    await avaPage.getByRole("dialog").getByRole("button", { name: "Leave workspace" }).click();
    await shows(avaPage.locator(".page-header"), `Ava Own ${stamp}`);
    expect((await sql("select count(*)::int as n from app_public.memberships where tenant_id = $1 and user_id = $2", [owner.ownTenantId, ava.userId]))[0].n).toBe(0);
    // The session they left in is still live (not revoked with the membership): a reload keeps them signed in.
    await avaPage.reload();
    await shows(avaPage.locator(".page-header"), `Ava Own ${stamp}`);
  });

  await step("a member removed while looking at the workspace is moved out with a notice", async () => {
    await sql("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [owner.ownTenantId, ava.userId]);
    await avaPage.reload();
    await switchTo(avaPage, w1);
    const [membership] = await sql("select id from app_public.memberships where tenant_id = $1 and user_id = $2", [owner.ownTenantId, ava.userId]);
    expect((await gql("RemoveMember", { membershipId: membership.id }, ownerToken)).body.errors).toBeUndefined();
    expect((await sql("select count(*)::int as n from app_public.memberships where tenant_id = $1 and user_id = $2", [owner.ownTenantId, ava.userId]))[0].n).toBe(0);
    // The user comes back to the tab.
    await avaPage.evaluate("window.dispatchEvent(new Event('focus'))");
    // The server ended their session for it: signed out, back to /team after signing in, in a workspace of theirs.
    await avaPage.waitForURL(/\/login\?next=%2Fteam/);
    await avaPage.getByLabel("Email").fill(ava.email);
    await avaPage.getByLabel("Password").fill(GOOD_PASSWORD);
    await avaPage.getByRole("button", { name: "Sign in" }).click();
    await shows(avaPage.getByRole("alert"), `You were removed from ${w1}. You are now in Ava Own ${stamp}.`);
    await shows(avaPage.locator(".page-header"), `Ava Own ${stamp}`);
  });

  await step("the last owner cannot leave (LSTOW); a workspace is deleted after typing its name", async () => {
    await page.getByRole("button", { name: "Leave workspace" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Leave workspace" }).click();
    await shows(dialog.getByRole("alert"), "code: LSTOW");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await switchTo(page, w2);
    await page.getByRole("button", { name: "Delete workspace" }).click();
    await dialog.getByLabel(`Type ${w2} to confirm`).fill("not the name");
    expect(await dialog.getByRole("button", { name: "Delete workspace" }).isDisabled()).toBe(true);
    await dialog.getByLabel(`Type ${w2} to confirm`).fill(w2);
    await dialog.getByRole("button", { name: "Delete workspace" }).click();
    await shows(page.locator(".page-header"), w1);
    expect((await sql("select count(*)::int as n from app_public.tenants where id = $1", [w2Id]))[0].n).toBe(0);
  });

  await step("ownership is transferred after typing the new owner's email", async () => {
    await page.getByLabel("New owner").selectOption({ label: `Ben Member (${ben.email})` });
    await page.getByRole("button", { name: "Transfer ownership" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(`Type ${ben.email} to confirm`).fill(ben.email);
    await dialog.getByRole("button", { name: "Transfer ownership" }).click();
    // A role change (theirs: owner → admin) ends the sessions it concerns, this one too: sign in again.
    await page.waitForURL(/\/login\?next=%2Fteam/);
    const roles = await sql("select u.email, m.role from app_public.memberships m join app_public.users u on u.id = m.user_id where m.tenant_id = $1 order by u.email", [owner.ownTenantId]);
    expect(Object.fromEntries(roles.map((r) => [r.email, r.role]))).toEqual({ [owner.email]: "admin", [ben.email]: "owner" });
  });
}, 120_000);
