import { intlLocale, type Locale } from './locale.ts';
import { t } from './translate.ts';

// Belgian conventions for every language (fr-BE `350 000 €`, nl-BE
// `€ 350.000`), dates in Brussels time whatever the server's zone.
// Intl output carries no-break spaces (U+00A0, U+202F): keep them, they stop
// a price from wrapping in the middle.
export const TIME_ZONE = 'Europe/Brussels';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(intlLocale(locale), options)));
  return f as Intl.NumberFormat;
}
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, ...options })));
  return f as Intl.DateTimeFormat;
}

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 0): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/**
 * A price in euros. Whole euros show no decimals (listing prices); amounts
 * with cents show two. `perMonth` appends the localised "/month".
 */
export function formatPrice(amountEur: number, locale: Locale, options: { perMonth?: boolean } = {}): string {
  const cents = !Number.isInteger(amountEur);
  const price = numberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 0,
  }).format(amountEur);
  return options.perMonth ? t(locale, 'price.perMonth', { price }) : price;
}

/** `85 m²` (no-break space): surfaces are shown in whole square metres. */
export function formatSurface(m2: number, locale: Locale): string {
  return `${formatNumber(Math.round(m2), locale)}\u00a0m²`;
}

/** `4 118 €/m²`: the price divided by the surface, in whole euros. */
export function formatPricePerM2(amountEur: number, m2: number, locale: Locale): string {
  if (!(m2 > 0)) throw new RangeError('Surface must be positive.');
  return `${formatPrice(Math.round(amountEur / m2), locale)}/m²`;
}

type DateInput = Date | string | number;
const toDate = (d: DateInput) => (d instanceof Date ? d : new Date(d));

/** `29 mars 2026` / `29 maart 2026`, the calendar day in Brussels. */
export function formatDate(date: DateInput, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'long' }).format(toDate(date));
}

/** `29 mars 2026 à 14:00` / `29 maart 2026 om 14:00`, Brussels time. */
export function formatDateTime(date: DateInput, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(toDate(date));
}
