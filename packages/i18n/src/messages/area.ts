import type { Locale } from '../locale.ts';

/**
 * One area's messages (a page family of the web app, say) in every locale.
 * French is the reference: the other locales must hold exactly its keys,
 * which the compiler checks here and translate.test.ts checks at run time.
 * Areas keep parallel work out of one big file per locale.
 */
export function defineArea<const K extends string>(
  fr: Record<K, string>,
  others: Record<Exclude<Locale, 'fr'>, Record<K, string>>,
): Record<Locale, Record<K, string>> {
  return { fr, ...others };
}
