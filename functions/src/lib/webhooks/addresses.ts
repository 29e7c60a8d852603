/**
 * Which hosts a webhook may not reach: the one classification that delivery
 * (ssrf.ts, on literal and resolved addresses) and creation (SQL
 * app_private.is_private_address and webhook_url_parse, from the webhook URLs
 * section of db/migrations/committed/000011; today's text in db/schema.sql)
 * apply. The SQL copies these lists by hand; test/server/webhook_urls.test.ts
 * probes both sides at every range boundary, so an edit here that is not made
 * there fails.
 */
import net from "node:net";

/** Loopback, private, CGNAT, link-local (169.254.169.254 metadata), IETF special-use, benchmarking, multicast and reserved. */
export const FORBIDDEN_IPV4: ReadonlyArray<readonly [string, number]> = [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 3],
];
/** Unique-local, link-local, deprecated site-local, multicast, and local-use NAT64 (whose translator is ours). */
export const FORBIDDEN_IPV6: ReadonlyArray<readonly [string, number]> = [
  ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8], ["64:ff9b:1::", 48],
];
/**
 * IPv6 prefixes whose last 32 bits are an IPv4 address the packet ends up at:
 * IPv4-compatible (also `::` and `::1`), IPv4-mapped, IPv4-translated and
 * well-known NAT64. Such an address is classified as that IPv4 address, so
 * `[::ffff:127.0.0.1]` is refused like 127.0.0.1 and `[::ffff:8.8.8.8]` is
 * accepted like 8.8.8.8.
 */
export const EMBEDDING_IPV6: ReadonlyArray<readonly [string, number]> = [
  ["::", 96], ["::ffff:0:0", 96], ["::ffff:0:0:0", 96], ["64:ff9b::", 96],
];

// Separate lists, each checked only with its own family: a BlockList also matches IPv4 rules against
// IPv4-mapped IPv6 addresses and (the trap) an IPv6 rule ::ffff:0:0/96 against every IPv4 address.
const blockList = (ranges: ReadonlyArray<readonly [string, number]>, type: "ipv4" | "ipv6") => {
  const list = new net.BlockList();
  for (const [addr, prefix] of ranges) list.addSubnet(addr, prefix, type);
  return list;
};
const V4 = blockList(FORBIDDEN_IPV4, "ipv4");
const V6 = blockList(FORBIDDEN_IPV6, "ipv6");
const EMBEDDING = blockList(EMBEDDING_IPV6, "ipv6");

/** The eight 16-bit pieces of a valid IPv6 address (zone id ignored). */
function ipv6Pieces(address: string): number[] {
  let s = address.replace(/%.*$/, "");
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (v4) s = `${s.slice(0, v4.index)}${((+v4[1] << 8) | +v4[2]).toString(16)}:${((+v4[3] << 8) | +v4[4]).toString(16)}`;
  const [head, tail] = s.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array<string>(8 - h.length - t.length).fill("0");
  return [...h, ...fill, ...t].map((x) => parseInt(x, 16));
}

/** The IPv4 address an IPv6 address in one of EMBEDDING_IPV6 stands for, else null. */
export function embeddedIPv4(address: string): string | null {
  if (net.isIP(address) !== 6 || !EMBEDDING.check(address.replace(/%.*$/, ""), "ipv6")) return null;
  const [, , , , , , hi, lo] = ipv6Pieces(address);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** True for an address delivery must not connect to (anything that is not an address counts as forbidden). */
export function isForbiddenAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return true;
  if (family === 4) return V4.check(address, "ipv4");
  const v4 = embeddedIPv4(address);
  return v4 !== null ? V4.check(v4, "ipv4") : V6.check(address.replace(/%.*$/, ""), "ipv6");
}

/**
 * Host names refused when an endpoint is created or its URL changed: those a
 * resolver answers locally or from our own network (RFC 6761 localhost and
 * *.localhost, mDNS *.local, cloud *.internal such as metadata.google.internal,
 * and single-label names completed by search domains). Trailing dots do not
 * change a name. Delivery does not refuse names as such: it checks every
 * address a name resolves to, at connect time (safeLookup).
 */
export function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.+$/, "");
  return !name.includes(".") || name === "localhost" || /\.(localhost|local|internal)$/.test(name);
}
