import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer, MailMessage } from './mailer.ts';
import { stripBrackets, toNodemailer } from './nodemailer-message.ts';

export interface FileMailerOptions {
  /** Where the .eml files go; `${DATA_DIR}/outbox` in the server. */
  dir?: string;
  /** "Immo <no-reply@immo.localhost>" */
  from: string;
}

/**
 * The embedded mailer: every message becomes a real RFC 5322 `.eml` file that
 * any mail client opens, so a developer reads the mail the product would send.
 */
export function createFileMailer(options: FileMailerOptions): Mailer & { readonly dir: string } {
  const dir = options.dir ?? join('.data', 'outbox');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let sent = 0;

  return {
    dir,
    async send(message: MailMessage) {
      const info = await transport.sendMail(toNodemailer(options.from, message));
      const id = stripBrackets(info.messageId);
      await mkdir(dir, { recursive: true });
      // Named so that `ls` lists them in the order they were sent; written
      // whole then renamed, so a watcher never opens half a message.
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${String(++sent).padStart(6, '0')}-${id.replace(/[^a-zA-Z0-9-]/g, '_')}.eml`;
      const tmp = join(dir, `.${randomUUID()}.tmp`);
      await writeFile(tmp, info.message as Buffer);
      await rename(tmp, join(dir, name));
      return { id };
    },
    async close() {
      transport.close();
    },
  };
}
