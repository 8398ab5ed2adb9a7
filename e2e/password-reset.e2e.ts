import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lastLinkToken } from '@immo/auth';
import { signUpVerified, type TestAccount } from './support/accounts.ts';
import { seriousViolations } from './support/axe.ts';
import { screenshot, watchProblems } from './support/browser.ts';
import { fromOutbox } from './support/outbox.ts';
import { signInInBrowser } from './support/sign-in.ts';
import { withStackAndBrowser } from './support/stack-and-browser.ts';

// Issue 7, account: a person who forgot their password asks for a link from
// the login page, opens the mailed link (read from the stack's outbox), is
// refused a weak password beside the field, sets a strong one and signs in
// with it; the old one no longer works. Axe-core and screenshots (fr, nl) of
// both pages; the account navigation reachable on a 360 px phone.

const world = withStackAndBrowser();
let person: TestAccount;

beforeAll(async () => {
  person = await signUpVerified(world.stack);
});

async function checkPage(page: Page, name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  await screenshot(page, name);
}

describe('password reset', () => {
  it('mails a link from the login page, refuses a weak password by the field, then signs in with the new one only', async () => {
    const context = await world.browser.newContext({ locale: 'fr-BE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const newPassword = 'Un-jardin-a-Namur-2027';

    // from the login page to the request form; the answer does not say whether the address has an account
    await page.goto(`${world.stack.origin}/fr/account/login`);
    await page.getByRole('link', { name: /Mot de passe oublié/ }).click();
    await page.waitForURL(/\/fr\/account\/forgot-password$/);
    await checkPage(page, 'forgot-password-fr');
    await page.getByLabel('Adresse e-mail').fill(person.email);
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    const sent = page.getByRole('status').filter({ hasText: person.email });
    await sent.waitFor();
    expect(await sent.textContent()).toContain('quelle que soit l’adresse');
    await screenshot(page, 'forgot-password-sent-fr');

    // the mailed path has no language: it lands on the French page, token kept
    const token = await fromOutbox(() => lastLinkToken(world.stack.dataDir, person.email, 'reset-password'));
    await page.goto(`${world.stack.origin}/reset-password?token=${token}`);
    await page.waitForURL(new RegExp(`/fr/account/reset-password\\?token=${token}$`));
    await page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
    await checkPage(page, 'reset-password-fr');

    // two different entries are caught before sending
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
    await page.getByLabel('Répétez le nouveau mot de passe').fill(`${newPassword}x`);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.locator('#repeat-error').filter({ hasText: 'pas identiques' }).waitFor();

    // a common password: the server's reason shows under the field, in the page's
    // language (the browser client sends it as Accept-Language), the link still works
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('azerty12345');
    await page.getByLabel('Répétez le nouveau mot de passe').fill('azerty12345');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    const weakness = page.locator('#password-error');
    await weakness.waitFor();
    expect(await weakness.textContent()).toBe('Ce mot de passe est un mot courant auquel on a ajouté quelques caractères\u00a0; choisissez-en un autre.');
    expect(await page.locator('#repeat-error').count()).toBe(0);
    await checkPage(page, 'reset-password-weak-fr');

    // a strong one: back on the login page with a notice
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
    await page.getByLabel('Répétez le nouveau mot de passe').fill(newPassword);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.waitForURL(/\/fr\/account\/login\?reset=done$/);
    await page.getByText('Votre mot de passe a été changé.').waitFor();
    await screenshot(page, 'login-after-reset-fr');

    // the old password is refused, the new one signs in
    await signInInBrowser(page, person, { origin: world.stack.origin });
    await page.getByRole('alert').waitFor();
    expect(page.url()).toMatch(/\/fr\/account\/login$/);
    await signInInBrowser(page, { email: person.email, password: newPassword }, { origin: world.stack.origin });
    await page.waitForURL(/\/fr\/account$/);

    // the link was for one use
    await page.goto(`${world.stack.origin}/fr/account/reset-password?token=${token}`);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('Encore-un-autre-2028');
    await page.getByLabel('Répétez le nouveau mot de passe').fill('Encore-un-autre-2028');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ce lien est invalide, déjà utilisé ou expiré.' }).waitFor();
    await page.getByRole('link', { name: 'Demander un nouveau lien' }).waitFor();

    expect(problems.filter((p) => !/ 4\d\d |status of 4\d\d/.test(p))).toEqual([]);
    await context.close();
  });

  it('shows both pages in Dutch, redirects the mailed path by the browser language', async () => {
    // signing up with a breached password on the Dutch page of an English-speaking
    // browser: the server's reason under the field follows the page, not the browser
    const english = await world.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const signUp = await english.newPage();
    await signUp.goto(`${world.stack.origin}/nl/account/register`);
    await signUp.getByLabel('E-mailadres').fill('nieuw@example.test');
    await signUp.getByLabel('Wachtwoord', { exact: true }).fill('password123');
    await signUp.getByRole('button', { name: 'Account aanmaken' }).click();
    const weakness = signUp.locator('#password-error');
    await weakness.waitFor();
    expect(await weakness.textContent()).toBe('Dit wachtwoord staat in lijsten van gelekte wachtwoorden; kies een ander.');
    expect(await signUp.getByLabel('Wachtwoord', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await checkPage(signUp, 'register-weak-password-nl');
    await english.close();

    const context = await world.browser.newContext({ locale: 'nl-BE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    await page.goto(`${world.stack.origin}/reset-password?token=not-a-real-token-0000`);
    await page.waitForURL(/\/nl\/account\/reset-password\?token=not-a-real-token-0000$/);
    await page.getByRole('heading', { name: 'Een nieuw wachtwoord kiezen' }).waitFor();
    await checkPage(page, 'reset-password-nl');

    await page.goto(`${world.stack.origin}/forgot-password`);
    await page.waitForURL(/\/nl\/account\/forgot-password$/);
    await checkPage(page, 'forgot-password-nl');
    // an address without an account gets the same answer
    await page.getByLabel('E-mailadres').fill('niemand@example.test');
    await page.getByRole('button', { name: 'Link versturen' }).click();
    await page.getByRole('status').filter({ hasText: 'niemand@example.test' }).waitFor();
    await screenshot(page, 'forgot-password-sent-nl');
    await context.close();
  });

  it('keeps every account section reachable on a 360 px phone, without sideways scrolling', async () => {
    const context = await world.browser.newContext({ locale: 'fr-BE', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, colorScheme: 'dark' });
    const page = await context.newPage();
    await signInInBrowser(page, { email: person.email, password: 'Un-jardin-a-Namur-2027' }, { origin: world.stack.origin });
    await page.waitForURL(/\/fr\/account$/);
    const nav = page.getByRole('navigation', { name: 'Rubriques du compte' });
    const privacy = nav.getByRole('link', { name: 'Vie privée' });
    const box = await privacy.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await nav.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await screenshot(page, 'account-nav-360-fr');
    await privacy.click();
    await page.waitForURL(/\/fr\/account\/privacy$/);
    await context.close();
  });
});
