/**
 * Prometheus metrics at GET /metrics (prom-client), one registry per server:
 *  - http_request_duration_seconds{method,route,status_code}: every response,
 *    routes normalised so labels stay few (`/svc/:service`, `unmatched`);
 *  - graphql_operations_total{operation,persisted}: counted by a grafserv
 *    plugin (see graphqlMetricsPlugin);
 *  - db_pool_connections{pool,state}: both pools, read at scrape time;
 *  - jobs_ready, jobs_oldest_ready_age_seconds, jobs_retrying, jobs_failed:
 *    graphile-worker's queue, read at scrape time;
 *  - workers_alive: worker heartbeats in the last 30 s;
 *  - webhook_deliveries_unfinished{status} and
 *    webhook_attempts_recent{outcome}: delivery outcomes (last 5 minutes);
 *  - the process defaults (CPU, memory, event-loop lag).
 * Access: with METRICS_TOKEN set, `Authorization: Bearer <METRICS_TOKEN>`;
 * without it, loopback callers only (a sidecar or local Prometheus).
 */
import { timingSafeEqual } from "node:crypto";
import type { Express, Request } from "express";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { getContext, type ServerContext } from "../context";
import { AppError } from "../../../core/errors";

export interface Metrics {
  registry: Registry;
  graphqlOperations: Counter<"operation" | "persisted">;
}

const KNOWN_PATHS = new Set(["/graphql", "/graphiql", "/metrics", "/healthz", "/readyz", "/.well-known/jwks.json"]);
const MAX_OPERATION_NAMES = 500;

/** A label for the route that cannot explode in cardinality. */
function routeLabel(req: Request): string {
  if (req.route?.path) return `${req.baseUrl}${String(req.route.path)}`;
  const p = req.path;
  if (KNOWN_PATHS.has(p)) return p;
  if (p.startsWith("/svc/")) return "/svc/:service";
  if (p.startsWith("/internal/")) return "/internal/*";
  if (p.startsWith("/auth/")) return "/auth/*";
  return "unmatched";
}

function isLoopback(address: string | undefined): boolean {
  return !!address && (address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127."));
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/i.exec(header ?? "")?.[1] ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function queueGauges(ctx: ServerContext, registry: Registry): void {
  const read = async () => {
    const { rows } = await ctx.rootPgPool.query<{ ready: number; oldest: number | null; retrying: number; failed: number; workers: number }>(`
      select count(*) filter (where j.locked_at is null and j.run_at <= now() and j.attempts < j.max_attempts)::int as ready,
             extract(epoch from now() - min(j.run_at) filter (where j.locked_at is null and j.run_at <= now() and j.attempts < j.max_attempts))::float8 as oldest,
             count(*) filter (where j.attempts > 0 and j.attempts < j.max_attempts and j.last_error is not null)::int as retrying,
             count(*) filter (where j.attempts >= j.max_attempts)::int as failed,
             (select count(*)::int from app_private.worker_heartbeats w where w.last_seen_at > now() - interval '30 seconds') as workers
        from graphile_worker.jobs j`);
    return rows[0];
  };
  // One query per scrape, shared by the gauges below.
  let pending: Promise<Awaited<ReturnType<typeof read>> | undefined> | undefined;
  const snapshot = () =>
    (pending ??= read()
      .catch(() => undefined)
      .finally(() => setTimeout(() => (pending = undefined), 0)));
  const gauge = (name: string, help: string, pick: (s: Awaited<ReturnType<typeof read>>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const s = await snapshot();
        if (s) this.set(pick(s));
      },
    });
  gauge("jobs_ready", "Jobs due to run and not locked by a worker.", (s) => s.ready);
  gauge("jobs_oldest_ready_age_seconds", "How long the oldest due job has been waiting.", (s) => s.oldest ?? 0);
  gauge("jobs_retrying", "Jobs that failed at least once and will be retried.", (s) => s.retrying);
  gauge("jobs_failed", "Jobs that used all their attempts (need an operator).", (s) => s.failed);
  gauge("workers_alive", "Worker processes with a heartbeat in the last 30 seconds.", (s) => s.workers);
}

/** Webhook delivery outcomes, read at scrape time (partial/created_at indexes keep it cheap). */
function webhookGauges(ctx: ServerContext, registry: Registry): void {
  new Gauge({
    name: "webhook_deliveries_unfinished",
    help: "Webhook deliveries not (yet) delivered: pending (retrying) or failed (gave up).",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const { rows } = await ctx.rootPgPool
        .query<{ status: string; n: number }>("select status, count(*)::int as n from app_public.webhook_deliveries where status <> 'succeeded' group by status")
        .catch(() => ({ rows: [] as Array<{ status: string; n: number }> }));
      for (const status of ["pending", "failed"]) this.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
    },
  });
  new Gauge({
    name: "webhook_attempts_recent",
    help: "Webhook delivery attempts in the last 5 minutes by outcome.",
    labelNames: ["outcome"] as const,
    registers: [registry],
    async collect() {
      const { rows } = await ctx.rootPgPool
        .query<{ success: number; failure: number }>(
          `select count(*) filter (where is_success)::int as success, count(*) filter (where not is_success)::int as failure
             from app_public.webhook_attempts where created_at > now() - interval '5 minutes'`,
        )
        .catch(() => ({ rows: [] as Array<{ success: number; failure: number }> }));
      this.set({ outcome: "success" }, rows[0]?.success ?? 0);
      this.set({ outcome: "failure" }, rows[0]?.failure ?? 0);
    },
  });
}

export default function installMetrics(app: Express): Metrics {
  const ctx = getContext(app);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const http = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request latency by route.",
    labelNames: ["method", "route", "status_code"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const graphqlOperations = new Counter({
    name: "graphql_operations_total",
    help: "GraphQL operations received, by operation name.",
    labelNames: ["operation", "persisted"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "db_pool_connections",
    help: "Postgres pool connections by pool and state.",
    labelNames: ["pool", "state"] as const,
    registers: [registry],
    collect() {
      for (const [pool, p] of [["auth", ctx.authPgPool], ["owner", ctx.rootPgPool]] as const) {
        this.set({ pool, state: "total" }, p.totalCount);
        this.set({ pool, state: "idle" }, p.idleCount);
        this.set({ pool, state: "waiting" }, p.waitingCount);
      }
    },
  });
  queueGauges(ctx, registry);
  webhookGauges(ctx, registry);

  app.use((req, res, next) => {
    const end = http.startTimer();
    res.once("finish", () => end({ method: req.method, route: routeLabel(req), status_code: String(res.statusCode) }));
    next();
  });

  app.get("/metrics", async (req, res, next) => {
    try {
      const token = ctx.config.metricsToken;
      if (token ? !tokenMatches(req.get("authorization"), token) : !isLoopback(req.socket.remoteAddress)) {
        throw new AppError("DNIED", token ? "Send the metrics token as a Bearer token." : "Metrics are served to loopback callers only; set METRICS_TOKEN to scrape remotely.");
      }
      res.set("content-type", registry.contentType).send(await registry.metrics());
    } catch (e) {
      next(e);
    }
  });

  const metrics: Metrics = { registry, graphqlOperations };
  ctx.metrics = metrics;
  return metrics;
}

/** Counts GraphQL operations by name; names are capped so a client cannot flood the label set. */
export function graphqlMetricsPlugin(metrics: Metrics): GraphileConfig.Plugin {
  const names = new Set<string>();
  return {
    name: "LogicSpikeGraphqlMetricsPlugin",
    version: "1.0.0",
    after: ["PersistedPlugin"],
    grafserv: {
      middleware: {
        processGraphQLRequestBody(next, event) {
          const body = event.body as { query?: unknown; operationName?: unknown; documentId?: unknown; extensions?: { persistedQuery?: unknown } };
          // The named operation, else the first operation's name in the document (no full parse), else "anonymous".
          const named =
            typeof body.operationName === "string"
              ? body.operationName
              : typeof body.query === "string"
                ? /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(body.query)?.[1]
                : undefined;
          let operation = named && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(named) ? named : "anonymous";
          if (!names.has(operation)) {
            if (names.size >= MAX_OPERATION_NAMES) operation = "other";
            else names.add(operation);
          }
          const persisted = body.documentId !== undefined || body.extensions?.persistedQuery !== undefined;
          metrics.graphqlOperations.inc({ operation, persisted: String(persisted) });
          return next();
        },
      },
    },
  };
}
