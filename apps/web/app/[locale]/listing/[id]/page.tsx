import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { formatDate, formatPrice, formatPricePerM2, formatSurface, t, type Locale, type MessageKey } from '@immo/i18n';
import { webConfig } from '../../../../config.ts';
import { BookVisit } from '../../../../conversations/book-visit.tsx';
import { ContactAdvertiser } from '../../../../conversations/contact-advertiser.tsx';
import { languageAlternates, routeLocale } from '../../../../i18n/locale-params.ts';
import { EpcBadge } from '../../../../listing/epc-badge.tsx';
import { FavouriteButton } from '../../../../listing/favourite-button.tsx';
import { listingJsonLd, scriptJson } from '../../../../listing/listing-json-ld.ts';
import { loadListing, loadListingPage, loadPriceHistory } from '../../../../listing/listing-data.ts';
import { AdvertiserCard } from '../../../../bff/advertiser-card.tsx';
import { SimilarListings } from '../../../../bff/similar-listings.tsx';
import { communeName, listingTitle } from '../../../../listing/listing-title.ts';
import { PhotoGallery } from '../../../../listing/photo-gallery.tsx';
import { PriceHistoryChart } from '../../../../listing/price-history-chart.tsx';
import { RememberViewed } from '../../../../listing/recently-viewed.tsx';
import { ShareButton } from '../../../../listing/share-button.tsx';
import { ListingMapLazy } from '../../../../map/listing-map-lazy.tsx';

// Server-rendered on first request, then served from cache and regenerated in
// the background at most every minute (and on demand by tag `listing:<id>`).
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

interface Props {
  params: Promise<{ locale: string; id: string }>;
}

function description(listing: NonNullable<Awaited<ReturnType<typeof loadListing>>>, locale: Locale): string {
  const text = listing.description[locale] ?? listing.description[listing.language] ?? '';
  const facts = [
    formatPrice(listing.price, locale, { perMonth: listing.transaction === 'rent' }),
    listing.bedrooms !== null ? t(locale, 'listing.bedrooms', { count: listing.bedrooms }) : null,
    listing.livingArea ? formatSurface(listing.livingArea, locale) : null,
    listing.epc ? t(locale, 'epc.label', { label: listing.epc.label }) : null,
  ].filter(Boolean);
  return `${facts.join(' · ')}. ${text}`.slice(0, 160);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await routeLocale(params);
  const { id } = await params;
  const listing = await loadListing(id);
  if (!listing) return { title: t(locale, 'web.notFound'), robots: { index: false } };
  const title = `${listingTitle(listing, locale)} — ${formatPrice(listing.price, locale, { perMonth: listing.transaction === 'rent' })}`;
  const cover = listing.photos.find((p) => p.id === listing.coverPhotoId) ?? listing.photos[0];
  return {
    title,
    description: description(listing, locale),
    alternates: { canonical: `/${locale}/listing/${id}`, languages: languageAlternates(`/listing/${id}`) },
    openGraph: { title, description: description(listing, locale), type: 'website', locale: `${locale}_BE`, images: cover?.url ? [cover.url] : [] },
  };
}

export default async function ListingPage({ params }: Props) {
  const locale = await routeLocale(params);
  const { id } = await params;
  // one BFF call (cached): loadListing and loadPriceHistory read from it
  const [listing, history, composed] = await Promise.all([loadListing(id), loadPriceHistory(id), loadListingPage(id)]);
  if (!listing) notFound();
  const perMonth = listing.transaction === 'rent';
  const title = listingTitle(listing, locale);
  const price = formatPrice(listing.price, locale, { perMonth });
  const text = listing.description[locale] ?? listing.description[listing.language];
  const facts: [string, string][] = [
    [t(locale, 'web.filters.type'), t(locale, `propertyType.${listing.type}` as MessageKey)],
    ...(listing.livingArea ? [[t(locale, 'listing.livingArea'), formatSurface(listing.livingArea, locale)] as [string, string]] : []),
    ...(listing.landArea ? [[t(locale, 'listing.plotArea'), formatSurface(listing.landArea, locale)] as [string, string]] : []),
    ...(listing.bedrooms !== null ? [[t(locale, 'web.filters.bedroomsMin').replace(/\s*\(.*\)/, ''), String(listing.bedrooms)] as [string, string]] : []),
    ...(listing.yearBuilt ? [[t(locale, 'listing.constructionYear'), String(listing.yearBuilt)] as [string, string]] : []),
    ...(listing.livingArea && !perMonth ? [[t(locale, 'price.perM2'), formatPricePerM2(listing.price, listing.livingArea, locale)] as [string, string]] : []),
    ...(listing.charges ? [[t(locale, 'price.charges'), formatPrice(listing.charges, locale, { perMonth: true })] as [string, string]] : []),
  ];
  const url = `${webConfig.publicOrigin}/${locale}/listing/${listing.id}`;
  return (
    <article className="mx-auto max-w-5xl px-4 py-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(listingJsonLd(listing, locale, url)) }} />
      <RememberViewed id={listing.id} title={title} price={price} />
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {t(locale, perMonth ? 'transaction.rent' : 'transaction.sale')} · {listing.postalCode} {communeName(listing, locale)}
      </p>
      <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{title}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-4">
        <p className="text-2xl font-bold text-brand-700 dark:text-sky-400" data-testid="listing-price">
          {price}
        </p>
        {listing.epc && <EpcBadge label={listing.epc.label} locale={locale} />}
        {listing.status !== 'published' && <span className="rounded bg-amber-100 px-2 py-1 text-sm text-amber-900">{t(locale, `status.${listing.status}` as MessageKey)}</span>}
      </div>

      <section aria-label={t(locale, 'ui.photos', { count: listing.photos.length })} className="mt-4">
        {listing.photos.length ? (
          <PhotoGallery listing={listing} media={composed?.media ?? []} title={title} />
        ) : (
          <div className="flex aspect-[3/1] items-center justify-center rounded-xl bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300">{t(locale, 'web.noPhoto')}</div>
        )}
      </section>

      <div className="mt-4 flex flex-wrap gap-2">
        <FavouriteButton listingId={listing.id} />
        <ShareButton title={title} />
      </div>
      <div className="mt-4 flex flex-col items-start gap-3 sm:flex-row">
        <ContactAdvertiser listingId={listing.id} />
        <BookVisit listingId={listing.id} />
      </div>

      <div className="mt-6 grid gap-8 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          <section aria-labelledby="facts">
            <h2 id="facts" className="mb-2 text-lg font-semibold">
              {t(locale, 'web.keyFacts')}
            </h2>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
              {facts.map(([term, value]) => (
                <div key={term + value} className="flex flex-col">
                  <dt className="text-slate-600 dark:text-slate-300">{term}</dt>
                  <dd className="font-medium">{value}</dd>
                </div>
              ))}
            </dl>
          </section>
          {listing.features.length > 0 && (
            <section aria-labelledby="features" className="mt-6">
              <h2 id="features" className="mb-2 text-lg font-semibold">
                {t(locale, 'web.features')}
              </h2>
              <ul className="flex flex-wrap gap-2 text-sm">
                {listing.features.map((feature) => (
                  <li key={feature} className="rounded-full bg-slate-100 px-3 py-1 dark:bg-slate-800">
                    {t(locale, `feature.${feature}` as MessageKey)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {text && (
            <section aria-labelledby="description" className="mt-6">
              <h2 id="description" className="mb-2 text-lg font-semibold">
                {t(locale, 'web.description')}
              </h2>
              <p className="whitespace-pre-line leading-relaxed" lang={listing.description[locale] ? undefined : listing.language}>
                {text}
              </p>
            </section>
          )}
          {listing.publishedAt && <p className="mt-4 text-xs text-slate-600 dark:text-slate-300">{formatDate(listing.publishedAt, locale)}</p>}
        </div>
        <aside className="flex flex-col gap-6">
          {composed && <AdvertiserCard advertiser={composed.advertiser} locale={locale} />}
          <ListingMapLazy lat={listing.lat} lon={listing.lon} />
          {history && history.items.length > 1 && (
            <section aria-labelledby="price-history">
              <h2 id="price-history" className="mb-2 text-lg font-semibold">
                {t(locale, 'web.priceHistory')}
              </h2>
              <PriceHistoryChart entries={history.items} locale={locale} perMonth={perMonth} />
            </section>
          )}
        </aside>
      </div>
      {composed && <SimilarListings cards={composed.similar} locale={locale} />}
    </article>
  );
}
