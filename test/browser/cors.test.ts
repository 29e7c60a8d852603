/**
 * A frontend on another origin, in a real browser (headless Chromium, with its
 * CORS and cookie rules intact): from an allowed origin it registers, signs in
 * with the httpOnly refresh cookie, queries GraphQL and refreshes through the
 * cookie; from a disallowed origin its calls fail in the browser, and even the
 * requests a browser sends without asking (no-cors, with the cookie) change
 * nothing on the server.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { useTestDatabase } from "../helpers/db";
import { spawnServerProcess, type ServerProcess } from "../helpers/serverProcess";

const getDb = useTestDatabase();
let api: ServerProcess;
let browser: Browser;
const frontends: http.Server[] = [];

/** A static "frontend" on its own port: another origin, the same site (127.0.0.1) as the API. */
async function frontend(): Promise<string> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>frontend</title><h1>frontend</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  frontends.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let allowed: string;
let foreign: string;
beforeAll(async () => {
  [allowed, foreign] = [await frontend(), await frontend()];
  api = await spawnServerProcess(getDb().urls, { CORS_ORIGINS: allowed, LOG_LEVEL: "warn" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
  for (const s of frontends) await new Promise((r) => s.close(r));
});

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;

/** Runs `fetch` inside the page (so the browser applies CORS); a blocked call resolves to { blocked: message }. */
function call(page: Page, path: string, init: { method?: string; headers?: Record<string, string>; body?: string; credentials?: "include" | "omit" | "same-origin"; mode?: "cors" | "no-cors" | "same-origin" }) {
  return page.evaluate(
    async ({ url, init }) => {
      try {
        const res = await fetch(url, init);
        const text = res.type === "opaque" ? "" : await res.text();
        return { status: res.status, type: res.type, body: text ? JSON.parse(text) : null };
      } catch (e) {
        return { blocked: String(e) };
      }
    },
    { url: `${api.url}${path}`, init },
  );
}

const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

it("works end to end from an allowed origin: register, sign in with the cookie, query, refresh through the cookie", async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(allowed);
  const email = `browser-cors-${Date.now()}@example.com`;
  expect(await call(page, "/auth/register", json({ email, password: "a browser passphrase", name: "Cors" }))).toMatchObject({ status: 202 });
  const login = (await call(page, "/auth/login", { ...json({ email, password: "a browser passphrase" }), credentials: "include" })) as any;
  expect(login.status).toBe(200);
  expect(login.body.refreshToken).toBeUndefined(); // it went into the httpOnly cookie
  const me = (await call(page, "/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${login.body.accessToken}` },
    body: JSON.stringify({ query: "{ currentUser { email } }" }),
  })) as any;
  expect(me.body.data.currentUser.email).toBe(email);
  const refreshed = (await call(page, "/auth/refresh", { method: "POST", credentials: "include" })) as any;
  expect(refreshed.status).toBe(200);
  expect(refreshed.body.accessToken).toEqual(expect.any(String));
  expect(refreshed.body.accessToken).not.toBe(login.body.accessToken);
});

it("from a disallowed origin: calls fail in the browser, and cookie-carrying no-cors requests change nothing", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Signed in from the allowed frontend first, so the browser holds the refresh cookie for the API's host.
  await page.goto(allowed);
  const email = `browser-victim-${Date.now()}@example.com`;
  await call(page, "/auth/register", json({ email, password: "a browser passphrase", name: "Victim" }));
  expect(await call(page, "/auth/login", { ...json({ email, password: "a browser passphrase" }), credentials: "include" })).toMatchObject({ status: 200 });
  const [user] = await q("select id from app_public.users where email = $1", [email]);
  const tokens = async () => (await q("select count(*)::int as n from app_private.refresh_tokens t join app_private.refresh_token_families f on f.id = t.family_id where f.user_id = $1", [user.id]))[0].n;
  const before = await tokens();

  await page.goto(foreign);
  const stranger = `browser-stranger-${Date.now()}@example.com`;
  const blocked = (await call(page, "/auth/register", json({ email: stranger, password: "a browser passphrase", name: "X" }))) as any;
  expect(blocked.blocked).toMatch(/Failed to fetch/);
  // Requests that need no preflight are sent anyway, with the cookie (same site): the server refuses them. The
  // page cannot even see an opaque answer (Cross-Origin-Resource-Policy: same-origin makes the fetch fail).
  for (const path of ["/auth/refresh", "/auth/logout", "/auth/logout-all"]) {
    const res = (await call(page, path, { method: "POST", credentials: "include", mode: "no-cors", headers: { "content-type": "text/plain" }, body: "{}" })) as any;
    expect(res.blocked ?? res.type).toMatch(/Failed to fetch|opaque/);
  }
  expect(await q("select 1 from app_public.users where email = $1", [stranger])).toEqual([]);
  expect(await tokens()).toBe(before);
  expect(await q("select revoked_at from app_private.refresh_token_families where user_id = $1", [user.id])).toEqual([{ revoked_at: null }]);

  // And the victim's own frontend still refreshes: the session was not touched.
  await page.goto(allowed);
  expect(await call(page, "/auth/refresh", { method: "POST", credentials: "include" })).toMatchObject({ status: 200 });
});
