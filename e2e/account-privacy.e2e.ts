import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { lastLinkToken, lastSmsCode, signUpForTest, totpCode } from '@immo/auth';
import { seriousViolations } from './support/axe.ts';
import { launchChromium, screenshot, watchProblems } from './support/browser.ts';
import { seedDemoListings, waitForIndex, type DemoListing } from './support/demo-listings.ts';
import { startImmoStack, type ImmoStack } from './support/immo-stack.ts';
import { fromOutbox } from './support/outbox.ts';
import { signInInBrowser } from './support/sign-in.ts';
import { startSocialProvider, type SocialProvider } from './support/social-provider.ts';

// Flow 4 of issue 7: a person registers in the browser, confirms the mailed
// link, signs in, keeps a favourite, saves a search with a daily digest,
// changes a consent, downloads their data, deletes the account, and can no
// longer sign in. On the way, axe-core and screenshots (fr, nl) of the
// account pages. Then a social sign-in through a real OpenID provider lands
// in a web session.

let provider: SocialProvider;
let stack: ImmoStack;
let browser: Browser;
let listings: DemoListing[];

beforeAll(async () => {
  provider = await startSocialProvider();
  stack = await startImmoStack({ env: provider.env('acme') });
  provider.mount(stack.origin, 'acme', { 'sub-lea': { email: 'lea.janssens@example.test', email_verified: true, name: 'Lea Janssens' } });
  listings = await seedDemoListings(stack.immo.app!);
  await waitForIndex(stack.immo.app!, listings.length);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await provider?.close();
});

/** A new flat to rent in Ixelles, published by an owner of its own: what an instant alert is for. */
async function publishNewIxellesFlat(): Promise<string> {
  const app = stack.immo.app!;
  const owner = await signUpForTest(app, { emailVerified: true, phoneVerified: true });
  const created = await app.inject({
    method: 'POST',
    url: '/v1/listings',
    headers: owner.headers,
    payload: {
      transaction: 'rent',
      type: 'apartment',
      price: 1290,
      charges: 90,
      address: { street: 'Rue du Bailli', number: '77', postalCode: '1050', communeNis: '21009' },
      lat: 50.8262,
      lon: 4.3641,
      livingArea: 70,
      bedrooms: 2,
      bathrooms: 1,
      yearBuilt: 1965,
      condition: 'good',
      epc: { label: 'C', kwh: 140, certificate: 'EPC-20269999' },
      features: ['terrace'],
      language: 'fr',
      title: { fr: 'Appartement 2 chambres neuf à Ixelles', nl: 'Nieuw appartement met 2 slaapkamers in Elsene' },
      description: { fr: 'Appartement de 70 m² à Ixelles, 2 chambres, terrasse.', nl: 'Appartement van 70 m² in Elsene, 2 slaapkamers, terras.' },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  const published = await app.inject({ method: 'POST', url: `/v1/listings/${id}/publish`, headers: owner.headers, payload: {} });
  expect(published.statusCode, published.body).toBeLessThan(300);
  return id;
}

/** No serious or critical axe-core violation, and a screenshot of the page. */
async function checkPage(page: Page, name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  await screenshot(page, name);
}

describe('GDPR: export and account deletion', () => {
  it('registers, saves a daily search, changes a consent, downloads the export, deletes the account and cannot sign in again', async () => {
    const context = await browser.newContext({ locale: 'fr-BE', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const email = `camille.dubois.${Date.now()}@example.test`;
    const password = 'Une-maison-a-Ixelles-2026';
    const listing = listings.find((l) => l.place === 'Ixelles' && l.transaction === 'rent')!;

    // registers in the browser: signed in, the address not verified yet
    await page.goto(`${stack.origin}/fr/account/register`);
    await page.getByLabel('Nom affiché').fill('Camille Dubois');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Créer un compte' }).click();
    await page.waitForURL(/\/fr\/account$/);
    await expect.poll(() => page.getByTestId('email-status').textContent()).toContain('pas encore vérifiée');

    // opens the mailed link (the path the auth module mails, without a language)
    const token = await fromOutbox(() => lastLinkToken(stack.dataDir, email, 'verify-email'));
    await page.goto(`${stack.origin}/verify-email?token=${token}`);
    await page.waitForURL(/\/fr\/account\/verify-email\?token=/);
    await page.getByText('Votre adresse e-mail est vérifiée.').waitFor();

    // signs out, then signs in with the login form
    await page.goto(`${stack.origin}/fr/account`);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/fr$/);
    await signInInBrowser(page, { email, password }, { origin: stack.origin });
    await page.waitForURL(/\/fr\/account$/);
    await expect.poll(() => page.getByTestId('email-status').textContent()).toContain('Adresse vérifiée');
    await page.getByRole('heading', { name: 'Sessions actives' }).waitFor();
    await page.getByText('Cette session').waitFor();
    await checkPage(page, 'account-profile-fr');

    // keeps a favourite
    await page.goto(`${stack.origin}/fr/listing/${listing.id}`);
    await page.getByRole('button', { name: /Ajouter aux favoris/ }).click();
    await page.getByRole('button', { name: /Retirer des favoris/ }).waitFor();

    // saves a search with a daily digest from the results page, and finds it listed
    await page.goto(`${stack.origin}/fr/search?q=appartement+Ixelles&transaction=rent`);
    await page.getByTestId('result-count').filter({ hasText: /\d+ / }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer cette recherche' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enregistrer la recherche' });
    await dialog.getByLabel('Nom de la recherche').fill('Appartements à Ixelles');
    await dialog.getByLabel('Résumé quotidien').check();
    await screenshot(page, 'save-search-dialog-fr');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('link', { name: 'Recherche enregistrée' }).click();
    await page.waitForURL(/\/fr\/account\/searches$/);
    const saved = page.getByTestId('saved-search').filter({ hasText: 'Appartements à Ixelles' });
    await saved.waitFor();
    expect(await saved.textContent()).toContain('Alertes : Résumé quotidien');
    await saved.getByRole('button', { name: 'Voir les correspondances' }).click();
    await saved.getByText("Aucune correspondance pour l'instant.").waitFor();
    const run = await saved.getByRole('link', { name: 'Lancer la recherche' }).getAttribute('href');
    expect(run).toContain('q=appartement+Ixelles');
    expect(run).toContain('transaction=rent');
    await checkPage(page, 'account-searches-fr');

    // notifications: none yet, the preferences table is there
    await page.goto(`${stack.origin}/fr/account/notifications`);
    await page.getByText('Aucune notification non lue').waitFor();
    await page.getByRole('heading', { name: 'Comment vous prévenir' }).waitFor();
    await checkPage(page, 'account-notifications-fr');

    // changes a consent: the switch turns on and the history records it
    await page.goto(`${stack.origin}/fr/account/privacy`);
    const marketing = page.getByRole('switch', { name: 'Offres et lettres d’information' });
    expect(await marketing.getAttribute('aria-checked')).toBe('false');
    await marketing.click();
    await expect.poll(() => marketing.getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => page.getByTestId('consent-history').textContent()).toMatch(/Offres et lettres d’information\s: accordé/);
    await checkPage(page, 'account-privacy-fr');

    // the same pages in Dutch (the session is this browser's, whatever the language)
    for (const [path, heading, name] of [
      ['account', 'Actieve sessies', 'account-profile-nl'],
      ['account/searches', 'Appartements à Ixelles', 'account-searches-nl'],
      ['account/notifications', 'Hoe we u verwittigen', 'account-notifications-nl'],
      ['account/privacy', 'Toestemmingen', 'account-privacy-nl'],
    ] as const) {
      await page.goto(`${stack.origin}/nl/${path}`);
      await page.getByRole('heading', { name: heading }).waitFor();
      await checkPage(page, name);
    }
    await page.goto(`${stack.origin}/fr/account/privacy`);

    // downloads the export: a real file, holding the address, the favourite and the saved search
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger mes données (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^immo-export-.+\.json$/);
    const exported = readFileSync((await download.path())!, 'utf8');
    const document = JSON.parse(exported) as { userId: string; modules: unknown };
    expect(exported).toContain(email);
    expect(exported).toContain('Appartements à Ixelles');
    expect(exported).toContain(listing.id);

    // deletes the account behind a dialog that wants the word typed
    await page.getByRole('button', { name: 'Supprimer mon compte' }).click();
    const confirm = page.getByRole('dialog', { name: 'Supprimer définitivement votre compte ?' });
    const erase = confirm.getByRole('button', { name: 'Supprimer définitivement' });
    expect(await erase.isDisabled()).toBe(true);
    await confirm.getByLabel('Pour confirmer, tapez SUPPRIMER').fill('SUPPRIMER');
    await screenshot(page, 'delete-account-dialog-fr');
    await erase.click();

    // signed out, on the home page
    await page.waitForURL(new RegExp(`${stack.origin}/fr$`));
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('immo.session') ?? '{}').state?.session ?? null)).toBeNull();

    // and can no longer sign in: the form says why
    await signInInBrowser(page, { email, password }, { origin: stack.origin });
    // (Next's route announcer is an empty role=alert too: take the one with words)
    const refusal = page.getByRole('alert').filter({ hasText: /\w/ });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/\w{3}/);
    expect(page.url()).toMatch(/\/fr\/account\/login$/);
    await screenshot(page, 'login-refused-fr');
    expect(document.userId).toBeTruthy();

    // the failed sign-in answers 401, which the browser logs; nothing else went wrong
    expect(problems.filter((p) => !p.includes('401') && !/status of 401/.test(p))).toEqual([]);
    await context.close();
  }, 180_000);
});

describe('social sign-in', () => {
  it('continues with the provider from the login page and lands signed in where the person was going', async () => {
    // a phone in dark mode, to see both
    const context = await browser.newContext({ locale: 'fr-BE', viewport: { width: 360, height: 800 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    const visited: string[] = [];
    page.on('framenavigated', (frame) => visited.push(frame.url()));
    await page.goto(`${stack.origin}/fr/account/login?next=/fr/account/searches`);
    await page.getByRole('link', { name: 'Continuer avec Acme' }).click();

    // the provider's own (development) login and consent pages
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill('sub-lea');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();

    // back in the web app, signed in, the tokens gone from the address bar
    await page.waitForURL(new RegExp(`${stack.origin}/fr/account/searches$`));
    expect(new URL(page.url()).hash).toBe('');
    // the provider's callback came back with a one-time code only: no token was ever in an address
    expect(visited.some((url) => url.includes('/fr/account/social#code='))).toBe(true);
    expect(visited.filter((url) => /accessToken|refreshToken|eyJ/.test(url))).toEqual([]);
    // (the provider's development pages ask the internet for fonts and lack a favicon: not ours)
    const ours = problems.splice(0).filter((p) => !/ERR_NAME_NOT_RESOLVED|status of 404/.test(p));
    expect(ours).toEqual([]);
    await page.getByRole('heading', { name: 'Recherches enregistrées' }).waitFor();
    await page.goto(`${stack.origin}/fr/account`);
    await page.getByText('lea.janssens@example.test').waitFor();
    await screenshot(page, 'account-profile-social-fr-360-dark');

    // a phone confirmed with the texted code
    await page.getByLabel('Numéro de téléphone').fill('0470 12 34 56');
    await page.getByRole('button', { name: 'Recevoir un code par SMS' }).click();
    await page.getByText('Code envoyé au +32470123456.').waitFor();
    const code = await fromOutbox(() => lastSmsCode(stack.dataDir, '+32470123456'));
    await page.getByLabel('Code reçu par SMS').fill(code);
    await page.getByRole('button', { name: 'Vérifier le numéro' }).click();
    await page.getByText(/\+32470123456 — ✓ Numéro vérifié/).waitFor();

    // two-factor: the QR code and its secret, a first code, the recovery codes
    await page.getByRole('button', { name: 'Activer la double authentification' }).click();
    await page.getByRole('img', { name: 'Code QR de configuration TOTP' }).waitFor();
    const secret = (await page.locator('section[aria-labelledby="mfa"] code').textContent())!.trim();
    await page.getByLabel('Code à six chiffres').fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByRole('heading', { name: 'Codes de secours' }).waitFor();
    await page.getByText('La double authentification (application TOTP) est activée.').waitFor();
    expect(await page.locator('section[aria-labelledby="mfa"] li').count()).toBeGreaterThanOrEqual(8);
    await page.getByRole('heading', { name: 'Double authentification' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'account-mfa-fr-360-dark');

    // an instant alert: saved from the results, a new flat is published, the bell counts it
    await page.goto(`${stack.origin}/fr/search?q=appartement+Ixelles&transaction=rent`);
    await page.getByRole('button', { name: 'Enregistrer cette recherche' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('link', { name: 'Recherche enregistrée' }).waitFor();
    const flat = await publishNewIxellesFlat();
    const bell = page.getByTestId('unread-badge');
    await expect
      .poll(
        async () => {
          await page.goto(`${stack.origin}/fr/account/notifications`);
          await page.getByTestId('unread-count').waitFor();
          return bell.getAttribute('aria-label');
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe('Notifications — 1 notification non lue');
    await screenshot(page, 'account-notifications-alert-fr-360-dark');
    expect(await page.getByRole('link', { name: 'Ouvrir' }).getAttribute('href')).toBe(`/fr/listing/${flat}`);
    await page.getByRole('button', { name: 'Marquer comme lue' }).click();
    await expect.poll(() => page.getByTestId('unread-count').textContent()).toBe('Aucune notification non lue');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications — Aucune notification non lue');

    // the saved search lists the match
    await page.goto(`${stack.origin}/fr/account/searches`);
    await page.getByRole('button', { name: 'Voir les correspondances' }).click();
    await page.getByRole('link', { name: /Nouvelle annonce — 1\s?290/ }).waitFor();
    expect(await page.getByRole('link', { name: /Nouvelle annonce/ }).getAttribute('href')).toBe(`/fr/listing/${flat}`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems, missing.join(' ')).toEqual([]);
    await context.close();
  }, 90_000);
});
