import type { Page } from 'playwright-core';

/** The login form's words, as a person reads them in each language the flows use. */
const LOGIN_FORM = {
  fr: { email: 'Adresse e-mail', password: 'Mot de passe', otp: 'Code de vérification', submit: 'Se connecter' },
  nl: { email: 'E-mailadres', password: 'Wachtwoord', otp: 'Verificatiecode', submit: 'Aanmelden' },
} as const;

export interface BrowserSignIn {
  /** The stack's origin: the login page is opened there. Left out when a redirect already brought the page to the form. */
  origin?: string;
  /** The page's language; French unless said. */
  locale?: keyof typeof LOGIN_FORM;
  /** Where the login page sends the person (its `?next=`); the sign-in is over once the page is there. */
  next?: string;
  /** The second factor an agency account is asked for after its password, read when the form asks. */
  otp?: () => Promise<string>;
}

/**
 * Signs in through the login form like a person would: address, password,
 * the button, then the second factor when `otp` is given. Without `next` it
 * returns once the form is sent, so a test can assert the refusal or where it lands.
 */
export async function signInInBrowser(page: Page, account: { email: string; password: string }, options: BrowserSignIn = {}): Promise<void> {
  const words = LOGIN_FORM[options.locale ?? 'fr'];
  if (options.origin) {
    const query = options.next ? `?next=${encodeURIComponent(options.next)}` : '';
    await page.goto(`${options.origin}/${options.locale ?? 'fr'}/account/login${query}`);
  }
  await page.getByLabel(words.email).fill(account.email);
  await page.getByLabel(words.password, { exact: true }).fill(account.password);
  await page.getByRole('button', { name: words.submit }).click();
  if (options.otp) {
    const otp = page.getByLabel(words.otp);
    await otp.waitFor();
    await otp.fill(await options.otp());
    await page.getByRole('button', { name: words.submit }).click();
  }
  if (options.next) {
    const path = options.next.split('?')[0];
    await page.waitForURL((url) => url.pathname === path);
  }
}
