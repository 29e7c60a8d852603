/**
 * Observability over real HTTP: Prometheus metrics (latency by route,
 * GraphQL operations, pools, the job queue, worker heartbeats), access rules
 * for /metrics, and worker liveness in /readyz from a real worker's heartbeat.
 */
import type { Runner } from "graphile-worker";
import { loadConfig } from "../../core/config";
import { startWorker } from "../../functions/src/worker";
import { runJobs } from "../helpers/jobs";
import { createEndpoint, newWorkspace, publish, startReceiver } from "../helpers/webhooks";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";
import { eventually } from "../helpers/expect";

const getDb = useTestDatabase();
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const scrape = async (s: TestServer, headers: Record<string, string> = {}) => {
  const res = await fetch(`${s.url}/metrics`, { headers });
  return { status: res.status, text: await res.text() };
};
/** The value of one sample line, e.g. metric('jobs_ready') or metric('db_pool_connections{pool="auth",state="total"}'). */
const metric = (text: string, sample: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
};

it("exposes request latency by route, GraphQL operations by name, pools and the job queue", async () => {
  server = await startTestServer(getDb());
  await server.graphql("query Ping { __typename }");
  await server.graphql("query Ping { __typename }");
  await fetch(`${server.url}/svc/crm/anything`);
  await fetch(`${server.url}/no/such/path/${Math.random()}`);
  await getDb().superPool.query("select graphile_worker.add_job('metrics_probe', '{}'::json)");

  const { status, text } = await scrape(server);
  expect(status).toBe(200);
  expect(metric(text, 'graphql_operations_total{operation="Ping",persisted="false"}')).toBe(2);
  expect(metric(text, 'http_request_duration_seconds_count{method="POST",route="/graphql",status_code="200"}')).toBe(2);
  expect(metric(text, 'http_request_duration_seconds_count{method="GET",route="/svc/:service",status_code="401"}')).toBe(1);
  // Unknown paths share one label, so clients cannot grow the label set.
  expect(metric(text, 'http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"}')).toBe(1);
  expect(metric(text, 'db_pool_connections{pool="auth",state="total"}')).toBeGreaterThanOrEqual(1);
  expect(metric(text, "jobs_ready")).toBeGreaterThanOrEqual(1);
  expect(metric(text, "jobs_oldest_ready_age_seconds")).toBeGreaterThanOrEqual(0);
  expect(metric(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
});

it("reports webhook delivery outcomes from real deliveries", async () => {
  process.env.WEBHOOK_ALLOWED_HOSTS = "127.0.0.1";
  const receiver = await startReceiver();
  try {
    const ws = await newWorkspace(getDb(), "metrics");
    const endpoint = await createEndpoint(getDb(), ws, receiver.url, ["blog.post.published"]);
    receiver.behaviour = (_req, res) => {
      res.statusCode = 500;
      res.end("down");
    };
    await publish(getDb(), ws.tenantId, "blog.post.published", { postId: "p1", title: "Failing" });
    await runJobs(getDb());
    receiver.behaviour = (_req, res) => res.end("ok");
    await publish(getDb(), ws.tenantId, "blog.post.published", { postId: "p2", title: "Working" });
    await runJobs(getDb());
    expect(receiver.received.length).toBeGreaterThanOrEqual(2);

    server = await startTestServer(getDb());
    const { text } = await scrape(server);
    expect(metric(text, 'webhook_attempts_recent{outcome="failure"}')).toBeGreaterThanOrEqual(1);
    expect(metric(text, 'webhook_attempts_recent{outcome="success"}')).toBeGreaterThanOrEqual(1);
    expect(metric(text, 'webhook_deliveries_unfinished{status="pending"}')).toBe(1); // the 500 waits for its retry
    expect(metric(text, 'webhook_deliveries_unfinished{status="failed"}')).toBe(0);
    expect(endpoint.id).toEqual(expect.any(String));
  } finally {
    delete process.env.WEBHOOK_ALLOWED_HOSTS;
    await receiver.close();
  }
});

it("serves /metrics only with METRICS_TOKEN when one is set", async () => {
  server = await startTestServer(getDb(), { METRICS_TOKEN: "scrape-secret-123" });
  expect((await scrape(server)).status).toBe(403);
  expect((await scrape(server, { authorization: "Bearer wrong-secret-xyz" })).status).toBe(403);
  expect((await scrape(server, { authorization: "Bearer scrape-secret-123" })).status).toBe(200);
});

describe("worker liveness", () => {
  let runner: Runner | undefined;
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
  });

  it("is reported by /readyz and /metrics from real heartbeats, and required when READYZ_REQUIRE_WORKER=true", async () => {
    await getDb().superPool.query("delete from app_private.worker_heartbeats");
    server = await startTestServer(getDb(), { READYZ_REQUIRE_WORKER: "true" });
    const ready = async () => {
      const res = await fetch(`${server!.url}/readyz`);
      return { status: res.status, workers: ((await res.json()) as { checks: { workers: unknown } }).checks.workers };
    };
    expect(await ready()).toEqual({ status: 503, workers: { ok: false, detail: "0 alive" } });

    runner = await startWorker({ pgPool: getDb().ownerPool, concurrency: 1, config: loadConfig() });
    await eventually("the worker's first heartbeat", async () => (await ready()).status === 200, { timeoutMs: 5_000 });
    expect(await ready()).toEqual({ status: 200, workers: { ok: true, detail: "1 alive" } });
    expect(metric((await scrape(server)).text, "workers_alive")).toBe(1);

    // A clean stop removes the heartbeat at once.
    await runner.stop();
    runner = undefined;
    await eventually("/readyz to notice the stopped worker", async () => (await ready()).status === 503, { timeoutMs: 5_000 });
    expect((await ready()).status).toBe(503);
  });

  it("does not hold readiness hostage by default, but still reports it", async () => {
    await getDb().superPool.query("delete from app_private.worker_heartbeats");
    server = await startTestServer(getDb());
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { checks: Record<string, unknown> }).checks.workers).toEqual({ ok: true, detail: "0 alive" });
  });
});
