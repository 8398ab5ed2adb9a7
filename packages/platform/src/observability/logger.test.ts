import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

const SECRETS = [
  'hunter2-Passw0rd',
  'eyJhbGciOiJSUzI1NiJ9.payload.sig',
  'Bearer abc.def.ghi',
  'marie.dupont@example.be',
  '+32 470 12 34 56',
  'BE68539007547034',
];

describe('logger redaction', () => {
  it('never prints secrets or personal data, however deep they sit', () => {
    const { logger, lines } = capture();
    logger.info({ password: SECRETS[0], email: SECRETS[3] }, 'top level');
    logger.info({ body: { password: SECRETS[0], refreshToken: SECRETS[1], phone: SECRETS[4] } }, 'one level');
    logger.info(
      {
        command: {
          user: { contact: { email: SECRETS[3], phone: SECRETS[4] }, credentials: { password: SECRETS[0] } },
        },
        req: { headers: { authorization: SECRETS[2], host: 'immo.be' } },
        items: [{ owner: { iban: SECRETS[5], token: SECRETS[1] } }],
      },
      'deeply nested',
    );
    logger
      .child({ session: { user: { email: SECRETS[3] } } })
      .warn({ upstream: { headers: { Authorization: SECRETS[2] } } }, 'child');

    const output = lines.join('');
    expect(lines).toHaveLength(4);
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    expect(output.match(/\[redacted\]/g)).toHaveLength(13);
  });

  it('keeps what is useful for debugging', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        req: { method: 'GET', url: '/v1/listings', headers: { host: 'immo.be' } },
        listing: { id: 'l1', postalCode: '1000' },
      },
      'served',
    );
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({
      msg: 'served',
      service: 'immo',
      listing: { id: 'l1', postalCode: '1000' },
      req: { url: '/v1/listings' },
    });
  });

  it('leaves class instances such as errors to their serializers', () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error('database unreachable') }, 'failed');
    expect(JSON.parse(lines[0]!).err).toMatchObject({ type: 'Error', message: 'database unreachable' });
  });
});
