import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config, type Database, type Clock, type Logger, type ModuleDefinition } from '@immo/platform';
import { createPlatform, type RunningPlatform } from './platform.ts';
import { composeModules, type ComposedModules } from './compose.ts';
import { buildServer } from './server.ts';
import { moduleRegistry } from './registry.ts';

export type Role = 'all' | 'api' | 'worker' | 'realtime';

export interface Immo {
  config: Config;
  platform: RunningPlatform;
  modules: ComposedModules;
  app?: FastifyInstance;
  close(): Promise<void>;
}

/**
 * Starts Immo in one of its roles. `all`: HTTP + WebSocket + workers in one
 * process; `api`: HTTP only; `worker`: event consumers and jobs only;
 * `realtime`: WebSocket only. The same build, split by configuration.
 */
export async function startImmo(
  role: Role,
  options: {
    config?: Config;
    modules?: ModuleDefinition[];
    db?: Database;
    clock?: Clock;
    logger?: Logger;
    listen?: boolean;
  } = {},
): Promise<Immo> {
  const config = options.config ?? loadConfig();
  const platform = await createPlatform(config, options);
  const modules = await composeModules(platform, options.modules ?? (await moduleRegistry()), {
    platformMigrations: platform.migrations,
    only: config.MODULES,
  });
  const http = role === 'all' || role === 'api' || role === 'realtime';
  const app = http
    ? await buildServer({
        config,
        logger: platform.logger,
        modules,
        redis: platform.redis,
        readiness: [
          { name: 'database', check: () => platform.db.ping() },
          ...(platform.redis ? [{ name: 'redis', check: async () => void (await platform.redis!.ping()) }] : []),
        ],
      })
    : undefined;
  if (role === 'all' || role === 'worker') {
    await platform.events.start();
    await platform.jobs.start();
  }
  if (app && options.listen !== false) await app.listen({ port: config.PORT, host: config.HOST });
  return {
    config,
    platform,
    modules,
    app,
    async close() {
      await app?.close();
      await modules.stop();
      await platform.close();
    },
  };
}
