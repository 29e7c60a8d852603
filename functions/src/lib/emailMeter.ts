/**
 * Emails sent for a workspace count on its `email.sends` meter (monthly; see
 * db/migrations/committed/000012-billing-event-contracts-private-table-comments-event-trace-c.sql (its `5-metering.sql` section)). Counted *before* the send, recorded
 * rather than enforced (an email that is due goes out whatever the count), with
 * an idempotency key that stays the same across the job's retries: a retried
 * send counts once, and a failure to count fails the job before anything was
 * sent, so the retry never duplicates a mail. Emails with no workspace
 * (verification, password reset) are not metered.
 */
import type { JobHelpers } from "graphile-worker";

export async function countEmailSend(withPgClient: JobHelpers["withPgClient"], tenantId: string, idempotencyKey: string): Promise<void> {
  await withPgClient((c) =>
    c.query("select app_private.meter_consume($1, 'email.sends', 1, $2, false)", [tenantId, idempotencyKey]),
  );
}
