import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { seedDemoListings, waitForIndex, type DemoListing } from './demo-listings.ts';
import { startImmoStack, type ImmoStack } from './immo-stack.ts';

export interface CatalogueWorld {
  stack: ImmoStack;
  browser: Browser;
  listings: DemoListing[];
}

/**
 * For a test file that browses the small known catalogue: before its tests,
 * the real stack with the catalogue indexed and Chromium launched; after
 * them, both closed. The returned object is filled once the file starts.
 */
export function withCatalogue(): CatalogueWorld {
  const world = {} as CatalogueWorld;
  beforeAll(async () => {
    world.stack = await startImmoStack();
    world.listings = await seedDemoListings(world.stack.immo.app!);
    await waitForIndex(world.stack.immo.app!, world.listings.length);
    world.browser = await launchChromium();
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.stack?.close();
  });
  return world;
}
