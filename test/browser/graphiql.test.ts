/**
 * A real browser (headless Chromium from @sparticuz/chromium, driven by
 * playwright-core) opens Ruru at /graphiql on a development server process,
 * runs a query with a signed-in user's token in the Headers editor, and sees
 * the result render.
 */
import type { Browser } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { useTestDatabase } from "../helpers/db";
import { spawnServerProcess, type ServerProcess } from "../helpers/serverProcess";

const getDb = useTestDatabase();
let proc: ServerProcess | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await proc?.stop();
});

it("runs a query with a bearer token in Ruru and renders the result", async () => {
  proc = await spawnServerProcess(getDb().urls, { NODE_ENV: "development", LOG_LEVEL: "warn" });
  const email = `browser-${Date.now()}@example.com`;
  const post = (path: string, body: unknown) =>
    fetch(`${proc!.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect((await post("/auth/register", { email, password: "a browser passphrase", name: "Browser" })).status).toBe(202);
  const { accessToken } = (await (await post("/auth/login", { email, password: "a browser passphrase", tokenTransport: "body" })).json()) as { accessToken: string };

  browser = await launchBrowser();
  const page = await browser.newPage();
  const offsite: string[] = [];
  page.on("request", (r) => !r.url().startsWith(proc!.url) && !r.url().startsWith("blob:") && !r.url().startsWith("data:") && offsite.push(r.url()));
  const refused: string[] = [];
  page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && refused.push(m.text()));
  const served = await page.goto(`${proc.url}/graphiql`, { waitUntil: "networkidle" });
  // Served under helmet's policy (GraphiQL's variant): framing denied, our origin only.
  expect(served!.headers()["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(served!.headers()["x-frame-options"]).toBe("DENY");

  // Query editor (the first Monaco editor), then the Headers editor.
  await page.locator(".monaco-editor").first().click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type("{ currentUser { email name } }");
  await page.getByText("Headers", { exact: true }).click();
  await page.locator(".monaco-editor").nth(2).click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(JSON.stringify({ Authorization: `Bearer ${accessToken}` }));
  await page.locator("button.graphiql-execute-button").click();

  const response = page.locator(".graphiql-response");
  await response.getByText(email).waitFor({ timeout: 15_000 });
  const shown = (await response.innerText()).replace(/\s+/g, " ");
  expect(shown).toContain(`"currentUser": { "email": "${email}", "name": "Browser" }`);
  expect(shown).not.toContain('"errors"');
  // Ruru is served entirely by our server (works offline, no third-party CDN), and nothing it does is refused by the CSP.
  expect(offsite).toEqual([]);
  expect(refused).toEqual([]);
});
