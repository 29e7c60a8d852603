import cors from "cors";
import type { Express, NextFunction, Request, Response } from "express";
import type { Pool } from "pg";
import type { Config, CorsOrigin } from "../../../core/config";
import { getContext } from "../context";
import { getCustomDomainLookup, type CustomDomainLookup } from "../domains/customDomains";
import { AppError } from "../../../core/errors";
import { AUTH_PREFIX, GRAPHQL_PATH, SERVICE_PREFIX, STORAGE_API_PREFIX, STORAGE_OBJECT_PREFIXES, underPrefix } from "./requestPath";

/**
 * Browsers on other origins (docs/frontends.md).
 *
 * Allowed origins: APP_URL and PUBLIC_URL, every CORS_ORIGINS entry (exact, or
 * `https://*.example.com` for any subdomain), and `https://<hostname>` for
 * every workspace's verified custom domain (looked up in Postgres, cached for
 * API_KEY_CACHE_SECONDS). A request whose Origin is its own Host is
 * same-origin and needs no CORS at all.
 *
 * On the API prefixes (/graphql, /auth, /svc, /storage/v1/files, /billing, /audit) an allowed
 * origin gets CORS headers from the `cors` package: the origin echoed (never
 * `*`), credentials (the refresh cookie), the preflight cached for
 * CORS_MAX_AGE_SECONDS, `Vary: Origin` on every answer.
 *
 * Publishable keys are made to be used from the sites their workspace lists
 * (an operator cannot add every tenant's site to CORS_ORIGINS), so a host that
 * a live `pk_` key allows gets CORS on /graphql and /svc only, and without
 * credentials: no cookie is sent or accepted from there. The key's own domain
 * lock decides on top (KYORG for a key that does not list the origin). The
 * same holds for /storage/v1/files (a site listing and linking its public files).
 *
 * Storage object URLs (/storage/v1/object/*, /storage/v1/upload/*) carry their
 * own authorization (a signature, or a public file), never a cookie: every
 * origin gets `Access-Control-Allow-Origin: *` there without credentials, and
 * the headers a player or a ranged download needs (Range, If-None-Match in;
 * Content-Range, ETag, Content-Disposition out).
 *
 * Anything else with an Origin header is refused here, before any route can
 * act: 403 NOCRS without CORS headers, for an unknown origin (on every path,
 * except GET/HEAD outside the API prefixes: pages and health checks) and for a
 * preflight asking for a method or header we do not accept.
 */
export const CORS_PREFIXES = [GRAPHQL_PATH, AUTH_PREFIX, SERVICE_PREFIX, STORAGE_API_PREFIX, "/billing", "/audit"];
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];
const ALLOWED_HEADERS = ["accept", "authorization", "content-type", "idempotency-key", "x-api-key", "x-request-id"];
const EXPOSED_HEADERS = ["x-request-id", "retry-after", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "ratelimit-policy"];

const PUBLISHABLE_PREFIXES = [GRAPHQL_PATH, SERVICE_PREFIX, STORAGE_API_PREFIX];
const under = (prefixes: string[], path: string) => prefixes.some((prefix) => underPrefix(path, prefix));
const CACHE_MAX = 10_000;

/** trusted: configuration or a verified custom domain (credentials allowed); publishable: a pk_ key's site. */
export type OriginTrust = "trusted" | "publishable" | null;

export class CorsPolicy {
  private readonly exact: Set<string>;
  private readonly wildcards: Array<Extract<CorsOrigin, { suffix: string }>>;

  private readonly keyOrigins = new Map<string, { allowed: boolean; at: number }>();

  constructor(
    config: Config,
    private readonly customDomains: CustomDomainLookup,
    private readonly pool: Pool,
    private readonly cacheSeconds: number,
  ) {
    this.exact = new Set([new URL(config.appUrl).origin, new URL(config.publicUrl).origin]);
    this.wildcards = [];
    for (const entry of config.cors.origins) {
      if ("exact" in entry) this.exact.add(entry.exact);
      else this.wildcards.push(entry);
    }
  }

  /** How far a browser on `origin` may call the API; `origin` as the browser sent it. */
  async trust(origin: string): Promise<OriginTrust> {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return null; // `null` (sandboxed frames, file://) and garbage
    }
    if (url.origin !== origin || !/^https?:$/.test(url.protocol)) return null; // paths, credentials, non-canonical spellings
    if (this.exact.has(origin)) return "trusted";
    if (this.wildcards.some((w) => url.protocol === w.scheme && url.port === w.port && url.hostname.endsWith(w.suffix))) return "trusted";
    if (url.protocol === "https:" && url.port === "" && (await this.customDomains.verifiedTenant(url.hostname)) !== null) return "trusted";
    return (await this.publishableKeyAllows(url.hostname)) ? "publishable" : null;
  }

  private async publishableKeyAllows(host: string): Promise<boolean> {
    const cached = this.keyOrigins.get(host);
    if (cached && Date.now() - cached.at < this.cacheSeconds * 1000) return cached.allowed;
    const { rows } = await this.pool.query<{ allowed: boolean }>("select app_private.publishable_key_origin($1) as allowed", [host]);
    const allowed = rows[0]?.allowed === true;
    this.keyOrigins.delete(host);
    this.keyOrigins.set(host, { allowed, at: Date.now() });
    if (this.keyOrigins.size > CACHE_MAX) this.keyOrigins.delete(this.keyOrigins.keys().next().value!);
    return allowed;
  }
}

/** Same-origin: the page was served by the host it calls (the browser sets both headers; a page cannot forge Host). */
function sameOrigin(req: Request, origin: string): boolean {
  try {
    return new URL(origin).host === req.get("host");
  } catch {
    return false;
  }
}

export default function installCors(app: Express): void {
  const { config, rootPgPool } = getContext(app);
  const cacheSeconds = config.apiKeys.cacheSeconds;
  const policy = new CorsPolicy(config, getCustomDomainLookup(app, rootPgPool, cacheSeconds), rootPgPool, cacheSeconds);
  const options = (credentials: boolean) =>
    cors({
      origin: true, // echo the request's origin: only reached for allowed ones
      credentials,
      methods: METHODS,
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: config.cors.maxAgeSeconds,
      optionsSuccessStatus: 204,
    });
  const trustedHeaders = options(true);
  const publishableHeaders = options(false);
  const objectHeaders = cors({
    origin: "*",
    credentials: false,
    methods: ["GET", "HEAD", "PUT"],
    allowedHeaders: ["range", "if-none-match", "if-range", "content-type", "content-length"],
    exposedHeaders: ["content-range", "content-length", "accept-ranges", "etag", "content-disposition", "last-modified", "x-request-id", "x-image-variant", "content-location", "retry-after"],
    maxAge: config.cors.maxAgeSeconds,
    optionsSuccessStatus: 204,
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (under(STORAGE_OBJECT_PREFIXES, req.path)) return objectHeaders(req, res, next);
    const api = under(CORS_PREFIXES, req.path);
    if (api) res.vary("Origin");
    const origin = req.get("origin");
    if (origin === undefined) return next();
    if (!api && (req.method === "GET" || req.method === "HEAD")) return next();
    if (sameOrigin(req, origin)) return next();
    policy.trust(origin).then(
      (trust) => {
        if (!trust || (trust === "publishable" && !under(PUBLISHABLE_PREFIXES, req.path))) {
          req.log?.info({ origin, path: req.path }, "CORS: origin refused");
          return next(new AppError("NOCRS", `Requests from ${origin.slice(0, 200)} are not allowed here. Add the origin to CORS_ORIGINS (or verify it as the workspace's custom domain).`));
        }
        if (req.method === "OPTIONS" && req.get("access-control-request-method")) {
          const problem = preflightProblem(req);
          if (problem) return next(new AppError("NOCRS", problem));
        }
        if (!api) return next(); // allowed origin, but no CORS headers outside the API
        (trust === "trusted" ? trustedHeaders : publishableHeaders)(req, res, next);
      },
      (err: unknown) => next(err),
    );
  });
}

function preflightProblem(req: Request): string | null {
  const method = String(req.get("access-control-request-method")).toUpperCase();
  if (!METHODS.includes(method)) return `The ${method.slice(0, 20)} method is not allowed from other origins; use ${METHODS.join(", ")}.`;
  const asked = (req.get("access-control-request-headers") ?? "").split(",").map((h) => h.trim().toLowerCase()).filter(Boolean);
  const refused = asked.filter((h) => !ALLOWED_HEADERS.includes(h));
  if (refused.length > 0) return `The header(s) ${refused.join(", ").slice(0, 200)} may not be sent from other origins; allowed: ${ALLOWED_HEADERS.join(", ")}.`;
  return null;
}
