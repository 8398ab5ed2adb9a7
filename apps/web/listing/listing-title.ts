import { t, type Locale, type MessageKey } from '@immo/i18n';

interface Titled {
  type: string;
  title: Record<string, string | undefined>;
  communeName: { fr: string; nl: string; de?: string };
}

export function communeName(listing: Pick<Titled, 'communeName'>, locale: Locale): string {
  return (locale === 'nl' || locale === 'de' ? listing.communeName[locale] : undefined) ?? (locale === 'en' ? listing.communeName.fr : listing.communeName.fr);
}

/** The owner's title in the reader's language, else "Appartement à Ixelles" from the facts. */
export function listingTitle(listing: Titled, locale: Locale): string {
  const own = listing.title[locale];
  if (own) return own;
  return t(locale, 'web.listingTitle', { type: t(locale, `propertyType.${listing.type}` as MessageKey), commune: communeName(listing, locale) });
}
