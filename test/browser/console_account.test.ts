/**
 * The console's profile and security page (/account) in a real headless
 * Chromium against a server process. Two-factor enrolment: the QR code is
 * drawn (a data: image the CSP allows, its encoder loaded on demand), a wrong
 * code is refused at the field, the shown key's code turns it on, the
 * recovery codes are shown once, and the next sign-in asks for a code. The
 * password is changed (a wrong current one refused at its field) and the
 * other sessions end; sessions are listed and another one signed out. No
 * page may load anything from another origin or raise a CSP violation or
 * script error.
 */
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";
import { totp, wrongCode } from "../helpers/totp";

const app = useConsoleBrowser({ artifactPrefix: "account", env: { API_KEY_CACHE_SECONDS: "0" } });
const { getDb, newPage, step, post, signIn, signInUi } = app;

const NEW_PASSWORD = "another correct horse battery";

it("enrols two-factor from the QR page (wrong code refused, recovery codes once) and the next sign-in asks for a code; changes the password; lists and ends sessions", async () => {
  const email = uniqueEmail("console-account");
  expect((await post("/auth/register", { email, password: GOOD_PASSWORD, name: "Ava Account" })).status).toBe(202);
  const otherSession = await post("/auth/login", { email, password: GOOD_PASSWORD, tokenTransport: "body" });
  expect(otherSession.status).toBe(200);
  const mfaOn = async () => (await getDb().superPool.query("select confirmed_at is not null as on from app_private.mfa_totp m join app_public.users u on u.id = m.user_id where u.email = $1", [email])).rows[0]?.on ?? false;

  const page = await newPage();
  await step("sessions are listed; another one is signed out", async () => {
    await signInUi(page, email, "/account");
    await shows(page.locator("tbody tr"), "this session");
    expect(await page.locator("tbody tr").count()).toBe(2);
    await page.locator("tbody tr").filter({ hasNotText: "this session" }).getByRole("button", { name: /^Sign out the session/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Sign out session" }).click();
    await shows(page.getByRole("status"), "That session was signed out.");
    // The list reloads after the message: wait for the ended session's row to go, then count.
    await page.locator("tbody tr").filter({ hasNotText: "this session" }).waitFor({ state: "detached" });
    expect(await page.locator("tbody tr").count()).toBe(1);
    // The ended session's refresh token no longer works.
    expect((await post("/auth/refresh", { refreshToken: otherSession.body.refreshToken })).status).toBe(401);
  });

  let secret = "";
  await step("two-factor: QR drawn, a wrong code refused at the field, the right one turns it on, recovery codes shown once", async () => {
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    const qr = page.getByRole("img", { name: "QR code for your authenticator app" });
    await qr.waitFor();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    // Decoded into a real image (the DOM's types are not in this project's lib: a structural view of the element).
    expect(await qr.evaluate((el) => { const img = el as unknown as { complete: boolean; naturalWidth: number }; return img.complete && img.naturalWidth > 0; })).toBe(true);
    secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    await page.getByLabel("Code from your authenticator app").fill(await wrongCode(secret));
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await shows(page.locator(".field-error"), "code: MFACD");
    expect(await mfaOn()).toBe(false);
    await page.getByLabel("Code from your authenticator app").fill(await totp(secret, -1));
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await shows(page.getByRole("status"), "Two-factor authentication is on.");
    expect(await page.getByRole("list", { name: "Recovery codes" }).locator("li").count()).toBeGreaterThan(0);
    expect(await mfaOn()).toBe(true);
  });

  await step("the password is changed (a wrong current password refused at its field)", async () => {
    await page.getByLabel("Current password").fill("not my password at all");
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await shows(page.locator(".field-error"), "code: CREDS");
    await page.getByLabel("Current password").fill(GOOD_PASSWORD);
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await shows(page.getByRole("status"), "Your password was changed");
    expect((await post("/auth/login", { email, password: GOOD_PASSWORD, tokenTransport: "body" })).status).toBe(401);
  });

  await step("signing in again asks for the authenticator's code", async () => {
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The enrolment used the previous step's code; the current one signs in.
    await page.getByLabel("Code from your authenticator app").fill(await totp(secret));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL(`${app.url}/account`); // signed out on /account: back there
    await shows(page.locator(".who"), "Ava Account");
    // The page shows two-factor as on (mfaEnabled), with no enrolment button but the form to turn it off.
    await page.getByRole("button", { name: "Turn off two-factor authentication" }).waitFor();
    expect(await page.getByRole("button", { name: "Set up an authenticator app" }).count()).toBe(0);
  });

  await step("two-factor is turned off with a current code (a wrong one refused at the field)", async () => {
    await page.getByLabel("Current code from your authenticator app").fill(await wrongCode(secret));
    await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
    await shows(page.locator(".field-error"), "code: MFACD");
    expect(await mfaOn()).toBe(true);
    // The sign-in used the current step's code; a later step's code is accepted.
    await page.getByLabel("Current code from your authenticator app").fill(await totp(secret, 1));
    await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
    await page.getByRole("button", { name: "Set up an authenticator app" }).waitFor();
    expect(await mfaOn()).toBe(false);
  });
}, 180_000);
