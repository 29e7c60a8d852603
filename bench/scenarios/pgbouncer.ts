/**
 * pgbouncer: the GraphQL list query of graphqlVsRawPg (50 rows, anonymous) against a server whose owner and
 * authenticator pools go through a real pgbouncer 1.18 in transaction mode (test/helpers/pgbouncer.ts,
 * `default_pool_size = 20`), vs the same server straight to Postgres; rounds alternate. Goal: >= 0.9x direct.
 * Then 500 HTTP clients (autocannon connections: 500) against each: the server's pools (max 20 each,
 * core/db/pool.ts) queue them onto pgbouncer, which serves them over at most 20 Postgres connections per role.
 * Goal: no errors, no non-2xx.
 *
 * Each server runs in a child process of its own (this file, BENCH_PGBOUNCER_CHILD set): @dataplan/pg reads
 * DATAPLAN_PG_PREPARED_STATEMENT_CACHE_SIZE once when it loads, and only the pooled side must run with 0
 * (docs/scaling.md#pgbouncer); the direct side keeps its default, as it would in production.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { DatabaseUrls } from "../../core/db/urls";
import { startPgBouncer } from "../../test/helpers/pgbouncer";
import { startTestServer } from "../../test/helpers/server";
import { BENCH_LIST_QUERY, BENCH_LIST_ROWS, alternate, createBenchItems, load, median, ratioResult, type BenchEnv, type BenchResult, type LoadResult } from "../lib";

const ROOT = path.join(__dirname, "..", "..");
const ROWS = BENCH_LIST_ROWS;
const ROUNDS = Number(process.env.BENCH_PGBOUNCER_ROUNDS || 3);
const MANY = Number(process.env.BENCH_PGBOUNCER_CLIENTS || 500);
const POOL_SIZE = 20;
const QUERY = BENCH_LIST_QUERY;

interface ChildServer {
  url: string;
  close(): Promise<void>;
}

/** Starts `startTestServer(urls)` in a child process with `env` added, and waits for its URL. */
async function spawnServer(urls: DatabaseUrls, env: Record<string, string>): Promise<ChildServer> {
  const child: ChildProcess = spawn(path.join(ROOT, "node_modules", ".bin", "node"), ["--import", "tsx", __filename], {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_PGBOUNCER_CHILD: JSON.stringify(urls) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr!.on("data", (d: Buffer) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let line = "";
    child.stdout!.on("data", (d: Buffer) => {
      line += d;
      const m = /^BENCH_SERVER_URL=(\S+)$/m.exec(line);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`pgbouncer bench: server child exited (${code}) before listening:\n${output}`)));
  });
  return {
    url,
    async close() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

async function checkQuery(url: string): Promise<void> {
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: QUERY }) });
  const body = (await res.json()) as { data?: { benchItems?: { nodes?: unknown[] } } };
  if (body.data?.benchItems?.nodes?.length !== ROWS) throw new Error(`pgbouncer bench: query is broken at ${url}: ${JSON.stringify(body).slice(0, 300)}`);
}

const failures = (r: LoadResult) => r.errors + r.non2xx;

export async function pgbouncer(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  await createBenchItems(db);
  const bouncer = await startPgBouncer(db.urls, { poolSize: POOL_SIZE });
  let direct: ChildServer | undefined;
  let pooled: ChildServer | undefined;
  try {
    [direct, pooled] = await Promise.all([spawnServer(db.urls, {}), spawnServer(bouncer.urls, { DATAPLAN_PG_PREPARED_STATEMENT_CACHE_SIZE: "0" })]);
    await checkQuery(direct.url);
    await checkQuery(pooled.url);

    const post = (url: string, connections?: number) =>
      load({ url: `${url}/graphql`, method: "POST", body: JSON.stringify({ query: QUERY }), headers: { "content-type": "application/json" }, env, connections });
    const runs: { pooled: LoadResult[]; direct: LoadResult[] } = { pooled: [], direct: [] };
    const [pooledRps, directRps] = await alternate(
      ROUNDS,
      async () => (runs.pooled.push(await post(pooled!.url)), runs.pooled.at(-1)!.requestsPerSecond),
      async () => (runs.direct.push(await post(direct!.url)), runs.direct.at(-1)!.requestsPerSecond),
    );
    const failed = [...runs.pooled, ...runs.direct].reduce((n, r) => n + failures(r), 0);

    // Many clients: direct first, then it is stopped so that every authenticator connection left on the
    // database afterwards is one of pgbouncer's (it keeps them for server_idle_timeout).
    const manyDirect = await post(direct.url, MANY);
    await direct.close();
    direct = undefined;
    const manyPooled = await post(pooled.url, MANY);
    const { rows } = await db.superPool.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = $1 and usename = $2",
      [db.urls.databaseName, db.urls.authenticatorRole],
    );
    const describe = (r: LoadResult) =>
      `${r.total} requests, ${r.errors} errors (${r.timeouts} timeouts), ${r.non2xx} non-2xx, p99 ${r.p99Ms} ms`;
    console.error(`bench: pgbouncer, ${MANY} clients: pooled ${describe(manyPooled)}; direct ${describe(manyDirect)}; ${rows[0].n} authenticator server connections`);
    return [
      ratioResult({
        scenario: `pgbouncer: GraphQL list (${ROWS} rows) through pgbouncer 1.18 (transaction mode, pool ${POOL_SIZE}, no prepared statements) vs direct`,
        metric: "req/s",
        value: pooledRps,
        baselineName: "same server straight to Postgres",
        baseline: directRps,
        higherIsBetter: true,
        goal: 0.9,
        notes: `${env.connections} clients; p99 ${median(runs.pooled.map((r) => r.p99Ms))} ms vs ${median(runs.direct.map((r) => r.p99Ms))} ms; ${failed} failed requests`,
      }),
      ratioResult({
        scenario: `pgbouncer: ${MANY} HTTP clients → server pools (max 20) → pgbouncer pool ${POOL_SIZE}: share of requests answered 2xx`,
        metric: "2xx / all",
        value: manyPooled.total ? (manyPooled.total - manyPooled.non2xx) / (manyPooled.total + manyPooled.errors) : 0,
        baselineName: "all of them",
        baseline: 1,
        higherIsBetter: true,
        goal: 1,
        notes: describe(manyPooled),
      }),
      ratioResult({
        scenario: `pgbouncer: ${MANY} HTTP clients, p99 through pgbouncer vs direct`,
        metric: "p99 ms",
        value: manyPooled.p99Ms,
        baselineName: `direct, ${MANY} clients`,
        baseline: manyDirect.p99Ms,
        higherIsBetter: false,
        notes: `req/s ${manyPooled.requestsPerSecond.toFixed(0)} vs ${manyDirect.requestsPerSecond.toFixed(0)} direct (${describe(manyDirect)}); ${rows[0].n} authenticator connections on Postgres after the pooled run`,
      }),
    ];
  } finally {
    await Promise.all([direct?.close(), pooled?.close()]);
    await bouncer.destroy();
  }
}

/** Child mode: one server on `BENCH_PGBOUNCER_CHILD`'s URLs (its env, prepared statements included, is fixed at spawn). */
async function serveChild(urls: DatabaseUrls): Promise<void> {
  const server = await startTestServer({ urls });
  process.once("SIGTERM", () => void server.close().finally(() => process.exit(0)));
  process.stdout.write(`BENCH_SERVER_URL=${server.url}\n`);
}

if (process.env.BENCH_PGBOUNCER_CHILD) {
  serveChild(JSON.parse(process.env.BENCH_PGBOUNCER_CHILD) as DatabaseUrls).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
