import { sendEmail } from "../lib/mailer";
import { defineTask } from "../lib/task";

interface Payload {
  id: string;
}

function assertPayload(p: unknown): asserts p is Payload {
  if (typeof (p as Payload | null)?.id !== "string") throw new Error("contact_messages__notify: invalid payload");
}

interface ContactMessage {
  id: string;
  name: string;
  email: string;
  message: string;
  notified_at: Date | null;
}

/**
 * Emails a contact-form submission to the operator inbox. Queued by the
 * _900_notify trigger with only the row id; re-reads the row so a retry after
 * success is a no-op, and a crash between send and mark re-sends at most once
 * with the same Message-ID.
 */
const task = defineTask(async (payload, { withPgClient, logger }, config) => {
  assertPayload(payload);
  const { rows } = await withPgClient((c) =>
    c.query<ContactMessage>("select id, name, email, message, notified_at from app_private.contact_messages where id = $1", [payload.id]),
  );
  const msg = rows[0];
  if (!msg) return logger.info(`contact message ${payload.id} no longer exists; nothing to send`);
  if (msg.notified_at) return logger.info(`contact message ${msg.id} already delivered`);

  await sendEmail({
    to: config.contactInbox,
    replyTo: msg.email,
    subject: `Contact form: ${msg.name}`,
    text: `${msg.name} <${msg.email}> wrote:\n\n${msg.message}\n`,
    messageId: `<contact-${msg.id}@logicspike>`,
  }, config);
  await withPgClient((c) =>
    c.query("update app_private.contact_messages set notified_at = now() where id = $1 and notified_at is null", [msg.id]),
  );
});

export default task;
