/**
 * user.created -> the welcome email (user__send_welcome_email). Every way an
 * account is born (registration, Google sign-in) records user.created
 * (app_private.tg_users__publish_created), so this is the one path. The job
 * key keeps a re-run of this subscriber from queueing a second job while the
 * first waits; the task itself makes sure a user is welcomed once.
 */
import type { Subscriber } from "./index";

const subscriber: Subscriber = {
  name: "welcome_email",
  types: ["user.created"],
  async handle(event, { addJob }) {
    const userId = event.payload.userId;
    if (typeof userId !== "string") throw new Error("user.created without userId");
    await addJob("user__send_welcome_email", { userId }, { jobKey: `user__send_welcome_email:${userId}`, jobKeyMode: "preserve_run_at" });
  },
};

export default subscriber;
