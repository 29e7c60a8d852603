/**
 * The console (console/) in a real headless Chromium against a development
 * server process, with trusted documents on (production's GraphQL mode: the
 * console's SDK documents must be in the manifest), emails read from a real
 * SMTP server, and the real worker tasks sending them. The journey: sign up →
 * verify from the email → sign in → create a workspace → invite → the
 * invitee accepts in a second browser → the owner changes their role; then
 * team management, settings and the two-factor sign-in step. No page
 * may load anything from another origin, or raise a CSP violation or script
 * error. A failing step leaves screenshots in test/browser/artifacts/.
 */
import type { Page } from "playwright-core";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";
import { runJobs } from "../helpers/jobs";
import { totp, wrongCode } from "../helpers/totp";
import { CONSOLE_ROUTES } from "../../console/src/routes";

const app = useConsoleBrowser();
const { getDb, newPage, step, post, signIn, linkFromMail } = app;
/** A persisted operation by name; resolves to the whole answer (data and errors). */
const gql = async (operation: string, variables: Record<string, unknown>, token: string): Promise<any> => (await app.gql(operation, variables, token)).body;

/** The members panel of /team once loaded: its heading (with the count) and each row's email, in order. */
async function teamMembers(page: Page): Promise<{ heading: string; emails: string[] }> {
  const panel = page.locator(".panel", { has: page.getByRole("heading", { name: /^Members/ }) });
  const heading = panel.getByRole("heading", { name: /^Members \(\d+\)$/ });
  await heading.waitFor();
  return { heading: await heading.innerText(), emails: await panel.locator("tbody tr td:nth-child(2)").allInnerTexts() };
}

describe("serving", () => {
  it("answers the console's routes with its index.html (no-cache, strict CSP, no inline script or style) and GET / for API clients with JSON", async () => {
    for (const route of Object.values(CONSOLE_ROUTES)) {
      const res = await fetch(`${app.url}${route}`, { headers: { accept: "text/html" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/style-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline/);
      const html = await res.text();
      expect(html).toMatch(/<script type="module" crossorigin src="\/_console\/[^"]+\.js"><\/script>/);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)|<style|\son[a-z]+=|\sstyle=/i);
    }
    const json = await fetch(`${app.url}/`, { headers: { accept: "application/json" } });
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await json.json()).toMatchObject({ name: "LogicSpike Core" });
  });

  it("serves hashed assets as immutable for a year, and nothing else under /_console", async () => {
    const html = await (await fetch(`${app.url}/team`)).text();
    const script = html.match(/src="(\/_console\/[^"]+\.js)"/)![1];
    const asset = await fetch(`${app.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/javascript/);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("content-encoding")).toBe("gzip"); // precompressed at build time (fetch asks for gzip)
    expect(await asset.text()).toMatch(/createRoot|react/);
    const plain = await fetch(`${app.url}${script}`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    for (const other of ["/_console/nope.js", "/_console/..%2F..%2Fpackage.json", "/_console/", "/_console/../index.html"]) {
      expect((await fetch(`${app.url}${other}`)).status).toBe(404);
    }
  });

  it("keeps the first route (index.html and the assets it loads) within 200 KB as transferred with gzip", async () => {
    const html = await fetch(`${app.url}/login`);
    const text = await html.text();
    let total = Buffer.byteLength(text);
    for (const [, asset] of text.matchAll(/(?:src|href)="(\/_console\/[^"]+)"/g)) {
      const res = await fetch(`${app.url}${asset}`);
      expect(res.headers.get("content-encoding")).toBe("gzip");
      total += Number(res.headers.get("content-length"));
    }
    expect(total).toBeGreaterThan(10_000);
    expect(total).toBeLessThanOrEqual(200 * 1024);
  });

  it("shadows no server route: GraphQL, auth, health, the email-link pages and unknown paths answer as before", async () => {
    expect((await post("/graphql", { documentId: "0".repeat(64) })).body.errors[0].extensions.code).toBe("DOCID");
    expect((await post("/auth/refresh", {})).status).toBe(401);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    // The email links' paths are the console's own pages (EMAIL_LINK_PAGES=console, the default), never cached.
    const signInLink = await fetch(`${app.url}/sign-in`);
    expect(signInLink.headers.get("cache-control")).toBe("no-store");
    expect(await signInLink.text()).toMatch(/<div id="root">/);
    const unknown = await fetch(`${app.url}/team-nope`, { headers: { accept: "text/html" } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("NTFND");
    expect((await post("/team", {})).status).toBe(404); // GET only
  });
});

describe("journey", () => {
  it("sign up, verify from the email, sign in, create a workspace, invite; the invitee accepts in a second browser; the owner changes their role", async () => {
    const owner = uniqueEmail("console-owner");
    const invitee = uniqueEmail("console-invitee");
    const workspace = `Console Works ${Date.now()}`;
    const page = await newPage();

    await step("sign up", async () => {
      await page.goto(`${app.url}/signup`);
      await page.getByLabel("Your name").fill("Olive Owner");
      await page.getByLabel("Email").fill(owner);
      await page.getByLabel("Password", { exact: true }).fill("short");
      await page.getByRole("button", { name: "Create account" }).click();
      // Checked before it leaves the page, next to the field.
      await shows(page.locator(".field-error"), "Use at least 10 characters.");
      expect(await page.getByLabel("Password", { exact: true }).getAttribute("aria-invalid")).toBe("true");
      await page.getByLabel("Password", { exact: true }).fill(GOOD_PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      await shows(page.getByRole("status"), `We sent a link to ${owner}`);
    });

    await step("verify from the email", async () => {
      await runJobs(getDb());
      await page.goto(linkFromMail(owner, "/verify-email"));
      await shows(page.getByRole("status"), "Your email address is verified.");
    });

    await step("sign in: a wrong password is shown at the field, with its code", async () => {
      await page.goto(`${app.url}/login`);
      await page.getByLabel("Email").fill(owner);
      await page.getByLabel("Password").fill("not the password at all");
      await page.getByRole("button", { name: "Sign in" }).click();
      await shows(page.locator(".field-error"), "code: CREDS");
      await page.getByLabel("Password").fill(GOOD_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${app.url}/team`);
      await shows(page.getByRole("heading", { level: 1 }), "Team");
      await shows(page.getByRole("row"), owner);
    });

    await step("create a workspace: a taken address is shown at its field", async () => {
      await page.getByRole("link", { name: "Create workspace" }).click();
      await page.getByLabel("Workspace name").fill(workspace);
      await page.getByLabel("Address (optional)").fill("Not A Slug");
      await page.getByRole("button", { name: "Create workspace" }).click();
      await shows(page.locator(".field-error"), "lower-case letters");
      const taken = `taken-${Date.now()}`;
      await getDb().superPool.query("insert into app_public.tenants (name, slug) values ('Taken', $1)", [taken]);
      await page.getByLabel("Address (optional)").fill(taken);
      await page.getByRole("button", { name: "Create workspace" }).click();
      await shows(page.locator(".field-error"), "code: SLGTK");
      await page.getByLabel("Address (optional)").fill("");
      await page.getByRole("button", { name: "Create workspace" }).click();
      await page.waitForURL(`${app.url}/team`);
      await shows(page.locator(".page-header"), workspace);
      expect(await page.getByLabel("Workspace").locator("option:checked").innerText()).toBe(workspace);
      expect(await page.getByLabel("Workspace").locator("option").count()).toBe(2); // the sign-up one and this one
      // Now in two workspaces: /team lists the active one's members only, not the owner's sign-up membership too.
      expect(await teamMembers(page)).toEqual({ heading: "Members (1)", emails: [owner] });
    });

    await step("invite: the pending invitation is listed", async () => {
      await page.getByLabel("Email address").fill(invitee);
      await page.getByLabel("Role", { exact: true }).selectOption({ label: "Member" });
      await page.getByRole("button", { name: "Send invitation" }).click();
      await shows(page.getByRole("status"), `Invitation sent to ${invitee}.`);
      await shows(page.getByRole("row"), invitee);
      // The same address again: the server's coded answer, next to the field.
      await page.getByLabel("Email address").fill(invitee);
      await page.getByRole("button", { name: "Send invitation" }).click();
      await shows(page.locator(".field-error"), "code: NUNIQ");
    });

    const second = await newPage();
    await step("the invitee accepts in a second browser, through the email link's page", async () => {
      expect((await post("/auth/register", { email: invitee, password: GOOD_PASSWORD, name: "Ivy Invitee" })).status).toBe(202);
      await runJobs(getDb());
      await second.goto(linkFromMail(invitee, "/invitations/accept"));
      await second.getByRole("link", { name: "Sign in" }).click();
      await second.getByLabel("Email").fill(invitee);
      await second.getByLabel("Password").fill(GOOD_PASSWORD);
      await second.getByRole("button", { name: "Sign in" }).click();
      // Back on the invitation page (a client-side navigation after sign-in: wait for the page, not a load event).
      await second.getByRole("button", { name: "Accept invitation" }).waitFor();
      expect(new URL(second.url()).pathname).toBe("/invitations/accept");
      await second.getByRole("button", { name: "Accept invitation" }).click();
      await second.waitForURL(`${app.url}/team`);
      await shows(second.locator(".page-header"), workspace);
    });

    await step("the member's console hides what a member may not do; the server refuses it anyway", async () => {
      await second.goto(`${app.url}/team`);
      await shows(second.locator(".page-header"), workspace);
      await shows(second.getByRole("row"), owner);
      // The invitee is in two workspaces (their sign-up one, as owner, and this one): only this one's people are listed.
      expect(await teamMembers(second)).toEqual({ heading: "Members (2)", emails: [owner, invitee] });
      expect(await second.getByRole("button", { name: "Send invitation" }).count()).toBe(0);
      expect(await second.getByRole("button", { name: /^Remove/ }).count()).toBe(0);
      expect(await second.getByRole("combobox", { name: /^Role for/ }).count()).toBe(0);
      const tenantId = (await getDb().superPool.query("select id from app_public.tenants where name = $1", [workspace])).rows[0].id;
      const memberToken = await signIn(invitee, tenantId);
      const refused = await gql("InviteMember", { email: uniqueEmail("nope"), role: "member" }, memberToken);
      expect(refused.errors[0].extensions.code).toBe("DNIED");
    });

    await step("the owner changes the invitee's role", async () => {
      await page.reload();
      await page.getByLabel(`Role for ${invitee}`).selectOption({ label: "Admin" });
      await shows(page.getByRole("status"), "Saved");
      const { rows } = await getDb().superPool.query(
        "select m.role from app_public.memberships m join app_public.users u on u.id = m.user_id join app_public.tenants t on t.id = m.tenant_id where u.email = $1 and t.name = $2",
        [invitee, workspace],
      );
      expect(rows).toEqual([{ role: "admin" }]);
      expect(await page.getByRole("row", { name: new RegExp(invitee) }).getByRole("combobox").inputValue()).toBe("role:admin");
    });
  });

  it("revokes and resends invitations and removes a member, each after a confirmation (typing the email to remove)", async () => {
    const owner = uniqueEmail("console-admin");
    expect((await post("/auth/register", { email: owner, password: GOOD_PASSWORD, name: "Ada Admin", workspaceName: `Admin Works ${Date.now()}` })).status).toBe(202);
    const ownerToken = await signIn(owner);
    const member = uniqueEmail("console-member");
    expect((await post("/auth/register", { email: member, password: GOOD_PASSWORD, name: "Mo Member" })).status).toBe(202);
    expect((await gql("InviteMember", { email: member, role: "member" }, ownerToken)).errors).toBeUndefined();
    await runJobs(getDb());
    const invitationToken = linkFromMail(member, "/invitations/accept").split("token=")[1];
    expect((await gql("AcceptInvitation", { token: invitationToken }, await signIn(member))).errors).toBeUndefined();
    const pending = uniqueEmail("console-pending");
    expect((await gql("InviteMember", { email: pending, role: "member" }, ownerToken)).errors).toBeUndefined();

    const page = await newPage();
    await step("sign in", async () => {
      await page.goto(`${app.url}/team`);
      await page.waitForURL(/\/login\?next=%2Fteam$/); // signed out: to sign-in and back
      await page.getByLabel("Email").fill(owner);
      await page.getByLabel("Password").fill(GOOD_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${app.url}/team`);
    });

    await step("resend", async () => {
      await page.getByRole("button", { name: `Resend the invitation to ${pending}` }).click();
      await shows(page.getByRole("status"), `A new invitation was sent to ${pending}.`);
      const { rows } = await getDb().superPool.query("select revoked_at is null as live from app_public.invitations where email = $1 order by created_at", [pending]);
      expect(rows).toEqual([{ live: false }, { live: true }]);
    });

    await step("revoke, after a confirmation; Cancel changes nothing", async () => {
      await page.getByRole("button", { name: `Revoke the invitation to ${pending}` }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
      await page.getByRole("dialog").waitFor({ state: "detached" });
      await page.getByRole("button", { name: `Revoke the invitation to ${pending}` }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Revoke invitation" }).click();
      await shows(page.locator(".empty"), "No pending invitations.");
      expect((await getDb().superPool.query("select 1 from app_public.invitations where email = $1 and revoked_at is null", [pending])).rowCount).toBe(0);
    });

    await step("remove, after typing the member's email", async () => {
      await page.getByRole("button", { name: `Remove ${member}` }).click();
      const dialog = page.getByRole("dialog");
      const confirm = dialog.getByRole("button", { name: "Remove member" });
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByLabel(`Type ${member} to confirm`).fill(member);
      await confirm.click();
      await dialog.waitFor({ state: "detached" });
      await page.getByRole("row", { name: new RegExp(member) }).waitFor({ state: "detached" });
      const { rowCount } = await getDb().superPool.query("select 1 from app_public.memberships m join app_public.users u on u.id = m.user_id join app_public.tenants t on t.id = m.tenant_id where u.email = $1 and t.name like 'Admin Works %'", [member]);
      expect(rowCount).toBe(0);
    });
  });

  it("saves the workspace's settings (a bad colour refused at its field); a member sees them read-only, and the server refuses them too", async () => {
    const owner = uniqueEmail("console-settings");
    const workspace = `Settings Works ${Date.now()}`;
    expect((await post("/auth/register", { email: owner, password: GOOD_PASSWORD, name: "Sam Settings", workspaceName: workspace })).status).toBe(202);
    const ownerToken = await signIn(owner);
    const member = uniqueEmail("console-settings-member");
    expect((await post("/auth/register", { email: member, password: GOOD_PASSWORD, name: "Mia Member" })).status).toBe(202);
    expect((await gql("InviteMember", { email: member, role: "member" }, ownerToken)).errors).toBeUndefined();
    await runJobs(getDb());
    const invitationToken = linkFromMail(member, "/invitations/accept").split("token=")[1];
    expect((await gql("AcceptInvitation", { token: invitationToken }, await signIn(member))).errors).toBeUndefined();
    const tenantId = (await getDb().superPool.query("select id from app_public.tenants where name = $1", [workspace])).rows[0].id;
    const settingsRow = async () =>
      (await getDb().superPool.query("select primary_color, timezone, locale, week_start from app_public.tenant_settings where tenant_id = $1", [tenantId])).rows[0];

    const page = await newPage();
    await step("the owner saves branding and region", async () => {
      await page.goto(`${app.url}/login?next=%2Fsettings`);
      await page.getByLabel("Email").fill(owner);
      await page.getByLabel("Password").fill(GOOD_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${app.url}/settings`);
      await page.getByLabel("Primary colour").fill("blue");
      await page.getByRole("button", { name: "Save settings" }).click();
      await shows(page.locator(".field-error"), "six hex digits");
      await page.getByLabel("Primary colour").fill("#1f6feb");
      // Only the server knows every time zone: its coded refusal is shown at the field.
      await page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
      await page.getByRole("button", { name: "Save settings" }).click();
      await shows(page.locator(".field-error"), "code: INVLD");
      expect(await page.getByLabel("Time zone").getAttribute("aria-invalid")).toBe("true");
      await page.getByLabel("Time zone").fill("Asia/Kolkata");
      await page.getByLabel("Locale").fill("en-IN");
      await page.getByLabel("First day of the week").selectOption({ label: "Sunday" });
      await page.getByRole("button", { name: "Save settings" }).click();
      await shows(page.getByRole("status"), "Settings saved.");
      expect(await settingsRow()).toEqual({ primary_color: "#1f6feb", timezone: "Asia/Kolkata", locale: "en-IN", week_start: 0 });
    });

    await step("a member sees them read-only; the API refuses the member's update", async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/login/);
      await page.getByLabel("Email").fill(member);
      await page.getByLabel("Password").fill(GOOD_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${app.url}/settings`); // signed out on /settings: back there after signing in
      await page.getByRole("combobox", { name: "Workspace", exact: true }).selectOption({ label: workspace });
      await shows(page.locator(".page-header"), workspace);
      await page.getByRole("link", { name: "Settings" }).click();
      await shows(page.locator(".hint"), "tenant:settings.update");
      expect(await page.getByLabel("Time zone").inputValue()).toBe("Asia/Kolkata");
      expect(await page.getByLabel("Time zone").isDisabled()).toBe(true);
      expect(await page.getByRole("button", { name: "Save settings" }).count()).toBe(0);
      const refused = await gql("UpdateWorkspaceSettings", { tenantId, patch: { timezone: "UTC" } }, await signIn(member, tenantId));
      // Refused by the update policy: NTFND (server/src/graphql/missingRowErrors.ts), and the row as the owner left it.
      expect(refused.errors?.[0]?.extensions?.code).toBe("NTFND");
      expect({ updated: refused.data?.updateTenantSetting?.tenantSetting ?? null }).toEqual({ updated: null });
      expect((await settingsRow()).timezone).toBe("Asia/Kolkata");
    });
  });

  it("signs in with the two-factor step: a wrong code at the field, then a recovery code", async () => {
    const email = uniqueEmail("console-mfa");
    expect((await post("/auth/register", { email, password: GOOD_PASSWORD, name: "Max Mfa" })).status).toBe(202);
    const token = await signIn(email);
    const { secret } = (await post("/auth/mfa/totp/enroll", {}, token)).body as { secret: string };
    const confirmed = await post("/auth/mfa/totp/confirm", { code: await totp(secret, -1) }, token);
    expect(confirmed.status).toBe(200);
    const recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes.length).toBeGreaterThan(0);

    const page = await newPage();
    await step("password, then a wrong code, then a recovery code", async () => {
      await page.goto(`${app.url}/login`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(GOOD_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByLabel("Code from your authenticator app").fill(await wrongCode(secret));
      await page.getByRole("button", { name: "Verify" }).click();
      await shows(page.locator(".field-error"), "code: MFACD");
      await page.getByRole("button", { name: "Use a recovery code instead" }).click();
      await page.getByLabel("Recovery code").fill(recoveryCodes[0]);
      await page.getByRole("button", { name: "Verify" }).click();
      await page.waitForURL(`${app.url}/team`);
      await shows(page.locator(".who"), "Max Mfa");
    });
  });
});
