/**
 * graphile-worker runner. Tasks are the files in functions/src/tasks, one per
 * task, the file name being the task identifier. Recurring jobs live in
 * functions/crontab. The process that starts the worker loads the Config once
 * and passes it in; every task is called with it (lib/task.ts).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Pool } from "pg";
import { Logger, parseCrontab, run, runOnce, type Runner, type TaskList } from "graphile-worker";
import type { Config } from "../../core/config";
import { pinoLogFactory } from "../../core/logger";
import { SpanKind, withSpan } from "../../core/tracing";
import type { ConfiguredTask } from "./lib/task";

export const TASKS_DIR = path.join(__dirname, "tasks");
export const CRONTAB_FILE = path.join(__dirname, "..", "crontab");

let moduleCache: Record<string, ConfiguredTask> | undefined;

/** Every task module's default export; a file that does not default-export a function fails loudly at start-up. */
function taskModules(): Record<string, ConfiguredTask> {
  if (moduleCache) return moduleCache;
  const tasks: Record<string, ConfiguredTask> = {};
  for (const file of fs.readdirSync(TASKS_DIR).sort()) {
    if (!/\.(ts|js)$/.test(file) || file.endsWith(".d.ts")) continue;
    const identifier = file.replace(/\.(ts|js)$/, "");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(TASKS_DIR, file)) as { default?: ConfiguredTask };
    if (typeof mod.default !== "function") throw new Error(`functions/src/tasks/${file} must default-export a task function`);
    tasks[identifier] = mod.default;
  }
  return (moduleCache = tasks);
}

/**
 * The task list graphile-worker runs: each task called with `config` as its third argument (tasks that need no
 * settings are plain Tasks and ignore it). Entry points pass the config their process loaded once.
 * Each job runs in its own root span named by its task (docs/tracing.md): a job is not part of the trace of
 * whatever queued it, possibly hours and several attempts earlier; tasks that carry a request's trace context
 * (the outbox's events__dispatch and webhooks__deliver) add links to it instead. A no-op with tracing off.
 */
export function loadTaskList(config: Config): TaskList {
  return Object.fromEntries(
    Object.entries(taskModules()).map(([identifier, task]) => [
      identifier,
      (payload, helpers) =>
        withSpan(identifier, {
          root: true,
          kind: SpanKind.CONSUMER,
          attributes: {
            "messaging.system": "graphile_worker",
            "messaging.operation.type": "process",
            "messaging.destination.name": identifier,
            "messaging.message.id": String(helpers.job.id),
            "graphile_worker.job.attempt": helpers.job.attempts,
            "graphile_worker.job.max_attempts": helpers.job.max_attempts,
          },
        }, async () => task(payload, helpers, config)),
    ]),
  );
}

function crontab() {
  const text = fs.existsSync(CRONTAB_FILE) ? fs.readFileSync(CRONTAB_FILE, "utf8") : "";
  return parseCrontab(text);
}

export interface WorkerOptions {
  pgPool: Pool;
  concurrency?: number;
  pollInterval?: number;
  /** The process's configuration, handed to every task. */
  config: Config;
}

/** How often a worker refreshes its row in app_private.worker_heartbeats (readiness treats 3 misses as dead). */
export const HEARTBEAT_SECONDS = 10;

/**
 * Keeps this worker's heartbeat row fresh until the runner stops, then removes
 * it. A failed beat (database briefly down) is retried at the next interval.
 */
async function heartbeat(pgPool: Pool, runner: Runner): Promise<void> {
  const workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const beat = () =>
    pgPool
      .query(
        `insert into app_private.worker_heartbeats (worker_id, hostname, pid) values ($1, $2, $3)
         on conflict (worker_id) do update set last_seen_at = now()`,
        [workerId, os.hostname(), process.pid],
      )
      .catch(() => {});
  await beat(); // the worker counts as alive as soon as startWorker resolves
  const timer = setInterval(beat, HEARTBEAT_SECONDS * 1000);
  timer.unref();
  void runner.promise.finally(async () => {
    clearInterval(timer);
    await pgPool.query("delete from app_private.worker_heartbeats where worker_id = $1", [workerId]).catch(() => {});
  });
}

/**
 * Job batching (graphile-worker 0.16+) for the worker process and the
 * server's embedded worker (the bench uses the same): completions and failures
 * are written in batches. A crash can leave a completed job locked until
 * graphile-worker's lock expiry, after which it runs again; our tasks are
 * idempotent and webhook attempts carry their webhook-id, so that is a
 * duplicate at worst. graphile-worker's local queue is deliberately not used:
 * with it, `runner.stop()` resolved while the queue kept fetching, so an
 * in-process worker polled ended pools and shutdown hit its timeout
 * (test/server/server_process.test.ts, embedded Postgres case).
 */
export function workerPreset(_concurrency: number): GraphileConfig.Preset {
  return {
    worker: {
      completeJobBatchDelay: 0,
      failJobBatchDelay: 0,
    },
  };
}

/** Everything but the pool that startWorker passes to graphile-worker, for the bench. */
export function workerRunOptions(concurrency: number, config: Config) {
  return { preset: workerPreset(concurrency), concurrency, taskList: loadTaskList(config), logger: new Logger(pinoLogFactory("worker")) };
}

export async function startWorker(options: WorkerOptions): Promise<Runner> {
  const concurrency = options.concurrency ?? 5;
  const runner = await run({
    ...workerRunOptions(concurrency, options.config),
    pgPool: options.pgPool,
    pollInterval: options.pollInterval ?? 2000,
    // The process owner (server/src/index.ts, worker.ts) handles signals and shuts us down in order.
    noHandleSignals: true,
    parsedCronItems: crontab(),
  });
  await heartbeat(options.pgPool, runner);
  return runner;
}

/**
 * Runs every job that is due, including jobs those jobs queue, then returns.
 * Used by tests and one-off scripts, with the config they loaded. No local
 * queue here: in runOnce mode it stops at the first short fetch, so jobs
 * queued during the run were left.
 */
export async function runJobsOnce(pgPool: Pool, config: Config): Promise<void> {
  await runOnce({ pgPool, taskList: loadTaskList(config), logger: new Logger(pinoLogFactory("worker")) });
}
