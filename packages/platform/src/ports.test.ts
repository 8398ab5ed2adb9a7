import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config/config.ts';
import { createLogger } from './observability/logger.ts';
import { createPorts } from './ports.ts';

const logger = createLogger({ level: 'silent' });

describe('ports', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'immo-ports-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs on the embedded defaults when nothing is configured', async () => {
    const ports = await createPorts(loadConfig({ DATA_DIR: dataDir }), logger);
    expect(ports.redis).toBeUndefined();
    expect(ports.storage.kind).toBe('folder');

    await ports.cache.set('k', { v: 1 }, 60);
    expect(await ports.cache.get('k')).toEqual({ v: 1 });

    await ports.storage.put('listings/l1/a.txt', Buffer.from('hello'));
    expect(await readdir(join(dataDir, 'storage', 'listings', 'l1'))).toEqual(['a.txt']);
    const url = new URL(await ports.storage.signedGetUrl('listings/l1/a.txt', 60), 'http://immo.localhost');
    expect(url.pathname).toBe('/v1/files/listings/l1/a.txt');
    expect(
      ports.storage.verifySignedPath!(
        'listings/l1/a.txt',
        Number(url.searchParams.get('expires')),
        url.searchParams.get('signature')!,
      ),
    ).toBe(true);

    await ports.mail.send({ to: 'someone@example.be', subject: 'Bienvenue', text: 'Bonjour' });
    expect((await readdir(join(dataDir, 'outbox'))).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    await ports.close();
  });

  it('signs file URLs with FILES_SIGNING_SECRET, so they outlive a restart', async () => {
    const env = { DATA_DIR: dataDir, FILES_SIGNING_SECRET: 's'.repeat(40) };
    const first = await createPorts(loadConfig(env), logger);
    const url = new URL(await first.storage.signedGetUrl('a.txt', 60), 'http://x');
    await first.close();
    const second = await createPorts(loadConfig(env), logger);
    expect(
      second.storage.verifySignedPath!(
        'a.txt',
        Number(url.searchParams.get('expires')),
        url.searchParams.get('signature')!,
      ),
    ).toBe(true);
    await second.close();
  });

  it('picks S3 and SMTP when their variables are set', async () => {
    const ports = await createPorts(
      loadConfig({
        DATA_DIR: dataDir,
        S3_ENDPOINT: 'http://127.0.0.1:1',
        S3_BUCKET: 'immo-media',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
        SMTP_URL: 'smtp://127.0.0.1:1',
      }),
      logger,
    );
    expect(ports.storage.kind).toBe('s3');
    expect(await ports.storage.signedPutUrl('a.png', 'image/png', 60)).toMatch(
      /^http:\/\/127\.0\.0\.1:1\/immo-media\/a\.png\?/,
    );
    await expect(ports.mail.send({ to: 'x@example.be', subject: 's', text: 't' })).rejects.toThrow(
      /ECONNREFUSED|connect/i,
    );
    await ports.close();
  });
});
