/**
 * Every link in our emails, followed in headless Chromium to the console's own
 * page (EMAIL_LINK_PAGES=console) against a server process with trusted
 * documents on, the links read from the mail the real worker tasks sent to a
 * local SMTP server: verify email (and the spent link's LNKEX), forgot and
 * reset password (WEAKP at the field first), passwordless sign-in, confirming
 * a new email address, accepting an invitation after signing in on the way,
 * and the "account exists" email's sign-in link. Each page takes the token
 * out of the address bar and is served no-store under the strict CSP.
 */
import type { Page } from "playwright-core";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";
import { runJobs } from "../helpers/jobs";

const app = useConsoleBrowser({ artifactPrefix: "email-links", env: { EMAIL_LINK_PAGES: "console" } });
const { getDb, getSmtp, newPage, step, post, gql, signIn, linkFromMail } = app;
const NEW_PASSWORD = "a brand new passphrase 42";

/** The page has taken the token out of the address bar (it does so on its first render). */
const tokenGone = (page: Page, path: string) => page.waitForFunction(`location.pathname === ${JSON.stringify(path)} && !location.search.includes("token=")`);

async function register(name: string, workspaceName?: string): Promise<string> {
  const email = uniqueEmail("console-links");
  expect((await post("/auth/register", { email, password: GOOD_PASSWORD, name, workspaceName })).status).toBe(202);
  await runJobs(getDb());
  return email;
}

it("serves the console at every email-link path, never cached, under the strict CSP", async () => {
  for (const path of ["/verify-email", "/reset-password", "/forgot-password", "/confirm-email", "/magic-link", "/invitations/accept", "/sign-in", "/sign-up"]) {
    const res = await fetch(`${app.url}${path}?token=abc`);
    expect({ path, status: res.status, cache: res.headers.get("cache-control"), referrer: res.headers.get("referrer-policy") }).toEqual({ path, status: 200, cache: "no-store", referrer: "no-referrer" });
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'(;|$)/);
    expect(await res.text()).toMatch(/<div id="root">/);
  }
});

it("follows the verification, reset-password, magic-link and email-change links to working console pages", async () => {
  const email = await register("Lia Links");
  const page = await newPage();

  await step("verify email: verified once, the token leaves the address bar, the spent link says LNKEX", async () => {
    const link = linkFromMail(email, "/verify-email");
    await page.goto(link);
    await shows(page.getByRole("status"), "Your email address is verified.");
    await tokenGone(page, "/verify-email");
    expect((await gql("CurrentUser", {}, await signIn(email))).body.data.currentUser.isVerified).toBe(true);
    await page.goto(link);
    await shows(page.getByRole("alert"), "code: LNKEX");
    await page.getByRole("link", { name: "Sign in" }).waitFor();
  });

  await step("forgot password on the console page, then the reset link: WEAKP at the field, then changed", async () => {
    await page.goto(`${app.url}/forgot-password`);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByRole("status").waitFor();
    await runJobs(getDb());
    await page.goto(linkFromMail(email, "/reset-password"));
    await tokenGone(page, "/reset-password");
    await page.getByLabel("New password", { exact: true }).fill("password123");
    await page.getByLabel("New password again").fill("password123");
    await page.getByRole("button", { name: "Change password" }).click();
    await shows(page.locator(".field-error"), "code: WEAKP");
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("New password again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("status").waitFor();
    expect((await post("/auth/login", { email, password: GOOD_PASSWORD, tokenTransport: "body" })).body.error.code).toBe("CREDS");
    expect((await post("/auth/login", { email, password: NEW_PASSWORD, tokenTransport: "body" })).status).toBe(200);
  });

  await step("magic link: nothing on load, signed in on the click and taken to the team page", async () => {
    expect((await post("/auth/magic-link", { email, redirect: "/team" })).status).toBe(202);
    await runJobs(getDb());
    await page.goto(linkFromMail(email, "/magic-link"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${app.url}/team`);
    await shows(page.locator(".who"), "Lia Links");
  });

  await step("confirm a new email address: the click changes it, the new address signs in", async () => {
    const newEmail = uniqueEmail("console-links-new");
    expect((await post("/auth/email", { newEmail, password: NEW_PASSWORD }, await signIn(email, undefined, NEW_PASSWORD))).status).toBe(202);
    await runJobs(getDb());
    await page.goto(linkFromMail(newEmail, "/confirm-email"));
    await tokenGone(page, "/confirm-email");
    await page.getByRole("button", { name: "Use this address for my account" }).click();
    await page.locator(".message.success").waitFor();
    expect((await post("/auth/login", { email: newEmail, password: NEW_PASSWORD, tokenTransport: "body" })).status).toBe(200);
  });
}, 90_000);

it("accepts an invitation from its link after signing in on the way, and the account-exists email's link opens sign-in", async () => {
  const workspace = `Link Works ${Date.now()}`;
  const owner = await register("Olu Owner", workspace);
  const tenantId = (await getDb().superPool.query("select id from app_public.tenants where name = $1", [workspace])).rows[0].id as string;
  const invitee = await register("Ivy Invitee");
  expect((await gql("InviteMember", { email: invitee, role: "member" }, await signIn(owner))).body.errors).toBeUndefined();
  await runJobs(getDb());
  const page = await newPage();

  await step("signed out: sign in from the invitation page, come back, accept, land in the workspace", async () => {
    await page.goto(linkFromMail(invitee, "/invitations/accept"));
    await tokenGone(page, "/invitations/accept");
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(invitee);
    await page.getByLabel("Password").fill(GOOD_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Back on the invitation page (a client-side navigation after sign-in: wait for the page, not a load event).
    await page.getByRole("button", { name: "Accept invitation" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/invitations/accept");
    await shows(page.locator("main"), `signed in as ${invitee}`);
    await page.getByRole("button", { name: "Accept invitation" }).click();
    await page.waitForURL(`${app.url}/team`);
    await shows(page.locator(".page-header"), workspace); // the team page of the workspace just joined
    expect(await page.getByRole("combobox", { name: "Workspace", exact: true }).inputValue()).toBe(tenantId);
    const roles = await getDb().superPool.query("select m.role from app_public.memberships m join app_public.users u on u.id = m.user_id where m.tenant_id = $1 and u.email = $2", [tenantId, invitee]);
    expect(roles.rows).toEqual([{ role: "member" }]);
  });

  await step("the account-exists email links to /sign-in, which is the console's sign-in", async () => {
    expect((await post("/auth/register", { email: invitee, password: GOOD_PASSWORD, name: "Again" })).status).toBe(202);
    await runJobs(getDb());
    const mail = getSmtp().received.filter((m) => m.to.includes(invitee.toLowerCase())).at(-1)!.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    const link = mail.match(new RegExp(`${app.url}/sign-in[^\\s"<]*`))?.[0];
    expect(link).toBeDefined();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await page.goto(link!);
    await page.waitForURL(new RegExp(`${app.url}/login`));
    await page.getByRole("button", { name: "Sign in" }).waitFor();
  });
}, 90_000);
