import Link from 'next/link';
import { formatPrice, formatSurface, t, type Locale } from '@immo/i18n';
import { EpcBadge } from '../listing/epc-badge.tsx';
import { communeName, listingTitle } from '../listing/listing-title.ts';
import type { SimilarCard } from './listing-page-query.ts';

/** Live listings like this one, from the BFF's `similar` (same transaction and type, same commune first). */
export function SimilarListings({ cards, locale }: { cards: SimilarCard[]; locale: Locale }) {
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="similar" className="mt-10" data-testid="similar-listings">
      <h2 id="similar" className="mb-3 text-lg font-semibold">
        {t(locale, 'results.similar.heading')}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {cards.map((card) => (
          <li key={card.id} className="flex overflow-hidden rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <div className="flex h-24 w-28 shrink-0 items-center justify-center bg-slate-100 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              {card.coverPhotoUrl ? <img src={card.coverPhotoUrl} alt="" loading="lazy" className="h-full w-full object-cover" /> : t(locale, 'web.noPhoto')}
            </div>
            <div className="min-w-0 flex-1 p-3 text-sm">
              <h3 className="truncate font-semibold">
                <Link href={`/${locale}/listing/${card.id}`} className="hover:underline">
                  {listingTitle(card, locale)}
                </Link>
              </h3>
              <p className="font-bold text-brand-700 dark:text-sky-400">{formatPrice(card.price, locale, { perMonth: card.transaction === 'rent' })}</p>
              <p className="flex flex-wrap items-center gap-x-3 text-slate-600 dark:text-slate-300">
                <span>
                  {card.postalCode} {communeName(card, locale)}
                </span>
                {card.bedrooms !== null && <span>{t(locale, 'listing.bedrooms', { count: card.bedrooms })}</span>}
                {card.livingArea !== null && <span>{formatSurface(card.livingArea, locale)}</span>}
                {card.epcLabel && <EpcBadge label={card.epcLabel} locale={locale} small />}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
