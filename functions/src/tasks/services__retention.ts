import { defineTask } from "../lib/task";

interface Payload {
  /** Overrides SERVICES_IDEMPOTENCY_RETENTION_DAYS for one run (operators, tests). */
  retentionDays?: number;
}

function assertPayload(p: unknown): asserts p is Payload {
  const days = (p as Payload | null)?.retentionDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1)) throw new Error("services__retention: invalid payload");
}

/**
 * Daily (functions/crontab): removes the services API's idempotency keys older
 * than the retention period, one row per keyed call in app_private.meter_records
 * (usage consumed, recorded or released) and app_private.service_event_keys
 * (events published). Counters and events stay; only the memory of which keys
 * were seen goes, so a key replayed after that applies again (docs/services.md).
 * Idempotent: a second run the same day finds nothing older to remove.
 */
const task = defineTask(async (payload, { withPgClient, logger }, config) => {
  assertPayload(payload ?? {});
  const days = (payload as Payload | null)?.retentionDays ?? config.gateway.idempotencyRetentionDays;
  const { rows } = await withPgClient((c) =>
    c.query<{ meter_records: string; event_keys: string }>("select * from app_private.services_retention(make_interval(days => $1))", [days]),
  );
  const { meter_records: records, event_keys: keys } = rows[0];
  if (Number(records) + Number(keys) > 0) {
    logger.info(`services__retention: removed ${records} usage keys and ${keys} event keys older than ${days} days`);
  }
});

export default task;
