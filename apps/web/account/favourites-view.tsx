'use client';
import { useQueries } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { ListingCard } from '../listing/listing-card.tsx';
import { useFavourites } from '../listing/favourite-button.tsx';
import { useRecentlyViewed } from '../listing/recently-viewed.tsx';
import { AccountNav } from './account-nav.tsx';
import { useSession } from './session-store.ts';

/** Favourites (from the API; kept readable offline by the service worker) and recently viewed listings. */
export function FavouritesView() {
  const locale = useLocale();
  const t = useT();
  const session = useSession((s) => s.session);
  const recent = useRecentlyViewed((s) => s.items);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const favourites = useFavourites();
  const listings = useQueries({
    queries: (favourites.data ?? []).map((f) => ({
      queryKey: ['listing', f.listingId],
      queryFn: async () => ok(await api.GET('/v1/listings/{id}', { params: { path: { id: f.listingId } } })),
    })),
  });
  const offline = hydrated && typeof navigator !== 'undefined' && !navigator.onLine;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-4 text-2xl font-bold">{t('ui.favourites')}</h1>
      {hydrated && session && <AccountNav />}
      {offline && (
        <p role="status" className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900">
          {t('web.offline')}
        </p>
      )}
      {hydrated && !session ? (
        <p className="mt-4">
          <Link href={`/${locale}/account/login?next=/${locale}/account/favourites`} className="underline">
            {t('web.signInToFavourite')}
          </Link>
        </p>
      ) : favourites.data?.length === 0 ? (
        <p className="mt-4 text-slate-700 dark:text-slate-300">{t('web.favourites.empty')}</p>
      ) : (
        <div className="mt-4 flex flex-col gap-3">
          {listings.map((q, i) =>
            q.data ? (
              <ListingCard
                key={q.data.id}
                locale={locale}
                card={{ ...q.data, epcLabel: q.data.epc?.label ?? null }}
                coverUrl={q.data.photos[0]?.url}
              />
            ) : (
              <p key={i}>{q.isError ? t('web.listingNotFound') : t('ui.loading')}</p>
            ),
          )}
        </div>
      )}
      {hydrated && recent.length > 0 && (
        <section className="mt-10" aria-labelledby="recently-viewed">
          <h2 id="recently-viewed" className="mb-2 text-lg font-semibold">
            {t('web.recentlyViewed')}
          </h2>
          <ul className="flex flex-col gap-1">
            {recent.map((item) => (
              <li key={item.id}>
                <Link href={`/${locale}/listing/${item.id}`} className="underline">
                  {item.title}
                </Link>{' '}
                <span className="text-slate-600 dark:text-slate-300">{item.price}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
