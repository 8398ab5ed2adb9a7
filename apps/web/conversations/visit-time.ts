import { intlLocale, TIME_ZONE, type Locale } from '@immo/i18n';

// Visits are shown on Brussels clocks whatever the browser's zone.

/** "jeudi 3 décembre" */
export function visitDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(iso));
}

/** "jeudi 3 décembre 2026 à 10:00" */
export function visitWhen(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Weekday names of ISO weekdays 1 (Monday) to 7 (Sunday). */
export function weekdayName(weekday: number, locale: Locale): string {
  // 2024-01-01 was a Monday
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'UTC', weekday: 'long' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

/** YYYY-MM-DD of a day `plusDays` from now, on Brussels clocks. */
export function brusselsDate(plusDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + plusDays * 86_400_000));
}
