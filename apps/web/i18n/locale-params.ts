import { notFound } from 'next/navigation';
import { isLocale, LOCALES, type Locale } from '@immo/i18n';

/** The locales with routes: /fr, /nl (the country's main ones), /de, /en. */
export const ROUTED_LOCALES = LOCALES;

export interface LocaleParams {
  params: Promise<{ locale: string }>;
}

/** The route's locale, or a 404 for /xx/... */
export async function routeLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return locale;
}

/** The same page in another language: swaps the first path segment. */
export function localisedPath(pathname: string, locale: Locale): string {
  const parts = pathname.split('/');
  if (isLocale(parts[1])) parts[1] = locale;
  else parts.splice(1, 0, locale);
  return parts.join('/') || `/${locale}`;
}

/** hreflang alternates of a path given without its locale, e.g. "/search". */
export function languageAlternates(pathWithoutLocale: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const locale of ROUTED_LOCALES) out[`${locale}-BE`] = `/${locale}${pathWithoutLocale}`;
  out['x-default'] = `/fr${pathWithoutLocale}`;
  return out;
}
