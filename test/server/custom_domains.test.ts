/**
 * Custom domains end to end, against a real DNS server (dns2, UDP on
 * 127.0.0.1) whose TXT answers each test controls: add → pending with the
 * TXT instructions, the worker task verifies only once the record holds the
 * expected value, the TLS ask hooks answer 200 for verified hostnames only,
 * bad hostnames are coded errors that store nothing, a hostname verified by
 * one workspace cannot be claimed by another (without saying by whom), and a
 * verified custom domain is an allowed origin for its own workspace's
 * publishable keys.
 */
import dns2 from "dns2";
import { as, signUp, switchTenant, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { getJobs, runJobs } from "../helpers/jobs";
import { startTestServer, type TestServer } from "../helpers/server";
import { codeOf } from "../helpers/expect";

const { Packet } = dns2;
const getDb = useTestDatabase();
const GATEWAY_KEY = "k".repeat(40);
/** name (lower case) → TXT strings the local DNS server answers. */
const txt = new Map<string, string[]>();
let dns: ReturnType<typeof dns2.createServer>;
let server: TestServer;
let owner: TestUser;
let other: TestUser;
const savedDnsServers = process.env.DNS_SERVERS;

const FIELDS = "rowId hostname status txtRecordName txtRecordValue checkAttempts lastError verifiedAt";
const ADD = `mutation($h: String!) { addCustomDomain(input: { hostname: $h }) { result { ${FIELDS} } } }`;
const RECHECK = `mutation($id: UUID!) { recheckCustomDomain(input: { customDomainId: $id }) { result { ${FIELDS} } } }`;
const uniqueHost = (label: string) => `${label}-${Math.random().toString(36).slice(2, 8)}.acme.example.com`;
const countRows = async (hostname: string) =>
  (await getDb().superPool.query("select count(*)::int as n from app_public.custom_domains where hostname = $1", [hostname])).rows[0].n as number;
const statusOf = async (id: string) => (await getDb().superPool.query("select status from app_public.custom_domains where id = $1", [id])).rows[0]?.status as string;

async function add(user: TestUser | string, hostname: string) {
  return as(server, typeof user === "string" ? user : user.accessToken)(ADD, { h: hostname });
}

/** Adds a domain, publishes its TXT record in the local DNS and runs the check: a verified domain. */
async function addVerified(user: TestUser, hostname: string) {
  const added = (await add(user, hostname)).body.data!.addCustomDomain.result;
  txt.set(added.txtRecordName, [added.txtRecordValue]);
  await runJobs(getDb());
  expect(await statusOf(added.rowId)).toBe("verified");
  return added as { rowId: string; txtRecordName: string; txtRecordValue: string };
}

const ask = (path: string, domain: string | null, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}${domain === null ? "" : `?domain=${encodeURIComponent(domain)}`}`, { headers });

beforeAll(async () => {
  dns = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const values = txt.get(question.name.toLowerCase());
      if (!values) response.header.rcode = 3; // NXDOMAIN
      else if (question.type === Packet.TYPE.TXT) {
        for (const data of values) response.answers.push(Packet.createResourceFromQuestion(question, { type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 0, data }));
      }
      void send(response);
    },
  });
  const addresses = await dns.listen({ udp: { port: 0, address: "127.0.0.1" } });
  // The worker task runs in this process (runJobs) and reads DNS_SERVERS through loadConfig().
  process.env.DNS_SERVERS = `127.0.0.1:${addresses.udp!.port}`;
  server = await startTestServer(getDb(), { APP_DOMAIN: "logicspike.example", GATEWAY_KEY, API_KEY_CACHE_SECONDS: "0" });
  owner = await signUp(server, { workspaceName: "Acme" });
  other = await signUp(server, { workspaceName: "Other" });
});
afterAll(async () => {
  if (savedDnsServers === undefined) delete process.env.DNS_SERVERS;
  else process.env.DNS_SERVERS = savedDnsServers;
  await server?.close();
  await dns?.close();
});

describe("adding and verifying a domain", () => {
  it("adds a pending domain with TXT instructions and queues a check", async () => {
    const hostname = uniqueHost("shop");
    const res = await add(owner, `${hostname.toUpperCase()}.`);
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data!.addCustomDomain.result;
    expect(d).toMatchObject({ hostname, status: "pending", txtRecordName: `_logicspike.${hostname}`, checkAttempts: 0, verifiedAt: null });
    expect(d.txtRecordValue).toMatch(/^logicspike-verify=[0-9a-f]{32}$/);
    const jobs = await getJobs(getDb(), "custom_domains__verify");
    expect(jobs.map((j) => j.payload)).toContainEqual({ id: d.rowId });
    // The token itself is in app_private, not in the public row.
    const { rows } = await getDb().superPool.query("select token from app_private.custom_domain_tokens where custom_domain_id = $1", [d.rowId]);
    expect(`logicspike-verify=${rows[0].token}`).toBe(d.txtRecordValue);
  });

  it("stays pending without the TXT record (or with a wrong value), and is verified once the record is there", async () => {
    const d = (await add(owner, uniqueHost("pending"))).body.data!.addCustomDomain.result;
    await runJobs(getDb());
    const afterMissing = (await getDb().superPool.query("select status, check_attempts, last_error from app_public.custom_domains where id = $1", [d.rowId])).rows[0];
    expect(afterMissing).toMatchObject({ status: "pending", check_attempts: 1, last_error: expect.stringContaining("No TXT record") });
    // The next attempt is scheduled with backoff (not due now, so runJobs left it queued).
    const next = (await getJobs(getDb(), "custom_domains__verify")).filter((j) => (j.payload as { id: string }).id === d.rowId);
    expect(next).toHaveLength(1);

    txt.set(d.txtRecordName, ["v=spf1 -all", "logicspike-verify=00000000000000000000000000000000"]);
    await as(server, owner.accessToken)(RECHECK, { id: d.rowId });
    await runJobs(getDb());
    const afterWrong = (await getDb().superPool.query("select status, last_error from app_public.custom_domains where id = $1", [d.rowId])).rows[0];
    expect(afterWrong).toMatchObject({ status: "pending", last_error: expect.stringContaining("expected value") });

    txt.set(d.txtRecordName, ["v=spf1 -all", d.txtRecordValue]);
    const recheck = await as(server, owner.accessToken)(RECHECK, { id: d.rowId });
    expect(recheck.body.errors).toBeUndefined();
    await runJobs(getDb());
    const list = await as(server, owner.accessToken)(`{ customDomains { nodes { rowId status verifiedAt lastError } } }`);
    expect(list.body.data!.customDomains.nodes).toContainEqual({ rowId: d.rowId, status: "verified", verifiedAt: expect.any(String), lastError: null });
  });

  it("marks a domain failed when the verification window has closed", async () => {
    const d = (await add(owner, uniqueHost("late"))).body.data!.addCustomDomain.result;
    await getDb().superPool.query("update app_public.custom_domains set check_started_at = now() - interval '73 hours' where id = $1", [d.rowId]);
    await runJobs(getDb());
    expect(await statusOf(d.rowId)).toBe("failed");
    // A re-check reopens the window.
    const res = await as(server, owner.accessToken)(RECHECK, { id: d.rowId });
    expect(res.body.data!.recheckCustomDomain.result).toMatchObject({ status: "pending", checkAttempts: 0 });
  });

  it("is removed with deleteCustomDomain", async () => {
    const d = (await add(owner, uniqueHost("gone"))).body.data!.addCustomDomain.result;
    const res = await as(server, owner.accessToken)(`mutation($id: UUID!) { deleteCustomDomain(input: { rowId: $id }) { customDomain { rowId } } }`, { id: d.rowId });
    expect(res.body.errors).toBeUndefined();
    expect(await countRows(d.hostname)).toBe(0);
    // The queued check finds nothing to do.
    await runJobs(getDb());
    expect((await getJobs(getDb(), "custom_domains__verify")).filter((j) => (j.payload as { id: string }).id === d.rowId)).toEqual([]);
  });
});

describe("bad input", () => {
  it.each([
    ["an IPv4 address", "192.0.2.10", "DMBAD"],
    ["an IPv6 address", "2001:db8::1", "DMBAD"],
    ["a wildcard", "*.acme.example.com", "DMBAD"],
    ["over 253 characters", `${"a".repeat(60)}.${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.example.com`, "DMBAD"],
    ["a label over 63 characters", `${"a".repeat(64)}.example.com`, "DMBAD"],
    ["a label starting with a hyphen", "-shop.example.com", "DMBAD"],
    ["an underscore", "shop_1.example.com", "DMBAD"],
    ["an empty label", "shop..example.com", "DMBAD"],
    ["a single label", "intranet", "DMBAD"],
    ["a special-use name", "shop.localhost", "DMBAD"],
    ["our own domain", "logicspike.example", "DMOWN"],
    ["a subdomain of our own domain", "acme.LogicSpike.example", "DMOWN"],
  ])("refuses %s with a coded error and stores nothing", async (_label, hostname, expected) => {
    const res = await add(owner, hostname);
    expect(codeOf(res)).toBe(expected);
    const { rows } = await getDb().superPool.query("select count(*)::int as n from app_public.custom_domains where hostname = lower($1)", [hostname.replace(/\.$/, "")]);
    expect(rows[0].n).toBe(0);
  });

  it("refuses a hostname another workspace has verified, without naming that workspace", async () => {
    const hostname = uniqueHost("taken");
    await addVerified(other, hostname);
    const res = await add(owner, hostname);
    expect(codeOf(res)).toBe("DMTKN");
    const message = res.body.errors![0].message;
    for (const secret of ["Other", other.tenantId, other.email]) expect(message).not.toContain(secret);
    expect(await countRows(hostname)).toBe(1);
  });

  it("lets several workspaces hold a hostname pending, but only the first to verify keeps it", async () => {
    const hostname = uniqueHost("race");
    const mine = (await add(owner, hostname)).body.data!.addCustomDomain.result;
    const theirs = (await add(other, hostname)).body.data!.addCustomDomain.result;
    expect(await countRows(hostname)).toBe(2);
    // Both TXT values are published (a shared DNS zone); the first check to run wins, the other fails.
    txt.set(mine.txtRecordName, [mine.txtRecordValue, theirs.txtRecordValue]);
    await runJobs(getDb());
    const statuses = [await statusOf(mine.rowId), await statusOf(theirs.rowId)].sort();
    expect(statuses).toEqual(["failed", "verified"]);
  });

  it("refuses the same hostname twice in one workspace", async () => {
    const hostname = uniqueHost("twice");
    await add(owner, hostname);
    expect(codeOf(await add(owner, hostname))).toBe("NUNIQ");
    expect(await countRows(hostname)).toBe(1);
  });

  it("refuses a member without tenant:settings.update, and hides the TXT value from them", async () => {
    const member = await signUp(server);
    await getDb().superPool.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [owner.tenantId, member.userId]);
    const token = await switchTenant(server, member, owner.tenantId);
    const hostname = uniqueHost("member");
    expect(codeOf(await add(token, hostname))).toBe("DNIED");
    expect(await countRows(hostname)).toBe(0);
    const list = await as(server, token)(`{ customDomains { nodes { hostname txtRecordValue } } }`);
    expect(list.body.data!.customDomains.nodes.length).toBeGreaterThan(0);
    expect(list.body.data!.customDomains.nodes.every((n: { txtRecordValue: string | null }) => n.txtRecordValue === null)).toBe(true);
  });
});

describe("TLS ask hooks", () => {
  let verified: string;
  let pending: string;
  beforeAll(async () => {
    verified = uniqueHost("tls");
    await addVerified(owner, verified);
    pending = uniqueHost("tls-pending");
    await add(owner, pending);
  });

  it("GET /tls/ask (loopback, no credentials) answers 200 only for verified domains", async () => {
    const ok = await ask("/tls/ask", verified.toUpperCase());
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ domain: verified, verified: true });
    for (const domain of [pending, "unknown.example.com"]) {
      const res = await ask("/tls/ask", domain);
      expect({ domain, status: res.status, code: ((await res.json()) as any).error.code }).toEqual({ domain, status: 404, code: "NTFND" });
    }
    for (const domain of [null, "", "not a host", "a..b", "x".repeat(300)]) {
      const res = await ask("/tls/ask", domain);
      expect({ domain, status: res.status }).toEqual({ domain, status: 400 });
    }
  });

  it("refuses proxied requests (X-Forwarded-For / Forwarded) even from loopback", async () => {
    for (const headers of [{ "x-forwarded-for": "127.0.0.1" }, { forwarded: "for=127.0.0.1" }] as Array<Record<string, string>>) {
      const res = await ask("/tls/ask", verified, headers);
      expect(res.status).toBe(403);
    }
  });

  it("GET /internal/tls/ask needs a service credential and then answers the same way", async () => {
    expect((await ask("/internal/tls/ask", verified)).status).toBe(401);
    expect((await ask("/internal/tls/ask", verified, { "x-gateway-key": GATEWAY_KEY })).status).toBe(200);
    expect((await ask("/internal/tls/ask", pending, { "x-gateway-key": GATEWAY_KEY })).status).toBe(404);
  });

  it("honours TLS_ASK_PATH and TLS_ASK_ALLOWED_IPS", async () => {
    const custom = await startTestServer(getDb(), { TLS_ASK_PATH: "/caddy/ask", TLS_ASK_ALLOWED_IPS: "10.0.0.0/8" });
    try {
      expect((await fetch(`${custom.url}/caddy/ask?domain=${verified}`)).status).toBe(403);
      expect((await fetch(`${custom.url}/tls/ask?domain=${verified}`)).status).toBe(404);
    } finally {
      await custom.close();
    }
  });
});

describe("publishable keys from a custom domain", () => {
  const POSTS = "{ posts { nodes { title } } }";
  let key: string;
  let verified: string;
  let pending: string;
  let othersDomain: string;

  beforeAll(async () => {
    await as(server, owner.accessToken)(`mutation { createPost(input: { post: { title: "Hello from Acme", status: "published" } }) { post { rowId } } }`);
    const created = await as(server, owner.accessToken)(
      `mutation { createApiKey(input: { name: "site", type: "publishable", scopes: { blog: ["read"] }, allowedDomains: ["app.acme.example.com"] }) { result { secret } } }`,
    );
    key = created.body.data!.createApiKey.result.secret;
    verified = uniqueHost("site");
    await addVerified(owner, verified);
    pending = uniqueHost("site-pending");
    await add(owner, pending);
    othersDomain = uniqueHost("site-other");
    await addVerified(other, othersDomain);
  });

  const fromOrigin = (host: string) => server.graphql(POSTS, undefined, { "x-api-key": key, origin: `https://${host}` });

  it("is accepted from the workspace's verified custom domain", async () => {
    const res = await fromOrigin(verified);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.posts.nodes).toContainEqual({ title: "Hello from Acme" });
  });

  it("is refused from a pending domain and from another workspace's verified domain", async () => {
    // A pending domain is no allowed origin at all (CORS refuses it first: NOCRS); another workspace's verified
    // domain passes CORS, and this key's own lock refuses it (KYORG).
    for (const [host, expected] of [[pending, "NOCRS"], [othersDomain, "KYORG"]]) {
      const res = await fromOrigin(host);
      expect({ host, status: res.status, code: codeOf(res) }).toEqual({ host, status: 403, code: expected });
    }
    // Its configured allowed domain still works, so the refusals are about the custom domain.
    expect((await fromOrigin("app.acme.example.com")).status).toBe(200);
  });
});
