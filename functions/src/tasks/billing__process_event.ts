import { makeProvider } from "../../../core/billing";
import { applyChanges } from "../../../core/billing/apply";
import { inTransaction } from "../../../core/db/transaction";
import { defineTask } from "../lib/task";

interface Payload {
  provider: string;
  eventId: string;
}

function assertPayload(p: unknown): asserts p is Payload {
  const x = p as Payload | null;
  if (typeof x?.provider !== "string" || typeof x?.eventId !== "string") throw new Error("billing__process_event: invalid payload");
}

/**
 * Processes one stored webhook event. The event row is locked and marked in
 * the same transaction as its effects, so a crash (even SIGKILL) either
 * committed both or neither; the retry then finds it processed, or redoes it
 * from scratch. Credits are idempotent by payment id on top of that.
 */
const task = defineTask(async (payload, { withPgClient, logger }, config) => {
  assertPayload(payload);
  const provider = makeProvider(config);
  if (!provider || provider.name !== payload.provider) throw new Error(`billing provider ${payload.provider} is not configured`);
  const outcomes = await withPgClient((client) =>
    inTransaction(client, async (c) => {
      const { rows } = await c.query<{ type: string; payload: Record<string, unknown>; status: string }>(
        "select type, payload, status from app_private.webhook_events where provider = $1 and event_id = $2 for update",
        [payload.provider, payload.eventId],
      );
      const event = rows[0];
      if (!event || event.status !== "pending") {
        logger.info(`webhook event ${payload.eventId} is gone or already processed`);
        return [];
      }
      const changes = provider.normalize(event.type, event.payload);
      const applied = await applyChanges(c, payload.provider, changes);
      const status = applied.includes("applied") || applied.includes("mismatch") ? "processed" : "ignored";
      await c.query("update app_private.webhook_events set status = $3, processed_at = now() where provider = $1 and event_id = $2", [payload.provider, payload.eventId, status]);
      return applied;
    }),
  );
  if (outcomes.includes("mismatch")) logger.error(`webhook event ${payload.eventId}: payment amount/currency does not match its order; nothing credited`);
});

export default task;
