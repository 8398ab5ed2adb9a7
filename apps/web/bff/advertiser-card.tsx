import { t, type Locale } from '@immo/i18n';
import type { Advertiser } from './listing-page-query.ts';

/** Who advertises the listing: the agency's public card, or "private seller" (their name stays private). */
export function AdvertiserCard({ advertiser, locale }: { advertiser: Advertiser; locale: Locale }) {
  const agency = advertiser.kind === 'agency' && advertiser.name;
  return (
    <section aria-labelledby="advertiser" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-testid="listing-advertiser">
      <h2 id="advertiser" className="mb-2 text-lg font-semibold">
        {t(locale, 'results.advertiser.heading')}
      </h2>
      <div className="flex items-center gap-3">
        {agency && advertiser.logoUrl && (
          <img src={advertiser.logoUrl} alt={t(locale, 'results.advertiser.logo', { name: advertiser.name! })} width={48} height={48} className="h-12 w-12 rounded object-contain" />
        )}
        <div>
          <p className="font-medium">{agency ? advertiser.name : t(locale, 'results.advertiser.private')}</p>
          {agency && <p className="text-sm text-slate-600 dark:text-slate-300">{t(locale, 'results.advertiser.agency')}</p>}
        </div>
      </div>
    </section>
  );
}
