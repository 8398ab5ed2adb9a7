import { t, type Locale } from '@immo/i18n';
import { ListingCard } from '../listing/listing-card.tsx';
import type { SimilarCard } from './listing-page-query.ts';

/** Live listings like this one, from the BFF's `similar` (same transaction and type, same commune first). */
export function SimilarListings({ cards, locale }: { cards: SimilarCard[]; locale: Locale }) {
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="similar" className="mt-10" data-testid="similar-listings">
      <h2 id="similar" className="mb-3 text-lg font-semibold">
        {t(locale, 'results.similar.heading')}
      </h2>
      <ul className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2">
        {cards.map((card) => (
          <li key={card.id} className="min-w-0">
            <ListingCard card={card} coverUrl={card.coverPhotoUrl} locale={locale} compact />
          </li>
        ))}
      </ul>
    </section>
  );
}
