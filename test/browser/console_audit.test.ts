/**
 * The console's audit log page (/audit) in a real headless Chromium against a
 * server process with trusted documents on. The owner's actions (an API key
 * created and revoked) appear; filters narrow the table; the chain's verdict
 * matches the database's own verification; the CSV export downloads the
 * entries. A member without audit:read sees no log, and the API refuses their
 * export. No page may load anything from another origin or raise a CSP
 * violation or script error.
 */
import fs from "node:fs";
import type { Page } from "playwright-core";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";
import { runJobs } from "../helpers/jobs";

// No key cache: a revoked key is refused by the very next request.
const app = useConsoleBrowser({ artifactPrefix: "audit", env: { API_KEY_CACHE_SECONDS: "0" } });
const { getDb, newPage, step, post, gql, signIn, signInUi, invitationToken } = app;

const rows = (page: Page) => page.locator("tbody tr");

it("shows the owner's actions, filters them, verifies the chain and exports a CSV; a member sees no log and the API refuses their export", async () => {
  const owner = uniqueEmail("console-audit");
  const workspace = `Audit Works ${Date.now()}`;
  expect((await post("/auth/register", { email: owner, password: GOOD_PASSWORD, name: "Ann Audit", workspaceName: workspace })).status).toBe(202);
  const ownerToken = await signIn(owner);
  const tenantId = (await getDb().superPool.query("select id from app_public.tenants where name = $1", [workspace])).rows[0].id as string;
  const created = (await gql("CreateApiKey", { name: "Audited key", scopes: { blog: ["read"] } }, ownerToken)).body;
  expect(created.errors).toBeUndefined();
  expect((await gql("RevokeApiKey", { apiKeyId: created.data.createApiKey.result.apiKey.rowId }, ownerToken)).body.errors).toBeUndefined();
  const member = uniqueEmail("console-audit-member");
  expect((await post("/auth/register", { email: member, password: GOOD_PASSWORD, name: "Al Member" })).status).toBe(202);
  expect((await gql("InviteMember", { email: member, role: "member" }, ownerToken)).body.errors).toBeUndefined();
  await runJobs(getDb());
  expect((await gql("AcceptInvitation", { token: invitationToken(member) }, await signIn(member))).body.errors).toBeUndefined();
  const chainOk = (await getDb().superPool.query("select app_private.verify_audit_chain($1) as ok", [tenantId])).rows[0].ok;

  const page = await newPage();
  await step("the owner's actions are listed, with the chain's verdict", async () => {
    await signInUi(page, owner, "/audit");
    await shows(page.locator(".badge"), chainOk ? "Chain intact" : "Chain broken");
    expect(chainOk).toBe(true);
    await shows(rows(page), "apikey.created");
    await shows(rows(page), "apikey.revoked");
    await shows(rows(page).filter({ hasText: "apikey.created" }), owner); // the actor, by email
  });

  await step("filters narrow the table", async () => {
    await page.getByLabel("Event").fill("apikey.created");
    await rows(page).filter({ hasText: "apikey.revoked" }).waitFor({ state: "detached" });
    expect(await rows(page).count()).toBe(1);
    await shows(rows(page), "apikey.created");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await shows(rows(page), "apikey.revoked");
    await page.getByLabel("Table").fill("no_such_table");
    await shows(page.locator(".empty"), "No entries match.");
    await page.getByRole("button", { name: "Clear filters" }).click();
    // Sign-ins are pure security events (no table); the key's entries are row changes that name their event.
    await page.getByLabel("Action").selectOption("event");
    await shows(rows(page), "auth.login");
    await rows(page).filter({ hasText: "apikey." }).first().waitFor({ state: "detached" });
    expect(new Set(await rows(page).locator('td[data-label="Table"]').allTextContents())).toEqual(new Set(["—"]));
  });

  await step("the CSV export downloads the entries", async () => {
    await page.getByRole("button", { name: "Clear filters" }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("audit-log.csv");
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.split("\n")[0]).toMatch(/occurred_at|occurredAt/);
    expect(csv).toContain("apikey.created");
    expect(csv).toContain("apikey.revoked");
  });

  await step("a member sees no log, and the API refuses their export", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await signInUi(page, member, "/audit");
    await page.getByRole("combobox", { name: "Workspace", exact: true }).selectOption({ label: workspace });
    await shows(page.locator(".page-header"), workspace);
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.waitForURL(`${app.url}/audit`);
    await shows(page.locator(".empty"), "audit:read");
    expect(await page.getByRole("button", { name: "Export CSV" }).count()).toBe(0);
    const res = await fetch(`${app.url}/audit/export.csv`, { headers: { authorization: `Bearer ${await signIn(member, tenantId)}` } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("DNIED");
  });
}, 180_000);
