/**
 * The console's sign-in page (/login) with the providers GET /auth/providers
 * lists, in a real headless Chromium against a server process. A real local
 * OpenID Connect provider (oauth2-mock-server, test/helpers/oidcMock.ts) is
 * configured in OIDC_PROVIDERS next to Google and GitHub: one button each, in
 * the server's order, each linking to its start URL with the console's
 * redirect. Clicking the OIDC button runs the whole code flow (PKCE, state,
 * nonce) through the provider and lands signed in on the console at `next`;
 * an account with two-factor authentication lands on the code step instead.
 * A server with no provider shows no button. No page may load anything from
 * another origin than the server and the provider, or raise a CSP violation
 * or script error.
 */
import { randomBytes } from "node:crypto";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";
import { startOidcMock, type OidcMock } from "../helpers/oidcMock";
import { spawnServerProcess } from "../helpers/serverProcess";
import { totp } from "../helpers/totp";

let idp: OidcMock;
/** Further servers a test starts and opens in the browser (checked like the console's own). */
const otherServers: string[] = [];
// Before useConsoleBrowser's hooks: the server's OIDC_PROVIDERS names the provider's issuer.
beforeAll(async () => {
  idp = await startOidcMock();
});
afterAll(async () => {
  await idp?.stop();
});

const app = useConsoleBrowser({
  artifactPrefix: "signin-providers",
  // No redirect_uri: the default, PUBLIC_URL (http://127.0.0.1:<port>) + /auth/oidc/acme/callback, is the spawned server.
  env: () => ({
    GOOGLE_CLIENT_ID: "console-google-client",
    GOOGLE_CLIENT_SECRET: "console-google-secret",
    GITHUB_CLIENT_ID: "console-github-client",
    GITHUB_CLIENT_SECRET: "console-github-secret",
    OIDC_PROVIDERS: JSON.stringify({ acme: { name: "Acme SSO", issuer: idp.issuer, client_id: "ls-console", client_secret: "acme-secret-value" } }),
  }),
  allowedOrigins: () => [idp.issuer, ...otherServers],
});
const { getDb, newPage, step, post, signIn } = app;

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;
const person = (name: string, email = uniqueEmail("console-oidc")) => ({ sub: `s-${randomBytes(6).toString("hex")}`, email, email_verified: true, name });

it("draws one button per provider, in the server's order, linking to its start with the console's redirect", async () => {
  const page = await newPage();
  await step("the buttons and their links", async () => {
    await page.goto(`${app.url}/login?next=${encodeURIComponent("/api-keys")}`);
    const group = page.getByRole("group", { name: "Sign in with another account" });
    await group.waitFor();
    const links = group.getByRole("link");
    expect(await links.allTextContents()).toEqual(["Continue with Google", "Continue with GitHub", "Continue with Acme SSO"]);
    const redirect = encodeURIComponent("/login?next=%2Fapi-keys");
    expect(await Promise.all((await links.all()).map((l) => l.getAttribute("href")))).toEqual([
      `/auth/google/start?redirect=${redirect}`,
      `/auth/github/start?redirect=${redirect}`,
      `/auth/oidc/acme/start?redirect=${redirect}`,
    ]);
    // The password form is still there, below them.
    await page.getByLabel("Email").waitFor();
  });
});

it("signs a new person in through the OIDC provider's button and lands on the console at next", async () => {
  const olga = person("Olga Oidc");
  await idp.configure({ claims: olga });
  const tokenRequests = await idp.tokenRequests();
  const page = await newPage();
  await step("click, through the provider, back signed in on /account", async () => {
    await page.goto(`${app.url}/account`);
    await page.waitForURL(`${app.url}/login?next=%2Faccount`);
    await page.getByRole("link", { name: "Continue with Acme SSO" }).click();
    await page.waitForURL(`${app.url}/account`);
    await shows(page.locator(".who"), "Olga Oidc");
    await shows(page.locator(".page-header"), `Signed in as ${olga.email}`);
  });
  // The code was exchanged once, and the identity is stored under the provider's id.
  expect((await idp.tokenRequests()) - tokenRequests).toBe(1);
  expect(await q("select i.provider, u.email from app_private.user_identities i join app_public.users u on u.id = i.user_id where i.subject = $1", [olga.sub])).toEqual([
    { provider: "acme", email: olga.email },
  ]);
  await step("the session is a real one: it survives a reload (refresh cookie) and signs out", async () => {
    await page.reload();
    await shows(page.locator(".who"), "Olga Oidc");
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${app.url}/team`);
    await page.waitForURL(`${app.url}/login?next=%2Fteam`);
  });
});

it("an account with two-factor authentication lands on the code step after the provider, then on the console", async () => {
  const email = uniqueEmail("console-oidc-mfa");
  expect((await post("/auth/register", { email, password: GOOD_PASSWORD, name: "Mia Mfa" })).status).toBe(202);
  const token = await signIn(email);
  const { secret } = (await post("/auth/mfa/totp/enroll", {}, token)).body as { secret: string };
  expect((await post("/auth/mfa/totp/confirm", { code: await totp(secret, -1) }, token)).status).toBe(200);
  await idp.configure({ claims: person("Mia Mfa", email) });
  const page = await newPage();
  await step("the provider's sign-in asks for the code", async () => {
    await page.goto(`${app.url}/login?next=${encodeURIComponent("/settings")}`);
    await page.getByRole("link", { name: "Continue with Acme SSO" }).click();
    await page.getByLabel("Code from your authenticator app").waitFor();
    // The challenge was taken out of the address bar.
    expect(new URL(page.url()).hash).toBe("");
    expect(page.url()).toBe(`${app.url}/login?next=%2Fsettings`);
    await page.getByLabel("Code from your authenticator app").fill(await totp(secret));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL(`${app.url}/settings`);
    await shows(page.locator(".who"), "Mia Mfa");
  });
});

it("a provider sign-in the server refuses lands back on the sign-in page with the reason, signed out, nothing linked", async () => {
  const email = uniqueEmail("console-oidc-unverified");
  expect((await post("/auth/register", { email, password: GOOD_PASSWORD, name: "Una Unverified" })).status).toBe(202);
  // The provider does not vouch for the address: linking it to the existing account is refused (EMUNV).
  await idp.configure({ claims: { ...person("Una Unverified", email), email_verified: false } });
  const page = await newPage();
  await step("through the provider and back: the refusal shown, the address bar clean", async () => {
    await page.goto(`${app.url}/login?next=${encodeURIComponent("/account")}`);
    await page.getByRole("link", { name: "Continue with Acme SSO" }).click();
    await shows(page.getByRole("alert"), "sign in with your password to link this provider");
    expect(page.url()).toBe(`${app.url}/login?next=%2Faccount`);
    await page.getByLabel("Email").waitFor();
  });
  expect(await q("select 1 from app_private.user_identities i join app_public.users u on u.id = i.user_id where u.email = $1", [email])).toEqual([]);
  // And the password still works from that page.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(GOOD_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${app.url}/account`);
});

it("shows no provider button when the server offers none", async () => {
  const bare = await spawnServerProcess(getDb().urls, { LOG_LEVEL: "warn", GOOGLE_CLIENT_ID: "", GITHUB_CLIENT_ID: "", GITHUB_CLIENT_SECRET: "", OIDC_PROVIDERS: "" });
  try {
    expect(await (await fetch(`${bare.url}/auth/providers`)).json()).toEqual({ password: true, providers: [] });
    otherServers.push(bare.url);
    const page = await newPage();
    await step("only the password form", async () => {
      await page.goto(`${bare.url}/login`);
      await page.getByLabel("Email").waitFor();
      // The providers' answer has arrived (and was empty) before we look.
      await page.waitForLoadState("networkidle");
      expect(await page.getByRole("group", { name: "Sign in with another account" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: /^Continue with/ }).count()).toBe(0);
      await page.getByRole("button", { name: "Sign in" }).waitFor();
    });
  } finally {
    await bare.stop();
  }
});
