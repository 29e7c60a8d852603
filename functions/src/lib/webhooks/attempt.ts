/**
 * Attempts of deliveries: sign and POST (never throws: every HTTP outcome is a
 * record). events__dispatch makes first attempts and records them with its
 * batch (app_private.complete_dispatch); webhooks__deliver makes retries,
 * replays and attempts to failing endpoints and records each at once
 * (app_private.record_webhook_attempt). Either way the record commits after
 * the POST, so a crash in between is a duplicate with the same webhook-id,
 * never a loss.
 */
import type { WithPgClient } from "graphile-worker";
import type { Config } from "../../../../core/config";
import { postWebhook } from "./http";
import { webhookHeaders } from "./sign";

export interface AttemptTarget {
  id: string;
  retryIndex: number;
  url: string;
  secrets: string[];
  type: string;
  payload: unknown;
  occurredAt: Date | string;
}

/** An attempt's outcome, as recorded. */
export interface AttemptRecord {
  id: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  body: string;
  ok: boolean;
  /** Seconds until the next attempt if this one failed; null when the schedule is exhausted. */
  nextDelay: number | null;
}

/** Signs and POSTs one delivery; never throws. */
export async function attempt(d: AttemptTarget, config: Config["webhooks"]): Promise<AttemptRecord> {
  const body = JSON.stringify({ type: d.type, timestamp: new Date(d.occurredAt).toISOString(), data: d.payload });
  const headers = webhookHeaders(d.secrets, d.id, new Date(), body);
  const result = await postWebhook(d.url, headers, body, config);
  const schedule = config.retryScheduleSeconds;
  return {
    id: d.id, statusCode: result.statusCode, durationMs: result.durationMs, error: result.error, body: result.body, ok: result.ok,
    nextDelay: d.retryIndex + 1 < schedule.length ? schedule[d.retryIndex + 1] : null,
  };
}

/** One attempt, recorded on its own with the next one scheduled (webhooks__deliver). */
export async function attemptDelivery(withPgClient: WithPgClient, d: AttemptTarget, config: Config["webhooks"]): Promise<string> {
  const r = await attempt(d, config);
  const { rows } = await withPgClient((c) =>
    c.query<{ status: string }>("select app_private.record_webhook_attempt($1, $2, $3, $4, $5, $6, $7, make_interval(secs => $8)) as status", [
      r.id, r.statusCode, r.durationMs, r.error, r.body, r.ok, r.nextDelay, config.disableAfterSeconds,
    ]),
  );
  return rows[0].status;
}
