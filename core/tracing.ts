/**
 * OpenTelemetry tracing, off unless the standard OTEL_* variables ask for it (docs/tracing.md). The entry
 * points (server/src/index.ts, functions/src/cli.ts) import this module first: instrumentation patches
 * `http`, `express` and `pg` when they are first required, so anything required earlier goes untraced.
 * The SDK reads every other OTEL_* variable itself (endpoint, protocol, headers, sampler, batch delays).
 *
 * Everything else here is safe to call with tracing off: the API's no-op tracer costs a function call, and
 * currentTraceparent() returns undefined, so no request puts a traceparent into its transaction settings.
 */
import { SpanKind, SpanStatusCode, context, isSpanContextValid, trace, type Link, type Span, type SpanOptions } from "@opentelemetry/api";
import { RPCType, getRPCMetadata } from "@opentelemetry/core";
import { ExpressInstrumentation, ExpressLayerType } from "@opentelemetry/instrumentation-express";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { NodeSDK } from "@opentelemetry/sdk-node";

export { SpanKind, SpanStatusCode };

/** Probes and scrapes, polled every few seconds, would bury the requests people look for. */
const UNTRACED_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * Tracing is on when the SDK is not disabled and an exporter is chosen (OTEL_TRACES_EXPORTER other than
 * `none`) or an OTLP endpoint is set. Without either the SDK would default to OTLP on localhost:4318 and
 * retry into nothing; off by default is the point.
 */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (/^true$/i.test(env.OTEL_SDK_DISABLED?.trim() ?? "")) return false;
  const exporters = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporters) return exporters.split(",").some((e) => !["none", "null", ""].includes(e.trim()));
  return !!(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

function startSdk(): NodeSDK {
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ? undefined : "logicspike-core",
    // No trace headers read or sent unless OTEL_PROPAGATORS asks: a client must not choose what goes into a
    // request's transaction settings (app.traceparent), and customers' webhook endpoints get no trace ids of ours.
    textMapPropagator: process.env.OTEL_PROPAGATORS?.trim() ? undefined : null,
    // Traces only: metrics are Prometheus (/metrics) and logs are pino; without these the SDK would also
    // start OTLP log and metric exporters from its defaults.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? "").split("?")[0]),
        // Only requests made while handling something (a webhook attempt in a job span), not background polls.
        requireParentforOutgoingSpans: true,
      }),
      // Routers and handlers, not each of the ~20 installers' middleware layers.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      // requireParentSpan: the worker's polling, heartbeats and LISTEN are not traces of their own. Pool-checkout
      // spans stay: with ignoreConnectSpans the instrumentation also stops binding the checkout callback to the
      // caller's context, so under pool contention a query would land in whichever trace released the client.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  return sdk;
}

const sdk = tracingRequested() ? startSdk() : undefined;

export const tracingEnabled = sdk !== undefined;

/** Flushes spans still in the batch and stops exporting; call last in a process's ordered shutdown. */
export async function shutdownTracing(): Promise<void> {
  await sdk?.shutdown();
}

const tracer = trace.getTracer("logicspike-core");

/** Runs fn in a new active span (a child of the active one), recording a thrown error on it. */
export function withSpan<T>(name: string, options: SpanOptions, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, options, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err instanceof Error ? err : String(err));
      span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
      throw err;
    } finally {
      span.end();
    }
  });
}

/**
 * Names the HTTP server span by its route (`POST /graphql`), as instrumentation-express does for routes it sees;
 * grafserv's handler is mounted as middleware, so it sees none. No-op outside a traced HTTP request.
 */
export function setHttpRoute(route: string): void {
  const rpc = getRPCMetadata(context.active());
  if (rpc?.type === RPCType.HTTP) rpc.route = route;
}

/** Starts a span for work that ends in a callback (a GraphQL operation); the caller ends it. */
export function startSpan(name: string, options: SpanOptions): { span: Span; run: <T>(fn: () => T) => T } {
  const span = tracer.startSpan(name, options);
  const ctx = trace.setSpan(context.active(), span);
  return { span, run: (fn) => context.with(ctx, fn) };
}

/**
 * The active span as a W3C traceparent (`00-<trace id>-<span id>-<flags>`), formatted here rather than by the
 * configured propagator, so OTEL_PROPAGATORS=none (ignore and send no trace headers) still links the outbox.
 */
export function currentTraceparent(): string | undefined {
  const sc = trace.getActiveSpan()?.spanContext();
  if (!sc || !isSpanContextValid(sc)) return undefined;
  return `00-${sc.traceId}-${sc.spanId}-${(sc.traceFlags & 0xff).toString(16).padStart(2, "0")}`;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A link to the span a stored traceparent names; undefined for null or anything malformed. */
export function linkTo(traceparent: string | null | undefined): Link | undefined {
  const m = traceparent ? TRACEPARENT.exec(traceparent) : null;
  if (!m) return undefined;
  const spanContext = { traceId: m[1], spanId: m[2], traceFlags: parseInt(m[3], 16), isRemote: true };
  return isSpanContextValid(spanContext) ? { context: spanContext } : undefined;
}

/** Links the active span to the traces that stored these traceparents (each distinct one once). */
export function linkActiveSpan(traceparents: Iterable<string | null | undefined>): void {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  const links = [...new Set(traceparents)].map(linkTo).filter((l): l is Link => l !== undefined);
  if (links.length > 0) span.addLinks(links);
}
