import type { Task } from "graphile-worker";
import { subscribersFor } from "../subscribers";

interface Payload {
  id: string;
}

function assertPayload(p: unknown): asserts p is Payload {
  if (typeof (p as Payload | null)?.id !== "string") throw new Error("events__dispatch: invalid payload");
}

/**
 * Queued by the outbox insert trigger. Fans the event out in one transaction
 * (app_private.dispatch_event): a delivery + job per matching webhook endpoint
 * and a job per internal subscriber. Marks the event dispatched, so a retry
 * after a crash does nothing twice.
 */
const task: Task = async (payload, { withPgClient, logger }) => {
  assertPayload(payload);
  const { rows } = await withPgClient((c) => c.query<{ type: string }>("select type from app_private.events where id = $1", [payload.id]));
  if (!rows[0]) return logger.info(`event ${payload.id} is gone; nothing to dispatch`);
  const names = subscribersFor(rows[0].type).map((s) => s.name);
  await withPgClient((c) => c.query("select app_private.dispatch_event($1, $2)", [payload.id, names]));
};

export default task;
