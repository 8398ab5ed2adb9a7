import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config, type Database, type Clock, type Logger, type ModuleDefinition } from '@immo/platform';
import { createPlatform, type RunningPlatform } from './platform.ts';
import { composeModules, type ComposedModules } from './compose.ts';
import { buildServer } from './server.ts';
import { moduleRegistry } from './registry.ts';
import { attachLiveEmitter, attachRealtime, type Realtime } from './realtime.ts';
import { seedDemoData } from './seed.ts';
import { followPageExpiry, listingPageSubscribers, publishPageExpiry } from './listing-pages.ts';
import type { WebRequestHandler } from './gateway/web.ts';

export type Role = 'all' | 'api' | 'worker' | 'realtime';

export interface Immo {
  config: Config;
  platform: RunningPlatform;
  modules: ComposedModules;
  app?: FastifyInstance;
  realtime?: Realtime;
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
    /** Start the event dispatcher and job worker (default: for the all and worker roles). */
    startWorkers?: boolean;
    /** The web app's handler (apps/web/server-handler.ts), served on the same port by the all and api roles. */
    web?: WebRequestHandler;
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
        // the realtime role serves sockets (and health) only
        routes: role !== 'realtime',
        web: role === 'realtime' ? undefined : options.web,
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
  const realtime = app && (role === 'all' || role === 'realtime') ? await attachRealtime(app, modules, config) : undefined;
  const liveEmitter = role === 'api' || role === 'worker' ? attachLiveEmitter(modules, config) : undefined;
  const startWorkers = options.startWorkers ?? (role === 'all' || role === 'worker');
  // cached listing pages expire when their listing changes: a consuming process names the listings
  // (through Redis to every web process when there is one, else to its own web app)
  const servesWeb = app && options.web?.revalidateListings ? { revalidateListings: options.web.revalidateListings } : undefined;
  const pageExpiry = servesWeb && platform.redis ? await followPageExpiry(platform.redis, config.REDIS_PREFIX, servesWeb, platform.logger) : undefined;
  if (startWorkers && modules.instances.some((m) => m.name === 'listings')) {
    const expirePages = platform.redis ? publishPageExpiry(platform.redis, config.REDIS_PREFIX) : servesWeb?.revalidateListings;
    if (expirePages) for (const subscriber of listingPageSubscribers(expirePages, platform.logger)) platform.events.subscribe(subscriber);
  }
  if (startWorkers) {
    await platform.events.start();
    await platform.jobs.start();
  }
  // the first start on an empty database brings demo data, so the product shows something
  if (role === 'all' && config.AUTO_SEED && modules.instances.some((m) => m.name === 'listings')) {
    await seedDemoData({ platform, modules, count: config.SEED_LISTINGS, seed: config.SEED, onlyWhenEmpty: true });
  }
  if (app && options.listen !== false) await app.listen({ port: config.PORT, host: config.HOST });
  return {
    config,
    platform,
    modules,
    app,
    realtime,
    async close() {
      await realtime?.close();
      await liveEmitter?.close();
      await pageExpiry?.close();
      await app?.close();
      await modules.stop();
      await platform.close();
    },
  };
}
