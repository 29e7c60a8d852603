/**
 * The monitoring you can deploy (docs/monitoring.md): Prometheus's config and alert rules are valid and their
 * unit tests pass (promtool), the Grafana dashboard and the alerts ask only for metrics the server exports, the
 * queue gauges follow real jobs, and the compose profile validates.
 *
 * promtool (Debian package prometheus) and docker-compose are required, not optional: a skipped check would let
 * a broken rule or dashboard through. .ci/run installs both.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { runJobs } from "./helpers/jobs";
import { useTestDatabase } from "./helpers/db";
import { startTestServer, type TestServer } from "./helpers/server";

const ROOT = path.join(__dirname, "..");
const MONITORING = path.join(ROOT, "monitoring");
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");

function tool(name: string, install: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (!found) throw new Error(`${name} is not installed: ${install}; .ci/run does this in CI`);
  return found;
}
const promtool = (...args: string[]) => {
  const bin = tool("promtool", "install prometheus (apt-get install prometheus) for promtool");
  return spawnSync(bin, args, { cwd: MONITORING, encoding: "utf8" });
};

describe("promtool", () => {
  it("accepts monitoring/prometheus.yml (check config)", () => {
    // The compose service writes the bearer-token file beside the config at start; promtool wants it to exist.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prometheus-"));
    try {
      for (const f of ["prometheus.yml", "alerts.yml"]) fs.copyFileSync(path.join(MONITORING, f), path.join(dir, f));
      fs.writeFileSync(path.join(dir, "metrics_token"), "test-token");
      const out = promtool("check", "config", path.join(dir, "prometheus.yml"));
      expect([out.status, out.stderr]).toEqual([0, ""]);
      expect(out.stdout).toContain("1 rule files found");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("accepts monitoring/alerts.yml (check rules)", () => {
    const out = promtool("check", "rules", "alerts.yml");
    expect([out.status, out.stderr]).toEqual([0, ""]);
  });

  it("passes the alert unit tests in monitoring/alerts.test.yml (test rules)", () => {
    const out = promtool("test", "rules", "alerts.test.yml");
    expect([out.status, out.stdout + out.stderr]).toEqual([0, expect.stringContaining("SUCCESS")]);
  });

  it("gives every alert a for:, a severity and a summary", () => {
    const { groups } = parse(read("monitoring/alerts.yml")) as { groups: Array<{ rules: Array<Record<string, any>> }> };
    const rules = groups.flatMap((g) => g.rules);
    expect(rules.length).toBeGreaterThanOrEqual(6);
    for (const r of rules) {
      expect([r.alert, typeof r.for, r.labels?.severity, typeof r.annotations?.summary]).toEqual([r.alert, "string", expect.stringMatching(/^(critical|warning)$/), "string"]);
    }
  });
});

// ---- PromQL metric names ---------------------------------------------------------------------------

const FUNCTIONS = new Set(["sum", "min", "max", "avg", "count", "rate", "irate", "increase", "histogram_quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "topk", "bottomk", "abs", "clamp_min", "clamp_max", "absent", "time", "vector", "scalar"]);

/** The metric names a PromQL expression selects (labels, strings, ranges and grouping clauses removed). */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, "")
    .replace(/\{[^}]*\}/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "");
  return [...bare.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)].map((m) => m[0]).filter((n) => !FUNCTIONS.has(n) && !/^\d/.test(n));
}

/** Every sample name /metrics can produce, from its `# TYPE` lines (so labelled series without samples count). */
function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const [, name, type] = m;
    names.add(name);
    if (type === "histogram") for (const s of ["_bucket", "_sum", "_count"]) names.add(name + s);
    if (type === "summary") for (const s of ["_sum", "_count"]) names.add(name + s);
  }
  return names;
}

const getDb = useTestDatabase();
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const scrape = async () => (await fetch(`${server!.url}/metrics`)).text();
const sample = (text: string, name: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
};

it("has a dashboard that parses and asks only for metrics the server exports (alerts too)", async () => {
  server = await startTestServer(getDb());
  const exported = exportedNames(await scrape());
  expect(metricNames('sum by (le) (rate(a_b_bucket{x="y"}[5m])) / ignoring(outcome) c > 0.5 and on() d == 1')).toEqual(["a_b_bucket", "c", "d"]);

  const dashboard = JSON.parse(read("monitoring/grafana/dashboards/logicspike.json")) as { uid: string; panels: Array<{ title: string; targets?: Array<{ expr: string }> }> };
  expect(dashboard.uid).toBe("logicspike");
  const used = dashboard.panels.flatMap((p) => (p.targets ?? []).flatMap((t) => metricNames(t.expr).map((name) => ({ where: `panel "${p.title}"`, name }))));
  const { groups } = parse(read("monitoring/alerts.yml")) as { groups: Array<{ rules: Array<{ alert: string; expr: string }> }> };
  const alerts = groups.flatMap((g) => g.rules.flatMap((r) => metricNames(r.expr).map((name) => ({ where: `alert ${r.alert}`, name }))));
  // `up` is Prometheus's own series for each scrape, not the server's.
  const unknown = [...used, ...alerts].filter((u) => u.name !== "up" && !exported.has(u.name));
  expect(unknown.map((u) => `${u.where} uses ${u.name}, which /metrics does not export`)).toEqual([]);
  // Each topic the dashboard promises has a panel that reads its metric.
  const names = new Set(used.map((u) => u.name));
  for (const n of ["http_request_duration_seconds_count", "http_request_duration_seconds_bucket", "http_error_responses_total", "graphql_errors_total", "jobs_ready_by_task", "jobs_oldest_ready_age_seconds", "webhook_attempts_recent", "database_up", "workers_alive"]) {
    expect([n, names.has(n)]).toEqual([n, true]);
  }
});

it("counts error responses and GraphQL errors by code", async () => {
  server = await startTestServer(getDb());
  await fetch(`${server.url}/no/such/path`);
  await server.graphql("query { nope }");
  // A refusal by grafserv's request layer is counted with the code CodedErrorsPlugin gives it, not as "other".
  await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  const text = await scrape();
  expect(sample(text, 'graphql_errors_total{code="BADRQ"}')).toBe(1);
  expect(sample(text, 'graphql_errors_total{code="other"}')).toBeUndefined();
  expect(sample(text, 'http_error_responses_total{code="NTFND"}')).toBe(1);
  expect(sample(text, 'graphql_errors_total{code="GQVAL"}')).toBe(1);
});

it("reports queue depth by task and the oldest job's age, and both drop once the jobs run", async () => {
  const db = getDb();
  await db.ownerPool.query("delete from graphile_worker._private_jobs");
  for (let i = 0; i < 2; i++) {
    // A harmless real task (keeps 10 years of audit entries), due since 90 s ago.
    await db.ownerPool.query(
      "select graphile_worker.add_job('audit__retention', json_build_object('retentionDays', 3650), run_at := now() - interval '90 seconds')",
    );
  }
  server = await startTestServer(db);
  let text = await scrape();
  expect(sample(text, "database_up")).toBe(1);
  expect(sample(text, 'jobs_ready_by_task{task="audit__retention"}')).toBe(2);
  expect(sample(text, "jobs_ready")).toBe(2);
  expect(sample(text, "jobs_oldest_ready_age_seconds")).toBeGreaterThanOrEqual(90);

  await runJobs(db);
  text = await scrape();
  expect(sample(text, 'jobs_ready_by_task{task="audit__retention"}')).toBeUndefined();
  expect(sample(text, "jobs_ready")).toBe(0);
  expect(sample(text, "jobs_oldest_ready_age_seconds")).toBe(0);
  expect(sample(text, "jobs_failed")).toBe(0);
});

it("still answers a scrape, with database_up 0, when the queue cannot be read in time", async () => {
  server = await startTestServer(getDb());
  const blocker = await getDb().superPool.connect();
  try {
    await blocker.query("begin");
    await blocker.query("lock table graphile_worker._private_jobs in access exclusive mode");
    const started = Date.now();
    const text = await scrape();
    expect(Date.now() - started).toBeLessThan(4000);
    expect(sample(text, "database_up")).toBe(0);
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
  } finally {
    await blocker.query("rollback");
    blocker.release();
  }
  expect(sample(await scrape(), "database_up")).toBe(1);
});

// ---- compose profile ---------------------------------------------------------------------------------

it("adds prometheus and grafana under the monitoring profile only, with pinned images (docker-compose config)", () => {
  const bin = tool("docker-compose", "install docker-compose (apt-get install docker-compose)");
  const lines = read("docker-compose.yml").split("\n").filter((l) => !/^\s*#/.test(l));
  const required = Object.fromEntries([...new Set(lines.flatMap((l) => [...l.matchAll(/\$\{([A-Z_][A-Z0-9_]*):\?/g)].map((m) => m[1])))].map((n) => [n, `test-${n.toLowerCase()}`]));
  const config = (...args: string[]) =>
    spawnSync(bin, ["--env-file", ".env.example", "-f", "docker-compose.yml", ...args], { cwd: ROOT, encoding: "utf8", env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...required } });
  const out = config("--profile", "monitoring", "config");
  expect([out.status, out.stderr]).toEqual([0, ""]);
  const services = (parse(out.stdout) as { services: Record<string, { image?: string; profiles?: string[]; volumes?: string[] }> }).services;
  expect(services.prometheus.image).toMatch(/^prom\/prometheus:v\d+\.\d+\.\d+$/);
  expect(services.grafana.image).toMatch(/^grafana\/grafana:\d+\.\d+\.\d+$/);
  for (const name of ["prometheus", "grafana"]) expect([name, services[name].profiles]).toEqual([name, ["monitoring"]]);
  // Without the profile nothing else changes: every other service has no profile, so plain `up` starts exactly them.
  const others = Object.entries(services).filter(([name]) => name !== "prometheus" && name !== "grafana");
  expect(others.filter(([, s]) => s.profiles !== undefined).map(([name]) => name)).toEqual([]);
  // The files the services mount exist.
  for (const v of [...(services.prometheus.volumes ?? []), ...(services.grafana.volumes ?? [])]) {
    const source = v.split(":")[0];
    if (source.startsWith("/")) expect([source, fs.existsSync(source)]).toEqual([source, true]);
  }
});
