/**
 * A real SMTP server (smtp-server) on a random loopback port that keeps what
 * it receives, so email tests read the actual message nodemailer sent.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Registers beforeAll/afterAll for a test SMTP server that the worker's mailer
 * uses (SMTP_URL) for this file; call the getter inside tests.
 */
export function useTestSmtp(): () => TestSmtp {
  let smtp: TestSmtp | undefined;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    process.env.SMTP_URL = smtp.url;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await smtp?.close();
  });
  return () => {
    if (!smtp) throw new Error("test SMTP server not ready (use it inside a test or hook)");
    return smtp;
  };
}

/** The newest link to `<linkPath>?token=…` in mail delivered to `email` (quoted-printable decoded); throws if none. */
export function mailedLink(smtp: TestSmtp, email: string, linkPath: string): string {
  const texts = smtp.received
    .filter((m) => m.to.includes(email.toLowerCase()))
    .map((m) => m.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  const re = new RegExp(`https?://[^\\s]+${linkPath}\\?token=[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`);
  const link = texts.reverse().map((t) => t.match(re)?.[0]).find(Boolean);
  if (!link) throw new Error(`no ${linkPath} link mailed to ${email}`);
  return link;
}
