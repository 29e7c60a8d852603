import type { Task } from "graphile-worker";

/**
 * Cron (functions/crontab): every pending custom domain gets a check queued
 * if it has none. The checks schedule their own follow-ups with backoff, so
 * this only repairs a chain that broke (a job that exhausted its attempts on
 * database errors, a queue restored from backup); queued checks keep their
 * run_at (job_key_mode preserve_run_at).
 */
const task: Task = async (_payload, { withPgClient, logger }) => {
  const { rows } = await withPgClient((c) => c.query<{ n: number }>("select app_private.enqueue_custom_domain_checks() as n"));
  logger.info(`custom domains: ${rows[0]?.n ?? 0} pending domain(s) have a check queued`);
};

export default task;
