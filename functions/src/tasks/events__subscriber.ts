import type { Task } from "graphile-worker";
import { subscriberNamed, type BusEvent } from "../subscribers";

interface Payload {
  eventId: string;
  subscriber: string;
}

function assertPayload(p: unknown): asserts p is Payload {
  const q = p as Payload | null;
  if (typeof q?.eventId !== "string" || typeof q.subscriber !== "string") throw new Error("events__subscriber: invalid payload");
}

/** Runs one internal subscriber for one event; a throw retries this job only (graphile-worker backoff). */
const task: Task = async (payload, helpers) => {
  assertPayload(payload);
  const subscriber = subscriberNamed(payload.subscriber);
  if (!subscriber) return helpers.logger.warn(`subscriber ${payload.subscriber} is not registered; skipping event ${payload.eventId}`);
  const { rows } = await helpers.withPgClient((c) =>
    c.query<BusEvent>(
      `select id, tenant_id as "tenantId", type, payload, actor_user_id as "actorUserId", occurred_at as "occurredAt"
         from app_private.events where id = $1`,
      [payload.eventId],
    ),
  );
  if (!rows[0]) return helpers.logger.info(`event ${payload.eventId} is gone; nothing for ${payload.subscriber}`);
  await subscriber.handle(rows[0], helpers);
};

export default task;
