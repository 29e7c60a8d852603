import { sendEmail } from "../lib/mailer";
import { defineTask } from "../lib/task";
import { assertUserPayload, loadUser } from "../lib/userEmails";

/**
 * Someone registered with an email that already has an account. The route
 * answered exactly as for a new account (no enumeration); the owner hears
 * about it here instead. Deliberately no verification link, even for an
 * unverified account: whoever created that account chose its password, so
 * the owner is pointed to a password reset, which proves inbox control,
 * replaces the password and signs every session out.
 */
const task = defineTask(async (payload, helpers, config) => {
  assertUserPayload("user__send_account_exists_email", payload);
  const user = await loadUser(helpers, payload.userId);
  if (!user) return helpers.logger.info(`user ${payload.userId} no longer exists; no account-exists email`);

  const { appUrl } = config;
  await sendEmail({
    to: user.email,
    subject: "You already have a LogicSpike account",
    text:
      `Hello ${user.name},\n\n` +
      `Someone (perhaps you) just tried to create a LogicSpike account with this email address, ` +
      `but an account with this address already exists, so no new account was created.\n\n` +
      `Sign in: ${appUrl}/sign-in\n` +
      `Forgot your password? Reset it: ${appUrl}/forgot-password\n\n` +
      `If this was not you, you can ignore this email; nothing about your account has changed.\n`,
  }, config);
});

export default task;
