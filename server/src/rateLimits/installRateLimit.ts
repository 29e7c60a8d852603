import type { Express, NextFunction, Request, Response } from "express";
import type { Pool } from "pg";
import { Counter } from "prom-client";
import { getContext } from "../context";
import type { DatabaseHealth } from "../../../core/db/health";
import { AppError } from "../../../core/errors";
import { logger } from "../../../core/logger";
import { Limiter, WINDOW_SECONDS, postgresStore, redisStore, type LimitResult } from "./rateLimiters";
import { isApiLimited, isAuthLimited } from "../http/requestPath";

/**
 * Rate limits on shared counters (lib/rateLimiters.ts), one-minute windows:
 *  - POST /auth/*: per client IP (`req.ip`, so it follows TRUST_PROXY);
 *  - /graphql and /svc/*: per API key when the caller used one, else per user,
 *    else (anonymous) per IP; plus per workspace when the caller has one. The
 *    workspace limit is the `requests_per_minute` of its `api` entitlement
 *    (app_public.tenant_services, service 'api', limits.requests_per_minute)
 *    when billing has set one, else RATE_LIMIT_TENANT_PER_MINUTE.
 * Every limited response carries RateLimit-Limit/-Remaining/-Reset/-Policy
 * (IETF draft; the tightest limit is reported); a refusal is 429 RATLM with
 * Retry-After, rendered by the error handler (GraphQL-shaped on /graphql).
 *
 * Two installers share one store: installAuthRateLimit goes before every
 * /auth route (credentials are checked there, so no identity is needed), and
 * installRateLimit goes after installAuth (it keys on `req.auth`) and before
 * the gateway and PostGraphile. Both decide on `req.path`, which
 * installCanonicalPath has made the one spelling the routers dispatch on, with
 * the predicates of lib/requestPath.ts: `/GraphQL`, `//svc/x` or
 * `/auth/%6Cogin` count exactly like `/graphql`, `/svc/x` and `/auth/login`.
 */
interface Limiters {
  authIp: Limiter;
  principal: Limiter;
  workspace: Limiter;
  tenantLimits: TenantLimits;
}

const perServer = new WeakMap<object, Limiters>();

function limitersFor(app: Express): Limiters {
  const ctx = getContext(app);
  let limiters = perServer.get(ctx);
  if (!limiters) {
    const cfg = ctx.config.rateLimit;
    const store = cfg.redisUrl ? redisStore(cfg.redisUrl) : postgresStore(ctx.rootPgPool, ctx.health);
    ctx.shutdownActions.push(() => store.close());
    // On the server's registry (installMetrics runs first); a degraded store is otherwise only a throttled log line.
    const failures = new Counter({
      name: "logicspike_rate_limit_store_failures_total",
      help: "Rate-limit counter updates made in memory because the shared store failed or is known down.",
      labelNames: ["store"] as const,
      registers: ctx.metrics ? [ctx.metrics.registry] : [],
    });
    limiters = {
      authIp: new Limiter(store, "auth", failures),
      principal: new Limiter(store, "api", failures),
      workspace: new Limiter(store, "tenant", failures),
      tenantLimits: new TenantLimits(ctx.rootPgPool, ctx.health, cfg.tenantPerMinute),
    };
    perServer.set(ctx, limiters);
  }
  return limiters;
}

/** Per-IP limit on POST /auth/* (sign-in, registration, refresh, service tokens). Register before the /auth routes. */
export function installAuthRateLimit(app: Express): void {
  const cfg = getContext(app).config.rateLimit;
  if (!cfg.enabled) return;
  const { authIp } = limitersFor(app);
  app.use((req, res, next) => {
    if (!isAuthLimited(req.method, req.path)) return next();
    void check(req, res, next, [authIp.consume(`ip:${req.ip}`, cfg.authPerMinute)]);
  });
}

/** Per key / user / IP and per workspace limits on /graphql and /svc/*. Register after installAuth. */
export default function installRateLimit(app: Express): void {
  const cfg = getContext(app).config.rateLimit;
  if (!cfg.enabled) return;
  const { principal, workspace, tenantLimits } = limitersFor(app);
  app.use((req, res, next) => {
    if (req.method === "OPTIONS" || !isApiLimited(req.path)) return next();
    const who = req.auth?.apiKeyId ? `key:${req.auth.apiKeyId}` : req.auth?.userId ? `user:${req.auth.userId}` : `ip:${req.ip}`;
    const checks = [principal.consume(who, cfg.graphqlPerMinute)];
    const tenantId = req.auth?.tenantId;
    if (tenantId) checks.push(tenantLimits.get(tenantId).then((points) => workspace.consume(tenantId, points)));
    void check(req, res, next, checks);
  });
}

async function check(req: Request, res: Response, next: NextFunction, checks: Array<Promise<LimitResult>>): Promise<void> {
  let results: LimitResult[];
  try {
    results = await Promise.all(checks);
  } catch (err) {
    return next(err);
  }
  // Report the limit that binds: a refusal first, else the fewest remaining.
  const [top] = [...results].sort((a, b) => Number(a.allowed) - Number(b.allowed) || a.remaining - b.remaining);
  res.set({
    "RateLimit-Limit": String(top.limit),
    "RateLimit-Remaining": String(top.remaining),
    "RateLimit-Reset": String(top.resetSeconds),
    "RateLimit-Policy": results.map((r) => `${r.limit};w=${WINDOW_SECONDS}`).join(", "),
  });
  if (top.allowed) return next();
  res.set("Retry-After", String(top.resetSeconds));
  req.log?.info({ limit: top.limit, path: req.path }, "Rate limit reached");
  next(new AppError("RATLM"));
}

/** Per-workspace limits from the `api` entitlement, cached ~60 s; the config default when unset or unreadable. */
class TenantLimits {
  private readonly cache = new Map<string, { points: Promise<number>; until: number }>();

  constructor(private readonly pool: Pool, private readonly health: DatabaseHealth, private readonly fallback: number) {}

  get(tenantId: string): Promise<number> {
    if (this.health.isDown) return Promise.resolve(this.fallback);
    const hit = this.cache.get(tenantId);
    if (hit && hit.until > Date.now()) return hit.points;
    if (this.cache.size > 10_000) this.cache.clear(); // crude bound; a miss only costs one indexed read
    const points = this.pool
      .query<{ rpm: unknown }>(
        "select limits -> 'requests_per_minute' as rpm from app_public.tenant_services where tenant_id = $1 and service = 'api' and enabled",
        [tenantId],
      )
      .then(({ rows }) => {
        const rpm = rows[0]?.rpm;
        return typeof rpm === "number" && Number.isInteger(rpm) && rpm > 0 ? rpm : this.fallback;
      })
      .catch((err: unknown) => {
        logger.warn({ err, tenantId }, "Could not read the workspace's rate limit; using the default");
        this.cache.delete(tenantId);
        return this.fallback;
      });
    this.cache.set(tenantId, { points, until: Date.now() + 60_000 });
    return points;
  }
}
