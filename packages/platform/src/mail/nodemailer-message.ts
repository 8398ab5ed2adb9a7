import type { SendMailOptions } from 'nodemailer';
import type { MailMessage } from './mailer.ts';

/** Our message, in the shape nodemailer composes into MIME. */
export function toNodemailer(from: string, message: MailMessage): SendMailOptions {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    ...(message.attachments?.length
      ? {
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            ...(a.contentType ? { contentType: a.contentType } : {}),
          })),
        }
      : {}),
  };
}

/** Message-ID without its angle brackets: the id a caller keeps. */
export function stripBrackets(messageId: string): string {
  return messageId.replace(/^<|>$/g, '');
}
