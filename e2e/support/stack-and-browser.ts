import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startImmoStack, type ImmoStack } from './immo-stack.ts';

export interface StackAndBrowser {
  stack: ImmoStack;
  browser: Browser;
}

/**
 * For a test file that drives Chromium against the real stack: before its
 * tests the stack started and the browser launched; after them both closed.
 * The returned object is filled once the file starts.
 */
export function withStackAndBrowser(): StackAndBrowser {
  const world = {} as StackAndBrowser;
  beforeAll(async () => {
    world.stack = await startImmoStack();
    world.browser = await launchChromium();
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.stack?.close();
  });
  return world;
}
