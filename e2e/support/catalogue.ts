import { beforeAll } from 'vitest';
import { seedDemoListings, waitForIndex, type DemoListing } from './demo-listings.ts';
import { withStackAndBrowser, type StackAndBrowser } from './stack-and-browser.ts';

export interface CatalogueWorld extends StackAndBrowser {
  listings: DemoListing[];
}

/**
 * For a test file that browses the small known catalogue: before its tests,
 * the real stack with the catalogue indexed and Chromium launched; after
 * them, both closed. The returned object is filled once the file starts.
 */
export function withCatalogue(): CatalogueWorld {
  const world = withStackAndBrowser() as CatalogueWorld;
  beforeAll(async () => {
    world.listings = await seedDemoListings(world.stack.immo.app!);
    await waitForIndex(world.stack.immo.app!, world.listings.length);
  });
  return world;
}
