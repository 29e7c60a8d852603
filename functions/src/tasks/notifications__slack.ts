import { assertNotificationJob } from "../lib/notificationJob";
import { defineTask } from "../lib/task";
import { postWebhook } from "../lib/webhooks/http";

/**
 * Posts one notification to the user's Slack incoming webhook, through the
 * same SSRF-guarded client as outbound webhooks. Non-2xx throws, so
 * graphile-worker retries with its backoff (Slack has no idempotency key; a
 * rare duplicate message is the accepted cost).
 */
const task = defineTask(async (payload, { withPgClient, logger }, config) => {
  assertNotificationJob("notifications__slack", payload);
  const { rows } = await withPgClient((c) =>
    c.query<{ url: string }>(
      `select p.slack_webhook_url as url from app_public.notification_preferences p
         join app_private.events ev on ev.id = $2 and p.event_type = ev.type
        where p.user_id = $1 and p.channel = 'slack' and p.is_enabled`,
      [payload.userId, payload.eventId],
    ),
  );
  if (!rows[0]) return logger.info(`slack notifications for ${payload.userId} were turned off; skipping`);
  const { webhooks } = config;
  // The stored URL is https://hooks.slack.com/services/… (a check constraint); its path goes to the configured origin.
  const { pathname } = new URL(rows[0].url);
  const result = await postWebhook(webhooks.slackOrigin + pathname, {}, JSON.stringify({ text: payload.title }), webhooks);
  if (!result.ok) throw new Error(`Slack answered ${result.statusCode ?? "nothing"}: ${result.error ?? "non-2xx"}`);
});

export default task;
