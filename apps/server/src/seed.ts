import type { ListingsApi } from '@immo/listings';
import { seedListings } from '@immo/listings';
import type { Platform } from '@immo/platform';
import type { ComposedModules } from './compose.ts';

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
  const result = await seedListings({ count: options.count, seed: options.seed, platform });
  await platform.events.drain();
  platform.logger.info({ created: result.created }, 'demo data ready');
  return { created: result.created };
}
