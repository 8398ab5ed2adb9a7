import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newId } from '@immo/platform';

/** SMS port: phone verification codes. The embedded default writes files; a real gateway plugs in here. */
export interface SmsSender {
  send(message: { to: string; text: string }): Promise<{ id: string }>;
}

/** Writes each message as JSON to `${DATA_DIR}/outbox/sms/<id>.json`, as the mail port does for e-mail. */
export class OutboxSms implements SmsSender {
  constructor(private readonly dataDir: string) {}

  async send(message: { to: string; text: string }) {
    const id = newId();
    const dir = join(this.dataDir, 'outbox', 'sms');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${id}.json`), JSON.stringify({ id, ...message, at: new Date().toISOString() }, null, 2));
    return { id };
  }
}
