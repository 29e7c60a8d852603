/**
 * Prometheus metrics at GET /metrics (prom-client), one registry per server:
 *  - http_request_duration_seconds{method,route,status_code}: every response,
 *    routes normalised so labels stay few (`/svc/:service`, `unmatched`);
 *  - graphql_operations_total{operation,persisted}: counted by a grafserv
 *    plugin (see graphqlMetricsPlugin);
 *  - db_pool_connections{pool,state}: both pools, read at scrape time;
 *  - http_error_responses_total{code} (coded errors sent by the error
 *    handler) and graphql_errors_total{code} (errors in GraphQL responses);
 *  - read from Postgres at scrape time by one bounded query (queueMetrics.ts):
 *    database_up, jobs_ready, jobs_ready_by_task{task},
 *    jobs_oldest_ready_age_seconds, jobs_retrying, jobs_failed, workers_alive,
 *    webhook_deliveries_unfinished{status}, webhook_attempts_recent{outcome};
 *  - the process defaults (CPU, memory, event-loop lag).
 * Access: with METRICS_TOKEN set, `Authorization: Bearer <METRICS_TOKEN>`;
 * without it, loopback callers only (a sidecar or local Prometheus).
 */
import { timingSafeEqual } from "node:crypto";
import type { Express, Request } from "express";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { getContext } from "../context";
import { AppError, isErrorCode } from "../../../core/errors";
import installQueueMetrics from "./queueMetrics";

export interface Metrics {
  registry: Registry;
  graphqlOperations: Counter<"operation" | "persisted">;
  /** Incremented by installErrorHandler, once per coded error response. */
  httpErrors: Counter<"code">;
  graphqlErrors: Counter<"code">;
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
  // Labelled by registered code only (core/errors.ts), so the label set is bounded.
  const httpErrors = new Counter({
    name: "http_error_responses_total",
    help: "Error responses sent by the error handler (REST, 404s, HTTP-layer refusals), by code.",
    labelNames: ["code"] as const,
    registers: [registry],
  });
  const graphqlErrors = new Counter({
    name: "graphql_errors_total",
    help: "Errors in GraphQL responses over HTTP, by extensions.code.",
    labelNames: ["code"] as const,
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
  installQueueMetrics(ctx.rootPgPool, registry);

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

  const metrics: Metrics = { registry, graphqlOperations, httpErrors, graphqlErrors };
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
    // Outside CodedErrorsPlugin's processRequest, so refusals are counted with the code it gives them.
    before: ["LogicSpikeCodedErrorsPlugin"],
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
        /*
         * After CodedErrorsPlugin has coded refusals. A response body is parsed only when it contains an
         * "errors" key, so successful operations cost one substring search.
         */
        async processRequest(next) {
          const result = await next();
          if (result?.type === "json" || (result?.type === "buffer" && result.buffer.includes('"errors"'))) {
            try {
              const body = (result.type === "json" ? result.json : JSON.parse(result.buffer.toString("utf8"))) as { errors?: Array<{ extensions?: { code?: unknown } }> } | null;
              for (const e of Array.isArray(body?.errors) ? body.errors : []) {
                metrics.graphqlErrors.inc({ code: isErrorCode(e?.extensions?.code) ? e.extensions.code : "other" });
              }
            } catch {
              // Not JSON: nothing to count.
            }
          }
          return result;
        },
      },
    },
  };
}
