/**
 * The pages email links open, in a real browser (headless Chromium) against a
 * development server process, with the links read from the emails the real
 * worker tasks sent to a real SMTP server. The server runs with trusted
 * documents on (production's GraphQL mode), so the pages' GraphQL calls are
 * proven to work there too. Every page must load nothing from another origin
 * and raise no CSP violation or script error.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { launchBrowser } from "../helpers/browser";
import { useTestDatabase } from "../helpers/db";
import { runJobs } from "../helpers/jobs";
import { startTestServer } from "../helpers/server";
import { spawnServerProcess, type ServerProcess } from "../helpers/serverProcess";
import { mailedLink, useTestSmtp } from "../helpers/smtp";
import { loadConfig } from "../../core/config";
import { PAGES } from "../../server/src/pages/pages";
import { totp, wrongCode } from "../helpers/totp";

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, "sdk", "generated", "persisted-documents.json"), "utf8")) as Record<string, string>;
const NEW_PASSWORD = "a brand new passphrase 42";

const getDb = useTestDatabase();
const getSmtp = useTestSmtp();
let proc: ServerProcess | undefined;
const savedAppUrl = process.env.APP_URL;

beforeAll(async () => {
  // The minimal pages (server/src/pages), which answer the email links with EMAIL_LINK_PAGES=minimal.
  proc = await spawnServerProcess(getDb().urls, { LOG_LEVEL: "warn", GRAPHQL_TRUSTED_DOCUMENTS: "true", RATE_LIMIT_AUTH_PER_MINUTE: "100000", EMAIL_LINK_PAGES: "minimal" });
  // runJobs sends the emails from this process: their links must point at the spawned server.
  process.env.APP_URL = proc.url;
});
afterAll(async () => {
  if (savedAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = savedAppUrl;
  await proc?.stop();
});

/**
 * A fresh browser per test, with one tab, recording what a page must never do. Not one browser with a
 * context per test: @sparticuz/chromium runs single-process, where closing a context kills the browser
 * and cookies set by fetch() outlive their context (the refresh cookie would sign in the next test).
 */
let browser: Browser | undefined;
let page: Page;
let problems: string[];
beforeEach(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  problems = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(`${proc!.url}/`) && !/^(data|blob):/.test(r.url())) problems.push(`offsite request ${r.url()}`);
  });
  page.on("console", (m) => /Content[- ]Security[- ]Policy|Refused to/i.test(m.text()) && problems.push(`CSP: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
});
afterEach(async () => {
  await browser?.close();
  expect(problems).toEqual([]);
});

async function post(path: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const res = await fetch(`${proc!.url}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** A persisted operation by name, sent by documentId only (the server accepts nothing else). */
async function gql(operation: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const id = Object.keys(MANIFEST).find((k) => new RegExp(`^(query|mutation) ${operation}\\b`).test(MANIFEST[k]));
  const res = await post("/graphql", { documentId: id, variables }, token);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

async function signIn(email: string, password = GOOD_PASSWORD): Promise<string> {
  const res = await post("/auth/login", { email, password, tokenTransport: "body" });
  expect(res.status).toBe(200);
  return res.body.accessToken as string;
}

async function register(workspaceName?: string): Promise<string> {
  const email = uniqueEmail("pages");
  expect((await post("/auth/register", { email, password: GOOD_PASSWORD, name: "Page Tester", workspaceName })).status).toBe(202);
  return email;
}

/** The newest link to `/<path>?token=` in mail delivered to `email` (quoted-printable decoded). */
function linkFromMail(email: string, linkPath: string): string {
  const link = mailedLink(getSmtp(), email, linkPath);
  expect(link.startsWith(`${proc!.url}${linkPath}?token=`)).toBe(true);
  return link;
}

/** Opens a URL in this test's tab, as when a person clicks a link in their mail. */
async function open(url: string): Promise<Page> {
  await page.goto(url);
  return page;
}

const message = (p: Page) => p.locator("#message");

/** Waits until the locator shows `text` (a substring, as a person would read it), then returns all its text. */
async function shows(locator: Locator, text: string): Promise<string> {
  await locator.filter({ hasText: text }).waitFor({ timeout: 15_000 });
  return locator.innerText();
}
const visible = (locator: Locator) => locator.waitFor({ state: "visible", timeout: 15_000 });

it("sends GraphQL from the pages as the manifest's persisted documents, hash for hash", () => {
  const lib = fs.readFileSync(path.join(ROOT, "server", "src", "pages", "static", "lib.js"), "utf8");
  const documents = [...lib.matchAll(/hash: "([0-9a-f]{64})",\s*text: "([^"]+)"/g)];
  expect(documents.length).toBeGreaterThanOrEqual(2);
  for (const [, hash, text] of documents) expect(MANIFEST[hash]).toBe(text);
});

it("answers GET /dev in development with links to the console, GraphiQL, GraphQL, the pages, health and the JWKS", async () => {
  const res = await page.goto(`${proc!.url}/dev`);
  expect(res!.headers()["content-type"]).toMatch(/^text\/html/);
  for (const href of ["/", "/graphiql", "/readyz", "/.well-known/jwks.json", "/sign-in", "/sign-up", "/forgot-password", "/verify-email", "/reset-password", "/invitations/accept"]) {
    await expect(page.locator(`a[href="${href}"]`).count()).resolves.toBeGreaterThan(0);
  }
  await expect(page.locator("main").innerText()).resolves.toContain(`POST ${proc!.url}/graphql`);
});

it("outside development answers GET / with what this server is and where GraphQL is, and pages only to GET", async () => {
  const server = await startTestServer(getDb());
  try {
    const json = await fetch(`${server.url}/`, { headers: { accept: "application/json" } });
    expect(await json.json()).toMatchObject({ name: "LogicSpike Core", graphql: `${loadConfig().publicUrl}/graphql`, health: "/readyz" });
    const html = await fetch(`${server.url}/`, { headers: { accept: "text/html" } });
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await html.text()).toContain("GraphQL is at");
    expect((await server.post("/sign-in", {})).body.error.code).toBe("NTFND");
  } finally {
    await server.close();
  }
});

it("serves every page under a strict CSP, without referrer or caching, with no inline script, style or handler", async () => {
  // GET / is the console once it is built (test/browser/console.test.ts checks its headers); /dev is the links page.
  for (const pagePath of ["/dev", ...PAGES.map((p) => `${p.path}?token=abc`)]) {
    const res = await fetch(`${proc!.url}${pagePath}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(await res.text()).not.toMatch(/<script(?![^>]*\bsrc=)|<style|\son[a-z]+=|\sstyle=/i);
  }
});

it("serves the pages' scripts and styles under a build-stamped path, cached for a year, and nothing else there", async () => {
  const html = await (await fetch(`${proc!.url}/reset-password`)).text();
  const script = html.match(/src="(\/_pages\/[0-9a-f]{12}\/reset-password\.js)"/)![1];
  const asset = await fetch(`${proc!.url}${script}`);
  expect(asset.status).toBe(200);
  expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
  expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  const prefix = script.replace(/[^/]+$/, "");
  for (const other of ["..%2F..%2F..%2F..%2Fpackage.json", "html.ts", "nope.js"]) expect((await fetch(`${proc!.url}${prefix}${other}`)).status).toBe(404);
});

it("verifies an email from the emailed link once; the same link again shows LNKEX and changes nothing", async () => {
  const email = await register();
  await runJobs(getDb());
  const link = linkFromMail(email, "/verify-email");

  await open(link);
  const verified = "Your email address is verified.";
  expect((await shows(message(page), verified)).trim()).toBe(verified);
  expect(page.url()).toBe(`${proc!.url}/verify-email`); // the token left the address bar
  const token = await signIn(email);
  expect((await gql("CurrentUser", {}, token)).currentUser.isVerified).toBe(true);
  const mails = getSmtp().received.length;

  await open(link);
  await shows(message(page), "code: LNKEX");
  await visible(page.getByRole("alert"));
  await visible(page.getByRole("link", { name: "Sign in" })); // to ask for a new link
  expect((await gql("CurrentUser", {}, token)).currentUser.isVerified).toBe(true);
  await runJobs(getDb());
  expect(getSmtp().received.length).toBe(mails);
});

it("changes the email from the link mailed to the new address: nothing happens until the click, then the new address signs in and the link is spent", async () => {
  const email = await register();
  await runJobs(getDb());
  const newEmail = uniqueEmail("pages-new");
  expect((await post("/auth/email", { newEmail, password: GOOD_PASSWORD }, await signIn(email))).status).toBe(202);
  await runJobs(getDb());
  const link = linkFromMail(newEmail, "/confirm-email");

  await open(link);
  await visible(page.getByRole("button", { name: "Use this address for my account" }));
  expect(page.url()).toBe(`${proc!.url}/confirm-email`); // the token left the address bar
  // Opening the link (as a mail scanner would) changes nothing.
  expect((await post("/auth/login", { email: newEmail, password: GOOD_PASSWORD, tokenTransport: "body" })).status).toBe(401);

  await page.getByRole("button", { name: "Use this address for my account" }).click();
  await shows(message(page), `Your email address is now ${newEmail.toLowerCase()}.`);
  expect((await gql("CurrentUser", {}, await signIn(newEmail))).currentUser.email).toBe(newEmail.toLowerCase());
  expect((await post("/auth/login", { email, password: GOOD_PASSWORD, tokenTransport: "body" })).status).toBe(401);

  await open(link);
  await page.getByRole("button", { name: "Use this address for my account" }).click();
  await shows(message(page), "code: LNKEX");
});

it("resets a password from the emailed link: WEAKP for a weak one, then success and sign-in; a used or expired link shows LNKEX", async () => {
  const email = await register();
  await open(`${proc!.url}/forgot-password`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await shows(message(page), "If an account uses this email, we sent it a link");
  await runJobs(getDb());
  const link = linkFromMail(email, "/reset-password");

  await open(link);
  expect(page.url()).toBe(`${proc!.url}/reset-password`);
  await page.getByLabel("New password", { exact: true }).fill("password123");
  await page.getByLabel("New password again").fill("password123");
  await page.getByRole("button", { name: "Change password" }).click();
  await shows(page.locator("#password-error"), "code: WEAKP");
  expect(await page.getByLabel("New password", { exact: true }).getAttribute("aria-invalid")).toBe("true");

  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await shows(message(page), "Your password was changed");
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await shows(page.locator("#signed-in-as"), `You are signed in as ${email}`);
  expect((await post("/auth/login", { email, password: GOOD_PASSWORD, tokenTransport: "body" })).body.error.code).toBe("CREDS");

  await open(link);
  await page.getByLabel("New password", { exact: true }).fill("another good passphrase 7");
  await page.getByLabel("New password again").fill("another good passphrase 7");
  await page.getByRole("button", { name: "Change password" }).click();
  await shows(message(page), "code: LNKEX");
  await visible(page.getByRole("link", { name: "Request a new reset link" }));
  await signIn(email, NEW_PASSWORD); // nothing changed

  expect((await post("/auth/forgot-password", { email })).status).toBe(202);
  await runJobs(getDb());
  const expiring = linkFromMail(email, "/reset-password");
  expect(expiring).not.toBe(link);
  await getDb().superPool.query("update app_private.email_tokens set expires_at = now() - interval '1 second' where kind = 'reset_password'");
  await open(expiring);
  await page.getByLabel("New password", { exact: true }).fill("another good passphrase 7");
  await page.getByLabel("New password again").fill("another good passphrase 7");
  await page.getByRole("button", { name: "Change password" }).click();
  await shows(message(page), "code: LNKEX");
});

it("signs in with the authenticator-app step when the account has two-factor authentication", async () => {
  const email = await register();
  const token = await signIn(email);
  const { secret } = (await post("/auth/mfa/totp/enroll", {}, token)).body as { secret: string };
  // Steps are spent in increasing order: the confirming code is the previous step's, sign-in uses the current one.
  expect((await post("/auth/mfa/totp/confirm", { code: await totp(secret, -1) }, token)).status).toBe(200);

  await open(`${proc!.url}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(GOOD_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  const code = page.getByLabel("Code from your authenticator app");
  await code.fill(await wrongCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await shows(page.locator("#code-error"), "code: MFACD");
  await code.fill(await totp(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await shows(page.locator("#signed-in-as"), `You are signed in as ${email}`);
});

it("accepts an invitation: the invitee signs up on the page, comes back, joins and is switched to the workspace", async () => {
  const workspace = `Rocket Works ${Date.now()}`;
  const owner = await signIn(await register(workspace));
  const invitee = uniqueEmail("invitee");
  await gql("InviteMember", { email: invitee, role: "member" }, owner);
  await runJobs(getDb());
  const link = linkFromMail(invitee, "/invitations/accept");

  await open(link);
  expect(page.url()).toBe(`${proc!.url}/invitations/accept`);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Your name").fill("Invited Person");
  await page.getByLabel("Email").fill(invitee);
  await page.getByLabel("Password", { exact: true }).fill(GOOD_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${proc!.url}/invitations/accept`);
  await shows(page.locator("#signed-in-as"), `You are signed in as ${invitee}`);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  const joined = `You joined the workspace ${workspace} as member. This session now works in ${workspace}.`;
  expect((await shows(message(page), joined)).trim()).toBe(joined);

  const memberships = (await gql("MyMemberships", {}, await signIn(invitee))).myMemberships.nodes as Array<{ role: string; tenant: { name: string } }>;
  expect(memberships).toContainEqual(expect.objectContaining({ role: "member", tenant: expect.objectContaining({ name: workspace }) }));
  // The page's own session now works in the new workspace.
  await page.goto(`${proc!.url}/sign-in`);
  await shows(page.locator("#signed-in-as"), `in the workspace ${workspace}`);
});
