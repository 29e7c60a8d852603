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
  /** Per-round ratios when the sides alternated over several rounds (each round's pair, same order): the range a reader should trust. */
  roundRatios?: number[];
  /** A reference figure (e.g. the engine alone vs raw pg) that has no goal of its own; printed as such. */
  reference?: boolean;
  /** The goal holds for every round, not only the median (e.g. webhook fan-out): the verdict is the lowest round's ratio. */
  everyRound?: boolean;
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
  /** Overrides `env.durationSeconds` (BENCH_DURATION) for this load. */
  durationSeconds?: number;
}): Promise<LoadResult> {
  const common = { url: opts.url, method: opts.method ?? "GET", body: opts.body, headers: opts.headers, connections: opts.connections ?? opts.env.connections };
  // Warm-up so JIT, pools and plan caches are in the same state for both sides.
  await autocannonCli({ ...common, duration: 1 });
  const r = await autocannonCli({ ...common, duration: opts.durationSeconds ?? opts.env.durationSeconds });
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

export interface Side {
  name: string;
  /** One measured load (`seconds` overrides BENCH_DURATION: the unmeasured warm-up round is shorter). */
  run(seconds?: number): Promise<LoadResult>;
}

export interface SideRuns {
  /** Median req/s over the rounds. */
  rps: number;
  runs: LoadResult[];
}

/**
 * Measures several sides `rounds` times, rotating which goes first each round
 * (a, b, c; b, c, a; c, a, b; …) so drift on a shared machine hits every side
 * alike. Fails if any request of any side failed.
 */
export async function compareSides(rounds: number, sides: Side[], label: string): Promise<Record<string, SideRuns>> {
  const out: Record<string, SideRuns> = Object.fromEntries(sides.map((s) => [s.name, { rps: 0, runs: [] as LoadResult[] }]));
  // One unmeasured round first: the first measured round was consistently 30–50 % slow (JIT, plan caches, pools).
  for (const side of sides) await side.run(2);
  for (let i = 0; i < rounds; i++) {
    for (let j = 0; j < sides.length; j++) {
      const side = sides[(i + j) % sides.length];
      out[side.name].runs.push(await side.run());
    }
  }
  for (const s of Object.values(out)) s.rps = median(s.runs.map((r) => r.requestsPerSecond));
  if (process.env.BENCH_DEBUG) console.log(`bench: ${label} rounds:`, Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.runs.map((r) => Math.round(r.requestsPerSecond))])));
  const failed = Object.entries(out).filter(([, v]) => v.runs.some((r) => r.non2xx || r.errors));
  if (failed.length) throw new Error(`${label}: bench requests failed on ${failed.map(([k]) => k).join(", ")}`);
  return out;
}

/** Ratio of two sides measured by compareSides: medians, plus each round's own ratio. */
export function sidesRatio(
  sides: Record<string, SideRuns>,
  value: string,
  baseline: string,
  r: Omit<BenchResult, "ratio" | "value" | "baseline" | "baselineName" | "higherIsBetter" | "metric" | "roundRatios"> & { baselineName?: string },
): BenchResult {
  const v = sides[value];
  const b = sides[baseline];
  const roundRatios = v.runs.map((run, i) => Math.round((run.requestsPerSecond / b.runs[i].requestsPerSecond) * 1000) / 1000);
  const p99 = (s: SideRuns) => median(s.runs.map((x) => x.p99Ms));
  return ratioResult({
    metric: "req/s",
    higherIsBetter: true,
    value: v.rps,
    baseline: b.rps,
    baselineName: r.baselineName ?? baseline,
    roundRatios,
    ...r,
    notes: [`rounds ${roundRatios.map((x) => x.toFixed(2)).join(", ")}; p99 ${p99(v)} vs ${p99(b)} ms`, r.notes].filter(Boolean).join("; "),
  });
}

/** Whether a result meets its goal: the median's ratio, or for `everyRound` goals the lowest round's. */
export function goalMet(r: BenchResult): boolean | undefined {
  if (r.goal === undefined) return undefined;
  const worst = r.everyRound && r.roundRatios?.length ? Math.min(...r.roundRatios) : r.ratio;
  return worst >= r.goal && r.ratio >= r.goal; // ratios are oriented so that higher is better (ratioResult)
}

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => ({
    scenario: r.scenario,
    metric: r.metric,
    value: r.value.toFixed(1),
    baseline: `${r.baselineName}: ${r.baseline.toFixed(1)}`,
    ratio: `${r.ratio.toFixed(3)}×`,
    goal: r.goal === undefined ? (r.reference ? "reference" : "") : `≥ ${r.goal}×${r.everyRound ? " every round" : ""} ${goalMet(r) ? "met" : "NOT MET"}${r.roundRatios && r.roundRatios.some((x) => x < r.goal!) ? ` (min round ${Math.min(...r.roundRatios).toFixed(2)})` : ""}`,
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
