/**
 * Tracing (docs/tracing.md): the real entry point as a child process, exporting OTLP/JSON to a receiver this
 * test runs. A mutation that publishes an event gives an HTTP server span, a GraphQL operation span under it,
 * Postgres spans under that, and a worker span for the webhook delivery linked to the mutation's trace
 * through the outbox (its first attempt in events__dispatch, the retry in webhooks__deliver). Without OTEL_* variables nothing is exported and the server starts as before.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tracingRequested } from "../../core/tracing";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { spawnServerProcess, type ServerProcess } from "../helpers/serverProcess";
import { startReceiver, type Receiver } from "../helpers/webhooks";

jest.setTimeout(90_000);
const getDb = useTestDatabase();

interface OtlpValue { stringValue?: string; intValue?: string | number; boolValue?: boolean }
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
  links?: { traceId: string; spanId: string }[];
  scope: string;
  service: string;
}
const KIND = { INTERNAL: 1, SERVER: 2, CLIENT: 3, CONSUMER: 5 };

/** An OTLP/HTTP receiver for the JSON encoding (`OTEL_EXPORTER_OTLP_PROTOCOL=http/json`): POST /v1/traces. */
async function startOtlpReceiver() {
  const spans: OtlpSpan[] = [];
  let requests = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c));
    req.on("end", () => {
      requests++;
      if (req.method === "POST" && req.url === "/v1/traces") {
        const json = JSON.parse(body) as { resourceSpans: { resource: { attributes: OtlpSpan["attributes"] }; scopeSpans: { scope: { name: string }; spans: Omit<OtlpSpan, "scope" | "service">[] }[] }[] };
        for (const rs of json.resourceSpans) {
          const service = rs.resource.attributes?.find((a) => a.key === "service.name")?.value.stringValue ?? "";
          for (const ss of rs.scopeSpans) for (const s of ss.spans) spans.push({ ...s, scope: ss.scope.name, service });
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const attr = (s: OtlpSpan, key: string) => {
  const v = s.attributes?.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue !== undefined ? Number(v.intValue) : v?.boolValue);
};

/** Signs up through the REST routes and returns an access token, as a client of the child process would. */
async function signUp(url: string): Promise<string> {
  const post = (path: string, body: unknown) => fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const email = uniqueEmail("trace");
  expect((await post("/auth/register", { email, password: GOOD_PASSWORD, name: "Tracer", workspaceName: "Traced" })).status).toBe(202);
  const login = await post("/auth/login", { email, password: GOOD_PASSWORD, tokenTransport: "body" });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** A trace id a client might send to choose where its request lands; no propagator is on by default. */
const CLIENT_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, traceparent: `00-${CLIENT_TRACE_ID}-b7ad6b7169203331-01` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

const CREATE_ENDPOINT = `mutation($url: String!) { createWebhookEndpoint(input: { url: $url, eventTypes: ["blog.post.published"] }) { result { webhookEndpoint { rowId } } } }`;
const PUBLISH = `mutation PublishTracedPost($title: String!) { createPost(input: { post: { title: $title, status: "published" } }) { post { rowId } } }`;

/** Endpoint, then the publishing mutation; resolves once the receiver has the event. Returns the post id. */
async function publishAndDeliver(proc: ServerProcess, hooks: Receiver, title: string): Promise<string> {
  const token = await signUp(proc.url);
  await graphql(proc.url, token, CREATE_ENDPOINT, { url: hooks.url });
  const postId = (await graphql(proc.url, token, PUBLISH, { title })).createPost.post.rowId as string;
  const deadline = Date.now() + 20_000;
  while (!delivered.some((body) => body.includes(postId))) {
    if (Date.now() > deadline) throw new Error(`webhook for ${postId} not delivered:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return postId;
}

const storedTraceparent = async (postId: string) =>
  (await getDb().ownerPool.query<{ traceparent: string | null }>("select traceparent from app_private.events where payload->>'postId' = $1", [postId])).rows[0]?.traceparent;

let otlp: Awaited<ReturnType<typeof startOtlpReceiver>>;
let hooks: Receiver;
/** Bodies answered 2xx; the first attempt for a title in `failOnce` gets a 500, so a webhooks__deliver retry follows. */
const delivered: string[] = [];
const failOnce = new Set<string>();
beforeAll(async () => {
  otlp = await startOtlpReceiver();
  hooks = await startReceiver();
  hooks.behaviour = (_req, res, body) => {
    const title = [...failOnce].find((t) => body.includes(t));
    if (title) {
      failOnce.delete(title);
      res.statusCode = 500;
      return void res.end("try again");
    }
    delivered.push(body);
    res.end("ok");
  };
});
afterAll(async () => {
  await hooks?.close();
  await otlp?.close();
});

const common = { WORKER_IN_PROCESS: "true", WEBHOOK_ALLOWED_HOSTS: "127.0.0.1", LOG_LEVEL: "warn" };

describe("with OTEL_TRACES_EXPORTER=otlp pointing at a collector", () => {
  let postId: string;
  let spans: OtlpSpan[];
  const byId = () => new Map(spans.map((s) => [s.spanId, s]));
  const ancestors = (s: OtlpSpan) => {
    const ids = byId();
    const out: OtlpSpan[] = [];
    for (let p = s.parentSpanId ? ids.get(s.parentSpanId) : undefined; p; p = p.parentSpanId ? ids.get(p.parentSpanId) : undefined) out.push(p);
    return out;
  };
  const operation = () => spans.find((s) => s.name === "mutation PublishTracedPost")!;

  beforeAll(async () => {
    const proc = await spawnServerProcess(getDb().urls, {
      ...common,
      OTEL_TRACES_EXPORTER: "otlp",
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_BSP_SCHEDULE_DELAY: "100",
      OTEL_SERVICE_NAME: "logicspike-tracing-test",
      WEBHOOK_RETRY_SCHEDULE: "0,0.2,0.2",
    });
    failOnce.add("Traced launch");
    postId = await publishAndDeliver(proc, hooks, "Traced launch");
    // SIGTERM: the ordered shutdown ends with the SDK's flush, so every span is at the receiver when it exits.
    expect(await proc.stop()).toBe(0);
    spans = otlp.spans.filter((s) => s.service === "logicspike-tracing-test");
  });

  it("exports an HTTP server span for POST /graphql with a GraphQL operation span, named by the operation, inside it", () => {
    const op = operation();
    expect(op).toBeDefined();
    expect(op.kind).toBe(KIND.INTERNAL);
    expect(attr(op, "graphql.operation.type")).toBe("mutation");
    expect(attr(op, "graphql.operation.name")).toBe("PublishTracedPost");
    const server = ancestors(op).find((s) => s.kind === KIND.SERVER);
    expect(server).toBeDefined();
    expect(server!.traceId).toBe(op.traceId);
    expect(attr(server!, "http.request.method") ?? attr(server!, "http.method")).toBe("POST");
    expect(attr(server!, "http.route")).toBe("/graphql");
    expect(server!.name).toBe("POST /graphql");
  });

  it("exports the operation's Postgres queries as its children, the post's insert among them", () => {
    const op = operation();
    const queries = spans.filter((s) => s.scope.includes("instrumentation-pg") && ancestors(s).includes(op));
    expect(queries.length).toBeGreaterThan(0);
    const text = (s: OtlpSpan) => String(attr(s, "db.query.text") ?? attr(s, "db.statement") ?? "");
    expect(queries.some((s) => /insert into "app_public"\."posts"/i.test(text(s)))).toBe(true);
  });

  it("keeps the mutation's traceparent with the event it published", async () => {
    const op = operation();
    expect(await storedTraceparent(postId)).toMatch(new RegExp(`^00-${op.traceId}-[0-9a-f]{16}-01$`));
  });

  it("reads no trace headers from clients and sends none to webhook receivers unless OTEL_PROPAGATORS says so", () => {
    // The client's traceparent did not choose the trace, so it did not reach the transaction settings either.
    expect(operation().traceId).not.toBe(CLIENT_TRACE_ID);
    expect(spans.some((s) => s.traceId === CLIENT_TRACE_ID)).toBe(false);
    const attempts = hooks.received.filter((r) => r.body.includes(postId));
    expect(attempts.length).toBeGreaterThan(0);
    for (const r of attempts) expect(r.headers.traceparent).toBeUndefined();
  });

  it("exports the worker's delivery as a job span in its own trace, linked to the mutation's trace, with the webhook POST inside it", () => {
    const op = operation();
    const linked = spans.filter((s) => s.links?.some((l) => l.traceId === op.traceId));
    const batch = linked.find((s) => s.name === "events__dispatch batch");
    expect(batch).toBeDefined();
    expect(batch!.traceId).not.toBe(op.traceId);
    const job = ancestors(batch!).find((s) => s.name === "events__dispatch")!;
    expect(job.kind).toBe(KIND.CONSUMER);
    expect(attr(job, "messaging.system")).toBe("graphile_worker");
    expect(attr(job, "graphile_worker.job.attempt")).toBe(1);
    expect(attr(job, "messaging.message.id")).toMatch(/^\d+$/);
    const post = spans.find((s) => s.kind === KIND.CLIENT && s.scope.includes("instrumentation-http") && ancestors(s).includes(batch!));
    expect(post).toBeDefined();
    expect(attr(post!, "server.port") ?? attr(post!, "net.peer.port")).toBe(hooks.port);
  });

  it("links the retry's webhooks__deliver job span to the mutation's trace too", () => {
    const op = operation();
    const retry = spans.find((s) => s.name === "webhooks__deliver" && s.links?.some((l) => l.traceId === op.traceId));
    expect(retry).toBeDefined();
    expect(retry!.kind).toBe(KIND.CONSUMER);
    expect(retry!.parentSpanId || undefined).toBeUndefined(); // a root span: the job is its own trace
    expect(spans.some((s) => s.kind === KIND.CLIENT && s.scope.includes("instrumentation-http") && ancestors(s).includes(retry!))).toBe(true);
  });

  it("does not trace health probes", () => {
    expect(spans.some((s) => s.kind === KIND.SERVER && /readyz|healthz/.test(String(attr(s, "url.path") ?? attr(s, "http.target") ?? s.name)))).toBe(false);
  });
});

describe("without OTEL_* variables", () => {
  it("starts normally, delivers webhooks, exports nothing and stores no traceparent", async () => {
    const before = otlp.requests();
    const off = { OTEL_TRACES_EXPORTER: "", OTEL_EXPORTER_OTLP_ENDPOINT: "", OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "", OTEL_SDK_DISABLED: "" };
    const proc = await spawnServerProcess(getDb().urls, { ...common, ...off });
    const postId = await publishAndDeliver(proc, hooks, "Untraced launch");
    expect(await proc.stop()).toBe(0);
    expect(otlp.requests()).toBe(before);
    expect(await storedTraceparent(postId)).toBeNull();
  });
});

describe("when tracing turns on", () => {
  it.each([
    [{}, false],
    [{ OTEL_TRACES_EXPORTER: "otlp" }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" }, true],
    [{ OTEL_TRACES_EXPORTER: "none", OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }, false],
    [{ OTEL_TRACES_EXPORTER: "otlp", OTEL_SDK_DISABLED: "true" }, false],
  ])("%j → %s", (env, on) => {
    expect(tracingRequested(env)).toBe(on);
  });
});
