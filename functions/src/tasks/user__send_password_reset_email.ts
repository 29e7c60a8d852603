import { sendEmail } from "../lib/mailer";
import { defineTask } from "../lib/task";
import { assertUserPayload, describeDuration, issueEmailToken, loadUser } from "../lib/userEmails";

/**
 * Emails a password-reset link. Queued by POST /auth/forgot-password only when
 * the account exists (the route answers the same either way). Issuing the
 * token replaces any unused reset link the user still has.
 */
const task = defineTask(async (payload, helpers, config) => {
  assertUserPayload("user__send_password_reset_email", payload);
  const user = await loadUser(helpers, payload.userId);
  if (!user) return helpers.logger.info(`user ${payload.userId} no longer exists; no password-reset email`);

  const { appUrl, emailTokens } = config;
  const ttl = emailTokens.passwordResetTtlSeconds;
  const { token } = await issueEmailToken(helpers, user.id, "reset_password", ttl);
  await sendEmail({
    to: user.email,
    subject: "Reset your LogicSpike password",
    text:
      `Hello ${user.name},\n\n` +
      `Someone (hopefully you) asked to reset the password of your LogicSpike account. Choose a new password here:\n\n` +
      `${appUrl}/reset-password?token=${token}\n\n` +
      `The link works once, for ${describeDuration(ttl)}. Resetting signs you out on every device.\n` +
      `If you did not ask for this, ignore this email: your password stays as it is.\n`,
  }, config);
});

export default task;
