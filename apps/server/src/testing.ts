import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, loadConfig, type Clock, type ModuleDefinition } from '@immo/platform';
import { startImmo, type Immo } from './app.ts';
import { moduleMigrations, orderModules } from './compose.ts';
import { platformMigrations } from './platform.ts';
import type { WebRequestHandler } from './gateway/web.ts';

export interface TestApp {
  app: FastifyInstance;
  platform: Immo['platform'];
  modules: Immo['modules'];
  /** Dispatches every pending event and runs every due job, until nothing is left. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The composed server on a fresh database (PGlite in memory, or a new
 * PostgreSQL database when TEST_DATABASE_URL is set), embedded ports in a
 * temporary data dir, no listening socket: call it with `app.inject`.
 */
export async function createTestApp(
  options: { modules: ModuleDefinition[]; clock?: Clock; env?: Record<string, string>; web?: WebRequestHandler } = { modules: [] },
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'immo-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '100000',
    ...options.env,
  });
  // PGlite starts from a template with every migration of this module set applied (cached by content)
  const db = await createTestDatabase({ migrated: [...platformMigrations, ...moduleMigrations(orderModules(options.modules))] });
  const immo = await startImmo('api', { config, db, clock: options.clock, modules: options.modules, listen: false, web: options.web });
  return {
    app: immo.app!,
    platform: immo.platform,
    modules: immo.modules,
    async drain() {
      // events can enqueue jobs and jobs can publish events: loop until both rest
      for (let round = 0; round < 20; round++) {
        const before = await pendingWork(immo);
        if (before === 0) return;
        await immo.platform.events.drain();
        await immo.platform.jobs.drain();
      }
    },
    async close() {
      await immo.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function pendingWork(immo: Immo): Promise<number> {
  return (await immo.platform.events.pending()) + (await immo.platform.jobs.pending());
}
