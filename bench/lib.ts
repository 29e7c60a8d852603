/**
 * Shared bench plumbing: a throwaway embedded Postgres with a migrated
 * template (same helper the tests use), autocannon runs, and the result table.
 * Every figure is reported as a ratio against a baseline measured in the same
 * run on the same machine, never as an absolute threshold.
 */
import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type pg from "pg";
import path from "node:path";
import { promisify } from "node:util";
import { createTestDatabase, type TestDatabase } from "../test/helpers/db";
import { spawnTestPostgres, type TestPostgres } from "../test/helpers/postgres";

const execFileAsync = promisify(execFile);

export interface BenchResult {
  scenario: string;
  metric: string;
  value: number;
  baselineName: string;
  baseline: number;
  /** value / baseline, or baseline / value for "lower is better" metrics (see `higherIsBetter`). */
  ratio: number;
  goal?: number;
  higherIsBetter: boolean;
  notes?: string;
}

export interface BenchEnv {
  pg: TestPostgres;
  newDatabase(): Promise<TestDatabase>;
  durationSeconds: number;
  connections: number;
}

export async function startBenchEnv(): Promise<BenchEnv> {
  const pg = await spawnTestPostgres("logicspike_bench_template");
  process.env.TEST_PG_ROOT_URL = pg.rootUrl;
  process.env.TEST_DB_OWNER_PASSWORD = pg.ownerPassword;
  process.env.TEST_DB_AUTHENTICATOR_PASSWORD = pg.authenticatorPassword;
  process.env.TEST_TEMPLATE_DB = pg.templateDb;
  return {
    pg,
    newDatabase: createTestDatabase,
    durationSeconds: Number(process.env.BENCH_DURATION || 5),
    connections: Number(process.env.BENCH_CONNECTIONS || 10),
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** Requests that got no answer within autocannon's 10 s (also counted in `errors`). */
  timeouts: number;
  /** Requests completed in the measured window. */
  total: number;
}

/** autocannon in its own process (its CLI), so the load generator does not share the server's event loop. */
async function autocannonCli(opts: { url: string; method: string; body?: string; headers?: Record<string, string>; connections: number; duration: number }) {
  const args = ["-j", "-c", String(opts.connections), "-d", String(opts.duration), "-m", opts.method];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push("-H", `${k}=${v}`);
  if (opts.body) args.push("-b", opts.body);
  args.push(opts.url);
  const { stdout } = await execFileAsync(path.join(__dirname, "..", "node_modules", ".bin", "autocannon"), args, { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as { requests: { average: number; total: number }; latency: { p99: number }; errors: number; timeouts: number; non2xx: number };
}

export async function load(opts: {
  url: string;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  env: BenchEnv;
  /** Overrides `env.connections` (BENCH_CONNECTIONS) for this load. */
  connections?: number;
}): Promise<LoadResult> {
  const common = { url: opts.url, method: opts.method ?? "GET", body: opts.body, headers: opts.headers, connections: opts.connections ?? opts.env.connections };
  // Warm-up so JIT, pools and plan caches are in the same state for both sides.
  await autocannonCli({ ...common, duration: 1 });
  const r = await autocannonCli({ ...common, duration: opts.env.durationSeconds });
  return { requestsPerSecond: r.requests.average, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx, timeouts: r.timeouts, total: r.requests.total };
}

/** Runs `fn` from `concurrency` loops for `seconds`; returns completions per second. */
export async function closedLoop(concurrency: number, seconds: number, fn: (worker: number) => Promise<unknown>): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (performance.now() < end) {
        await fn(w);
        done++;
      }
    }),
  );
  return done / seconds;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Measures two sides `rounds` times, alternating which runs first so drift on
 * a shared machine hits both alike; returns the median of each.
 */
export async function alternate(rounds: number, a: () => Promise<number>, b: () => Promise<number>): Promise<[number, number]> {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) as.push(await a()), bs.push(await b());
    else bs.push(await b()), as.push(await a());
  }
  if (process.env.BENCH_DEBUG) console.log("bench: rounds (first side, second side):", as.map(Math.round), bs.map(Math.round));
  return [median(as), median(bs)];
}

export function ratioResult(r: Omit<BenchResult, "ratio">): BenchResult {
  const ratio = r.higherIsBetter ? r.value / r.baseline : r.baseline / r.value;
  return { ...r, ratio: Math.round(ratio * 1000) / 1000 };
}

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => ({
    scenario: r.scenario,
    metric: r.metric,
    value: r.value.toFixed(1),
    baseline: `${r.baselineName}: ${r.baseline.toFixed(1)}`,
    ratio: `${r.ratio.toFixed(3)}×`,
    goal: r.goal === undefined ? "" : `≥ ${r.goal}× ${r.ratio >= r.goal ? "met" : "NOT MET"}`,
  }));
  console.table(rows);
}

/** Transaction-local settings in one round trip, the way PostGraphile applies pgSettings (role, claims, …). */
export async function applySettings(client: pg.ClientBase, settings: Record<string, string>): Promise<void> {
  const entries = Object.entries(settings);
  if (!entries.length) return;
  const calls = entries.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(", ");
  await client.query(`select ${calls}`, entries.flat());
}

/**
 * The raw-pg baseline of a GraphQL scenario: a bare node:http server whose
 * every request runs `begin; <settings>; query; commit` on `pool` (the same
 * transaction shape as a GraphQL request) and answers the JSON `shape` builds.
 */
export async function rawPgServer(
  pool: pg.Pool,
  settings: Record<string, string>,
  query: (client: pg.PoolClient) => Promise<unknown>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (_req, res) => {
    const client = await pool.connect();
    try {
      await client.query("begin");
      await applySettings(client, settings);
      const body = await query(client);
      await client.query("commit");
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(body));
    } catch (e) {
      await client.query("rollback").catch(() => {});
      res.statusCode = 500;
      res.end(String(e));
    } finally {
      client.release();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Rows the GraphQL list scenarios read from the bench table. */
export const BENCH_LIST_ROWS = 50;
/** The list query those scenarios send: BENCH_LIST_ROWS rows of app_public.bench_items. */
export const BENCH_LIST_QUERY = `{ benchItems(first: ${BENCH_LIST_ROWS}, orderBy: PRIMARY_KEY_ASC) { nodes { id name } } }`;

/** A bench-only table of 1000 rows in a throwaway database, with RLS forced as every real table has it. */
export async function createBenchItems(db: { ownerPool: pg.Pool }): Promise<void> {
  await db.ownerPool.query(`
    create table app_public.bench_items (id serial primary key, name text not null, created_at timestamptz not null default now());
    insert into app_public.bench_items (name) select 'item ' || g from generate_series(1, 1000) g;
    alter table app_public.bench_items enable row level security;
    alter table app_public.bench_items force row level security;
    create policy select_all on app_public.bench_items for select using (true);
    grant select on app_public.bench_items to app_anonymous;
  `);
}
