import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { sql } from 'kysely';
import { call, signUpVerified, type TestAccount } from './support/accounts.ts';
import { seriousViolations } from './support/axe.ts';
import { launchChromium, screenshot, watchProblems } from './support/browser.ts';
import { startImmoStack, type ImmoStack } from './support/immo-stack.ts';

// Files, blocking and reports in a conversation's thread: a visitor sends a
// photo and a PDF, the private advertiser (in another browser context, in
// Dutch) sees them arrive live and opens them; a file type the server refuses
// is worded in French beside the composer; the advertiser blocks the visitor
// (the visitor's composer closes live, the server refuses), unblocks, and
// reports a message to moderation.

let stack: ImmoStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startImmoStack();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** A private advertiser with one published listing, and a visitor who already wrote about it (over the API). */
async function prepare() {
  const owner = await signUpVerified(stack, { phone: '+32470987654' });
  const listing = await call<{ id: string }>(stack.origin, 'POST', '/v1/listings', {
    token: owner.accessToken,
    expected: 201,
    body: {
      transaction: 'rent',
      type: 'apartment',
      price: 980,
      charges: 90,
      address: { street: 'Rue de la Régence', number: '12', postalCode: '4000', communeNis: '62063' },
      lat: 50.6412,
      lon: 5.5718,
      livingArea: 62,
      bedrooms: 1,
      bathrooms: 1,
      condition: 'good',
      epc: { label: 'B', kwh: 140, certificate: 'EPC-20260412' },
      features: [],
      language: 'fr',
      title: { fr: 'Appartement une chambre rue de la Régence', nl: 'Appartement met één slaapkamer in de Regentschapsstraat' },
      description: { fr: 'Appartement calme au centre de Liège.', nl: 'Rustig appartement in het centrum van Luik.' },
    },
  });
  await call(stack.origin, 'POST', `/v1/listings/${listing.id}/publish`, { token: owner.accessToken, body: {}, expected: 200 });
  const visitor = await signUpVerified(stack);
  const { conversationId } = await call<{ conversationId: string }>(stack.origin, 'POST', '/v1/messages', {
    token: visitor.accessToken,
    expected: 201,
    body: { listingId: listing.id, text: 'Bonjour, je vous envoie mes documents.' },
  });
  return { owner, visitor, conversationId };
}

async function signIn(page: Page, account: TestAccount, locale: 'fr' | 'nl', next: string) {
  await page.goto(`${stack.origin}/${locale}/account/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel(locale === 'fr' ? 'Adresse e-mail' : 'E-mailadres').fill(account.email);
  await page.getByLabel(locale === 'fr' ? 'Mot de passe' : 'Wachtwoord').fill(account.password);
  await page.getByRole('button', { name: locale === 'fr' ? 'Se connecter' : 'Aanmelden' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** A one-page PDF, valid enough for any reader. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// the refusals this flow provokes on purpose (a refused type, a blocked conversation)
const unexpected = (problems: string[]) => problems.filter((p) => !/status of (403|422)/.test(p));

describe('messages: files, block and report', () => {
  it('a visitor sends a photo and a PDF, the advertiser opens both live, blocks, unblocks and reports', async () => {
    const { owner, visitor: visitorAccount, conversationId } = await prepare();
    const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2f7d6d' } }).jpeg().toBuffer();

    const visitorContext = await browser.newContext({ locale: 'fr-BE', viewport: { width: 1280, height: 900 } });
    const visitor = await visitorContext.newPage();
    const ownerContext = await browser.newContext({ locale: 'nl-BE', viewport: { width: 1280, height: 900 } });
    const desk = await ownerContext.newPage();
    onTestFailed(async () => {
      await screenshot(visitor, 'messages-extras-failed-visitor');
      await screenshot(desk, 'messages-extras-failed-owner');
    });
    await signIn(visitor, visitorAccount, 'fr', `/fr/account/messages?c=${conversationId}`);
    await signIn(desk, owner, 'nl', `/nl/desk/inbox?c=${conversationId}`);
    const visitorProblems = watchProblems(visitor);
    const ownerProblems = watchProblems(desk);
    const visitorThread = visitor.getByTestId('thread');
    const ownerThread = desk.getByTestId('thread');
    await visitorThread.getByText('Bonjour, je vous envoie mes documents.').waitFor();
    await ownerThread.getByText('Bonjour, je vous envoie mes documents.').waitFor();

    // a refused type: the server's words, in French, beside the composer; the chip can be removed
    await visitor.getByLabel('Joindre un fichier').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await visitor.getByRole('list', { name: 'Fichiers à envoyer' }).getByText('notes.txt').waitFor();
    await visitor.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await expect.poll(() => visitor.locator('form p[role="alert"]').textContent()).toBe('Joignez une photo (JPEG, PNG, WebP) ou un PDF.');
    await visitor.getByRole('button', { name: 'Retirer notes.txt' }).click();

    // a photo and a PDF with a text
    await visitor.getByLabel('Joindre un fichier').setInputFiles([
      { name: 'plan-salon.jpg', mimeType: 'image/jpeg', buffer: jpeg },
      { name: 'fiche-de-paie.pdf', mimeType: 'application/pdf', buffer: tinyPdf() },
    ]);
    await expect.poll(() => visitor.getByRole('list', { name: 'Fichiers à envoyer' }).getByRole('listitem').count()).toBe(2);
    await visitor.getByLabel('Votre message').fill('Voici le plan et ma fiche de paie.');
    await visitor.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await visitorThread.getByRole('link', { name: /Télécharger fiche-de-paie\.pdf \(PDF, \d+ Ko\)/ }).waitFor();
    expect(await visitor.getByRole('list', { name: 'Fichiers à envoyer' }).count()).toBe(0);

    // the advertiser sees both arrive without reloading, and opens them
    const photo = ownerThread.getByRole('link', { name: 'Foto plan-salon.jpg groot openen' });
    await photo.waitFor({ timeout: 8_000 });
    const image = photo.getByRole('img', { name: 'plan-salon.jpg' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    const [popup] = await Promise.all([desk.waitForEvent('popup'), photo.click()]);
    await popup.waitForLoadState();
    expect(await popup.evaluate(() => document.contentType)).toBe('image/jpeg');
    await popup.close();
    const pdfLink = ownerThread.getByRole('link', { name: /^fiche-de-paie\.pdf downloaden \(pdf, \d+ kB\)$/ });
    const pdf = await desk.request.get(new URL((await pdfLink.getAttribute('href'))!, stack.origin).href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await screenshot(visitor, 'messages-extras-fr');
    await screenshot(desk, 'messages-extras-nl');
    expect(await seriousViolations(visitor)).toEqual([]);
    expect(await seriousViolations(desk)).toEqual([]);

    // the advertiser blocks the visitor (confirm dialog); their composer is disabled with the reason
    await desk.getByRole('button', { name: 'Blokkeren' }).click();
    const dialog = desk.getByRole('dialog', { name: 'Deze persoon blokkeren?' });
    await dialog.waitFor();
    await screenshot(desk, 'messages-extras-nl-block-dialog');
    await dialog.getByRole('button', { name: 'Blokkeren' }).click();
    await desk.getByRole('button', { name: 'Blokkering opheffen' }).waitFor();
    await desk.getByText(/U hebt deze persoon geblokkeerd/).waitFor();
    expect(await desk.getByLabel('Uw bericht').isDisabled()).toBe(true);
    await desk.setViewportSize({ width: 360, height: 740 });
    await desk.evaluate(() => document.documentElement.classList.add('dark'));
    await desk.getByLabel('Uw bericht').scrollIntoViewIfNeeded();
    await screenshot(desk, 'messages-extras-nl-360-dark-blocked');
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.evaluate(() => document.documentElement.classList.remove('dark'));
    await desk.setViewportSize({ width: 1280, height: 900 });

    // the visitor's open thread closes live (conversation:blocked over /ws), with the reason
    await expect.poll(() => visitor.getByLabel('Votre message').isDisabled(), { timeout: 8_000 }).toBe(true);
    await visitor.getByText(/^Cette conversation est bloquée\s: aucun message ne peut y être envoyé\.$/).waitFor();
    // and the server refuses to carry their message, in French
    const refused = await visitor.request.post(`${stack.origin}/v1/messages`, {
      headers: { authorization: `Bearer ${visitorAccount.accessToken}`, 'accept-language': 'fr-BE' },
      data: { conversationId, text: 'Vous êtes là ?' },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).detail).toMatch(/^Cette conversation est bloquée\s: aucun message ne peut y être envoyé\.$/);
    expect(await visitor.getByRole('button', { name: 'Débloquer' }).count()).toBe(0);
    expect(await visitor.getByLabel('Joindre un fichier').isDisabled()).toBe(true);
    await screenshot(visitor, 'messages-extras-fr-blocked');

    // unblocking lets the visitor write again (live too)
    await desk.getByRole('button', { name: 'Blokkering opheffen' }).click();
    await desk.getByRole('button', { name: 'Blokkeren' }).waitFor();
    expect(await desk.getByLabel('Uw bericht').isDisabled()).toBe(false);
    await expect.poll(() => visitor.getByLabel('Votre message').isDisabled(), { timeout: 8_000 }).toBe(false);
    await visitor.getByLabel('Votre message').fill('Merci, je reste disponible.');
    await visitor.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await ownerThread.getByText('Merci, je reste disponible.').waitFor({ timeout: 8_000 });

    // the advertiser reports the visitor's first message; moderation holds it
    await ownerThread.getByRole('button', { name: 'Dit bericht melden' }).first().click();
    const report = desk.getByRole('dialog', { name: 'Een bericht melden aan de moderatie' });
    await report.getByLabel('Reden').selectOption('scam');
    await report.getByLabel('Toelichting (optioneel)').fill('Vraagt om een voorschot.');
    const [answer] = await Promise.all([
      desk.waitForResponse((r) => r.url().endsWith('/v1/messaging/reports') && r.request().method() === 'POST'),
      report.getByRole('button', { name: 'Melding versturen' }).click(),
    ]);
    expect(answer.status()).toBe(201);
    await desk.getByText('Bedankt: uw melding is doorgegeven aan de moderatie.').waitFor();
    const { rows } = await sql<{ reason: string; details: string; message_id: string | null; reporter_id: string }>`
      select reason, details, message_id, reporter_id from messaging.reports where conversation_id = ${conversationId}`.execute(stack.immo.platform.db.kysely);
    expect(rows).toEqual([
      { reason: 'scam', details: 'Vraagt om een voorschot.', message_id: (await answer.json()).messageId, reporter_id: owner.userId },
    ]);
    expect(rows[0]!.message_id).not.toBeNull();

    // the visitor reports the whole conversation from the header
    await visitor.getByRole('button', { name: 'Signaler la conversation' }).click();
    const visitorReport = visitor.getByRole('dialog', { name: 'Signaler à la modération' });
    await visitorReport.getByLabel('Motif').selectOption('harassment');
    await screenshot(visitor, 'messages-extras-fr-report-dialog');
    expect(await seriousViolations(visitor)).toEqual([]);
    await visitorReport.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await visitor.getByText('Merci : votre signalement a été transmis à la modération.').waitFor();
    expect(await seriousViolations(visitor)).toEqual([]);

    expect(unexpected(visitorProblems)).toEqual([]);
    expect(unexpected(ownerProblems)).toEqual([]);
    await visitorContext.close();
    await ownerContext.close();
  });
});
