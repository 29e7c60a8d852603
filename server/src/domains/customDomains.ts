/**
 * Verified custom domains, as seen by the HTTP server: which workspace holds a
 * hostname (app_private.verified_custom_domain_tenant, owner pool, outside any
 * request transaction), and the TLS "ask" answer a proxy such as Caddy gets
 * before it fetches a certificate on demand.
 *
 * Lookups are cached for API_KEY_CACHE_SECONDS (they run on publishable-key
 * requests from origins outside the key's allowed domains), so a newly
 * verified or removed domain takes effect within that window. The ask hook
 * is not cached: a proxy asks once per certificate.
 */
import type { Request, RequestHandler } from "express";
import type { Pool } from "pg";
import { AppError } from "../../../core/errors";

const CACHE_MAX = 10_000;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Lower-cased hostname without a trailing dot, or null when it is not a syntactically valid hostname. */
export function normalizeHostname(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const host = value.trim().toLowerCase().replace(/\.$/, "");
  return HOSTNAME.test(host) ? host : null;
}

export class CustomDomainLookup {
  private readonly cache = new Map<string, { tenantId: string | null; at: number }>();

  constructor(
    private readonly pool: Pool,
    private readonly cacheSeconds: number,
  ) {}

  /** The workspace that verified `hostname`, or null. */
  async verifiedTenant(hostname: string, { fresh = false } = {}): Promise<string | null> {
    const host = normalizeHostname(hostname);
    if (!host) return null;
    const cached = this.cache.get(host);
    if (!fresh && cached && Date.now() - cached.at < this.cacheSeconds * 1000) return cached.tenantId;
    const { rows } = await this.pool.query<{ tenant_id: string | null }>("select app_private.verified_custom_domain_tenant($1) as tenant_id", [host]);
    const tenantId = rows[0]?.tenant_id ?? null;
    this.cache.delete(host);
    this.cache.set(host, { tenantId, at: Date.now() });
    if (this.cache.size > CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
    return tenantId;
  }
}

/**
 * GET ?domain=<hostname>: 200 when the hostname is a verified custom domain,
 * 404 NTFND otherwise (pending, failed, unknown), 400 BADRQ when `domain` is
 * missing or not a hostname. Proxies treat anything but 2xx as "no".
 */
export function tlsAskHandler(lookup: CustomDomainLookup): RequestHandler {
  return async (req: Request, res, next) => {
    try {
      const raw = req.query.domain;
      const domain = normalizeHostname(raw);
      if (!domain) throw new AppError("BADRQ", "Send the hostname to check as ?domain=<hostname>.");
      const tenantId = await lookup.verifiedTenant(domain, { fresh: true });
      if (!tenantId) throw new AppError("NTFND", "That hostname is not a verified custom domain.");
      res.setHeader("cache-control", "no-store");
      res.json({ domain, verified: true });
    } catch (e) {
      next(e);
    }
  };
}

/** One lookup per app, shared by the ask hooks and the publishable-key origin check. */
export function getCustomDomainLookup(app: { locals: Record<string, unknown> }, pool: Pool, cacheSeconds: number): CustomDomainLookup {
  return ((app.locals.customDomainLookup as CustomDomainLookup | undefined) ??= new CustomDomainLookup(pool, cacheSeconds));
}
