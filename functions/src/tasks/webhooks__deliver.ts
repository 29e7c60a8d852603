import { linkActiveSpan } from "../../../core/tracing";
import { defineTask } from "../lib/task";
import { attemptDelivery } from "../lib/webhooks/attempt";

interface Payload {
  deliveryId: string;
}

function assertPayload(p: unknown): asserts p is Payload {
  if (typeof (p as Payload | null)?.deliveryId !== "string") throw new Error("webhooks__deliver: invalid payload");
}

interface DeliveryRow {
  id: string;
  status: string;
  retry_index: number;
  url: string;
  is_enabled: boolean;
  type: string;
  payload: unknown;
  occurred_at: Date;
  traceparent: string | null;
  secrets: string[];
}

/**
 * One attempt of one (event, endpoint) delivery: retries, replays, endpoints
 * that were failing at dispatch, and first attempts a crashed dispatch never
 * recorded (events__dispatch makes the other first attempts itself). HTTP
 * outcomes never throw: the attempt is recorded and the next one scheduled on
 * the configured schedule by app_private.record_webhook_attempt, in one
 * statement after the response. A crash between the response and that
 * statement leaves the job locked and it runs again later: a duplicate with
 * the same webhook-id (receivers dedupe on it), never a loss. Only database
 * errors throw, and graphile-worker retries those (max_attempts 5).
 */
const task = defineTask(async (payload, { withPgClient, logger }, config) => {
  assertPayload(payload);
  const { rows } = await withPgClient((c) =>
    c.query<DeliveryRow>(
      `select d.id, d.status, d.retry_index, e.url, e.is_enabled, ev.type, ev.payload, ev.occurred_at, ev.traceparent,
              array(select s.secret from app_private.webhook_secrets s
                     where s.endpoint_id = e.id and (s.expires_at is null or s.expires_at > now()) order by s.created_at) as secrets
         from app_public.webhook_deliveries d
         join app_public.webhook_endpoints e on e.id = d.endpoint_id
         join app_private.events ev on ev.id = d.event_id
        where d.id = $1`,
      [payload.deliveryId],
    ),
  );
  const delivery = rows[0];
  if (!delivery) return logger.info(`delivery ${payload.deliveryId} is gone (endpoint deleted?)`);
  // This job's span (worker.ts) links to the request that published the event (docs/tracing.md).
  linkActiveSpan([delivery.traceparent]);
  if (delivery.status !== "pending") return logger.info(`delivery ${delivery.id} is ${delivery.status}; nothing to do`);
  if (!delivery.is_enabled || delivery.secrets.length === 0) {
    await withPgClient((c) =>
      c.query("update app_public.webhook_deliveries set status = 'failed', last_error = 'Endpoint disabled', next_attempt_at = null where id = $1", [delivery.id]),
    );
    return;
  }
  await attemptDelivery(withPgClient, {
    id: delivery.id, retryIndex: delivery.retry_index, url: delivery.url, secrets: delivery.secrets,
    type: delivery.type, payload: delivery.payload, occurredAt: delivery.occurred_at,
  }, config.webhooks);
});

export default task;
