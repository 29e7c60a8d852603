/**
 * A task that needs settings is declared with defineTask and is handed the Config its worker process loaded
 * once at start (loadTaskList(config) in worker.ts), instead of reading the environment on every job.
 */
import type { JobHelpers } from "graphile-worker";
import { loadConfig, type Config } from "../../../core/config";

export type ConfiguredTask = (payload: unknown, helpers: JobHelpers, config: Config) => void | Promise<void>;

/**
 * The task's default export: a graphile-worker Task that takes the config as a third argument. Called directly
 * without one (a test, a one-off script), it reads the environment at that call, as the worker would at start.
 */
export function defineTask(run: ConfiguredTask) {
  return (payload: unknown, helpers: JobHelpers, config: Config = loadConfig()): void | Promise<void> => run(payload, helpers, config);
}
