// The product's languages. French and Dutch are the country's main ones and
// come first; German (East Belgium) and English are welcome.
export const LOCALES = ['fr', 'nl', 'de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The BCP 47 tag handed to Intl: Belgian conventions for every language. */
export function intlLocale(locale: Locale): string {
  return `${locale}-BE`;
}

/**
 * Picks the best supported locale from an Accept-Language header
 * (`nl-BE,nl;q=0.9,fr;q=0.8`). Exact tags beat base languages at the same
 * weight; `q=0` means "not this one"; `*` means the first supported.
 */
export function negotiateLocale<L extends string = Locale>(
  acceptLanguage: string | null | undefined,
  supported: readonly L[] = LOCALES as unknown as readonly L[],
  fallback: L = supported[0] as L,
): L {
  if (!acceptLanguage) return fallback;
  const ranges = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const lower = supported.map((s) => s.toLowerCase());
  for (const { tag } of ranges) {
    if (tag === '*') return supported[0] ?? fallback;
    const exact = lower.indexOf(tag);
    if (exact >= 0) return supported[exact]!;
    const base = lower.indexOf(tag.split('-')[0]!);
    if (base >= 0) return supported[base]!;
  }
  return fallback;
}
