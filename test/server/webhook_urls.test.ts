/**
 * The creation-time URL check (SQL, app_private.webhook_url_parse) reads a
 * webhook URL exactly as delivery does (Node's WHATWG `new URL()` and
 * functions/src/lib/webhooks): every spelling below is created through
 * GraphQL, as a workspace owner, and must be refused (WHURL, no row) exactly
 * when delivery would refuse it, and otherwise stored in the form delivery
 * reads it. Each row also states the expected verdict, so the table documents
 * the policy and catches a change on either side.
 */
import net from "node:net";
import { EMBEDDING_IPV6, FORBIDDEN_IPV4, FORBIDDEN_IPV6, isForbiddenAddress, isLocalName } from "../../functions/src/lib/webhooks/addresses";
import { Allowlist, assertUrlAllowed } from "../../functions/src/lib/webhooks/ssrf";
import { as, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

/** WEBHOOK_ALLOWED_HOSTS for this file's server, and the worker's Allowlist built from it. */
const ALLOWED = ["hooks.internal", "10.1.0.0/16"];
const allow = new Allowlist(ALLOWED);

type Verdict = { refused: true; reason: string } | { refused: false; href: string };

/**
 * What delivery does with a URL: parse it (a URL Node cannot parse is never
 * requested), refuse scheme, credentials and forbidden literal addresses
 * (assertUrlAllowed), and for a name: local names are refused by policy
 * (isLocalName; delivery itself refuses what they resolve to, e.g. localhost
 * to 127.0.0.1), other names are accepted here and checked at connect time.
 */
function delivery(raw: string): Verdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { refused: true, reason: "invalid" };
  }
  try {
    assertUrlAllowed(url, allow);
  } catch (err) {
    return { refused: true, reason: /private/.test((err as Error).message) ? "address" : "scheme or credentials" };
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!net.isIP(host) && isLocalName(host) && !allow.permits(host)) return { refused: true, reason: "local name" };
  return { refused: false, href: url.href };
}

const REFUSE = "refuse";
const ACCEPT = "accept";
const SPELLINGS: Array<[url: string, verdict: typeof REFUSE | typeof ACCEPT]> = [
  // IPv4 numbers in every WHATWG form: decimal, hex, octal, short, mixed.
  ["http://2130706433/", REFUSE],
  ["http://0x7f000001/", REFUSE],
  ["http://0177.0.0.1/", REFUSE],
  ["http://017700000001", REFUSE],
  ["http://127.1/", REFUSE],
  ["http://0x7f.1/", REFUSE],
  ["http://0X7F.0x0.00.1/hook", REFUSE],
  ["http://127.0.0.1./", REFUSE],
  ["http://0/", REFUSE],
  ["http://0.0.0.0/", REFUSE],
  ["http://0x/", REFUSE],
  ["http://169.254.169.254/latest/meta-data", REFUSE],
  ["http://0xa9fea9fe/", REFUSE],
  ["http://100.64.0.1/", REFUSE],
  ["http://10.0.0.5/", REFUSE],
  ["http://172.16.0.1/", REFUSE],
  ["http://172.31.255.255/", REFUSE],
  ["http://192.168.1.1/", REFUSE],
  ["http://4294967295/", REFUSE],
  ["http://%31%32%37.0.0.1/", REFUSE],
  // Public addresses in odd spellings are accepted and stored as delivery reads them.
  ["http://0x08080808/", ACCEPT],
  ["http://134744072:8080/x", ACCEPT],
  ["http://172.32.0.1/", ACCEPT],
  ["http://1.1/", ACCEPT],
  // Not IPv4 after all: WHATWG fails the URL, so does delivery.
  ["http://1.2.3.09/", REFUSE],
  ["http://256.0.0.1/", REFUSE],
  ["http://0x100000000/", REFUSE],
  ["http://1.2.3.4.5/", REFUSE],
  ["http://foo.0x/", REFUSE],
  ["http://foo.0xg/", ACCEPT],
  // IPv6, and IPv6 embedding IPv4 (compatible, mapped, NAT64): classified as the embedded address.
  ["http://[::1]/", REFUSE],
  ["http://[0:0:0:0:0:0:0:1]/", REFUSE],
  ["http://[::]/", REFUSE],
  ["http://[::ffff:127.0.0.1]/", REFUSE],
  ["http://[::FFFF:7F00:1]/", REFUSE],
  ["http://[::127.0.0.1]/", REFUSE],
  ["http://[64:ff9b::7f00:1]/", REFUSE],
  ["http://[64:ff9b::a9fe:a9fe]/", REFUSE],
  ["http://[fe80::1]/", REFUSE],
  ["http://[fd00::1]/", REFUSE],
  ["http://[ff02::1]/", REFUSE],
  ["http://[::ffff:8.8.8.8]/", ACCEPT],
  ["http://[2001:4860:4860:0:0:0:0:8888]:0443/dns", ACCEPT],
  ["http://[::ffff:127.0.0.01]/", REFUSE],
  ["http://[1::2::3]/", REFUSE],
  ["http://[::1%25eth0]/", REFUSE],
  // Names.
  ["http://localhost/", REFUSE],
  ["http://localhost./", REFUSE],
  ["http://LOCALHOST:80/", REFUSE],
  ["http://api.localhost/", REFUSE],
  ["http://printer.local/", REFUSE],
  ["http://metadata.google.internal/", REFUSE],
  ["http://intranet/", REFUSE],
  ["http://exa%6Dple.com/hook", ACCEPT],
  ["https://Example.COM./hook", ACCEPT],
  ["http://a%2Fb.com/", REFUSE],
  ["http://ex ample.com/", REFUSE],
  // Userinfo, backslashes, schemes, tabs and newlines, whitespace around.
  ["http://good.com@127.0.0.1/", REFUSE],
  ["http://127.0.0.1@good.com/", REFUSE],
  ["http://user:pw@example.com/x", REFUSE],
  ["http://@example.com/x", ACCEPT],
  ["http://good.com\\@127.0.0.1/", ACCEPT],
  ["http://good.com#@127.0.0.1", ACCEPT],
  ["http:\\\\127.0.0.1", REFUSE],
  ["http:/\\/127.0.0.1/", REFUSE],
  ["http:127.0.0.1/", REFUSE],
  ["http:example.com/hook", ACCEPT],
  ["https:\\\\example.com\\a\\b?c\\d", ACCEPT],
  ["HTTP://127.0.0.1/", REFUSE],
  ["HTTPS://EXAMPLE.COM/Hook", ACCEPT],
  ["ht\ttp://12\n7.0.0.1/", REFUSE],
  ["  https://exam\tple.com/a\nb  ", ACCEPT],
  ["ftp://example.com/x", REFUSE],
  ["javascript:alert(1)", REFUSE],
  ["not a url", REFUSE],
  ["http://example.com:65536/", REFUSE],
  ["http://:80/", REFUSE],
  // WEBHOOK_ALLOWED_HOSTS (hooks.internal, 10.1.0.0/16), matched like the worker's Allowlist (the mapped
  // form of an IPv4 address too); odd spellings of allowed hosts are below.
  ["http://10.1.2.3/", ACCEPT],
  ["http://[::ffff:a01:203]/", ACCEPT],
  ["http://10.2.0.1/", REFUSE],
  ["http://hooks.internal./in", ACCEPT],
  ["http://other.internal/in", REFUSE],
];

const getDb = useTestDatabase();
let server: TestServer;
let owner: TestUser;
let accepted = 0;

beforeAll(async () => {
  server = await startTestServer(getDb(), { WEBHOOK_ALLOWED_HOSTS: ALLOWED.join(" ") });
  owner = await signUp(server);
});
afterAll(() => server.close());

const CREATE = `mutation($url: String!) { createWebhookEndpoint(input: { url: $url }) { result { webhookEndpoint { rowId url } } } }`;
const UPDATE = `mutation($id: UUID!, $url: String!) { updateWebhookEndpoint(input: { rowId: $id, patch: { url: $url } }) { webhookEndpoint { url } } }`;

const endpointCount = async () =>
  Number((await getDb().ownerPool.query("select count(*) from app_public.webhook_endpoints where tenant_id = $1", [owner.tenantId])).rows[0].count);

describe("createWebhookEndpoint reads a URL as delivery does", () => {
  it.each(SPELLINGS)("%j: %s", async (raw, verdict) => {
    const expected = delivery(raw);
    expect(expected.refused ? REFUSE : ACCEPT).toBe(verdict); // the table and delivery agree
    const res = await as(server, owner.accessToken)(CREATE, { url: raw });
    if (expected.refused) {
      expect(res.body.errors?.[0]?.extensions?.code).toBe("WHURL");
      expect(res.body.data?.createWebhookEndpoint ?? null).toBeNull();
      if (expected.reason === "address") {
        const host = new URL(raw).hostname.replace(/^\[|\]$/g, "");
        expect(res.body.errors![0].message).toBe(`Webhook URLs may not point at private, loopback or link-local addresses (${host}).`);
      }
    } else {
      expect(res.body.errors).toBeUndefined();
      accepted++;
      const stored: string = res.body.data!.createWebhookEndpoint.result.webhookEndpoint.url;
      // Stored as delivery reads it: the same URL, with the host and port in delivery's spelling.
      const url = new URL(stored);
      expect(url.href).toBe(expected.href);
      expect(stored.startsWith(`${url.protocol}//${url.host}`)).toBe(true);
    }
  });

  it("left a row for the accepted spellings only", async () => {
    expect(accepted).toBe(SPELLINGS.filter(([, v]) => v === ACCEPT).length);
    expect(await endpointCount()).toBe(accepted);
  });

  it("stores 0x08080808 as http://8.8.8.8/ and keeps the path, query and fragment", async () => {
    const res = await as(server, owner.accessToken)(CREATE, { url: "HTTP:\\\\0x08080808:0080\\in\\x?a\\b#c" });
    expect(res.body.data!.createWebhookEndpoint.result.webhookEndpoint.url).toBe("http://8.8.8.8/in/x?a\\b#c");
  });
});

/**
 * Where creation refuses what delivery would accept, and why:
 * - UTS #46 host mapping is not reproduced in SQL (it turns fullwidth digits
 *   into 127.0.0.1): a non-ASCII host must be given in its punycode form.
 * - WEBHOOK_ALLOWED_HOSTS exempts a host only when the URL writes it plainly
 *   (as WHATWG serialises it): with 127.0.0.1 allowed, 2130706433 is still
 *   refused (test/server/webhooks.test.ts). Delivery only ever sees the stored,
 *   plain URL.
 * In every case the plain form Node turns the URL into is judged like any other.
 */
const STRICTER: Array<[url: string, message: string, delivery: typeof REFUSE | typeof ACCEPT]> = [
  ["http://bücher.example/", "punycode", ACCEPT],
  ["http://%C3%BC.example/", "punycode", ACCEPT],
  ["http://１２７.0.0.1/", "punycode", REFUSE],
  ["http://0x0a010203/", "addresses (10.1.2.3)", ACCEPT],
  ["http://10.1.2.3./", "addresses (10.1.2.3)", ACCEPT],
  ["http://[::ffff:10.1.2.3]/", "addresses (::ffff:a01:203)", ACCEPT],
  ["http://hooks%2Einternal/", "hooks.internal is a local one", ACCEPT],
];

describe("stricter than delivery, on purpose", () => {
  it.each(STRICTER)("refuses %j (%s); delivery would %s it", async (raw, message, verdict) => {
    expect(delivery(raw).refused ? REFUSE : ACCEPT).toBe(verdict);
    const gql = as(server, owner.accessToken);
    const res = await gql(CREATE, { url: raw });
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: "WHURL" }, message: expect.stringContaining(message) });
    const plain = new URL(raw).href;
    const again = await gql(CREATE, { url: plain });
    expect(again.body.errors?.[0]?.extensions?.code).toBe(delivery(plain).refused ? "WHURL" : undefined);
  });
});

describe("updating an endpoint's URL", () => {
  it("refuses a private spelling and keeps the URL; stores a public one in delivery's spelling", async () => {
    const gql = as(server, owner.accessToken);
    const id = (await gql(CREATE, { url: "https://example.com/hook" })).body.data!.createWebhookEndpoint.result.webhookEndpoint.rowId;
    for (const url of ["http://0x7f.1/hook", "http://[::ffff:7f00:1]/", "http:\\\\169.254.169.254", "http://localhost./"]) {
      const res = await gql(UPDATE, { id, url });
      expect(res.body.errors?.[0]?.extensions?.code).toBe("WHURL");
    }
    const { rows } = await getDb().ownerPool.query("select url from app_public.webhook_endpoints where id = $1", [id]);
    expect(rows).toEqual([{ url: "https://example.com/hook" }]);
    const res = await gql(UPDATE, { id, url: "https://0x08080808:443/hook" });
    expect(res.body.data!.updateWebhookEndpoint.webhookEndpoint.url).toBe("https://8.8.8.8/hook");
  });
});

describe("one address classification", () => {
  it("SQL is_private_address and the worker's isForbiddenAddress agree at both ends of, and just outside, every range", async () => {
    const cidrs = [...FORBIDDEN_IPV4, ...FORBIDDEN_IPV6, ...EMBEDDING_IPV6, ["8.8.8.0", 24], ["2001:4860::", 32]].map(([a, p]) => `${a}/${p}`);
    const { rows } = await getDb().ownerPool.query<{ probe: string; private: boolean }>(`
      with probes as (
        select distinct host(p) as probe from unnest($1::cidr[]) r,
          lateral (values (network(r)::inet), (broadcast(r)),
                          (case when host(network(r)) not in ('0.0.0.0', '::') then network(r)::inet - 1 end),
                          (case when host(broadcast(r)) not in ('255.255.255.255', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff') then broadcast(r) + 1 end)) v(p)
         where p is not null),
      -- Every IPv4 probe also in each IPv6 form that embeds it.
      spelled as (
        select probe from probes
        union select e || probe from probes, unnest(array['::', '::ffff:', '::ffff:0:', '64:ff9b::']) e where family(probe::inet) = 4)
      select probe, app_private.is_private_address(probe::inet) as private from spelled`, [cidrs]);
    expect(rows.length).toBeGreaterThan(150);
    const disagree = rows.filter((r) => isForbiddenAddress(r.probe) !== r.private);
    expect(disagree).toEqual([]);
    expect(rows.filter((r) => !r.private).length).toBeGreaterThan(30); // public neighbours were probed too
  });
});
