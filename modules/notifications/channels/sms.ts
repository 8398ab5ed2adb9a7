import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newId } from '@immo/platform';

/** SMS port. The embedded default (offline provider) writes each message to a file; a gateway adapter plugs in here. */
export interface SmsSender {
  send(message: { to: string; text: string }): Promise<{ id: string }>;
}

/** Offline provider: `${DATA_DIR}/outbox/sms/<id>.json`, as the mail port does for e-mail. */
export function offlineSms(dataDir: string): SmsSender {
  return {
    async send(message) {
      const id = newId();
      const dir = join(dataDir, 'outbox', 'sms');
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${id}.json`), JSON.stringify({ id, ...message, at: new Date().toISOString() }, null, 2));
      return { id };
    },
  };
}
