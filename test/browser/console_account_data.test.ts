/**
 * The account's own data on /account, in a real headless Chromium against a
 * server process: "Download my data" (POST /auth/account/export) and
 * "Delete account" (POST /auth/account/delete). The export is refused for an
 * unverified address (EMNVF) and a wrong password (CREDS, at its field), then
 * requested: the page shows it pending, the worker's email (local SMTP
 * server) carries the link, and the link downloads JSON with the user's
 * email. Deletion asks for the email to be typed; the only owner of a shared
 * workspace is refused (SOLOW, the workspace named beside the form) and
 * nothing changes; the only member of their workspace, with two-factor
 * authentication turned on after signing in, is asked for the code (MFARQ)
 * and then deleted, signed out and sent to sign-in. No page may load anything
 * from another origin or raise a CSP violation or script error.
 */
import type { Page } from "playwright-core";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";
import { runJobs } from "../helpers/jobs";
import { totp } from "../helpers/totp";

const app = useConsoleBrowser({ artifactPrefix: "account-data" });
const { getDb, getSmtp, newPage, step, post, gql, signIn, signInUi, linkFromMail, invitationToken } = app;

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;
const exportForm = (page: Page) => page.getByRole("form", { name: "Download my data" });
const deleteForm = (page: Page) => page.getByRole("form", { name: "Delete account" });

/** The newest data-export download link mailed to `email` (quoted-printable decoded). */
function exportLink(email: string): string | null {
  const texts = getSmtp()
    .received.filter((m) => m.to.includes(email.toLowerCase()))
    .map((m) => m.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))))
    .reverse();
  return texts.map((t) => t.match(/https?:\/\/[^\s"<>]+\/auth\/account\/export\/[0-9a-f]{64}(?![0-9a-f])/)?.[0]).find(Boolean) ?? null;
}

async function verifyEmail(email: string): Promise<void> {
  await runJobs(getDb());
  const token = new URL(linkFromMail(email, "/verify-email")).searchParams.get("token");
  expect((await post("/auth/verify-email", { token })).status).toBe(200);
}

it("requests a data export (EMNVF and a wrong password refused first), shows it pending, and the emailed link downloads JSON with the user's email", async () => {
  const email = uniqueEmail("console-export");
  expect((await post("/auth/register", { email, password: GOOD_PASSWORD, name: "Eli Export" })).status).toBe(202);
  const exports = async () => (await q("select count(*)::int n from app_private.data_exports e join app_public.users u on u.id = e.user_id where u.email = $1", [email]))[0].n;

  const page = await newPage();
  await step("an unverified address is refused, and so is a wrong password, at its field; nothing is queued", async () => {
    await signInUi(page, email, "/account");
    const form = exportForm(page);
    await form.getByLabel("Your password").fill(GOOD_PASSWORD);
    await form.getByRole("button", { name: "Email me my data" }).click();
    await shows(form.getByRole("alert"), "code: EMNVF");
    await verifyEmail(email);
    await form.getByLabel("Your password").fill("not my password at all");
    await form.getByRole("button", { name: "Email me my data" }).click();
    await shows(form.locator(".field-error"), "code: CREDS");
    expect(await form.getByLabel("Your password").getAttribute("aria-invalid")).toBe("true");
    expect(await exports()).toBe(0);
  });

  await step("the right password: pending, explained, and a second request is the same export", async () => {
    const form = exportForm(page);
    await form.getByLabel("Your password").fill(GOOD_PASSWORD);
    await form.getByRole("button", { name: "Email me my data" }).click();
    await shows(form.getByRole("status"), "Export requested.");
    await shows(form.getByRole("status"), `Check ${email}`);
    expect(await form.locator(".field-error").count()).toBe(0);
    await form.getByLabel("Your password").fill(GOOD_PASSWORD);
    await form.getByRole("button", { name: "Email me my data" }).click();
    await shows(form.getByRole("status"), "Already being prepared.");
    expect(await exports()).toBe(1);
  });

  await step("the worker emails the link, which downloads the archive with the user's email", async () => {
    expect(exportLink(email)).toBeNull();
    await runJobs(getDb());
    const link = exportLink(email);
    expect(link).not.toBeNull();
    const res = await fetch(`${app.url}${new URL(link!).pathname}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="logicspike-data-export-\d{4}-\d{2}-\d{2}\.json"$/);
    const archive = (await res.json()) as { format: string; user: { email: string } };
    expect({ format: archive.format, email: archive.user.email }).toEqual({ format: "logicspike.data-export", email });
  });
}, 180_000);

it("refuses to delete the only owner of a shared workspace (SOLOW named beside the form) and changes nothing", async () => {
  const owner = uniqueEmail("console-solow");
  const workspace = `Shared Works ${Date.now()}`;
  expect((await post("/auth/register", { email: owner, password: GOOD_PASSWORD, name: "Sol Owner", workspaceName: workspace })).status).toBe(202);
  const ownerToken = await signIn(owner);
  const member = uniqueEmail("console-solow-member");
  expect((await post("/auth/register", { email: member, password: GOOD_PASSWORD, name: "Mem Ber" })).status).toBe(202);
  expect((await gql("InviteMember", { email: member, role: "member" }, ownerToken)).body.errors).toBeUndefined();
  await runJobs(getDb());
  expect((await gql("AcceptInvitation", { token: invitationToken(member) }, await signIn(member))).body.errors).toBeUndefined();
  const state = async () =>
    (
      await q(
        `select (select count(*) from app_public.users where email = $1)::int users,
                (select count(*) from app_public.memberships m join app_public.tenants t on t.id = m.tenant_id where t.name = $2)::int members`,
        [owner, workspace],
      )
    )[0];
  expect(await state()).toEqual({ users: 1, members: 2 });

  const page = await newPage();
  await step("the button waits for the typed email; a wrong password is refused at its field", async () => {
    await signInUi(page, owner, "/account");
    const form = deleteForm(page);
    const button = form.getByRole("button", { name: "Delete my account" });
    expect(await button.isDisabled()).toBe(true);
    await form.getByLabel(`Type ${owner} to confirm`).fill("someone@else.example");
    expect(await button.isDisabled()).toBe(true);
    await form.getByLabel(`Type ${owner} to confirm`).fill(owner);
    await form.getByLabel("Your password").fill("not my password at all");
    await button.click();
    await shows(form.locator(".field-error"), "code: CREDS");
    expect(await state()).toEqual({ users: 1, members: 2 });
  });

  await step("SOLOW: the workspace to hand over is named beside the form; nothing changed", async () => {
    const form = deleteForm(page);
    await form.getByLabel("Your password").fill(GOOD_PASSWORD);
    await form.getByRole("button", { name: "Delete my account" }).click();
    const alert = form.getByRole("alert");
    await shows(alert, "code: SOLOW");
    await shows(alert, "Make another member an owner");
    expect(await alert.getByRole("list", { name: "Workspaces to hand over first" }).locator("li").allTextContents()).toEqual([workspace]);
    expect(await state()).toEqual({ users: 1, members: 2 });
    // Still signed in, still here, and the session still works.
    expect(page.url()).toBe(`${app.url}/account`);
    await alert.getByRole("link", { name: "Go to your team" }).click();
    await page.waitForURL(`${app.url}/team`);
    await shows(page.locator(".who"), "Sol Owner");
  });
}, 180_000);

it("deletes the only member of their workspace after the second factor (MFARQ first), signs them out and sends them to sign-in", async () => {
  const email = uniqueEmail("console-delete");
  const workspace = `Solo Works ${Date.now()}`;
  expect((await post("/auth/register", { email, password: GOOD_PASSWORD, name: "Del Ete", workspaceName: workspace })).status).toBe(202);
  const page = await newPage();
  await signInUi(page, email, "/account");
  // Two-factor turned on from another session after this one signed in (so this one's token is aal1).
  const token = await signIn(email);
  const { secret } = (await post("/auth/mfa/totp/enroll", {}, token)).body as { secret: string };
  expect((await post("/auth/mfa/totp/confirm", { code: await totp(secret, -1) }, token)).status).toBe(200);
  const left = async () =>
    (await q("select (select count(*) from app_public.users where email = $1)::int users, (select count(*) from app_public.tenants where name = $2)::int tenants", [email, workspace]))[0];
  expect(await left()).toEqual({ users: 1, tenants: 1 });

  await step("without the code: MFARQ at the code field, which appears; nothing deleted", async () => {
    const form = deleteForm(page);
    expect(await form.getByLabel("Two-factor code").count()).toBe(0);
    await form.getByLabel(`Type ${email} to confirm`).fill(email);
    await form.getByLabel("Your password").fill(GOOD_PASSWORD);
    await form.getByRole("button", { name: "Delete my account" }).click();
    await shows(form.locator(".field-error"), "code: MFARQ");
    expect(await form.getByLabel("Two-factor code").getAttribute("aria-invalid")).toBe("true");
    expect(await left()).toEqual({ users: 1, tenants: 1 });
  });

  await step("with the code: deleted, signed out, on the sign-in page", async () => {
    const form = deleteForm(page);
    await form.getByLabel("Your password").fill(GOOD_PASSWORD);
    await form.getByLabel("Two-factor code").fill(await totp(secret));
    await form.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForURL(`${app.url}/login?deleted=1`);
    await shows(page.getByRole("status"), "Your account and your personal data were deleted.");
    expect(await left()).toEqual({ users: 0, tenants: 0 });
    // Signed out for good: the console asks for a sign-in, and the password no longer works.
    await page.goto(`${app.url}/account`);
    await page.waitForURL(`${app.url}/login?next=%2Faccount`);
    expect((await post("/auth/login", { email, password: GOOD_PASSWORD, tokenTransport: "body" })).status).toBe(401);
  });
}, 180_000);
