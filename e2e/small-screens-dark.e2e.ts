import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot, watchProblems } from './support/browser.ts';
import { seriousViolations } from './support/axe.ts';
import { withCatalogue } from './support/catalogue.ts';

// Issue 7: responsive from 360 px, and dark mode. On a 360 × 740 phone with
// the system in dark mode, the main pages fit the width (no sideways
// scrolling), are dark, and axe-core finds no serious violation (contrast
// included) — in French and in Dutch.

const world = withCatalogue();

/** How far the page scrolls sideways (0 when it fits the screen). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
/** Relative luminance of an rgb() colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe.each(['fr', 'nl'] as const)('on a 360 px phone in dark mode (%s)', (locale) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await world.browser.newContext({ locale: `${locale}-BE`, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'dark' });
  });
  afterAll(() => context?.close());

  const ixelles = () => world.listings.find((l) => l.place === 'Ixelles' && l.type === 'apartment')!;
  const pages = () => [
    ['home', `/${locale}`],
    ['results', `/${locale}/search?q=appartement+Ixelles&transaction=sale`],
    ['listing', `/${locale}/listing/${ixelles().id}`],
    ['login', `/${locale}/account/login`],
  ] as const;

  it('home, results, listing and login fit the screen, are dark and pass axe', async () => {
    for (const [name, path] of pages()) {
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${world.stack.origin}${path}`, { waitUntil: 'networkidle' });
      expect(await page.locator('html').getAttribute('class'), name).toContain('dark');
      expect(luminance(await background(page)), `${name} background`).toBeLessThan(0.1);
      expect(await overflow(page), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page), name).toEqual([]);
      await screenshot(page, `phone-dark-${name}-${locale}`);
      expect(problems.filter((p) => !p.includes('tiles')), name).toEqual([]);
      await page.close();
    }
  });
});
