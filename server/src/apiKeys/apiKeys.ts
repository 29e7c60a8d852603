/**
 * API key verification. A key is looked up by its SHA-256 (never stored in
 * plaintext) through app_private.verify_api_key on the owner pool, outside the
 * request transaction, and becomes a VerifiedIdentity with role app_api_key.
 *
 * Cache: verified keys are kept in memory for `cacheSeconds` (LRU keyed by
 * the hash), so a burst of requests costs one lookup. Revocation therefore
 * reaches the HTTP answer (401 BADKY) within that window; data access stops
 * at once, because the app_api_key policies look up the key row
 * (app_hidden.current_api_key_type()) in every statement. Expiry and the roll
 * grace period are checked against the clock on every use, cached or not.
 *
 * last_used_at: a good request marks its key; marks are batched in memory and
 * written at most once a minute per key (flush every FLUSH_MS, and on
 * shutdown), so reads cost no write. Refused requests never mark.
 *
 * Publishable keys: the Origin (else Referer) host must be one of the key's
 * allowed domains, or a custom domain its own workspace has verified (see
 * server/src/domains/customDomains.ts; cached like keys).
 */
import { createHash } from "node:crypto";
import type { Pool } from "pg";
import type { Config } from "../../../core/config";
import { AppError } from "../../../core/errors";
import { CustomDomainLookup } from "../domains/customDomains";
import { logger } from "../../../core/logger";
import type { VerifiedIdentity } from "../../../core/tenancy";

export const API_KEY_FORMAT = /^(ls|pk)_[0-9a-f]{48}$/;
const CACHE_MAX = 10_000;
const FLUSH_MS = 5_000;
const TOUCH_EVERY_MS = 60_000;

interface KeyRecord {
  apiKeyId: string;
  tenantId: string;
  type: "secret" | "publishable";
  permissions: string[];
  services: string[];
  allowedDomains: string[];
  expiresAt: number | null;
  /** active, revoked, expired or rolled (see verify_api_key). */
  state: string;
  fetchedAt: number;
}

/** The request's host for origin checks: `Origin`, else `Referer`; null when neither is a URL. */
export function requestHost(origin: string | undefined, referer: string | undefined): string | null {
  const source = origin && origin !== "null" ? origin : referer;
  if (!source) return null;
  try {
    return new URL(source).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** `example.com` matches only itself; `*.example.com` matches any subdomain, not the apex. */
export function hostAllowed(host: string, allowedDomains: string[]): boolean {
  return allowedDomains.some((d) => (d.startsWith("*.") ? host.endsWith(d.slice(1)) && host.length > d.length - 1 : host === d));
}

export class ApiKeyService {
  private readonly cache = new Map<string, KeyRecord>();
  private readonly pending = new Set<string>();
  private readonly touchedAt = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly config: Config,
    private readonly pool: Pool,
    /** Verified custom domains count as allowed origins of their own workspace's publishable keys. */
    private readonly customDomains = new CustomDomainLookup(pool, config.apiKeys.cacheSeconds),
  ) {
    this.timer = setInterval(() => {
      this.flushing = this.flush();
    }, FLUSH_MS);
    this.timer.unref();
  }

  /** Verifies `key` for a request with these Origin/Referer headers; throws BADKY/KYORG. */
  async authenticate(key: string, headers: { origin?: string; referer?: string }): Promise<VerifiedIdentity> {
    if (!API_KEY_FORMAT.test(key)) throw new AppError("BADKY", "The API key is malformed; send the full `ls_…` or `pk_…` key.");
    const record = await this.lookup(key);
    if (!record) throw new AppError("BADKY", "The API key is not valid.");
    if (record.state === "revoked") throw new AppError("BADKY", "This API key was revoked.");
    if (record.state === "expired" || (record.expiresAt !== null && record.expiresAt <= Date.now())) {
      throw new AppError("BADKY", "This API key has expired; create a new one.");
    }
    if (record.state === "rolled") throw new AppError("BADKY", "This API key was rolled and its grace period is over; use the new key.");
    if (record.type === "publishable") {
      const host = requestHost(headers.origin, headers.referer);
      if (!host || !(hostAllowed(host, record.allowedDomains) || (await this.customDomains.verifiedTenant(host)) === record.tenantId)) {
        throw new AppError("KYORG", "This publishable key may not be used from this origin; add the domain to its allowed domains.");
      }
    } else if (headers.origin !== undefined && !this.config.apiKeys.allowSecretFromBrowser) {
      throw new AppError("KYORG", "Secret API keys must not be used from a browser; use a publishable key there.");
    }
    return {
      role: "app_api_key",
      tenantId: record.tenantId,
      permissions: record.permissions,
      services: record.services,
      apiKeyId: record.apiKeyId,
      apiKeyType: record.type,
    };
  }

  private async lookup(key: string): Promise<KeyRecord | null> {
    const hash = createHash("sha256").update(key).digest();
    const id = hash.toString("base64");
    const cached = this.cache.get(id);
    const now = Date.now();
    if (cached && now - cached.fetchedAt < this.config.apiKeys.cacheSeconds * 1000) {
      // LRU: re-insert so the least recently used key is evicted first.
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached;
    }
    const { rows } = await this.pool.query(
      "select api_key_id, tenant_id, type, permissions, services, allowed_domains, expires_at, state from app_private.verify_api_key($1, make_interval(secs => $2))",
      [hash, this.config.apiKeys.rollGraceSeconds],
    );
    this.cache.delete(id);
    if (!rows[0]) return null;
    const r = rows[0];
    const record: KeyRecord = {
      apiKeyId: r.api_key_id,
      tenantId: r.tenant_id,
      type: r.type,
      permissions: r.permissions,
      services: r.services,
      allowedDomains: r.allowed_domains,
      expiresAt: r.expires_at ? new Date(r.expires_at).getTime() : null,
      state: r.state,
      fetchedAt: now,
    };
    this.cache.set(id, record);
    if (this.cache.size > CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
    return record;
  }

  /** Records a successful use (batched; at most one write per key per minute). */
  markUsed(apiKeyId: string): void {
    const last = this.touchedAt.get(apiKeyId);
    if (last !== undefined && Date.now() - last < TOUCH_EVERY_MS) return;
    this.touchedAt.set(apiKeyId, Date.now());
    this.pending.add(apiKeyId);
  }

  /** Writes pending marks now (also called on shutdown, and by tests). */
  async flush(): Promise<void> {
    await this.flushing;
    if (this.pending.size === 0) return;
    const ids = [...this.pending];
    this.pending.clear();
    try {
      await this.pool.query("select app_private.touch_api_keys($1::uuid[])", [ids]);
    } catch (err) {
      // Usage stamps are best effort: never fail or retry a request over them.
      logger.warn({ err, count: ids.length }, "Could not record API key use");
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
