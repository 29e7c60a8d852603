import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { loadConfig } from "../../core/config";
import { runJobsOnce } from "../../functions/src/worker";
import type { TestDatabase } from "./db";

const ROOT = path.join(__dirname, "..", "..");

export interface QueuedJob {
  id: string;
  task_identifier: string;
  payload: Record<string, unknown>;
  attempts: number;
  last_error: string | null;
  key: string | null;
}

/** Jobs waiting in graphile-worker's queue (optionally one task's). */
export async function getJobs(db: TestDatabase, task?: string): Promise<QueuedJob[]> {
  const { rows } = await db.ownerPool.query<QueuedJob>(
    // The public graphile_worker.jobs view omits payloads; read the private table (test-only).
    `select j.id, t.identifier as task_identifier, j.payload, j.attempts, j.last_error, j.key
       from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where $1::text is null or t.identifier = $1 order by j.id`,
    [task ?? null],
  );
  return rows;
}

/**
 * Runs every due job with the real task list, as the worker process would,
 * and returns once their outcomes are written. graphile-worker (0.18) does not
 * await the statement that completes or fails a job, so its run-once mode can
 * resolve while the last outcome is still in flight (the job still locked):
 * wait until no job is locked (up to 5 s; a test that leaves a job locked on
 * purpose, as the crash tests do, resets the lock before calling this).
 * The tasks get a config loaded from process.env at this call, so a test that
 * sets a variable (APP_URL, DNS_SERVERS, …) before running jobs is seen by them.
 */
export async function runJobs(db: TestDatabase): Promise<void> {
  await runJobsOnce(db.ownerPool, loadConfig());
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const { rows } = await db.ownerPool.query("select count(*)::int as n from graphile_worker._private_jobs where locked_by is not null");
    if (rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Sessions of the crash tests' child worker in *this* database (several test files run at once, each with its own
 * database, and each may have a child with this application_name).
 */
export const CRASH_CHILD = "application_name = 'crash_child' and datname = current_database()";

export interface CrashChild {
  child: ChildProcess;
  /** SIGKILLs the child, then ends its orphaned session and waits until it is gone (its locks go only then). */
  kill(): Promise<void>;
}

/**
 * Runs the due jobs once in a child process (test/functions/fixtures/runJobsOnce.ts) for a crash test to SIGKILL
 * mid-job. `node --import tsx`, not the tsx wrapper: the signal must hit the process that runs the job.
 */
export function spawnCrashChild(db: TestDatabase, env: Record<string, string> = {}): CrashChild {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "node"), ["--import", "tsx", path.join(ROOT, "test", "functions", "fixtures", "runJobsOnce.ts"), db.urls.owner], {
    cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: "silent" }, stdio: "ignore",
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    child,
    async kill() {
      child.kill("SIGKILL");
      await exited;
      // Postgres notices a dead client only when it next talks to it; end the orphaned session (rolling it back) now.
      await db.superPool.query(`select pg_terminate_backend(pid, 10000) from pg_stat_activity where ${CRASH_CHILD}`);
    },
  };
}
