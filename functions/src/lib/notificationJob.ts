/** Payload of the notification delivery tasks (notifications__email, notifications__slack), queued by app_private.notify_event. */
export interface NotificationJob {
  userId: string;
  eventId: string;
  title: string;
}

export function assertNotificationJob(task: string, p: unknown): asserts p is NotificationJob {
  const q = p as NotificationJob | null;
  if (typeof q?.userId !== "string" || typeof q.eventId !== "string" || typeof q.title !== "string") {
    throw new Error(`${task}: invalid payload`);
  }
}
