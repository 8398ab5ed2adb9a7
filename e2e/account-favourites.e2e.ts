import { describe, expect, it } from 'vitest';
import { screenshot, watchProblems } from './support/browser.ts';
import { withCatalogue } from './support/catalogue.ts';

// Part of flow 2 of issue 7: a visitor registers, keeps a listing as a
// favourite, finds it in their favourites, and still reads it offline.

const world = withCatalogue();

describe('an account with favourites', () => {
  it('registers, adds a favourite from the listing page, and reads it in favourites, online then offline', async () => {
    const context = await world.browser.newContext({ locale: 'nl-BE', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const listing = world.listings.find((l) => l.place === 'Ixelles' && l.transaction === 'rent')!;

    // a visitor on a listing is asked to sign in to keep it; registering brings them back
    await page.goto(`${world.stack.origin}/nl/listing/${listing.id}`);
    await page.getByRole('link', { name: /Meld u aan om favorieten te bewaren/ }).click();
    await page.waitForURL(/\/nl\/account\/login\?next=/);
    await screenshot(page, 'login-nl');
    await page.getByRole('link', { name: 'Account aanmaken' }).click();
    await page.waitForURL(/\/nl\/account\/register\?next=/);
    await page.getByLabel('Weergavenaam').fill('Lotte Peeters');
    await page.getByLabel('E-mailadres').fill('lotte.peeters@example.test');
    await page.getByLabel('Wachtwoord').fill('Zonnige-tuin-in-Elsene-42');
    await screenshot(page, 'register-nl');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.waitForURL(new RegExp(`/nl/listing/${listing.id}$`));

    // keep it: the button says so and the API agrees
    const keep = page.getByRole('button', { name: /Toevoegen aan favorieten|Add to favourites|favorieten/ });
    await keep.click();
    await expect.poll(() => page.getByRole('button', { name: /Verwijderen uit favorieten/ }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'listing-nl-favourite');

    // favourites page lists it (mobile width)
    await page.goto(`${world.stack.origin}/nl/account/favourites`);
    const card = page.locator('article').filter({ hasText: 'Elsene' });
    await card.first().waitFor();
    await screenshot(page, 'favourites-nl');

    // once the service worker controls the page, the favourites stay readable offline
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 });
    await page.reload();
    await card.first().waitFor();
    const onlineProblems = [...problems];
    await context.setOffline(true);
    await page.reload();
    await card.first().waitFor({ timeout: 15_000 });
    expect(await page.getByRole('status').textContent()).toContain('offline');
    await screenshot(page, 'favourites-nl-offline');
    await context.setOffline(false);

    // (offline, the service worker's misses for uncached resources are expected)
    expect(onlineProblems).toEqual([]);
    await context.close();
  });
});
