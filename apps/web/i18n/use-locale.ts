'use client';
import { useParams } from 'next/navigation';
import { DEFAULT_LOCALE, isLocale, t, type Locale, type MessageKey, type MessageParams } from '@immo/i18n';

/** The page's locale in a client component (from the /[locale] segment). */
export function useLocale(): Locale {
  const params = useParams<{ locale?: string }>();
  return isLocale(params?.locale) ? params.locale : DEFAULT_LOCALE;
}

/** A translator bound to the page's locale. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const locale = useLocale();
  return (key, params) => t(locale, key, params);
}
