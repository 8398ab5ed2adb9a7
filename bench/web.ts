/**
 * bench/web.ts — time to first byte and Largest Contentful Paint, measured in
 * Debian's Chromium with the Performance API, of the server-rendered listing
 * page and the results page (production build of apps/web, mounted on the
 * real server with the embedded defaults), each beside a static HTML page of
 * the same size answered by the same server in the same run.
 *
 *   npx tsx bench/web.ts [--runs 15]
 *
 * Prints a table, then one line of JSON: {"bench":"web",...}.
 */
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser.ts';
import { seedDemoListings, waitForIndex } from '../e2e/support/demo-listings.ts';
import { startImmoStack } from '../e2e/support/immo-stack.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Math.max(3, Number(values.runs));

interface Sample {
  ttfb: number;
  lcp: number;
  bytes: number;
}

/** One cold visit (fresh context, no cache): TTFB = responseStart − startTime; LCP from the buffered observer. */
async function visit(browser: Browser, url: string, waitFor: string): Promise<Sample> {
  const context = await browser.newContext({ locale: 'fr-BE', viewport: { width: 1280, height: 860 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.locator(waitFor).first().waitFor();
  const sample = await page.evaluate(
    () =>
      new Promise<Sample>((resolve) => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        let lcp = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) lcp = Math.max(lcp, entry.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        // LCP settles once nothing larger paints; give late client rendering a moment
        setTimeout(() => resolve({ ttfb: nav.responseStart - nav.startTime, lcp, bytes: nav.decodedBodySize }), 800);
      }),
  );
  await context.close();
  return sample;
}

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

/** A plain page of `bytes` bytes: a heading and paragraphs, no script, no stylesheet. */
function staticPage(bytes: number, title: string): string {
  const head = `<!doctype html><html lang="fr-BE"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body><main><h1>${title}</h1>`;
  const tail = '</main></body></html>';
  const para = '<p>Appartement lumineux de deux chambres, proche des transports et des commerces, à deux pas de la place Flagey.</p>';
  let body = '';
  while (Buffer.byteLength(head + body + para + tail) <= bytes) body += para;
  const pad = bytes - Buffer.byteLength(head + body + tail);
  return head + body + (pad > 7 ? `<!--${'x'.repeat(pad - 7)}-->` : '') + tail;
}

// the same-size static baselines, answered by the same server (filled below)
const staticPages = new Map<string, string>();
const stack = await startImmoStack({ staticPages });
const listings = await seedDemoListings(stack.immo.app!);
await waitForIndex(stack.immo.app!, listings.length);
const listingPath = `/fr/listing/${listings[1]!.id}`;
const resultsPath = '/fr/search?q=appartement+Ixelles&transaction=sale';

for (const [name, path] of [['listing', listingPath], ['results', resultsPath]] as const) {
  const html = await (await fetch(`${stack.origin}${path}`)).text();
  staticPages.set(`/static-${name}.html`, staticPage(Buffer.byteLength(html), `Static ${name}`));
}

const browser = await launchChromium();
const pages: [string, string, string][] = [
  ['listing (SSR, ISR cache)', listingPath, 'h1'],
  ['static, same size as listing', '/static-listing.html', 'h1'],
  ['results (SSR first page)', resultsPath, 'article'],
  ['static, same size as results', '/static-results.html', 'h1'],
];
const rows: { page: string; bytes: number; ttfbP50: number; ttfbP95: number; lcpP50: number; lcpP95: number }[] = [];
try {
  for (const [label, path, waitFor] of pages) {
    await visit(browser, `${stack.origin}${path}`, waitFor); // warm the server (JIT, ISR, index)
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) samples.push(await visit(browser, `${stack.origin}${path}`, waitFor));
    const ttfb = samples.map((s) => s.ttfb);
    const lcp = samples.map((s) => s.lcp);
    rows.push({ page: label, bytes: samples[0]!.bytes, ttfbP50: quantile(ttfb, 0.5), ttfbP95: quantile(ttfb, 0.95), lcpP50: quantile(lcp, 0.5), lcpP95: quantile(lcp, 0.95) });
  }
} finally {
  await browser.close();
  await stack.close();
}

const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(10);
console.log(`\nweb pages, ${runs} cold visits each (fresh browser context), Chromium headless, production build\n`);
console.log(`${'page'.padEnd(32)}${'HTML bytes (decoded)'.padStart(21)}${'TTFB p50'.padStart(10)}${'TTFB p95'.padStart(10)}${'LCP p50'.padStart(10)}${'LCP p95'.padStart(10)}`);
for (const r of rows) console.log(`${r.page.padEnd(32)}${String(r.bytes).padStart(21)}${ms(r.ttfbP50)}${ms(r.ttfbP95)}${ms(r.lcpP50)}${ms(r.lcpP95)}`);
console.log(JSON.stringify({ bench: 'web', runs, rows }));
process.exit(0);
