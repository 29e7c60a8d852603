import { runJobsOnce } from "../../functions/src/worker";
import type { TestDatabase } from "./db";

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

/** Runs every due job with the real task list, as the worker process would. */
export async function runJobs(db: TestDatabase): Promise<void> {
  await runJobsOnce(db.ownerPool);
}
