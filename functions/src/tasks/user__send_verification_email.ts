import { sendEmail } from "../lib/mailer";
import { defineTask } from "../lib/task";
import { assertUserPayload, describeDuration, issueEmailToken, loadUser } from "../lib/userEmails";

/**
 * Emails a link that proves the user reads this inbox. Queued by registration
 * and by POST /auth/resend-verification. Re-reads the user: gone or already
 * verified means there is nothing to send.
 */
const task = defineTask(async (payload, helpers, config) => {
  assertUserPayload("user__send_verification_email", payload);
  const user = await loadUser(helpers, payload.userId);
  if (!user) return helpers.logger.info(`user ${payload.userId} no longer exists; no verification email`);
  if (user.is_verified) return helpers.logger.info(`user ${user.id} is already verified; no verification email`);

  const { appUrl, emailTokens } = config;
  const ttl = emailTokens.verifyEmailTtlSeconds;
  const { token } = await issueEmailToken(helpers, user.id, "verify_email", ttl);
  await sendEmail({
    to: user.email,
    subject: "Verify your email address for LogicSpike",
    text:
      `Hello ${user.name},\n\n` +
      `Please confirm that this is your email address by opening this link:\n\n` +
      `${appUrl}/verify-email?token=${token}\n\n` +
      `The link works once, for ${describeDuration(ttl)}. If you did not create a LogicSpike account, ignore this email.\n`,
  }, config);
});

export default task;
