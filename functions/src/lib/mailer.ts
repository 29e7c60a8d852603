/**
 * Outgoing email. With SMTP_URL set, messages go through nodemailer's SMTP
 * transport; without it (the development default) they are logged instead,
 * so a fresh `npm start` never needs a mail server.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { logger } from "../../../core/logger";

export interface Email {
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
  /** Stable Message-ID so a retried job produces a recognisable duplicate, not a new mail. */
  messageId?: string;
}

let cached: { url: string | undefined; transport: Transporter } | undefined;

function transport(): Transporter {
  const url = process.env.SMTP_URL || undefined;
  if (cached && cached.url === url) return cached.transport;
  cached?.transport.close();
  const t = url ? nodemailer.createTransport(url) : nodemailer.createTransport({ jsonTransport: true });
  cached = { url, transport: t };
  return t;
}

export async function sendEmail(email: Email): Promise<void> {
  const from = process.env.MAIL_FROM || "LogicSpike <no-reply@logicspike.localhost>";
  const info = await transport().sendMail({ from, ...email });
  if (!process.env.SMTP_URL) {
    logger.info({ email: { to: email.to, subject: email.subject, text: email.text } }, "Email (not sent: SMTP_URL is unset)");
  } else {
    logger.info({ to: email.to, subject: email.subject, messageId: info.messageId }, "Email sent");
  }
}
