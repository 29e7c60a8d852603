/**
 * Attempts of deliveries: sign, POST, then record the outcome and schedule the
 * next attempt (app_private.record_webhook_attempts). Shared by events__dispatch
 * (first attempts, recorded in groups by AttemptRecorder) and webhooks__deliver
 * (retries, replays, recovery: one at a time). HTTP outcomes never throw; only
 * a database error does. The delivery row and its job were committed before
 * the POST, so a crash between the POST and the record is a duplicate with the
 * same webhook-id (the job runs it again), never a loss.
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
  occurredAt: Date | string;
}

/** One row of app_private.record_webhook_attempts' argument. */
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

/** Records attempts in one transaction; returns each delivery's new status by id. */
export async function recordAttempts(withPgClient: WithPgClient, records: AttemptRecord[], config: Config["webhooks"]): Promise<Map<string, string>> {
  const { rows } = await withPgClient((c) =>
    c.query<{ delivery_id: string; status: string }>("select * from app_private.record_webhook_attempts($1, make_interval(secs => $2))", [
      JSON.stringify(records), config.disableAfterSeconds,
    ]),
  );
  return new Map(rows.map((r) => [r.delivery_id, r.status]));
}

/** One attempt, recorded on its own (webhooks__deliver). */
export async function attemptDelivery(withPgClient: WithPgClient, d: AttemptTarget, config: Config["webhooks"]): Promise<string> {
  const record = await attempt(d, config);
  return (await recordAttempts(withPgClient, [record], config)).get(d.id) ?? "gone";
}

/**
 * Group commit for attempts that finish side by side: the first result is
 * written at once, results that arrive meanwhile wait and go in the next
 * statement together. add() resolves once its record is committed and rejects
 * if that statement fails.
 */
export class AttemptRecorder {
  private queue: { record: AttemptRecord; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private writing = false;

  constructor(
    private readonly withPgClient: WithPgClient,
    private readonly config: Config["webhooks"],
    private readonly maxBatch = 200,
  ) {}

  add(record: AttemptRecord): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.queue.push({ record, resolve, reject }));
    if (!this.writing) void this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await recordAttempts(this.withPgClient, batch.map((b) => b.record), this.config);
          for (const b of batch) b.resolve();
        } catch (err) {
          for (const b of batch) b.reject(err);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
