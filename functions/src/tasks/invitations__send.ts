import { createHash, randomBytes } from "node:crypto";
import { countEmailSend } from "../lib/emailMeter";
import { sendEmail } from "../lib/mailer";
import { defineTask } from "../lib/task";

interface Payload {
  id: string;
}

function assertPayload(p: unknown): asserts p is Payload {
  if (typeof (p as Payload | null)?.id !== "string") throw new Error("invitations__send: invalid payload");
}

interface InvitationRow {
  id: string;
  tenant_id: string;
  email: string;
  expires_at: Date;
  pending: boolean;
  tenant_name: string;
  inviter_name: string | null;
}

/**
 * Emails an invitation. The token is created here, stored only as a hash, and
 * travels only in the email; a retry issues a fresh token (replacing the
 * hash), so an earlier, possibly undelivered link simply stops working.
 */
const task = defineTask(async (payload, { withPgClient, logger, job }, config) => {
  assertPayload(payload);
  const { rows } = await withPgClient((c) =>
    c.query<InvitationRow>(
      `select i.id, i.tenant_id, i.email, i.expires_at, (i.accepted_at is null and i.revoked_at is null and i.expires_at > now()) as pending,
              t.name as tenant_name, u.name as inviter_name
         from app_public.invitations i join app_public.tenants t on t.id = i.tenant_id
         left join app_public.users u on u.id = i.invited_by
        where i.id = $1`,
      [payload.id],
    ),
  );
  const invitation = rows[0];
  if (!invitation?.pending) return logger.info(`invitation ${payload.id} is gone or no longer pending; nothing to send`);

  const token = randomBytes(32).toString("base64url");
  await withPgClient((c) =>
    c.query(
      `insert into app_private.invitation_tokens (invitation_id, token_hash) values ($1, $2)
       on conflict (invitation_id) do update set token_hash = excluded.token_hash, created_at = now()`,
      [invitation.id, createHash("sha256").update(token).digest()],
    ),
  );
  // One count per job (its retries share the key); a new invitation email is a new job.
  await countEmailSend(withPgClient, invitation.tenant_id, `invitations__send:${invitation.id}:${job.id}`);
  const { appUrl } = config;
  const who = invitation.inviter_name ? `${invitation.inviter_name} invited you` : "You have been invited";
  await sendEmail({
    to: invitation.email,
    subject: `${who} to ${invitation.tenant_name} on LogicSpike`,
    text:
      `${who} to join the workspace "${invitation.tenant_name}".\n\n` +
      `Accept the invitation: ${appUrl}/invitations/accept?token=${token}\n\n` +
      `The link works until ${invitation.expires_at.toUTCString()}. If you did not expect this, ignore this email.\n`,
  }, config);
});

export default task;
