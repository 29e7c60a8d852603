import { assertNotificationJob } from "../lib/notificationJob";
import { countEmailSend } from "../lib/emailMeter";
import { sendEmail } from "../lib/mailer";
import { defineTask } from "../lib/task";

/** Emails one notification (queued by app_private.notify_event when the user chose email for the type). */
const task = defineTask(async (payload, { withPgClient, logger }, config) => {
  assertNotificationJob("notifications__email", payload);
  const { rows } = await withPgClient((c) =>
    c.query<{ email: string; tenant_id: string | null; tenant_name: string | null }>(
      `select u.email, t.id as tenant_id, t.name as tenant_name from app_public.users u
         left join app_private.events ev on ev.id = $2 left join app_public.tenants t on t.id = ev.tenant_id
        where u.id = $1`,
      [payload.userId, payload.eventId],
    ),
  );
  if (!rows[0]) return logger.info(`user ${payload.userId} is gone; no notification email`);
  // The same notification to the same user is one email (its Message-ID is stable too).
  if (rows[0].tenant_id) await countEmailSend(withPgClient, rows[0].tenant_id, `notification:${payload.eventId}:${payload.userId}`);
  const where = rows[0].tenant_name ? ` in ${rows[0].tenant_name}` : "";
  await sendEmail({
    to: rows[0].email,
    subject: `${payload.title.replace(/\.$/, "")}${where}`,
    text: `${payload.title}\n\nOpen LogicSpike: ${config.appUrl}\n\nChange which emails you get in your notification preferences.\n`,
    messageId: `<notification-${payload.eventId}-${payload.userId}@logicspike>`,
  }, config);
});

export default task;
