import { seedDemoAccounts } from '@immo/auth';
import type { ListingsApi } from '@immo/listings';
import { seedListings } from '@immo/listings';
import type { Platform } from '@immo/platform';
import { seedDemoAgencies } from '@immo/users';
import type { ComposedModules } from './compose.ts';
import { DEMO_PASSWORD, demoDirectory } from './demo-directory.ts';

/**
 * Deterministic Belgian demo data: listings through the listings service (so
 * the outbox carries their events), then the events are dispatched so search
 * indexes them before the command returns.
 */
export async function seedDemoData(options: {
  platform: Platform;
  modules: ComposedModules;
  count: number;
  seed: number;
  onlyWhenEmpty?: boolean;
}): Promise<{ created: number }> {
  const { platform, modules } = options;
  if (options.onlyWhenEmpty) {
    const existing = await modules.api<ListingsApi>('listings').snapshotsForReindex(null, 1);
    if (existing.length > 0) return { created: 0 };
  }
  platform.logger.info({ count: options.count, seed: options.seed }, 'seeding demo data');
  await seedDemoPeople(options);
  const result = await seedListings({ count: options.count, seed: options.seed, platform });
  await platform.events.drain();
  platform.logger.info({ created: result.created }, 'demo data ready');
  return { created: result.created };
}

/**
 * The advertisers of the demo listings as accounts and agencies one can sign
 * in as (password DEMO_PASSWORD), when the auth and users modules run.
 * Never in production: a published password would be a way in.
 */
async function seedDemoPeople(options: { platform: Platform; modules: ComposedModules; seed: number }) {
  const { platform, modules } = options;
  if (platform.config.NODE_ENV === 'production') {
    platform.logger.info('demo listings only: demo accounts are not created in production');
    return;
  }
  const names = new Set(modules.instances.map((m) => m.name));
  if (!names.has('auth') || !names.has('users')) return;
  const directory = demoDirectory(options.seed);
  const now = platform.clock.now();
  const accounts = await seedDemoAccounts(platform.db, directory.accounts, DEMO_PASSWORD, now);
  const agencies = await seedDemoAgencies(platform.db, directory.agencies, now);
  platform.logger.info({ accounts, agencies }, 'demo advertisers ready (e.g. owner1@demo.immo.be, password in the README)');
}
