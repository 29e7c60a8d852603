import { sendEmail } from "../lib/mailer";
import { defineTask } from "../lib/task";
import { assertUserPayload, describeDuration, issueEmailToken, loadUser } from "../lib/userEmails";

/**
 * POST /auth/email queued this: mail the confirmation link to the NEW address
 * (app_private.email_changes). Re-reads the pending change: none (confirmed,
 * replaced by a request to an address in use, or the user is gone) means
 * nothing to send. A retry issues a fresh link, voiding the earlier one.
 */
const task = defineTask(async (payload, helpers, config) => {
  assertUserPayload("user__send_email_change_email", payload);
  const user = await loadUser(helpers, payload.userId);
  if (!user) return helpers.logger.info(`user ${payload.userId} no longer exists; no email-change link`);
  const { rows } = await helpers.withPgClient((c) =>
    c.query<{ new_email: string }>("select new_email from app_private.email_changes where user_id = $1 and confirmed_at is null", [user.id]),
  );
  if (!rows[0]) return helpers.logger.info(`user ${user.id} has no pending email change; no link`);

  const ttl = config.emailTokens.verifyEmailTtlSeconds;
  const { token } = await issueEmailToken(helpers, user.id, "change_email", ttl);
  await sendEmail({
    to: rows[0].new_email,
    subject: "Confirm your new email address for LogicSpike",
    text:
      `Hello ${user.name},\n\n` +
      `You asked to use this address for your LogicSpike account. Confirm it by opening this link:\n\n` +
      `${config.appUrl}/confirm-email?token=${token}\n\n` +
      `The link works once, for ${describeDuration(ttl)}. Until then your account keeps its current address. ` +
      `If you did not ask for this, ignore this email.\n`,
  }, config);
});

export default task;
