/**
 * Outgoing email. With SMTP_URL set, messages go through nodemailer's SMTP
 * transport; without it (the development default) they are logged instead,
 * so a fresh `npm start` never needs a mail server. Tasks pass the settings
 * from the config their worker hands them.
 */
import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../../../core/config";
import { logger } from "../../../core/logger";

export type MailConfig = Pick<Config, "smtpUrl" | "mailFrom">;

export interface Email {
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
  /** Stable Message-ID so a retried job produces a recognisable duplicate, not a new mail. */
  messageId?: string;
}

let cached: { url: string | undefined; transport: Transporter } | undefined;

/** The transport for this SMTP URL, kept until the URL changes (tests switch it). */
function transport(url: string | undefined): Transporter {
  if (cached && cached.url === url) return cached.transport;
  cached?.transport.close();
  const t = url ? nodemailer.createTransport(url) : nodemailer.createTransport({ jsonTransport: true });
  cached = { url, transport: t };
  return t;
}

export async function sendEmail(email: Email, config: MailConfig): Promise<void> {
  const info = await transport(config.smtpUrl).sendMail({ from: config.mailFrom, ...email });
  if (!config.smtpUrl) {
    logger.info({ email: { to: email.to, subject: email.subject, text: email.text } }, "Email (not sent: SMTP_URL is unset)");
  } else {
    logger.info({ to: email.to, subject: email.subject, messageId: info.messageId }, "Email sent");
  }
}
