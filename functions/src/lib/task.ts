/**
 * A task that needs settings is declared with defineTask and is handed the Config its worker process loaded
 * once at start (loadTaskList(config) in worker.ts), instead of reading the environment on every job.
 */
import type { JobHelpers } from "graphile-worker";
import type { Config } from "../../../core/config";

export type ConfiguredTask = (payload: unknown, helpers: JobHelpers, config: Config) => void | Promise<void>;

/** The task's default export: a graphile-worker Task that takes its worker's config as a third argument. */
export function defineTask(run: ConfiguredTask): ConfiguredTask {
  return run;
}
