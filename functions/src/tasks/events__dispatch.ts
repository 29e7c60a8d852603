import type { PoolClient } from "pg";
import type { Logger } from "graphile-worker";
import type { Config } from "../../../core/config";
import { inTransaction } from "../../../core/db/transaction";
import { linkActiveSpan, tracingEnabled, withSpan } from "../../../core/tracing";
import { defineTask } from "../lib/task";
import { attempt, type AttemptRecord, type AttemptTarget } from "../lib/webhooks/attempt";
import { subscriberTypes } from "../subscribers";

/** Events claimed per transaction. */
export const DISPATCH_BATCH = 100;
/** Batches in progress at once per job, each on its own connection (one in its POSTs while another writes). */
export const LANES = 4;
/** First attempts made per event; endpoints past this (rare) get a webhooks__deliver job, like failing ones. */
export const INLINE_DELIVERIES_PER_EVENT = 8;
/** First attempts in flight at once per batch. */
export const MAX_IN_FLIGHT = 64;
/** A job drains for at most this long, then hands over to a fresh job (so a stop never waits on an endless drain). */
export const DRAIN_MS = 10_000;

interface Claim {
  events: string[];
  deliveries: (Omit<AttemptTarget, "retryIndex"> & { eventId: string; endpointId: string })[];
}
type Outcome = AttemptRecord & { eventId: string; endpointId: string };

/** Runs fn over items, at most `limit` at a time; results in item order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]);
      }
    }),
  );
  return results;
}

/**
 * One batch, one transaction: claim (locks the events), first attempts, then
 * complete (deliveries in their final state, jobs, dispatched_at), commit.
 * Returns how many events it claimed. With tracing on, the batch is a span
 * linked to the trace of each request that published one of its events
 * (app_private.events.traceparent; docs/tracing.md), and its attempts' HTTP
 * spans are its children.
 */
async function dispatchBatch(client: PoolClient, config: Config["webhooks"], subscribers: string, logger: Logger): Promise<number> {
  return withSpan("events__dispatch batch", {}, (span) => inTransaction(client, async (c) => {
    const { rows } = await c.query<{ r: Claim }>("select app_private.claim_events($1, $2) as r", [DISPATCH_BATCH, INLINE_DELIVERIES_PER_EVENT]);
    const claim = rows[0].r;
    span.setAttribute("logicspike.events.count", claim.events.length);
    if (claim.events.length > 0 && tracingEnabled) {
      // Only with tracing on: one primary-key read of the batch's events, inside its transaction.
      const traced = await c.query<{ traceparent: string }>(
        "select traceparent from app_private.events where id = any($1::uuid[]) and traceparent is not null",
        [claim.events],
      );
      linkActiveSpan(traced.rows.map((r) => r.traceparent));
    }
    if (claim.events.length > 0) {
      const outcomes = await mapLimit(claim.deliveries, MAX_IN_FLIGHT, async (d): Promise<Outcome> => ({
        ...(await attempt({ ...d, retryIndex: 0 }, config)),
        eventId: d.eventId,
        endpointId: d.endpointId,
      }));
      const done = await c.query<{ r: { failed: { id: string; error: string; code: string }[] } }>(
        "select app_private.complete_dispatch($1, $2, $3, make_interval(secs => $4)) as r",
        [claim.events, subscribers, JSON.stringify(outcomes), config.disableAfterSeconds],
      );
      for (const f of done.rows[0].r.failed) logger.error(`event ${f.id} could not be dispatched (${f.code}): ${f.error}; retried with a backoff`);
    }
    return claim.events.length;
  }));
}

/**
 * Drains the outbox. Queued by the events insert trigger (one job per
 * producing connection, no payload: the outbox itself is the state) and by
 * the crontab once a minute. Each batch is one transaction
 * (app_private.claim_events … complete_dispatch): the claimed events stay
 * locked (other drainers skip them) while their first attempts are made, side
 * by side, each cut at WEBHOOK_TIMEOUT_MS; then every delivery is written once,
 * in its final state. Endpoints that are failing get a webhooks__deliver job
 * instead, so a known-bad endpoint never holds a batch; a failed first attempt
 * is scheduled for retry like any other. If we die before the commit, the
 * events are claimed again and POSTed again with the same webhook-id (derived
 * from event and endpoint): a duplicate, never a loss. An event whose
 * completion fails is set aside with a backoff; the rest of its batch commits.
 */
const task = defineTask(async (_payload, { withPgClient, addJob, logger }, config) => {
  const subscribers = JSON.stringify(subscriberTypes());
  const deadline = Date.now() + DRAIN_MS;
  let more = false;
  const lanes = await Promise.allSettled(
    Array.from({ length: LANES }, async () => {
      for (;;) {
        const claimed = await withPgClient((c) => dispatchBatch(c as unknown as PoolClient, config.webhooks, subscribers, logger));
        if (claimed < DISPATCH_BATCH) return;
        if (Date.now() > deadline) return void (more = true);
      }
    }),
  );
  const failed = lanes.find((l): l is PromiseRejectedResult => l.status === "rejected");
  if (failed) throw failed.reason; // this job is retried; the events of the failed batch were left undispatched
  if (more) await addJob("events__dispatch", {}, { jobKey: "events__dispatch:continue", maxAttempts: 25 });
});

export default task;
