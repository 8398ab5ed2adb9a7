import { describe, expect, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { lastLinkToken, totpCode } from '@immo/auth';
import { call, createAgency, signUpVerified } from './support/accounts.ts';
import { seriousViolations } from './support/axe.ts';
import { screenshot, watchProblems } from './support/browser.ts';
import { fromOutbox } from './support/outbox.ts';
import { signInInBrowser } from './support/sign-in.ts';
import { withStackAndBrowser } from './support/stack-and-browser.ts';
import { publishWithDailyVisits } from './support/visit-windows.ts';

// Flow 2 of issue 7: a visitor registers, favourites an agency's listing,
// writes to the agency and books a visit; the agency, signed in in another
// browser context on its inbox, sees the message and the booking arrive live,
// accepts the visit and answers, and the visitor sees the answer live.

const world = withStackAndBrowser();

const step = (at: number) => Math.floor(at / 30_000);

/** An agency with TOTP enrolled, one published listing and visit windows every day, all over the API. */
async function prepareAgency() {
  const owner = await signUpVerified(world.stack, { phone: '+32470123456' });
  const agency = await createAgency(world.stack, owner, 'Immo Bailli');
  const login = (otp?: string) =>
    call<{ accessToken: string }>(world.stack.origin, 'POST', '/v1/auth/login', {
      body: { email: owner.email, password: owner.password, ...(otp ? { otp } : {}) },
      expected: 200,
    });
  // an agency needs a second factor: enrol TOTP, then sign in again with the next step's code (a code never works twice)
  const first = await login();
  const { secret } = await call<{ secret: string }>(world.stack.origin, 'POST', '/v1/auth/mfa/totp', {
    token: first.accessToken,
    expected: 200,
  });
  const enrolledAt = Date.now();
  await call(world.stack.origin, 'POST', '/v1/auth/mfa/totp/confirm', {
    token: first.accessToken,
    body: { otp: await totpCode(secret, new Date(enrolledAt)) },
    expected: 200,
  });
  const { accessToken: token } = await login(await totpCode(secret, new Date(enrolledAt + 30_000)));

  const listing = await call<{ id: string }>(world.stack.origin, 'POST', '/v1/listings', {
    token,
    expected: 201,
    body: {
      agencyId: agency.id,
      transaction: 'rent',
      type: 'apartment',
      price: 1350,
      charges: 110,
      address: { street: 'Rue du Bailli', number: '27', postalCode: '1050', communeNis: '21009' },
      lat: 50.8262,
      lon: 4.3631,
      livingArea: 78,
      bedrooms: 2,
      bathrooms: 1,
      yearBuilt: 1925,
      condition: 'good',
      epc: { label: 'D', kwh: 160, certificate: 'EPC-20260077' },
      features: ['terrace', 'lift'],
      language: 'fr',
      title: {
        fr: 'Appartement deux chambres rue du Bailli',
        nl: 'Appartement met twee slaapkamers in de Baljuwstraat',
      },
      description: {
        fr: 'Bel appartement lumineux près de la place Châtelain.',
        nl: 'Mooi lichtrijk appartement vlak bij het Kastelein­plein.',
      },
    },
  });
  await publishWithDailyVisits(world.stack, token, listing.id);
  return { owner, secret, enrolledAt, listingId: listing.id };
}

/** The token of the verification link mailed to `email` (the mail may be written just after the API answered). */
function mailedToken(email: string): Promise<string> {
  return fromOutbox(() => lastLinkToken(world.stack.dataDir, email, 'verify-email'));
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

describe('contact and visit', () => {
  it('a registered visitor writes and books; the agency sees both live, accepts and answers; the visitor sees the answer live', async () => {
    const agency = await prepareAgency();
    const listingUrl = `${world.stack.origin}/fr/listing/${agency.listingId}`;

    // A: a visitor registers from the listing page (French), confirms the mailed link, keeps the listing
    const visitorContext = await world.browser.newContext({
      locale: 'fr-BE',
      viewport: { width: 1280, height: 900 },
    });
    const visitor = await visitorContext.newPage();
    const visitorProblems = watchProblems(visitor);
    onTestFailed(async () => {
      console.error('visitor page problems:', visitorProblems);
      await screenshot(visitor, 'contact-and-visit-failed-visitor');
    });
    await visitor.goto(listingUrl);
    await visitor.getByRole('link', { name: /Connectez-vous pour contacter l'annonceur/ }).click();
    await visitor.waitForURL(/\/fr\/account\/login\?next=/);
    await visitor.getByRole('link', { name: 'Créer un compte' }).click();
    await visitor.waitForURL(/\/fr\/account\/register\?next=/);
    const email = 'camille.dubois@example.test';
    await visitor.getByLabel('Nom affiché').fill('Camille Dubois');
    await visitor.getByLabel('Adresse e-mail').fill(email);
    await visitor.getByLabel('Mot de passe').fill('Un-balcon-rue-du-Bailli-27');
    await visitor.getByRole('button', { name: 'Créer un compte' }).click();
    await visitor.waitForURL(new RegExp(`/fr/listing/${agency.listingId}$`));
    // the mailed link (outbox of this world.stack) confirms the address
    const mailed = await mailedToken(email);
    await call(world.stack.origin, 'POST', '/v1/auth/verify-email', { body: { token: mailed }, expected: 204 });
    await visitor.getByRole('button', { name: 'Ajouter aux favoris' }).click();
    await visitor.getByRole('button', { name: /Retirer des favoris/ }).waitFor();

    // B: the agency signs in (Dutch) with its second factor and waits on its inbox
    const agencyContext = await world.browser.newContext({
      locale: 'nl-BE',
      viewport: { width: 1280, height: 900 },
    });
    const desk = await agencyContext.newPage();
    onTestFailed(() => screenshot(desk, 'contact-and-visit-failed-desk'));
    await signInInBrowser(desk, agency.owner, {
      origin: world.stack.origin,
      locale: 'nl',
      next: '/nl/desk/inbox',
      otp: async () => {
        // the API login used the step after enrolment: wait until a later step is accepted
        while (step(Date.now()) < step(agency.enrolledAt) + 1)
          await new Promise((resolve) => setTimeout(resolve, 500));
        return totpCode(agency.secret, new Date(Date.now() + 30_000));
      },
    });
    // (the first sign-in answered 401 "second factor required" on purpose: problems count from here)
    const deskProblems = watchProblems(desk);
    await desk.getByText('Geen bezoekaanvragen.').waitFor();
    await desk.getByText('Nog geen gesprekken.').waitFor();

    // A writes to the agency…
    await visitor.getByRole('button', { name: "Contacter l'annonceur" }).click();
    await visitor.getByLabel('Votre message').fill('Bonjour, le bien est-il disponible au 1er janvier ?');
    await visitor.getByRole('button', { name: 'Envoyer' }).click();
    await visitor.getByText('Message envoyé.').waitFor();

    // …and B sees the conversation arrive without reloading
    const conversation = desk
      .getByRole('navigation', { name: 'Gesprekken' })
      .getByRole('link', { name: /Baljuwstraat/ });
    await conversation.waitFor({ timeout: 5_000 });
    await expect.poll(() => conversation.textContent()).toContain('1 ongelezen');

    // A books the first free slot
    await visitor.getByRole('button', { name: 'Réserver une visite' }).click();
    const slot = visitor
      .getByRole('region', { name: 'Créneaux de visite libres' })
      .getByRole('button', { pressed: false })
      .first();
    await slot.click();
    await visitor.getByRole('button', { name: /Demander la visite du/ }).click();
    await visitor.getByText(/Visite demandée pour le/).waitFor();
    await screenshot(visitor, 'listing-fr-contact-visit');
    await visitor.setViewportSize({ width: 360, height: 740 });
    await visitor.getByRole('button', { name: 'Réserver une visite' }).scrollIntoViewIfNeeded();
    await screenshot(visitor, 'listing-fr-360-contact-visit');
    await visitor.setViewportSize({ width: 1280, height: 900 });

    // B sees the booking appear live too, and accepts it
    const booking = desk.getByTestId('booking');
    await booking.waitFor({ timeout: 8_000 });
    await expect.poll(() => booking.textContent()).toContain('Wacht op bevestiging');
    await booking.getByRole('button', { name: 'Aanvaarden' }).click();
    await expect.poll(() => booking.textContent()).toContain('Bevestigd');

    // A opens the conversation; B opens it, reads A's message, types and answers
    await visitor.getByRole('link', { name: 'Voir la conversation' }).click();
    await visitor.waitForURL(/\/fr\/account\/messages\?c=/);
    const visitorThread = visitor.getByTestId('thread');
    await visitorThread.getByText('Bonjour, le bien est-il disponible au 1er janvier ?').waitFor();
    await conversation.click();
    const deskThread = desk.getByTestId('thread');
    await deskThread.getByText('Bonjour, le bien est-il disponible au 1er janvier ?').waitFor();
    // the visitor's message is now read: the receipt reaches A live
    await visitorThread.getByText(/· Lu$/).waitFor({ timeout: 5_000 });
    const reply = desk.getByLabel('Uw bericht');
    await reply.pressSequentially('Bonjour, oui');
    await visitorThread.getByText("L'autre personne écrit…").waitFor({ timeout: 5_000 });
    await reply.fill('Bonjour, oui, libre au 1er janvier. À bientôt pour la visite !');
    await desk.getByRole('button', { name: 'Verzenden' }).click();
    await visitorThread
      .getByText('Bonjour, oui, libre au 1er janvier. À bientôt pour la visite !')
      .waitFor({ timeout: 5_000 });
    await deskThread.getByText(/· Gelezen$/).waitFor({ timeout: 5_000 });
    await screenshot(visitor, 'messages-fr');
    await screenshot(desk, 'inbox-nl');
    // narrow phone: the thread alone, with a way back to the list; and the inbox in dark mode
    await visitor.setViewportSize({ width: 360, height: 740 });
    await visitor.getByRole('link', { name: /Toutes les conversations/ }).waitFor();
    await screenshot(visitor, 'messages-fr-360');
    await visitor.setViewportSize({ width: 1280, height: 900 });
    await desk.evaluate(() => document.documentElement.classList.add('dark'));
    await screenshot(desk, 'inbox-nl-dark');
    await desk.evaluate(() => document.documentElement.classList.remove('dark'));
    await expectAccessible(visitor);
    await expectAccessible(desk);

    // A's visits: confirmed, with its calendar invitation; then cancelled with a reason
    await visitor.goto(`${world.stack.origin}/fr/account/visits`);
    const visit = visitor.getByRole('listitem').filter({ hasText: 'rue du Bailli' });
    await expect.poll(() => visit.getByTestId('visit-status').textContent()).toBe('Confirmée');
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      visit.getByRole('button', { name: 'Ajouter à mon agenda (.ics)' }).click(),
    ]);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync((await download.path())!, 'utf8')).toContain('BEGIN:VCALENDAR');
    await screenshot(visitor, 'visits-fr');
    await expectAccessible(visitor);
    await visit.getByRole('button', { name: 'Annuler la visite' }).click();
    await visit.getByLabel('Raison').fill('Un empêchement, je reprendrai contact.');
    await visit.getByRole('button', { name: "Confirmer l'annulation" }).click();
    await expect.poll(() => visit.getByTestId('visit-status').textContent()).toBe('Annulée');

    // B's availability page shows the windows set over the API
    await desk.goto(`${world.stack.origin}/nl/desk/availability`);
    await expect.poll(() => desk.getByTestId('window').count()).toBe(7);
    await screenshot(desk, 'availability-nl');
    await expectAccessible(desk);
    // no visits on Sundays any more: saved, and the listing's public availability says so
    await desk.getByRole('button', { name: 'Tijdvak zondag 08:00–20:00 verwijderen' }).click();
    await desk.getByRole('button', { name: 'Opslaan' }).click();
    await desk.getByText('Beschikbaarheid opgeslagen.').waitFor();
    const saved = await call<{ weekly: { weekday: number }[] }>(
      world.stack.origin,
      'GET',
      `/v1/listings/${agency.listingId}/availability`,
      { expected: 200 },
    );
    expect(saved.weekly.map((w) => w.weekday)).toEqual([1, 2, 3, 4, 5, 6]);

    // the other language of each page
    await visitor.goto(`${world.stack.origin}/nl/account/messages`);
    await visitor.getByRole('link', { name: /Baljuwstraat/ }).waitFor();
    await screenshot(visitor, 'messages-nl');
    await visitor.goto(`${world.stack.origin}/nl/account/visits`);
    await visitor.getByText('Geannuleerd').waitFor();
    await screenshot(visitor, 'visits-nl');
    await desk.goto(`${world.stack.origin}/fr/desk/inbox`);
    await desk.getByText('Demandes de visite').waitFor();
    await screenshot(desk, 'inbox-fr');
    await desk.goto(`${world.stack.origin}/fr/desk/availability`);
    await expect.poll(() => desk.getByTestId('window').count()).toBe(6);
    await screenshot(desk, 'availability-fr');
    await desk.goto(`${world.stack.origin}/nl/listing/${agency.listingId}`);
    await desk.getByRole('button', { name: 'Bezoek boeken' }).click();
    await desk.getByRole('region', { name: 'Vrije bezoekmomenten' }).getByRole('button').first().waitFor();
    await screenshot(desk, 'listing-nl-visit-slots');

    expect(visitorProblems).toEqual([]);
    expect(deskProblems).toEqual([]);
    await visitorContext.close();
    await agencyContext.close();
  });
});
