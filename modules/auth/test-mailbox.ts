import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Tests read what the embedded mail and SMS ports wrote under DATA_DIR. */
export function mailsTo(dataDir: string, to: string): string[] {
  const dir = join(dataDir, 'outbox');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => decodeQuotedPrintable(readFileSync(join(dir, f), 'utf8')))
    .filter((m) => new RegExp(`^To: .*${to.replace(/[.+]/g, '\\$&')}`, 'mi').test(m));
}

/** The token of the last link of this kind (`verify-email`, `reset-password`, `invitation` ...) mailed to `to`. */
export function lastLinkToken(dataDir: string, to: string, path: string): string {
  const mails = mailsTo(dataDir, to);
  for (const mail of mails.reverse()) {
    const match = new RegExp(`/${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail);
    if (match) return match[1]!;
  }
  throw new Error(`no ${path} link mailed to ${to}`);
}

export function lastSmsCode(dataDir: string, to: string): string {
  const dir = join(dataDir, 'outbox', 'sms');
  const texts = readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { to: string; text: string })
    .filter((m) => m.to === to);
  const match = /(\d{6})/.exec(texts.at(-1)?.text ?? '');
  if (!match) throw new Error(`no code texted to ${to}`);
  return match[1]!;
}

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
