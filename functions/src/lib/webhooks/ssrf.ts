/**
 * SSRF guard for outbound webhooks. The check runs at connect time, inside the
 * agent's `lookup`, on every address a name resolves to: checking a URL before
 * the request is not enough, because DNS can answer differently a moment later
 * (rebinding). IP literals skip `lookup` in Node, so `assertUrlAllowed` checks
 * those before the request. Redirects are never followed (see http.ts).
 * Which addresses are forbidden is decided in addresses.ts, shared with the
 * creation-time SQL check.
 */
import dns from "node:dns";
import net from "node:net";
import { isForbiddenAddress } from "./addresses";

export { isForbiddenAddress };

export class SsrfError extends Error {
  readonly code = "ESSRF";
}

const withoutTrailingDots = (name: string) => name.toLowerCase().replace(/\.+$/, "");

/**
 * WEBHOOK_ALLOWED_HOSTS entries: host names, addresses or CIDRs (`127.0.0.1`, `10.1.0.0/16`, `receiver.internal`).
 * Names match without trailing dots (`receiver.internal.` is the same name); the SQL check reads the same
 * list from the setting `webhooks.allowed_hosts` and matches it the same way.
 */
export class Allowlist {
  private readonly names = new Set<string>();
  private readonly nets = new net.BlockList();
  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [addr, prefix] = entry.split("/");
      const family = net.isIP(addr);
      if (family && prefix !== undefined) this.nets.addSubnet(addr, Number(prefix), family === 4 ? "ipv4" : "ipv6");
      else if (family) this.nets.addAddress(addr, family === 4 ? "ipv4" : "ipv6");
      else this.names.add(withoutTrailingDots(entry));
    }
  }
  permits(hostname: string, address?: string): boolean {
    if (this.names.has(withoutTrailingDots(hostname))) return true;
    const a = address ?? hostname;
    const family = net.isIP(a);
    return family !== 0 && this.nets.check(a, family === 4 ? "ipv4" : "ipv6");
  }
}

/** Refuses non-http(s) URLs, credentials, and IP-literal hosts in forbidden ranges (names are checked at connect time). */
export function assertUrlAllowed(url: URL, allow: Allowlist): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SsrfError(`Refused: ${url.protocol} is not http(s)`);
  if (url.username || url.password) throw new SsrfError("Refused: URL carries credentials");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) && isForbiddenAddress(host) && !allow.permits(host)) {
    throw new SsrfError(`Refused: ${host} is a private, loopback or link-local address`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A dns.lookup replacement for http.Agent: resolves all addresses and refuses if any is forbidden. */
export function safeLookup(allow: Allowlist) {
  return (hostname: string, options: dns.LookupOptions | number | LookupCallback, callback?: LookupCallback): void => {
    const cb = (typeof options === "function" ? options : callback) as LookupCallback;
    const opts: dns.LookupOptions = typeof options === "object" ? options : typeof options === "number" ? { family: options } : {};
    dns.lookup(hostname, { ...opts, all: true }, (err, addresses) => {
      if (err) return cb(err, "");
      const bad = addresses.find((a) => isForbiddenAddress(a.address) && !allow.permits(hostname, a.address));
      if (bad) return cb(new SsrfError(`Refused: ${hostname} resolves to ${bad.address}, a private, loopback or link-local address`), "");
      if (addresses.length === 0) return cb(Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }), "");
      if (opts.all) return cb(null, addresses);
      cb(null, addresses[0].address, addresses[0].family);
    });
  };
}
