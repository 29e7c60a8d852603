import type { Task } from "graphile-worker";
import { loadConfig } from "../../../server/src/config";
import { attemptDelivery } from "../lib/webhooks/attempt";
import { subscriberTypes } from "../subscribers";

interface Payload {
  id: string;
}

function assertPayload(p: unknown): asserts p is Payload {
  if (typeof (p as Payload | null)?.id !== "string") throw new Error("events__dispatch: invalid payload");
}

/**
 * First attempts made here, side by side, per event. Bounded: endpoints past
 * this (rare; it is per event) get a webhooks__deliver job each, like failing ones.
 */
export const INLINE_DELIVERIES_PER_EVENT = 8;

interface InlineRow {
  delivery_id: string;
  url: string;
  secrets: string[];
  event_type: string;
  payload: unknown;
  occurred_at: Date;
}

/**
 * Queued by the outbox insert trigger. Fans the event out in one transaction
 * (app_private.dispatch_event_inline): a delivery per matching webhook
 * endpoint, a job per internal subscriber, dispatched_at. That commits before
 * any HTTP request; then this task makes the first attempt of each returned
 * delivery in parallel (each cut at WEBHOOK_TIMEOUT_MS, recorded as soon as it
 * ends), saving a job round trip per delivery. Failing endpoints were given a
 * job instead, so they cannot hold up the dispatch. Retries are
 * webhooks__deliver jobs. If we die before an attempt is recorded, this job
 * runs again and the SQL hands the unrecorded deliveries to jobs (a possible
 * duplicate with the same webhook-id, never a loss). A database error while
 * recording fails this job after the other attempts finish, with the same
 * recovery on its retry.
 */
const task: Task = async (payload, { withPgClient }) => {
  assertPayload(payload);
  const config = loadConfig().webhooks;
  const { rows } = await withPgClient((c) =>
    c.query<InlineRow>("select * from app_private.dispatch_event_inline($1, $2, $3)", [
      payload.id, JSON.stringify(subscriberTypes()), INLINE_DELIVERIES_PER_EVENT,
    ]),
  );
  const outcomes = await Promise.allSettled(
    rows.map((r) =>
      attemptDelivery(withPgClient, {
        id: r.delivery_id, retryIndex: 0, url: r.url, secrets: r.secrets, type: r.event_type, payload: r.payload, occurredAt: r.occurred_at,
      }, config),
    ),
  );
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (failed) throw failed.reason;
};

export default task;
