import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, signUpVerified, type TestAccount } from './support/accounts.ts';
import { screenshot } from './support/browser.ts';
import { signInInBrowser } from './support/sign-in.ts';
import { withStackAndBrowser } from './support/stack-and-browser.ts';
import { publishWithDailyVisits } from './support/visit-windows.ts';

// Issue 7, account: the server's notification links name a thing
// (`/appointments/{id}`, `/messages/{conversationId}`); the notifications
// page opens the page where it is handled — the desk inbox for the
// advertiser, the visits page for the person who booked.

const world = withStackAndBrowser();

/** A private owner's published flat with visit windows every day. */
async function publishWithVisits(owner: TestAccount): Promise<string> {
  const token = owner.accessToken;
  const listing = await call<{ id: string }>(world.stack.origin, 'POST', '/v1/listings', {
    token,
    expected: 201,
    body: {
      transaction: 'rent',
      type: 'apartment',
      price: 980,
      charges: 60,
      address: { street: 'Rue de Fer', number: '12', postalCode: '5000', communeNis: '92094' },
      lat: 50.4655,
      lon: 4.8668,
      livingArea: 62,
      bedrooms: 1,
      bathrooms: 1,
      yearBuilt: 1960,
      condition: 'good',
      epc: { label: 'B', kwh: 150, certificate: 'EPC-20265050' },
      features: [],
      language: 'fr',
      title: { fr: 'Appartement une chambre rue de Fer', nl: 'Appartement met één slaapkamer in de Rue de Fer' },
      description: { fr: 'Appartement au centre de Namur.', nl: 'Appartement in het centrum van Namen.' },
    },
  });
  await publishWithDailyVisits(world.stack, token, listing.id);
  return listing.id;
}

/** The "open" links of the notifications page, reloaded until `wanted` is among them (delivery is a job). */
async function waitForOpenLink(page: Page, wanted: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const links = page.getByRole('link', { name: 'Ouvrir' });
    const hrefs = await Promise.all((await links.all()).map((link) => link.getAttribute('href')));
    if (hrefs.includes(wanted)) return;
    if (Date.now() > deadline) throw new Error(`no notification opens ${wanted}; seen ${hrefs.join(', ')}`);
    await page.waitForTimeout(1_000);
    await page.reload();
    await page.getByTestId('unread-count').waitFor();
  }
}

describe('notification links', () => {
  it('opens a booking and a message in the desk inbox for the advertiser, a confirmed visit in my visits for the visitor', async () => {
    const owner = await signUpVerified(world.stack, { phone: '+32470555123' });
    const seeker = await signUpVerified(world.stack);
    const listingId = await publishWithVisits(owner);

    // the visitor writes (the message notification comes after a 30 s grouping delay) and books a visit
    const sent = await call<{ conversationId: string }>(world.stack.origin, 'POST', '/v1/messages', {
      token: seeker.accessToken,
      body: { listingId, text: 'Bonjour, une visite samedi ?', clientId: crypto.randomUUID() },
      expected: 201,
    });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const { items: slots } = await call<{ items: { startsAt: string; remaining: number }[] }>(
      world.stack.origin,
      'GET',
      `/v1/listings/${listingId}/slots?from=${day(1)}&to=${day(8)}`,
      { expected: 200 },
    );
    const slot = slots.find((s) => s.remaining > 0)!;
    const visit = await call<{ id: string }>(world.stack.origin, 'POST', '/v1/appointments', {
      token: seeker.accessToken,
      body: { listingId, startsAt: slot.startsAt },
      expected: 201,
    });

    // the advertiser: the booking opens the desk inbox, then the message its thread there
    const ownerContext = await world.browser.newContext({ locale: 'fr-BE', viewport: { width: 1280, height: 900 } });
    const ownerPage = await ownerContext.newPage();
    await signInInBrowser(ownerPage, owner, { origin: world.stack.origin, next: '/fr/account/notifications' });
    await waitForOpenLink(ownerPage, '/fr/desk/inbox', 20_000);
    await waitForOpenLink(ownerPage, `/fr/desk/inbox?c=${sent.conversationId}`, 60_000);
    await screenshot(ownerPage, 'notifications-advertiser-fr');
    await ownerPage.locator(`a[href="/fr/desk/inbox?c=${sent.conversationId}"]`).first().click();
    await ownerPage.waitForURL(new RegExp(`/fr/desk/inbox\\?c=${sent.conversationId}$`));
    await ownerPage.getByText('Bonjour, une visite samedi ?').first().waitFor();
    await ownerContext.close();

    // the visitor: the confirmation opens their visits
    await call(world.stack.origin, 'PUT', `/v1/appointments/${visit.id}/status`, { token: owner.accessToken, body: { status: 'confirmed' }, expected: 200 });
    const seekerContext = await world.browser.newContext({ locale: 'fr-BE', viewport: { width: 1280, height: 900 } });
    const seekerPage = await seekerContext.newPage();
    await signInInBrowser(seekerPage, seeker, { origin: world.stack.origin, next: '/fr/account/notifications' });
    await waitForOpenLink(seekerPage, '/fr/account/visits', 20_000);
    await seekerPage.locator('a[href="/fr/account/visits"]').first().click();
    await seekerPage.waitForURL(/\/fr\/account\/visits$/);
    await seekerContext.close();
  });
});
