import { formatDateTime, formatPrice, type Locale } from '@immo/i18n';
import type { Kind } from './contract.ts';

// What each kind of notification says, in French, Dutch, German and English:
// one table of kinds, one renderer. `{name}` is replaced by a parameter; dates
// are shown in Brussels time and amounts in the Belgian style of the language.

/** What a notification's texts may name; each is filled from the notification's params. */
export type Param = 'listing' | 'when' | 'newWhen' | 'reason' | 'price' | 'oldPrice' | 'newPrice' | 'status';

export interface Template {
  /** The params its texts name besides `listing` (every subject ends with the listing). */
  params: readonly Param[];
  /** Per language: the subject's words before the listing, and the body. */
  text: Record<Locale, readonly [subject: string, body: string]>;
}

/** One row per kind: its params and its texts in French, Dutch, German and English. */
export const TEMPLATES: Record<Kind, Template> = {
  'message.new': {
    params: [],
    text: {
      fr: ['Nouveau message', 'Vous avez reçu un nouveau message. Ouvrez la conversation pour répondre.'],
      nl: ['Nieuw bericht', 'U hebt een nieuw bericht ontvangen. Open het gesprek om te antwoorden.'],
      de: ['Neue Nachricht', 'Sie haben eine neue Nachricht erhalten. Öffnen Sie die Unterhaltung, um zu antworten.'],
      en: ['New message', 'You have a new message. Open the conversation to reply.'],
    },
  },
  'appointment.booked': {
    params: ['when'],
    text: {
      fr: ['Demande de visite', 'Une visite est demandée le {when}. Confirmez-la ou proposez un autre moment.'],
      nl: ['Bezoekaanvraag', 'Er is een bezoek aangevraagd op {when}. Bevestig het of stel een ander moment voor.'],
      de: ['Besichtigungsanfrage', 'Eine Besichtigung wurde für {when} angefragt. Bestätigen Sie sie oder schlagen Sie einen anderen Termin vor.'],
      en: ['Visit request', 'A visit was requested for {when}. Confirm it or propose another time.'],
    },
  },
  'appointment.confirmed': {
    params: ['when'],
    text: {
      fr: ['Visite confirmée', 'La visite du {when} est confirmée. L’invitation pour votre agenda est jointe.'],
      nl: ['Bezoek bevestigd', 'Het bezoek op {when} is bevestigd. De uitnodiging voor uw agenda zit in bijlage.'],
      de: ['Besichtigung bestätigt', 'Die Besichtigung am {when} ist bestätigt. Die Einladung für Ihren Kalender ist angehängt.'],
      en: ['Visit confirmed', 'The visit on {when} is confirmed. The calendar invitation is attached.'],
    },
  },
  'appointment.cancelled': {
    params: ['when', 'reason'],
    text: {
      fr: ['Visite annulée', 'La visite du {when} est annulée. Motif : {reason}'],
      nl: ['Bezoek geannuleerd', 'Het bezoek op {when} is geannuleerd. Reden: {reason}'],
      de: ['Besichtigung abgesagt', 'Die Besichtigung am {when} wurde abgesagt. Grund: {reason}'],
      en: ['Visit cancelled', 'The visit on {when} was cancelled. Reason: {reason}'],
    },
  },
  'appointment.rescheduled': {
    params: ['when', 'newWhen', 'reason'],
    text: {
      fr: ['Visite déplacée', 'La visite du {when} est proposée le {newWhen}. Motif : {reason}'],
      nl: ['Bezoek verplaatst', 'Voor het bezoek van {when} wordt {newWhen} voorgesteld. Reden: {reason}'],
      de: ['Besichtigung verschoben', 'Für die Besichtigung am {when} wird {newWhen} vorgeschlagen. Grund: {reason}'],
      en: ['Visit moved', '{newWhen} is proposed instead of the visit on {when}. Reason: {reason}'],
    },
  },
  'appointment.reminder': {
    params: ['when'],
    text: {
      fr: ['Rappel de visite', 'Votre visite a lieu le {when}.'],
      nl: ['Herinnering bezoek', 'Uw bezoek vindt plaats op {when}.'],
      de: ['Erinnerung an die Besichtigung', 'Ihre Besichtigung findet am {when} statt.'],
      en: ['Visit reminder', 'Your visit takes place on {when}.'],
    },
  },
  'search.match': {
    params: ['price'],
    text: {
      fr: ['Nouveau bien pour votre recherche', 'Un bien correspond à une de vos recherches enregistrées : {price}.'],
      nl: ['Nieuw pand voor uw zoekopdracht', 'Een pand past bij een van uw bewaarde zoekopdrachten: {price}.'],
      de: ['Neue Immobilie für Ihre Suche', 'Eine Immobilie passt zu einer Ihrer gespeicherten Suchen: {price}.'],
      en: ['New property for your search', 'A property matches one of your saved searches: {price}.'],
    },
  },
  'favorite.price_drop': {
    params: ['oldPrice', 'newPrice'],
    text: {
      fr: ['Baisse de prix', 'Un bien de vos favoris passe de {oldPrice} à {newPrice}.'],
      nl: ['Prijsdaling', 'Een pand uit uw favorieten daalt van {oldPrice} naar {newPrice}.'],
      de: ['Preissenkung', 'Eine Immobilie aus Ihren Favoriten kostet jetzt {newPrice} statt {oldPrice}.'],
      en: ['Price drop', 'A property in your favourites went from {oldPrice} to {newPrice}.'],
    },
  },
  'listing.status': {
    params: ['status'],
    text: {
      fr: ['Votre annonce', 'Votre annonce est maintenant « {status} ».'],
      nl: ['Uw zoekertje', 'Uw zoekertje staat nu op "{status}".'],
      de: ['Ihre Anzeige', 'Ihre Anzeige hat jetzt den Status „{status}“.'],
      en: ['Your listing', 'Your listing is now "{status}".'],
    },
  },
};

/** The colon before the listing in a subject, set the language's way (French puts a space before it). */
const SUBJECT_COLON: Record<Locale, string> = { fr: ' : ', nl: ': ', de: ': ', en: ': ' };

/** Words of the shared layout and of the digest. */
export const layoutWords: Record<Locale, { open: string; footer: string; preferences: string; digestSubject: string; digestIntro: string; aListing: string }> = {
  fr: { open: 'Ouvrir', footer: 'Vous recevez cet e-mail parce que vous avez un compte Immo.', preferences: 'Choisir mes notifications', digestSubject: 'Votre résumé Immo du jour ({count})', digestIntro: 'Voici ce qui s’est passé depuis hier :', aListing: 'une annonce' },
  nl: { open: 'Openen', footer: 'U ontvangt deze e-mail omdat u een Immo-account hebt.', preferences: 'Mijn meldingen kiezen', digestSubject: 'Uw dagelijks Immo-overzicht ({count})', digestIntro: 'Dit is er sinds gisteren gebeurd:', aListing: 'een zoekertje' },
  de: { open: 'Öffnen', footer: 'Sie erhalten diese E-Mail, weil Sie ein Immo-Konto haben.', preferences: 'Benachrichtigungen wählen', digestSubject: 'Ihre tägliche Immo-Übersicht ({count})', digestIntro: 'Das ist seit gestern passiert:', aListing: 'eine Anzeige' },
  en: { open: 'Open', footer: 'You receive this e-mail because you have an Immo account.', preferences: 'Choose my notifications', digestSubject: 'Your daily Immo summary ({count})', digestIntro: 'Here is what happened since yesterday:', aListing: 'a listing' },
};

const STATUS_WORDS: Record<Locale, Record<string, string>> = {
  fr: { draft: 'brouillon', published: 'en ligne', under_offer: 'sous option', sold: 'vendu', rented: 'loué', archived: 'archivée' },
  nl: { draft: 'ontwerp', published: 'online', under_offer: 'onder bod', sold: 'verkocht', rented: 'verhuurd', archived: 'gearchiveerd' },
  de: { draft: 'Entwurf', published: 'online', under_offer: 'reserviert', sold: 'verkauft', rented: 'vermietet', archived: 'archiviert' },
  en: { draft: 'draft', published: 'online', under_offer: 'under offer', sold: 'sold', rented: 'rented', archived: 'archived' },
};

const DATE_PARAMS = new Set(['when', 'newWhen']);
const PRICE_PARAMS = new Set(['price', 'oldPrice', 'newPrice']);

/** The parameter as shown: dates in Brussels time, prices in euros, statuses in words. */
function shown(name: string, value: string | number, locale: Locale): string {
  if (DATE_PARAMS.has(name)) return formatDateTime(String(value), locale);
  if (PRICE_PARAMS.has(name) && typeof value === 'number') return formatPrice(value, locale);
  if (name === 'status') return STATUS_WORDS[locale][String(value)] ?? String(value);
  return String(value);
}

/** A notification's title and body in one language; a param it lacks shows as nothing (the listing as "a listing"). */
export function render(kind: Kind, locale: Locale, params: Record<string, string | number>): { title: string; body: string } {
  const [subject, body] = TEMPLATES[kind].text[locale];
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'listing' && params.listing === undefined) return layoutWords[locale].aListing;
      const value = params[name];
      return value === undefined ? '' : shown(name, value, locale);
    });
  return { title: fill(`${subject}${SUBJECT_COLON[locale]}{listing}`), body: fill(body).replace(/\s+$/, '') };
}
