import type { Locale } from './contract.ts';

/** The few e-mails auth sends, in the person's language. Links carry single-use tokens. */
const TEXTS = {
  verify: {
    fr: ['Confirmez votre adresse e-mail', 'Bienvenue sur Immo. Confirmez votre adresse en ouvrant ce lien (valable 24 heures) :'],
    nl: ['Bevestig uw e-mailadres', 'Welkom bij Immo. Bevestig uw adres via deze link (24 uur geldig):'],
    de: ['Bestätigen Sie Ihre E-Mail-Adresse', 'Willkommen bei Immo. Bestätigen Sie Ihre Adresse über diesen Link (24 Stunden gültig):'],
    en: ['Confirm your e-mail address', 'Welcome to Immo. Confirm your address by opening this link (valid 24 hours):'],
  },
  reset: {
    fr: ['Réinitialisez votre mot de passe', 'Pour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure). Si vous n’avez rien demandé, ignorez ce message :'],
    nl: ['Stel uw wachtwoord opnieuw in', 'Kies een nieuw wachtwoord via deze link (1 uur geldig). Hebt u niets gevraagd, negeer dan dit bericht:'],
    de: ['Passwort zurücksetzen', 'Wählen Sie über diesen Link ein neues Passwort (1 Stunde gültig). Falls Sie nichts angefordert haben, ignorieren Sie diese Nachricht:'],
    en: ['Reset your password', 'To choose a new password, open this link (valid 1 hour). If you did not ask for it, ignore this message:'],
  },
  exists: {
    fr: ['Vous avez déjà un compte Immo', 'Quelqu’un (peut-être vous) a voulu créer un compte avec cette adresse, qui en a déjà un. Mot de passe oublié ? Réinitialisez-le ici :'],
    nl: ['U hebt al een Immo-account', 'Iemand (misschien u) wilde een account maken met dit adres, dat er al een heeft. Wachtwoord vergeten? Stel het hier opnieuw in:'],
    de: ['Sie haben bereits ein Immo-Konto', 'Jemand (vielleicht Sie) wollte mit dieser Adresse ein Konto anlegen, das bereits existiert. Passwort vergessen? Hier zurücksetzen:'],
    en: ['You already have an Immo account', 'Someone (perhaps you) tried to create an account with this address, which already has one. Forgot your password? Reset it here:'],
  },
} as const;

export function authMail(kind: keyof typeof TEXTS, locale: Locale, link: string): { subject: string; text: string } {
  const [subject, lead] = TEXTS[kind][locale];
  return { subject, text: `${lead}\n\n${link}\n\n— Immo` };
}

export const smsCodeText: Record<Locale, (code: string) => string> = {
  fr: (c) => `Immo : votre code de vérification est ${c}. Il expire dans 10 minutes.`,
  nl: (c) => `Immo: uw verificatiecode is ${c}. Hij vervalt over 10 minuten.`,
  de: (c) => `Immo: Ihr Bestätigungscode ist ${c}. Er läuft in 10 Minuten ab.`,
  en: (c) => `Immo: your verification code is ${c}. It expires in 10 minutes.`,
};
