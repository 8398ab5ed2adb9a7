import Link from 'next/link';
import { formatPrice, formatSurface, t, type Locale } from '@immo/i18n';
import type { SearchCard } from '../api/shapes.ts';
import { EpcBadge } from './epc-badge.tsx';
import { communeName, listingTitle } from './listing-title.ts';

export function ListingCard({ card, locale }: { card: SearchCard; locale: Locale }) {
  const price = formatPrice(card.price, locale, { perMonth: card.transaction === 'rent' });
  return (
    <article className="flex overflow-hidden rounded-xl border border-slate-200 bg-white hover:shadow-md dark:border-slate-800 dark:bg-slate-900">
      <div className="flex h-28 w-36 shrink-0 items-center justify-center bg-slate-100 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
        {card.coverPhoto?.url ? <img src={card.coverPhoto.url} alt="" loading="lazy" className="h-full w-full object-cover" /> : t(locale, 'web.noPhoto')}
      </div>
      <div className="min-w-0 flex-1 p-3">
        <h3 className="truncate text-base font-semibold">
          <Link href={`/${locale}/listing/${card.id}`} className="hover:underline">
            {listingTitle(card, locale)}
          </Link>
        </h3>
        <p className="text-lg font-bold text-brand-700 dark:text-sky-400">{price}</p>
        <p className="flex flex-wrap items-center gap-x-3 text-sm text-slate-600 dark:text-slate-300">
          <span>
            {card.postalCode} {communeName(card, locale)}
          </span>
          {card.bedrooms !== null && <span>{t(locale, 'listing.bedrooms', { count: card.bedrooms })}</span>}
          {card.livingArea !== null && <span>{formatSurface(card.livingArea, locale)}</span>}
          {card.epcLabel && <EpcBadge label={card.epcLabel} locale={locale} small />}
        </p>
      </div>
    </article>
  );
}
