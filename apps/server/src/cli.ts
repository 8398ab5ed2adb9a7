#!/usr/bin/env -S npx tsx
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { WebRequestHandler } from './gateway/web.ts';
import { ConfigError, loadConfig, migrate } from '@immo/platform';
import { startImmo, type Role } from './app.ts';
import { createPlatform } from './platform.ts';
import { orderModules, moduleMigrations } from './compose.ts';
import { moduleRegistry } from './registry.ts';
import { importCommunes } from '@immo/geo';
import type { SearchApi } from '@immo/search';
import { seedDemoData } from './seed.ts';

const USAGE = `Usage: immo <command> [options]

  all                      every module: HTTP + WebSocket + workers (default)
  api | worker | realtime  one role of the same build (MODULES=a,b for a subset)
  migrate                  apply pending migrations and exit
  seed [--listings N] [--seed S]  add deterministic Belgian demo data (same seed, same data)
  import communes --statbel FILE --bpost FILE [--out data/belgium/communes.json]
  search reindex [--batch 1000]  rebuild the search index (resumable)
  audit verify             check the hash chain of the audit log
`;

async function main(argv: string[]) {
  const [command = 'all', sub] = argv;
  if (command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'all':
    case 'api':
    case 'worker':
    case 'realtime': {
      const web = command === 'all' || command === 'api' ? await loadWeb() : undefined;
      const immo = await startImmo(command as Role, { config, web });
      const stop = async () => {
        await immo.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'migrate': {
      const platform = await createPlatform(config);
      const definitions = orderModules(await moduleRegistry(), config.MODULES);
      const applied = await migrate(platform.db, [...platform.migrations, ...moduleMigrations(definitions)]);
      console.log(applied.length ? applied.map((m) => `applied ${m.module}/${m.version}_${m.name}`).join('\n') : 'nothing to apply');
      await platform.close();
      return;
    }
    case 'seed': {
      const { values } = parseArgs({
        args: argv.slice(1),
        options: { listings: { type: 'string', default: String(config.SEED_LISTINGS) }, seed: { type: 'string', default: String(config.SEED) } },
      });
      const count = Number(values.listings);
      const seed = Number(values.seed);
      if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) {
        console.error('seed: --listings must be a whole number ≥ 0 and --seed an integer');
        process.exit(2);
      }
      const immo = await startImmo('worker', { config: { ...config, AUTO_SEED: false }, listen: false, startWorkers: false });
      const result = await seedDemoData({ platform: immo.platform, modules: immo.modules, count, seed });
      console.log(`seeded ${result.created} listings (seed ${seed})`);
      await immo.close();
      return;
    }
    case 'search': {
      if (sub !== 'reindex') break;
      const { values } = parseArgs({ args: argv.slice(2), options: { batch: { type: 'string', default: '1000' } } });
      const immo = await startImmo('worker', { config, listen: false, startWorkers: false });
      const result = await immo.modules.api<SearchApi>('search').reindex({
        batchSize: Number(values.batch),
        onBatch: (indexed) => console.log(`indexed ${indexed}`),
      });
      console.log(`reindex ${result.resumed ? 'resumed and ' : ''}done: ${result.indexed} indexed, ${result.removed} removed`);
      await immo.close();
      return;
    }
    case 'import': {
      if (sub !== 'communes') break;
      const { values } = parseArgs({
        args: argv.slice(2),
        options: { statbel: { type: 'string' }, bpost: { type: 'string' }, out: { type: 'string', default: 'data/belgium/communes.json' } },
      });
      if (!values.statbel || !values.bpost) {
        console.error('import communes needs --statbel FILE (Statbel REFNIS CSV) and --bpost FILE (bpost postal codes CSV)');
        process.exit(2);
      }
      const result = importCommunes({ statbelFile: values.statbel, bpostFile: values.bpost, out: values.out });
      console.log(`wrote ${values.out}: ${result.communes} communes, ${result.postalPlaces} postal places (${result.placesWithoutKnownCoordinates} placed at their commune's centroid)`);
      return;
    }
    case 'audit': {
      if (sub !== 'verify') break;
      const platform = await createPlatform(config);
      await migrate(platform.db, platform.migrations);
      const result = await platform.audit.verify();
      await platform.close();
      if (!result.ok) {
        console.error(`audit log broken at row ${result.brokenAt}: ${result.reason}`);
        process.exit(1);
      }
      console.log(`audit log intact (${result.rows} rows)`);
      return;
    }
  }
  console.error(`Unknown command "${argv.join(' ')}".\n\n${USAGE}`);
  process.exit(2);
}

/**
 * The web app's production build, when there is one (`npm run build:web`;
 * `npm start` builds it first). Loaded by path so that the API alone never
 * needs Next.js.
 */
async function loadWeb() {
  const dir = fileURLToPath(new URL('../../web', import.meta.url));
  if (!existsSync(join(dir, '.next', 'BUILD_ID'))) {
    console.warn('apps/web has no production build: serving the API only (run `npm run build:web`)');
    return undefined;
  }
  const handlerModule = join(dir, 'server-handler.ts');
  const { createWebHandler } = (await import(handlerModule)) as { createWebHandler(o: { dev: boolean; dir: string }): Promise<WebRequestHandler> };
  return createWebHandler({ dev: false, dir });
}

main(process.argv.slice(2)).catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error:\n${error.message}`);
    process.exit(78);
  }
  console.error(error);
  process.exit(1);
});

