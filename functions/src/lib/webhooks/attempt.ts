/**
 * One attempt of one delivery, shared by events__dispatch (first attempts) and
 * webhooks__deliver (retries, replays, recovery): sign, POST, then record the
 * outcome and schedule the next attempt in one statement
 * (app_private.record_webhook_attempt). HTTP outcomes never throw; only a
 * database error does. The delivery row was committed before this is called,
 * so a crash between the POST and the record is a duplicate with the same
 * webhook-id on the recovery path, never a loss.
 */
import type { WithPgClient } from "graphile-worker";
import type { Config } from "../../../../server/src/config";
import { postWebhook } from "./http";
import { webhookHeaders } from "./sign";

export interface AttemptTarget {
  id: string;
  retryIndex: number;
  url: string;
  secrets: string[];
  type: string;
  payload: unknown;
  occurredAt: Date;
}

export async function attemptDelivery(withPgClient: WithPgClient, d: AttemptTarget, config: Config["webhooks"]): Promise<string> {
  const body = JSON.stringify({ type: d.type, timestamp: d.occurredAt.toISOString(), data: d.payload });
  const headers = webhookHeaders(d.secrets, d.id, new Date(), body);
  const result = await postWebhook(d.url, headers, body, config);
  const schedule = config.retryScheduleSeconds;
  const next = d.retryIndex + 1 < schedule.length ? schedule[d.retryIndex + 1] : null;
  const { rows } = await withPgClient((c) =>
    c.query<{ status: string }>("select app_private.record_webhook_attempt($1, $2, $3, $4, $5, $6, $7, make_interval(secs => $8)) as status", [
      d.id, result.statusCode, result.durationMs, result.error, result.body, result.ok, next, config.disableAfterSeconds,
    ]),
  );
  return rows[0].status;
}
