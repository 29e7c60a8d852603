/**
 * Gauges read from Postgres at scrape time: graphile-worker's queue, worker
 * heartbeats, webhook delivery outcomes, and whether the read worked at all.
 *
 * One statement per scrape on the owner pool, shared by every gauge. It runs
 * with a 2 s statement_timeout (SET LOCAL inside the statement's own implicit
 * transaction, so a pooled connection, pgbouncer's included, keeps its
 * settings), and the scrape waits at most 3 s for it: a slow or unreachable
 * database costs the scrape a few seconds, never the whole scrape. When the
 * read fails, database_up is 0 and the other gauges are reset rather than left
 * at stale values (alerts on them are written to defer to DatabaseDown).
 */
import type { Pool } from "pg";
import { Gauge, type Registry } from "prom-client";

const STATEMENT_TIMEOUT_MS = 2000;
const WAIT_MS = 3000;

interface Snapshot {
  /** Due, unlocked jobs with attempts left, by task identifier. */
  ready: Array<{ task: string; n: number }>;
  oldest: number | null;
  retrying: number;
  failed: number;
  workers: number;
  unfinished: Array<{ status: string; n: number }>;
  success: number;
  failure: number;
}

/*
 * graphile-worker 0.16+ keeps jobs in _private_jobs and identifiers in _private_tasks; the public `jobs` view
 * adds a join on job queues we do not need. Counting the queue is a scan of live jobs only (done jobs are deleted).
 * The webhook parts use webhook_deliveries_unfinished_idx (partial, status <> 'succeeded') and
 * webhook_attempts_created_at_idx, so they stay cheap however long the history grows.
 */
const SQL = `set local statement_timeout = ${STATEMENT_TIMEOUT_MS};
with due as (
  select j.task_id, j.run_at from graphile_worker._private_jobs j
   where j.locked_at is null and j.run_at <= now() and j.attempts < j.max_attempts
)
select
  (select coalesce(json_agg(json_build_object('task', t.identifier, 'n', c.n)), '[]')
     from (select task_id, count(*)::int as n from due group by task_id) c join graphile_worker._private_tasks t on t.id = c.task_id) as ready,
  (select extract(epoch from now() - min(run_at))::float8 from due) as oldest,
  (select count(*)::int from graphile_worker._private_jobs j where j.attempts > 0 and j.attempts < j.max_attempts and j.last_error is not null) as retrying,
  (select count(*)::int from graphile_worker._private_jobs j where j.attempts >= j.max_attempts) as failed,
  (select count(*)::int from app_private.worker_heartbeats w where w.last_seen_at > now() - interval '30 seconds') as workers,
  (select coalesce(json_agg(json_build_object('status', status, 'n', n)), '[]')
     from (select status, count(*)::int as n from app_public.webhook_deliveries where status <> 'succeeded' group by status) d) as unfinished,
  (select count(*)::int from app_public.webhook_attempts where created_at > now() - interval '5 minutes' and is_success) as success,
  (select count(*)::int from app_public.webhook_attempts where created_at > now() - interval '5 minutes' and not is_success) as failure`;

async function read(pool: Pool): Promise<Snapshot | undefined> {
  const query = pool
    .query(SQL)
    .then((results) => (results as unknown as Array<{ rows: Snapshot[] }>)[1].rows[0])
    .catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), WAIT_MS)));
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export default function installQueueMetrics(pool: Pool, registry: Registry): void {
  // Every gauge's collect() asks for the snapshot; the first starts the query, the rest of the scrape shares it.
  let pending: Promise<Snapshot | undefined> | undefined;
  const snapshot = () => (pending ??= read(pool).finally(() => setTimeout(() => (pending = undefined), 0)));

  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[], fill: (g: Gauge<L>, s: Snapshot) => void) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const s = await snapshot();
        this.reset();
        if (s) fill(this, s);
      },
    });

  new Gauge({
    name: "database_up",
    help: "1 if this scrape could read the queue from Postgres within its time limit, else 0.",
    registers: [registry],
    async collect() {
      this.set((await snapshot()) ? 1 : 0);
    },
  });
  gauge("jobs_ready", "Jobs due to run and not locked by a worker.", [], (g, s) => g.set(s.ready.reduce((sum, r) => sum + r.n, 0)));
  gauge("jobs_ready_by_task", "Jobs due to run and not locked by a worker, by task identifier.", ["task"], (g, s) => {
    for (const r of s.ready) g.set({ task: r.task }, r.n);
  });
  gauge("jobs_oldest_ready_age_seconds", "How long the oldest due job has been waiting.", [], (g, s) => g.set(s.oldest ?? 0));
  gauge("jobs_retrying", "Jobs that failed at least once and will be retried.", [], (g, s) => g.set(s.retrying));
  gauge("jobs_failed", "Jobs that used all their attempts (need an operator).", [], (g, s) => g.set(s.failed));
  gauge("workers_alive", "Worker processes with a heartbeat in the last 30 seconds.", [], (g, s) => g.set(s.workers));
  gauge("webhook_deliveries_unfinished", "Webhook deliveries not (yet) delivered: pending (retrying) or failed (gave up).", ["status"], (g, s) => {
    for (const status of ["pending", "failed"]) g.set({ status }, s.unfinished.find((r) => r.status === status)?.n ?? 0);
  });
  gauge("webhook_attempts_recent", "Webhook delivery attempts in the last 5 minutes by outcome.", ["outcome"], (g, s) => {
    g.set({ outcome: "success" }, s.success);
    g.set({ outcome: "failure" }, s.failure);
  });
}
