import { defineTask } from "../lib/task";

interface Payload {
  /** Overrides AUDIT_RETENTION_DAYS for one run (operators, tests). */
  retentionDays?: number;
}

function assertPayload(p: unknown): asserts p is Payload {
  const days = (p as Payload | null)?.retentionDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1)) throw new Error("audit__retention: invalid payload");
}

/**
 * Daily (functions/crontab): removes audit entries older than the retention
 * period. app_private.audit_retention deletes a prefix of each workspace's
 * hash chain under the chain head lock and stores the last removed entry's
 * hash as the chain's anchor, so verify_audit_chain stays true. Idempotent: a
 * second run the same day finds nothing older to remove.
 */
const task = defineTask(async (payload, { withPgClient, logger }, config) => {
  assertPayload(payload ?? {});
  const days = (payload as Payload | null)?.retentionDays ?? config.audit.retentionDays;
  const { rows } = await withPgClient((c) =>
    c.query<{ tenant_id: string; removed: string }>("select * from app_private.audit_retention(make_interval(days => $1))", [days]),
  );
  const removed = rows.reduce((n, r) => n + Number(r.removed), 0);
  if (removed > 0) logger.info(`audit__retention: removed ${removed} entries older than ${days} days from ${rows.length} workspaces`);
});

export default task;
