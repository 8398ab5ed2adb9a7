import Link from 'next/link';
import { formatPrice, formatSurface, t, type Locale } from '@immo/i18n';
import { EpcBadge } from './epc-badge.tsx';
import { communeName, listingTitle } from './listing-title.ts';

/** What a listing card shows: a search hit, a favourite or a similar listing all carry it. */
export interface CardFacts {
  id: string;
  type: string;
  transaction: 'sale' | 'rent';
  price: number;
  bedrooms: number | null;
  livingArea: number | null;
  epcLabel: string | null;
  postalCode: string;
  title: Record<string, string | undefined>;
  communeName: { fr: string; nl: string; de?: string };
}

/** A listing as a card: cover, title linking to its page, price, place and key facts. `compact` for side lists. */
export function ListingCard({ card, coverUrl, locale, compact = false }: { card: CardFacts; coverUrl: string | null | undefined; locale: Locale; compact?: boolean }) {
  const price = formatPrice(card.price, locale, { perMonth: card.transaction === 'rent' });
  return (
    <article className={`flex overflow-hidden rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${compact ? '' : 'hover:shadow-md'}`}>
      <div className={`flex ${compact ? 'h-24 w-28' : 'h-28 w-36'} shrink-0 items-center justify-center bg-slate-100 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300`}>
        {coverUrl ? <img src={coverUrl} alt="" loading="lazy" className="h-full w-full object-cover" /> : t(locale, 'web.noPhoto')}
      </div>
      <div className={`min-w-0 flex-1 p-3 ${compact ? 'text-sm' : ''}`}>
        <h3 className={`truncate font-semibold ${compact ? '' : 'text-base'}`}>
          <Link href={`/${locale}/listing/${card.id}`} className="hover:underline">
            {listingTitle(card, locale)}
          </Link>
        </h3>
        <p className={`font-bold text-brand-700 dark:text-sky-400 ${compact ? '' : 'text-lg'}`}>{price}</p>
        <p className={`flex flex-wrap items-center gap-x-3 text-slate-600 dark:text-slate-300 ${compact ? '' : 'text-sm'}`}>
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
