import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { loadConfig } from './config/config.ts';
import { createLogger } from './observability/logger.ts';
import { createPorts } from './ports.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

it('uses Redis for the cache when REDIS_URL is set, and closes its connection', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'immo-ports-'));
  const ports = await createPorts(
    loadConfig({ DATA_DIR: dataDir, REDIS_URL }),
    createLogger({ level: 'silent' }),
  );
  expect(ports.redis).toBeDefined();
  const key = `ports-test:${randomUUID()}`;
  await ports.cache.set(key, { v: 1 }, 60);
  expect(await ports.redis!.get(`immo:${key}`)).toBe('{"v":1}');
  await ports.cache.delete(key);
  await ports.close();
  expect(ports.redis!.status).toBe('end');
  await rm(dataDir, { recursive: true, force: true });
});
