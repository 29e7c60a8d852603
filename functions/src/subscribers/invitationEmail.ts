/**
 * member.invited -> the invitation email. The invitations trigger
 * (app_private.tg_invitations__send; today's text in db/schema.sql) only
 * records the event, so this is the one path to
 * invitations__send; the job key stops a re-run of this subscriber from
 * queueing a second email while the first is still waiting.
 */
import type { Subscriber } from "./index";

const subscriber: Subscriber = {
  name: "invitation_email",
  types: ["member.invited"],
  async handle(event, { addJob }) {
    const id = event.payload.invitationId;
    if (typeof id !== "string") throw new Error("member.invited without invitationId");
    await addJob("invitations__send", { id }, { jobKey: `invitations__send:${id}`, jobKeyMode: "preserve_run_at" });
  },
};

export default subscriber;
