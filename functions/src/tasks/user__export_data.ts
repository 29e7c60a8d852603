import { createHash, randomBytes } from "node:crypto";
import { isUuid } from "../../../core/tenancy";
import { sendEmail } from "../lib/mailer";
import { defineTask } from "../lib/task";
import { describeDuration } from "../lib/userEmails";

interface Payload {
  exportId: string;
}

function assertPayload(p: unknown): asserts p is Payload {
  if (!isUuid((p as Payload | null)?.exportId)) throw new Error("user__export_data: invalid payload");
}

/**
 * POST /auth/account/export queued this (app_private.request_data_export). One
 * statement, app_private.complete_data_export, builds the archive of a pending
 * export, stores it and sets the hash of a fresh download token; then the link
 * is mailed and the export marked emailed. Idempotent: an export that is gone
 * (its user deleted the account), expired, failed or already emailed sends
 * nothing. A retry after a failed send keeps the archive and sets a new token,
 * so the earlier, undelivered link stops working.
 *
 * The token is 64 hex characters (it travels in the URL path, which the server
 * lower-cases under /auth) and only its SHA-256 reaches the database.
 */
const task = defineTask(async (payload, helpers, config) => {
  assertPayload(payload);
  const token = randomBytes(32).toString("hex");
  const ttl = config.dataExport.ttlSeconds;
  const { rows } = await helpers.withPgClient((c) =>
    c.query<{ email: string; name: string; expires_at: Date; size_bytes: string }>(
      "select * from app_private.complete_data_export($1, $2, make_interval(secs => $3))",
      [payload.exportId, createHash("sha256").update(token).digest(), ttl],
    ),
  );
  const ready = rows[0];
  if (!ready) return helpers.logger.info(`data export ${payload.exportId} is gone, expired or already emailed; nothing to send`);

  await sendEmail({
    to: ready.email,
    subject: "Your LogicSpike data export is ready",
    text:
      `Hello ${ready.name},\n\n` +
      `The export of your personal data you asked for is ready (a JSON file, ${Number(ready.size_bytes)} bytes). Download it here:\n\n` +
      `${config.publicUrl}/auth/account/export/${token}\n\n` +
      `The link works for ${describeDuration(ttl)} (until ${ready.expires_at.toISOString()}); ` +
      `then the file is deleted. Anyone with the link can download the file, so do not forward this email.\n\n` +
      `If you did not ask for an export, change your password: someone who knows it asked for one.\n`,
  }, config);
  await helpers.withPgClient((c) => c.query("update app_private.data_exports set emailed_at = now() where id = $1", [payload.exportId]));
});

export default task;
