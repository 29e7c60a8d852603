import { sendEmail } from "../lib/mailer";
import { defineTask } from "../lib/task";
import { assertUserPayload, loadUser } from "../lib/userEmails";

/**
 * A confirmed email change (app_private.confirm_email_change) tells the OLD
 * address, so an owner whose account was taken over hears about it. The old
 * address waits in app_private.email_changes until this runs and is deleted
 * right after sending, so a re-run finds nothing and sends nothing.
 */
const task = defineTask(async (payload, helpers, config) => {
  assertUserPayload("user__send_email_changed_notice", payload);
  const user = await loadUser(helpers, payload.userId);
  const { rows } = await helpers.withPgClient((c) =>
    // confirmed_at as text: a JS Date would drop its microseconds, and it is matched again below.
    c.query<{ old_email: string; confirmed_at: string }>(
      "select old_email, confirmed_at::text from app_private.email_changes where user_id = $1 and confirmed_at is not null and old_email is not null",
      [payload.userId],
    ),
  );
  if (!user || !rows[0]) return helpers.logger.info(`no confirmed email change for user ${payload.userId}; no notice`);

  await sendEmail({
    to: rows[0].old_email,
    subject: "The email address of your LogicSpike account was changed",
    messageId: `<email-changed-${user.id}-${rows[0].confirmed_at.replace(/\D/g, "")}@logicspike>`,
    text:
      `Hello ${user.name},\n\n` +
      `The email address of your LogicSpike account was changed from this address to ${user.email}. ` +
      `Sign-in emails and notifications now go there.\n\n` +
      // Not "reset your password": a reset link would now go to the new address.
      `If you did not do this, someone may have access to your account: contact support at once ` +
      `(${config.appUrl}) and do not use any link sent to the new address.\n`,
  }, config);
  await helpers.withPgClient((c) => c.query("delete from app_private.email_changes where user_id = $1 and confirmed_at = $2::timestamptz", [user.id, rows[0].confirmed_at]));
});

export default task;
