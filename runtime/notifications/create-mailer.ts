/**
 * @module Sends e-mail through SMTP with nodemailer. Configured by its caller (`closedloop serve` passes
 * `SMTP_URL` and `MAIL_FROM`); nothing here reads the environment. Short timeouts, so a dead server
 * becomes a recorded, retried failure quickly instead of a stuck worker.
 */
import nodemailer from 'nodemailer';

export interface MailerOptions {
  /** e.g. `smtp://127.0.0.1:2525`, `smtps://user:pass@mail.example.com`. */
  smtpUrl: string;
  /** The From address, e.g. `Closedloop <noreply@example.com>`. */
  from: string;
  timeoutMs?: number;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Sent as the Message-ID's local part seed: the same queued e-mail keeps one id across retries. */
  id?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export function createMailer({ smtpUrl, from, timeoutMs = 10_000 }: MailerOptions): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(mail) {
      const domain = (/@([^>\s]+)/.exec(from)?.[1] ?? 'closedloop.local').toLowerCase();
      const info = (await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.id ? { messageId: `<${mail.id}@${domain}>` } : {}),
      })) as { messageId?: string };
      return { messageId: info.messageId ?? '' };
    },
    close: () => transport.close(),
  };
}
