import type { Task } from "graphile-worker";
import { loadConfig } from "../../../server/src/config";
import { attempt, AttemptRecorder, type AttemptTarget } from "../lib/webhooks/attempt";
import { subscriberTypes } from "../subscribers";

/** Events claimed per transaction. */
export const DISPATCH_BATCH = 50;
/** First attempts made here per event; endpoints past this (rare) get a webhooks__deliver job at once, like failing ones. */
export const INLINE_DELIVERIES_PER_EVENT = 8;
/** First attempts in flight at once per job. */
export const MAX_IN_FLIGHT = 64;
/** A job drains for at most this long, then hands over to a fresh job (so a stop never waits on an endless drain). */
export const DRAIN_MS = 10_000;
/** A safety job is due this long after an inline attempt's deadline (config.timeoutMs). */
export const SAFETY_MARGIN_SECONDS = 30;

interface Dispatched {
  claimed: number;
  failed: { id: string; error: string; code: string }[];
  deliveries: Omit<AttemptTarget, "retryIndex">[];
}

/**
 * Drains the outbox. Queued by the events insert trigger (one job per
 * producing connection, no payload: the outbox itself is the state) and by
 * the crontab once a minute. Claims undispatched events in batches
 * (app_private.dispatch_events, skip locked, so jobs side by side share the
 * work): each batch is fanned out in one transaction (a delivery + job per
 * matching endpoint, a job per internal subscriber, dispatched_at), and an
 * event whose fan-out fails is set aside with a backoff without holding up the
 * others. Right after the claim commits, this task makes the first attempt of
 * the returned deliveries itself, at most MAX_IN_FLIGHT at once (each cut at
 * WEBHOOK_TIMEOUT_MS), and AttemptRecorder records the outcomes in groups.
 * Each of those deliveries also has its webhooks__deliver job, due after the
 * attempt's deadline: recording removes it or moves it to the retry time, and
 * if we die first it makes the attempt again (a duplicate with the same
 * webhook-id, never a loss). A recording error fails this job after the other
 * attempts finish; the safety jobs cover what it did not record.
 */
const task: Task = async (_payload, { withPgClient, addJob, logger }) => {
  const config = loadConfig().webhooks;
  const recorder = new AttemptRecorder(withPgClient, config);
  const subscribers = JSON.stringify(subscriberTypes());
  const safetySeconds = config.timeoutMs / 1000 + SAFETY_MARGIN_SECONDS;
  const inFlight = new Set<Promise<void>>();
  const errors: unknown[] = [];
  const deadline = Date.now() + DRAIN_MS;
  for (;;) {
    const { rows } = await withPgClient((c) =>
      c.query<{ r: Dispatched }>("select app_private.dispatch_events($1, $2, $3, $4) as r", [subscribers, DISPATCH_BATCH, INLINE_DELIVERIES_PER_EVENT, safetySeconds]),
    );
    const { claimed, failed, deliveries } = rows[0].r;
    for (const f of failed) logger.error(`event ${f.id} could not be dispatched (${f.code}): ${f.error}; retried with a backoff`);
    for (const d of deliveries) {
      while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      const p: Promise<void> = attempt({ ...d, retryIndex: 0 }, config)
        .then((record) => recorder.add(record))
        .catch((err: unknown) => void errors.push(err))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    if (claimed < DISPATCH_BATCH) break;
    if (Date.now() > deadline) {
      await addJob("events__dispatch", {}, { jobKey: "events__dispatch:continue", maxAttempts: 25 });
      break;
    }
  }
  await Promise.all(inFlight);
  if (errors.length > 0) throw errors[0];
};

export default task;
