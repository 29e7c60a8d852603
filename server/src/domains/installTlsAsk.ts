import { BlockList, isIP } from "node:net";
import type { Express, NextFunction, Request, Response } from "express";
import { getContext } from "../context";
import { AppError } from "../../../core/errors";
import { getCustomDomainLookup, tlsAskHandler } from "./customDomains";
import { canonicalPath, isOwnedPath } from "../http/requestPath";

/**
 * The credential-free TLS ask hook (TLS_ASK_PATH, default GET /tls/ask) for a
 * proxy on the same host or network: Caddy's `on_demand_tls { ask … }` sends
 * a plain GET with no way to add headers, so /internal/tls/ask (service token
 * or gateway key) does not fit it.
 *
 * Who may ask is decided by the TCP peer, not by anything the client sends:
 * the socket address must be in TLS_ASK_ALLOWED_IPS (default loopback), and a
 * request carrying X-Forwarded-For / Forwarded / X-Real-IP is refused, because
 * it came through a proxy and so from anyone: a local reverse proxy makes
 * every public request arrive from 127.0.0.1, and adds those headers. The
 * answer is only "is this hostname a verified custom domain", but the hook
 * should still not become a public oracle. Mounted before authentication, so
 * no credential is needed or looked at.
 *
 * The route is the canonical spelling of TLS_ASK_PATH (lib/requestPath.ts),
 * the one requests arrive with, and it may not be one of our prefixes:
 * `//internal/x` or `/tls/../auth/x` would otherwise put this credential-free
 * hook in front of a route that wants a credential or a rate limit.
 */
function peerList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : isIP(address) === 4 ? "ipv4" : null;
    if (!type || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) {
      throw new Error(`TLS_ASK_ALLOWED_IPS must list IP addresses or CIDRs, got ${JSON.stringify(entry)}`);
    }
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

function peerAllowed(req: Request, allowed: BlockList): boolean {
  const raw = req.socket.remoteAddress ?? "";
  const address = raw.startsWith("::ffff:") && isIP(raw.slice(7)) === 4 ? raw.slice(7) : raw;
  const type = isIP(address) === 6 ? "ipv6" : isIP(address) === 4 ? "ipv4" : null;
  return type !== null && allowed.check(address, type);
}

export default function installTlsAsk(app: Express): void {
  const { config, rootPgPool } = getContext(app);
  if (!config.customDomains.tlsAskPath) return;
  const canonical = canonicalPath(config.customDomains.tlsAskPath);
  if ("refused" in canonical || isOwnedPath(canonical.path)) {
    throw new Error(`TLS_ASK_PATH ${JSON.stringify(config.customDomains.tlsAskPath)} must be a plain path outside the server's own prefixes, such as /tls/ask`);
  }
  const allowed = peerList(config.customDomains.tlsAskAllowedIps);
  const lookup = getCustomDomainLookup(app, rootPgPool, config.apiKeys.cacheSeconds);
  const guard = (req: Request, _res: Response, next: NextFunction) => {
    const proxied = req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined || req.headers["x-real-ip"] !== undefined;
    if (proxied || !peerAllowed(req, allowed)) {
      return next(new AppError("DNIED", "The TLS ask hook answers only the local proxy (TLS_ASK_ALLOWED_IPS), never proxied requests."));
    }
    next();
  };
  app.get(canonical.path, guard, tlsAskHandler(lookup));
}
