import { defineTask } from "../lib/task";

interface Payload {
  /** Days an ended export's row is kept after its expiry (default 30), so an old link answers DXEXP, not DXUNK. */
  keepDays?: number;
}

function assertPayload(p: unknown): asserts p is Payload {
  const days = (p as Payload | null)?.keepDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 0)) throw new Error("user__expire_data_exports: invalid payload");
}

/**
 * Hourly (functions/crontab): deletes the archives of data exports past their
 * expiry (DATA_EXPORT_TTL_SECONDS after they were ready), marks exports whose
 * job never finished within a day as failed, and removes export rows that ended
 * more than keepDays ago. The download route refuses an expired link by its
 * expiry time alone, so an hour's delay here never serves a late download.
 * Idempotent: a second run finds nothing more to do.
 */
const task = defineTask(async (payload, { withPgClient, logger }) => {
  assertPayload(payload ?? {});
  const keepDays = (payload as Payload | null)?.keepDays ?? 30;
  const { rows } = await withPgClient((c) =>
    c.query<{ expired: string; failed: string; removed: string }>("select * from app_private.expire_data_exports(make_interval(days => $1))", [keepDays]),
  );
  const { expired, failed, removed } = rows[0];
  if (Number(expired) + Number(failed) + Number(removed) > 0) {
    logger.info(`user__expire_data_exports: ${expired} archives deleted, ${failed} stuck exports failed, ${removed} old exports removed`);
  }
});

export default task;
