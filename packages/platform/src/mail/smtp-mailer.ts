import nodemailer from 'nodemailer';
import { stripBrackets, toNodemailer } from './nodemailer-message.ts';
import type { Mailer, MailMessage } from './mailer.ts';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465 */
  url: string;
  from: string;
}

/** The production mailer: SMTP through a pool of connections. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport(withPool(options.url));
  return {
    async send(message: MailMessage) {
      const info = await transport.sendMail(toNodemailer(options.from, message));
      return { id: stripBrackets(info.messageId) };
    },
    async close() {
      transport.close();
    },
  };
}

// Reusing connections matters when a digest goes to many people at once.
function withPool(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('pool')) parsed.searchParams.set('pool', 'true');
  return parsed.toString();
}
