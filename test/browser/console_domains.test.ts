/**
 * The console's custom domains page (/domains) in a real headless Chromium
 * against a server process, with a real DNS server (dns2 on 127.0.0.1) whose
 * TXT answers the test controls and the real verification task (runJobs, in
 * this process, reads DNS_SERVERS): a bad hostname refused at the field with
 * nothing stored; a domain added and its TXT record shown; "Verify now"
 * before the record exists leaves it pending with the reason; once the record
 * is published, "Verify now" shows it verified; a member sees the domain but
 * no controls (nor the TXT value) and the API refuses their re-check
 * (DNIED); the owner removes it after typing the hostname.
 */
import dns2 from "dns2";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";
import { runJobs } from "../helpers/jobs";

const { Packet } = dns2;
const txt = new Map<string, string[]>();
let dns: ReturnType<typeof dns2.createServer>;
const savedDnsServers = process.env.DNS_SERVERS;
beforeAll(async () => {
  dns = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const values = txt.get(question.name.toLowerCase());
      if (!values) response.header.rcode = 3; // NXDOMAIN
      else for (const data of values) response.answers.push(Packet.createResourceFromQuestion(question, { type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 0, data }));
      void send(response);
    },
  });
  const addresses = await dns.listen({ udp: { port: 0, address: "127.0.0.1" } });
  process.env.DNS_SERVERS = `127.0.0.1:${addresses.udp!.port}`;
});
afterAll(async () => {
  if (savedDnsServers === undefined) delete process.env.DNS_SERVERS;
  else process.env.DNS_SERVERS = savedDnsServers;
  await dns?.close();
});

const app = useConsoleBrowser({ artifactPrefix: "domains" });
const { getDb, newPage, step, post, signIn, signInUi, gql } = app;
const sql = async (text: string, values: unknown[] = []) => (await getDb().superPool.query(text, values)).rows;

it("adds a domain, shows its TXT record, verifies it with Verify now once DNS has it; a member is refused; removed after typing its name", async () => {
  const owner = uniqueEmail("domains-owner");
  const member = uniqueEmail("domains-member");
  for (const email of [owner, member]) expect((await post("/auth/register", { email, password: GOOD_PASSWORD, name: "Dom" })).status).toBe(202);
  const [{ tenant_id: tenantId }] = await sql("select m.tenant_id from app_public.memberships m join app_public.users u on u.id = m.user_id where u.email = $1", [owner]);
  await sql("insert into app_public.memberships (tenant_id, user_id, role) select $1, id, 'member' from app_public.users where email = $2", [tenantId, member]);
  const host = `shop-${Date.now()}.acme.example.com`;
  // The re-check is queued once the row's window restarts (check_attempts back to 0): then the worker may run.
  const checkQueued = async () => {
    for (let i = 0; i < 100 && (await sql("select 1 from graphile_worker.jobs where task_identifier = 'custom_domains__verify' and run_at <= now()")).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  };
  const domainRows = () => sql("select id, status, last_error from app_public.custom_domains where tenant_id = $1", [tenantId]);

  const page = await newPage();
  const card = page.locator("article", { has: page.getByRole("heading", { name: new RegExp(`^${host.replace(/\./g, "\\.")}`) }) });
  await step("a bad hostname is refused at the field; a good one is added with its TXT record", async () => {
    await signInUi(page, owner, "/domains");
    await shows(page.locator(".empty"), "No custom domains yet.");
    await page.getByLabel("Hostname").fill("localhost");
    await page.getByRole("button", { name: "Add domain" }).click();
    await shows(page.locator(".field-error"), "Enter a hostname");
    await page.getByLabel("Hostname").fill("printer.local");
    await page.getByRole("button", { name: "Add domain" }).click();
    await shows(page.locator(".field-error"), "code: DMBAD");
    expect(await domainRows()).toEqual([]);
    await page.getByLabel("Hostname").fill(host.toUpperCase());
    await page.getByRole("button", { name: "Add domain" }).click();
    await shows(page.getByRole("status"), `${host} was added.`);
    await shows(card.getByTestId("domain-status"), "Pending");
    expect(await card.getByTestId("txt-name").innerText()).toBe(`_logicspike.${host}`);
    expect(await card.getByTestId("txt-value").innerText()).toMatch(/^logicspike-verify=[0-9a-f]{32}$/);
  });

  await step("Verify now before the record exists: still pending, with the reason", async () => {
    await runJobs(getDb()); // the first check, queued by the add
    await card.getByRole("button", { name: `Verify ${host} now` }).click();
    await checkQueued();
    await runJobs(getDb());
    await shows(card, `No TXT record found at _logicspike.${host}.`);
    expect((await domainRows())[0]).toMatchObject({ status: "pending" });
  });

  await step("with the record published, Verify now shows it verified", async () => {
    txt.set(`_logicspike.${host}`, [await card.getByTestId("txt-value").innerText()]);
    await card.getByRole("button", { name: `Verify ${host} now` }).click();
    await checkQueued();
    await runJobs(getDb());
    await shows(card.getByTestId("domain-status"), "Verified");
    expect((await domainRows())[0]).toMatchObject({ status: "verified", last_error: null });
  });

  await step("a member sees the domain without controls or the TXT value; the API refuses their re-check", async () => {
    const memberPage = await newPage();
    await signInUi(memberPage, member, "/domains");
    await memberPage.locator("#workspace-switcher").selectOption({ value: tenantId });
    await memberPage.waitForURL(/\/team$/); // switching lands on the team page
    await memberPage.getByRole("link", { name: "Domains" }).click();
    const memberCard = memberPage.locator("article", { hasText: host });
    await shows(memberCard.getByTestId("domain-status"), "Verified");
    expect(await memberPage.getByRole("button", { name: "Add domain" }).count()).toBe(0);
    expect(await memberCard.getByRole("button").count()).toBe(0);
    const token = await signIn(member, tenantId);
    const [{ id }] = await domainRows();
    const recheck = await gql("RecheckCustomDomain", { customDomainId: id }, token);
    expect(recheck.body.errors?.[0]?.extensions?.code).toBe("DNIED");
    const add = await gql("AddCustomDomain", { hostname: `x-${host}` }, token);
    expect(add.body.errors?.[0]?.extensions?.code).toBe("DNIED");
    expect(await domainRows()).toHaveLength(1);
  });

  await step("the owner removes it after typing the hostname", async () => {
    await card.getByRole("button", { name: `Remove ${host}` }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.getByRole("button", { name: "Remove domain" }).isDisabled()).toBe(true);
    await dialog.getByLabel(`Type ${host} to confirm`).fill(host);
    await dialog.getByRole("button", { name: "Remove domain" }).click();
    await shows(page.locator(".empty"), "No custom domains yet.");
    expect(await domainRows()).toEqual([]);
  });
}, 120_000);
