/**
 * Notification-worthy events (event_types.notify <> 'none') -> in-app rows,
 * email and Slack jobs, per the recipients' preferences (app_private.notify_event).
 */
import type { Subscriber } from "./index";

export const NOTIFIABLE_TYPES = [
  "member.joined", "member.removed", "role.changed", "subscription.activated", "subscription.cancelled",
  "invoice.paid", "payment.failed", "addon.purchased", "endpoint.disabled", "usage.threshold_reached",
] as const;

const subscriber: Subscriber = {
  name: "notifications",
  types: NOTIFIABLE_TYPES,
  async handle(event, { withPgClient }) {
    await withPgClient((c) => c.query("select app_private.notify_event($1)", [event.id]));
  },
};

export default subscriber;
