import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { BrowserContext, Page } from 'playwright-core';
import { mailsTo, totpCode } from '@immo/auth';
import { call, createAgency, signUpVerified, type TestAccount } from './support/accounts.ts';
import { seriousViolations } from './support/axe.ts';
import { screenshot, watchProblems } from './support/browser.ts';
import { signInInBrowser } from './support/sign-in.ts';
import { withStackAndBrowser } from './support/stack-and-browser.ts';

// Flow 3 of issue 7: an agency member signs in (with the TOTP code agency
// accounts need), creates a listing in the desk form, uploads two photos,
// makes the second the cover, publishes, and finds it in the public search
// with that cover; the listing page shows both photos. The listing takes its
// photos from the media module (server events), and the desk adopts the
// version that moves without a false "changed elsewhere". Also: a wrong postal
// code is refused next to its field and creates nothing; the team page
// invites by e-mail and the mailed link lands on the desk's accept page.

const world = withStackAndBrowser();
let agent: TestAccount & { secret: string };
let agencyId: string;
let photoFiles: string[];

const TITLE = 'Appartement lumineux avec terrasse à Ixelles';

/** Signs up (e-mail and phone verified), founds an agency, enrols TOTP: the agency account as a person would have it. */
async function agencyMember(): Promise<TestAccount & { secret: string }> {
  const person = await signUpVerified(world.stack, { phone: '+32470123456' });
  ({ id: agencyId } = await createAgency(world.stack, person, 'Agence Louise'));
  // the founder is now an agency account: signs in again, then enrols the second factor
  const { accessToken } = await call<{ accessToken: string }>(world.stack.origin, 'POST', '/v1/auth/login', { body: { email: person.email, password: person.password }, expected: 200 });
  const { secret } = await call<{ secret: string }>(world.stack.origin, 'POST', '/v1/auth/mfa/totp', { token: accessToken, expected: 200 });
  // the previous 30 s step, so the browser's sign-in can use the current one (a step is never accepted twice)
  await call(world.stack.origin, 'POST', '/v1/auth/mfa/totp/confirm', { token: accessToken, body: { otp: await totpCode(secret, new Date(Date.now() - 30_000)) }, expected: 200 });
  return { ...person, accessToken, secret };
}

/** Two small photos that do not look alike (a duplicate check compares them). */
async function makePhotos(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'immo-desk-photos-'));
  const files: string[] = [];
  for (const [i, colours] of [[['#c0392b', '#f1c40f']], [['#1e40af', '#27ae60']]].entries()) {
    const [a, b] = colours[0]!;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320"><rect width="480" height="320" fill="${a}"/><circle cx="${140 + i * 200}" cy="160" r="110" fill="${b}"/><rect x="${i ? 30 : 300}" y="40" width="120" height="240" fill="#ffffff"/></svg>`;
    const path = join(dir, `photo-${i + 1}.jpg`);
    writeFileSync(path, await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer());
    files.push(path);
  }
  return files;
}

async function signIn(context: BrowserContext, next: string, account: { email: string; password: string; secret?: string }): Promise<Page> {
  const page = await context.newPage();
  const { secret } = account;
  await signInInBrowser(page, account, { origin: world.stack.origin, next, ...(secret ? { otp: () => totpCode(secret) } : {}) });
  return page;
}

/** The API as the signed-in browser sees it (its own session token). */
function apiInPage<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const token = JSON.parse(localStorage.getItem('immo.session') ?? '{}').state?.session?.accessToken;
    const res = await fetch(p, { headers: { authorization: `Bearer ${token}` } });
    return res.json();
  }, path) as Promise<T>;
}

/** Answers 409 to the page's listing saves, from now on: a photo change must never make the desk's own next save "changed elsewhere". */
function watchConflicts(page: Page): string[] {
  const conflicts: string[] = [];
  page.on('response', (res) => {
    if (res.status() === 409 && /\/v1\/listings\//.test(res.url())) conflicts.push(`${res.request().method()} ${new URL(res.url()).pathname}`);
  });
  return conflicts;
}

/** The desk's form holds the listing's current version (it adopted the version the photo change moved it to). */
async function expectFormAtCurrentVersion(page: Page, listingId: string) {
  await expect
    .poll(async () => {
      const { version } = await apiInPage<{ version: number }>(page, `/v1/listings/${listingId}`);
      return (await page.locator('form[data-version]').getAttribute('data-version')) === String(version);
    }, { timeout: 15_000 })
    .toBe(true);
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

beforeAll(async () => {
  agent = await agencyMember();
  photoFiles = await makePhotos();
});

describe('the agency desk', () => {
  let context: BrowserContext;
  let page: Page;
  let listingId: string;

  it('creates a listing, uploads two photos, makes the second the cover, publishes, and finds it in search', async () => {
    context = await world.browser.newContext({ locale: 'fr-BE', viewport: { width: 1280, height: 900 } });
    page = await signIn(context, '/fr/desk/new', agent);
    const problems = watchProblems(page);

    // the form: the agency is the advertiser, the postal code gives the commune, the EPC scale is Brussels'
    await page.getByLabel('Annonceur').waitFor();
    expect(await page.getByLabel('Annonceur').inputValue()).toBe(agencyId);
    await page.getByLabel('Type de bien').selectOption('apartment');
    await page.getByLabel('Prix de vente (€)').fill('385000');
    await page.getByLabel('Rue').fill('Rue du Bailli');
    await page.getByLabel('Numéro', { exact: true }).fill('42');
    await page.getByLabel('Code postal').fill('1050');
    await page.locator('#communeNis option[value="21009"]').waitFor({ state: 'attached' });
    await page.getByLabel('Commune', { exact: true }).selectOption('21009');
    await page.getByLabel('Surface habitable (m²)').fill('88');
    await page.getByLabel('Chambres', { exact: true }).fill('2');
    await page.getByLabel('Salles de bain', { exact: true }).fill('1');
    await page.getByLabel('État').selectOption('excellent');
    await page.getByLabel('Terrasse').check();
    await page.getByLabel('Ascenseur').check();
    await page.locator('#epcLabel option[value="C"]').waitFor({ state: 'attached' });
    await page.getByLabel('Classe PEB').selectOption('C');
    await page.getByLabel('Consommation (kWh/m²/an)').fill('120');
    await page.getByLabel('Numéro du certificat').fill('20260412-0001234-01');
    await page.getByLabel('Titre (Français)').fill(TITLE);
    await page.getByLabel('Titre (Nederlands)').fill('Lichtrijk appartement met terras in Elsene');
    await page.getByLabel('Description (Français)').fill('Bel appartement de 88 m² au troisième étage, deux chambres, terrasse plein sud, proche de la place du Châtelain.');
    await page.getByLabel('Description (Nederlands)').fill('Mooi appartement van 88 m² op de derde verdieping, twee slaapkamers, zuidterras, vlak bij het Kasteleinsplein.');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'desk-new-fr');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();

    // the editor: two photos, processed, then the second made the cover
    await page.waitForURL(/\/fr\/desk\/[0-9a-f-]+\/edit/);
    listingId = /desk\/([0-9a-f-]+)\/edit/.exec(page.url())![1]!;
    const conflicts = watchConflicts(page);
    await page.locator('#photo-files').setInputFiles(photoFiles);
    const tiles = page.locator('li[data-photo-id]');
    await expect.poll(() => tiles.count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => page.locator('li[data-photo-id] img').count(), { timeout: 60_000 }).toBe(2);
    const [first, second] = await tiles.evaluateAll((els) => els.map((el) => el.getAttribute('data-photo-id')!));
    await page.getByRole('button', { name: 'Mettre en couverture : photo 2' }).click();
    await expect.poll(() => tiles.first().getAttribute('data-photo-id')).toBe(second);
    await expect.poll(() => tiles.first().textContent()).toContain('Couverture');
    // the listing takes both photos from the media module by itself, the cover first; the desk adopts its new version
    await expect
      .poll(async () => {
        const listing = await apiInPage<{ coverPhotoId: string | null; photos: { id: string }[] }>(page, `/v1/listings/${listingId}`);
        return [listing.coverPhotoId, listing.photos.map((p) => p.id)];
      }, { timeout: 15_000 })
      .toEqual([second, [second, first]]);
    await expectFormAtCurrentVersion(page, listingId);
    await screenshot(page, 'desk-edit-fr');
    await expectAccessible(page);

    // publish from the desk
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByRole('button', { name: 'Passer en « Sous option »' }).waitFor({ timeout: 15_000 });
    const listing = await apiInPage<{ status: string; photos: { id: string; url: string }[] }>(page, `/v1/listings/${listingId}`);
    expect(listing.status).toBe('published');
    expect(conflicts).toEqual([]);
    const coverUrl = listing.photos[0]!.url;

    // the public search finds it by commune and words, with its cover photo
    await page.goto(`${world.stack.origin}/fr/search?q=${encodeURIComponent('appartement terrasse Ixelles')}`);
    const card = page.locator('article').filter({ hasText: TITLE });
    await card.first().waitFor({ timeout: 30_000 });
    expect(await card.first().locator('img').getAttribute('src')).toBe(coverUrl);
    await screenshot(page, 'desk-published-search-fr');

    // its page shows both photos
    await card.first().getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/fr/listing/${listingId}`));
    const gallery = page.getByRole('region', { name: '2 photos' }).locator('img');
    await expect.poll(() => gallery.count()).toBe(2);
    expect(await gallery.first().getAttribute('src')).toContain(new URL(coverUrl, world.stack.origin).pathname);
    await screenshot(page, 'desk-published-listing-fr');

    // my listings: published, with its next moves
    await page.goto(`${world.stack.origin}/fr/desk`);
    await page.getByRole('cell', { name: TITLE, exact: true }).waitFor();
    await screenshot(page, 'desk-listings-fr');
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('refuses a postal code that serves no commune next to the field, and creates nothing', async () => {
    const before = await apiInPage<{ items: unknown[] }>(page, '/v1/me/listings');
    await page.goto(`${world.stack.origin}/fr/desk/new`);
    await page.getByLabel('Prix de vente (€)').fill('250000');
    await page.getByLabel('Rue').fill('Rue Imaginaire');
    await page.getByLabel('Numéro', { exact: true }).fill('1');
    await page.getByLabel('Code postal').fill('9999');
    // the geo service's answer, under the postal code
    await expect.poll(() => page.locator('#postalCode-error').textContent(), { timeout: 10_000 }).toMatch(/9999/);
    expect(await page.getByLabel('Code postal').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Titre (Français)').fill('Maison nulle part');
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    // the server refuses the commune: its message sits under the commune field
    await page.locator('#communeNis-error').waitFor();
    expect(await page.locator('#communeNis-error').textContent()).toMatch(/code INS|commune/);
    await screenshot(page, 'desk-new-error-fr');
    expect(page.url()).toMatch(/\/fr\/desk\/new$/);
    const after = await apiInPage<{ items: unknown[] }>(page, '/v1/me/listings');
    expect(after.items.length).toBe(before.items.length);
  });

  it('an edit made elsewhere meanwhile is refused (409) with a reload, then saves', async () => {
    await page.goto(`${world.stack.origin}/fr/desk/${listingId}/edit`);
    const price = page.getByLabel('Prix de vente (€)');
    await expect.poll(() => price.inputValue()).toBe('385000');
    // another tab lowers the price first
    const status = await page.evaluate(async (id) => {
      const token = JSON.parse(localStorage.getItem('immo.session') ?? '{}').state?.session?.accessToken;
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const current = await (await fetch(`/v1/listings/${id}`, { headers })).json();
      const res = await fetch(`/v1/listings/${id}`, { method: 'PUT', headers: { ...headers, 'if-match': `"${current.version}"` }, body: JSON.stringify({ price: 379000 }) });
      return res.status;
    }, listingId);
    expect(status).toBe(200);
    await price.fill('380000');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'modifiée ailleurs' });
    await alert.waitFor();
    await screenshot(page, 'desk-edit-conflict-fr');
    await alert.getByRole('button', { name: 'Recharger' }).click();
    await expect.poll(() => price.inputValue()).toBe('379000');
    await price.fill('380000');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Enregistré.' }).count()).toBe(1);
    const saved = await apiInPage<{ price: number }>(page, `/v1/listings/${listingId}`);
    expect(saved.price).toBe(380000);
  });

  it('reorders photos with the keyboard and by drag and drop, deletes one, then saves the form without a false conflict', async () => {
    const third = join(mkdtempSync(join(tmpdir(), 'immo-desk-photo3-')), 'photo-3.jpg');
    writeFileSync(third, await sharp({ create: { width: 400, height: 300, channels: 3, background: '#8e44ad' } }).composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><polygon points="200,30 370,270 30,270" fill="#ecf0f1"/></svg>') }]).jpeg().toBuffer());
    await page.goto(`${world.stack.origin}/fr/desk/${listingId}/edit`);
    const tiles = page.locator('li[data-photo-id]');
    await expect.poll(() => tiles.count()).toBe(2);
    const conflicts = watchConflicts(page);
    await page.locator('#photo-files').setInputFiles(third);
    await expect.poll(() => page.locator('li[data-photo-id] img').count(), { timeout: 60_000 }).toBe(3);
    const order = () => tiles.evaluateAll((els) => els.map((el) => el.getAttribute('data-photo-id')!));
    const [cover, a, b] = await order();

    // keyboard: Tab to "move right" of photo 2 and press Enter; the focus stays with the moved photo
    await page.getByRole('button', { name: 'Déplacer la photo 2 vers la droite' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(order).toEqual([cover, b, a]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-photo-id'))).toBe(a);
    expect(await page.getByRole('status').filter({ hasText: 'position 3 sur 3' }).count()).toBe(1);

    // drag and drop: the last photo back before the other
    await tiles.nth(2).dragTo(tiles.nth(1));
    await expect.poll(order).toEqual([cover, a, b]);

    // delete the new photo; the listing keeps the other two, cover first
    await page.getByRole('button', { name: 'Supprimer la photo 3' }).click();
    await expect.poll(() => tiles.count()).toBe(2);
    await expect
      .poll(async () => (await apiInPage<{ photos: { id: string }[] }>(page, `/v1/listings/${listingId}`)).photos.map((p) => p.id), { timeout: 15_000 })
      .toEqual([cover, a]);

    // five photo changes moved the listing's version since the form was read: it adopted each, so saving just saves
    await expectFormAtCurrentVersion(page, listingId);
    await page.getByLabel('Prix de vente (€)').fill('381000');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Enregistré.' }).count()).toBe(1);
    expect((await apiInPage<{ price: number }>(page, `/v1/listings/${listingId}`)).price).toBe(381000);
    expect(conflicts).toEqual([]);
  });

  it('the team page invites by e-mail; the mailed link lands on the accept page, where the invitee joins', async () => {
    await page.goto(`${world.stack.origin}/fr/desk/team`);
    await page.getByRole('heading', { name: 'Membres de Agence Louise' }).waitFor();
    const invitee = await signUpVerified(world.stack);
    await page.getByLabel('Adresse e-mail').fill(invitee.email);
    await page.getByLabel('Rôle').selectOption('agent');
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: invitee.email }).count()).toBe(1);
    await screenshot(page, 'desk-team-fr');
    await expectAccessible(page);

    // the invitee opens the mailed link in their own browser
    const link = /https?:\/\/\S+\/accept-invitation\?token=[\w-]+/.exec(mailsTo(world.stack.dataDir, invitee.email).at(-1) ?? '')?.[0];
    expect(link).toBeDefined();
    const theirs = await world.browser.newContext({ locale: 'nl-BE', viewport: { width: 390, height: 844 } });
    const invited = await theirs.newPage();
    const url = new URL(link!);
    await invited.goto(`${world.stack.origin}${url.pathname}${url.search}`);
    // signed out: sent to sign in, then back to the accept page
    await invited.waitForURL(/\/nl\/account\/login\?next=/);
    await signInInBrowser(invited, invitee, { locale: 'nl' });
    await invited.waitForURL(/\/nl\/desk\/team\/accept\?token=/);
    await invited.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
    await invited.getByText('Welkom in het team!').waitFor();
    await screenshot(invited, 'desk-accept-nl');
    await theirs.close();

    await page.reload();
    await page.getByText('Test Person', { exact: false }).first().waitFor();
    await expect.poll(() => page.locator('li').filter({ hasText: 'Agent ·' }).count()).toBe(1);
  });

  it('a refused publication (phone not verified) shows the server\'s reason with a link to the profile', async () => {
    const owner = await signUpVerified(world.stack);
    await call(world.stack.origin, 'POST', '/v1/listings', {
      token: owner.accessToken,
      expected: 201,
      body: {
        transaction: 'rent', type: 'studio', price: 850, charges: 60, language: 'fr', livingArea: 32,
        address: { street: 'Rue de la Paix', number: '3', postalCode: '1050', communeNis: '21009' },
        epc: { label: 'C', kwh: 120, certificate: '20260101-0000001-01' },
        title: { fr: 'Studio rue de la Paix' },
      },
    });
    const theirs = await world.browser.newContext({ locale: 'fr-BE', viewport: { width: 1280, height: 800 } });
    const desk = await signIn(theirs, '/fr/desk', owner);
    await desk.getByRole('cell', { name: 'Studio rue de la Paix', exact: true }).waitFor();
    await desk.getByRole('button', { name: 'Publier' }).click();
    // (the server's words in the page's language: "vérifiez d'abord votre numéro de téléphone")
    const alert = desk.getByRole('alert').filter({ hasText: /numéro de téléphone/ });
    await alert.waitFor();
    expect(await alert.getByRole('link', { name: 'Aller à mon profil' }).getAttribute('href')).toBe('/fr/account');
    await screenshot(desk, 'desk-publish-refused-fr');
    await theirs.close();
  });

  it('shows the desk in Dutch', async () => {
    for (const path of ['/nl/desk', '/nl/desk/new', '/nl/desk/team']) {
      await page.goto(`${world.stack.origin}${path}`);
      await page.getByRole('navigation', { name: 'Kantoor' }).waitFor();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `desk-${path.split('/')[3] ?? 'listings'}-nl`);
      await expectAccessible(page);
    }
    const editLink = page.locator('a[href*="/edit"]').first();
    await page.goto(`${world.stack.origin}/nl/desk`);
    await editLink.click();
    await page.getByRole('heading', { name: /Bewerken/ }).waitFor();
    await screenshot(page, 'desk-edit-nl');
    // a phone, in dark mode
    await page.setViewportSize({ width: 360, height: 780 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.getByRole('heading', { name: /Bewerken/ }).waitFor();
    await page.locator('li[data-photo-id] img').first().waitFor();
    await screenshot(page, 'desk-edit-nl-360-dark');
    await expectAccessible(page);
    await context.close();
  });
});
