/**
 * graphile-worker runner. Tasks are the files in functions/src/tasks, one per
 * task, the file name being the task identifier. Recurring jobs live in
 * functions/crontab.
 */
import fs from "node:fs";
import path from "node:path";
import type { Pool } from "pg";
import { Logger, parseCrontab, run, runOnce, type Runner, type Task, type TaskList } from "graphile-worker";
import { pinoLogFactory } from "../../server/src/lib/logger";

export const TASKS_DIR = path.join(__dirname, "tasks");
export const CRONTAB_FILE = path.join(__dirname, "..", "crontab");

let taskListCache: TaskList | undefined;

/** Loads every task module; a file that does not default-export a function fails loudly at start-up. */
export function loadTaskList(): TaskList {
  if (taskListCache) return taskListCache;
  const list: TaskList = {};
  for (const file of fs.readdirSync(TASKS_DIR).sort()) {
    if (!/\.(ts|js)$/.test(file) || file.endsWith(".d.ts")) continue;
    const identifier = file.replace(/\.(ts|js)$/, "");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(TASKS_DIR, file)) as { default?: Task };
    if (typeof mod.default !== "function") throw new Error(`functions/src/tasks/${file} must default-export a task function`);
    list[identifier] = mod.default;
  }
  return (taskListCache = list);
}

function crontab() {
  const text = fs.existsSync(CRONTAB_FILE) ? fs.readFileSync(CRONTAB_FILE, "utf8") : "";
  return parseCrontab(text);
}

export interface WorkerOptions {
  pgPool: Pool;
  concurrency?: number;
  pollInterval?: number;
}

export async function startWorker(options: WorkerOptions): Promise<Runner> {
  return run({
    pgPool: options.pgPool,
    concurrency: options.concurrency ?? 5,
    pollInterval: options.pollInterval ?? 2000,
    // The process owner (server/src/index.ts, worker.ts) handles signals and shuts us down in order.
    noHandleSignals: true,
    taskList: loadTaskList(),
    parsedCronItems: crontab(),
    logger: new Logger(pinoLogFactory("worker")),
  });
}

/** Runs every job that is due, then returns. Used by tests and one-off scripts. */
export async function runJobsOnce(pgPool: Pool): Promise<void> {
  await runOnce({ pgPool, taskList: loadTaskList(), logger: new Logger(pinoLogFactory("worker")) });
}
