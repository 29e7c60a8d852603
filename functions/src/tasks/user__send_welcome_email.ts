import { sendEmail } from "../lib/mailer";
import { defineTask } from "../lib/task";
import { assertUserPayload, loadUser } from "../lib/userEmails";

/**
 * The welcome email, queued by the welcome_email subscriber on user.created.
 * The row in app_private.welcome_emails is claimed in the transaction that
 * sends: a replayed event or a retry after success finds it and sends
 * nothing; a failed send rolls the claim back so the retry sends. (A crash
 * between the SMTP answer and the commit can still send twice; the stable
 * Message-ID marks the duplicate.)
 */
const task = defineTask(async (payload, helpers, config) => {
  assertUserPayload("user__send_welcome_email", payload);
  const user = await loadUser(helpers, payload.userId);
  if (!user) return helpers.logger.info(`user ${payload.userId} no longer exists; no welcome email`);

  await helpers.withPgClient(async (client) => {
    await client.query("begin");
    try {
      const claimed = await client.query("insert into app_private.welcome_emails (user_id) values ($1) on conflict (user_id) do nothing", [user.id]);
      if (claimed.rowCount === 1) {
        await sendEmail({
          to: user.email,
          subject: "Welcome to LogicSpike",
          messageId: `<welcome-${user.id}@logicspike>`,
          text:
            `Hello ${user.name},\n\n` +
            `Welcome to LogicSpike! Your account and your first workspace are ready.\n\n` +
            `Sign in: ${config.appUrl}/sign-in\n\n` +
            `If you did not create this account, you can ignore this email.\n`,
        }, config);
      } else {
        helpers.logger.info(`user ${user.id} was already welcomed`);
      }
      await client.query("commit");
    } catch (e) {
      await client.query("rollback");
      throw e;
    }
  });
});

export default task;
