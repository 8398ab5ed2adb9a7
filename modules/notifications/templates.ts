import { formatDateTime, formatPrice, type Locale } from '@immo/i18n';
import type { Kind } from './contract.ts';

// What each kind of notification says, in French, Dutch, German and English.
// `{name}` is replaced by a parameter; dates are shown in Brussels time and
// amounts in the Belgian style of the language.

type Text = { subject: string; body: string };
type Catalogue = Record<Kind, Text>;

const fr: Catalogue = {
  'message.new': { subject: 'Nouveau message : {listing}', body: 'Vous avez reçu un nouveau message. Ouvrez la conversation pour répondre.' },
  'appointment.booked': { subject: 'Demande de visite : {listing}', body: 'Une visite est demandée le {when}. Confirmez-la ou proposez un autre moment.' },
  'appointment.confirmed': { subject: 'Visite confirmée : {listing}', body: 'La visite du {when} est confirmée. L’invitation pour votre agenda est jointe.' },
  'appointment.cancelled': { subject: 'Visite annulée : {listing}', body: 'La visite du {when} est annulée. Motif : {reason}' },
  'appointment.rescheduled': { subject: 'Visite déplacée : {listing}', body: 'La visite du {when} est proposée le {newWhen}. Motif : {reason}' },
  'appointment.reminder': { subject: 'Rappel de visite : {listing}', body: 'Votre visite a lieu le {when}.' },
  'search.match': { subject: 'Nouveau bien pour votre recherche : {listing}', body: 'Un bien correspond à une de vos recherches enregistrées : {price}.' },
  'favorite.price_drop': { subject: 'Baisse de prix : {listing}', body: 'Un bien de vos favoris passe de {oldPrice} à {newPrice}.' },
  'listing.status': { subject: 'Votre annonce : {listing}', body: 'Votre annonce est maintenant « {status} ».' },
};

const nl: Catalogue = {
  'message.new': { subject: 'Nieuw bericht: {listing}', body: 'U hebt een nieuw bericht ontvangen. Open het gesprek om te antwoorden.' },
  'appointment.booked': { subject: 'Bezoekaanvraag: {listing}', body: 'Er is een bezoek aangevraagd op {when}. Bevestig het of stel een ander moment voor.' },
  'appointment.confirmed': { subject: 'Bezoek bevestigd: {listing}', body: 'Het bezoek op {when} is bevestigd. De uitnodiging voor uw agenda zit in bijlage.' },
  'appointment.cancelled': { subject: 'Bezoek geannuleerd: {listing}', body: 'Het bezoek op {when} is geannuleerd. Reden: {reason}' },
  'appointment.rescheduled': { subject: 'Bezoek verplaatst: {listing}', body: 'Voor het bezoek van {when} wordt {newWhen} voorgesteld. Reden: {reason}' },
  'appointment.reminder': { subject: 'Herinnering bezoek: {listing}', body: 'Uw bezoek vindt plaats op {when}.' },
  'search.match': { subject: 'Nieuw pand voor uw zoekopdracht: {listing}', body: 'Een pand past bij een van uw bewaarde zoekopdrachten: {price}.' },
  'favorite.price_drop': { subject: 'Prijsdaling: {listing}', body: 'Een pand uit uw favorieten daalt van {oldPrice} naar {newPrice}.' },
  'listing.status': { subject: 'Uw zoekertje: {listing}', body: 'Uw zoekertje staat nu op "{status}".' },
};

const de: Catalogue = {
  'message.new': { subject: 'Neue Nachricht: {listing}', body: 'Sie haben eine neue Nachricht erhalten. Öffnen Sie die Unterhaltung, um zu antworten.' },
  'appointment.booked': { subject: 'Besichtigungsanfrage: {listing}', body: 'Eine Besichtigung wurde für {when} angefragt. Bestätigen Sie sie oder schlagen Sie einen anderen Termin vor.' },
  'appointment.confirmed': { subject: 'Besichtigung bestätigt: {listing}', body: 'Die Besichtigung am {when} ist bestätigt. Die Einladung für Ihren Kalender ist angehängt.' },
  'appointment.cancelled': { subject: 'Besichtigung abgesagt: {listing}', body: 'Die Besichtigung am {when} wurde abgesagt. Grund: {reason}' },
  'appointment.rescheduled': { subject: 'Besichtigung verschoben: {listing}', body: 'Für die Besichtigung am {when} wird {newWhen} vorgeschlagen. Grund: {reason}' },
  'appointment.reminder': { subject: 'Erinnerung an die Besichtigung: {listing}', body: 'Ihre Besichtigung findet am {when} statt.' },
  'search.match': { subject: 'Neue Immobilie für Ihre Suche: {listing}', body: 'Eine Immobilie passt zu einer Ihrer gespeicherten Suchen: {price}.' },
  'favorite.price_drop': { subject: 'Preissenkung: {listing}', body: 'Eine Immobilie aus Ihren Favoriten kostet jetzt {newPrice} statt {oldPrice}.' },
  'listing.status': { subject: 'Ihre Anzeige: {listing}', body: 'Ihre Anzeige hat jetzt den Status „{status}“.' },
};

const en: Catalogue = {
  'message.new': { subject: 'New message: {listing}', body: 'You have a new message. Open the conversation to reply.' },
  'appointment.booked': { subject: 'Visit request: {listing}', body: 'A visit was requested for {when}. Confirm it or propose another time.' },
  'appointment.confirmed': { subject: 'Visit confirmed: {listing}', body: 'The visit on {when} is confirmed. The calendar invitation is attached.' },
  'appointment.cancelled': { subject: 'Visit cancelled: {listing}', body: 'The visit on {when} was cancelled. Reason: {reason}' },
  'appointment.rescheduled': { subject: 'Visit moved: {listing}', body: '{newWhen} is proposed instead of the visit on {when}. Reason: {reason}' },
  'appointment.reminder': { subject: 'Visit reminder: {listing}', body: 'Your visit takes place on {when}.' },
  'search.match': { subject: 'New property for your search: {listing}', body: 'A property matches one of your saved searches: {price}.' },
  'favorite.price_drop': { subject: 'Price drop: {listing}', body: 'A property in your favourites went from {oldPrice} to {newPrice}.' },
  'listing.status': { subject: 'Your listing: {listing}', body: 'Your listing is now "{status}".' },
};

export const catalogues: Record<Locale, Catalogue> = { fr, nl, de, en };

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

export function render(kind: Kind, locale: Locale, params: Record<string, string | number>): { title: string; body: string } {
  const text = catalogues[locale][kind];
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'listing' && params.listing === undefined) return layoutWords[locale].aListing;
      const value = params[name];
      return value === undefined ? '' : shown(name, value, locale);
    });
  return { title: fill(text.subject), body: fill(text.body).replace(/\s+$/, '') };
}
