'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { formatPrice, type MessageKey } from '@immo/i18n';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useSession } from '../account/session-store.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { listingTitle } from '../listing/listing-title.ts';

type Status = 'published' | 'under_offer' | 'sold' | 'rented' | 'archived' | 'draft';

/** What an advertiser may do next from each status (the server checks it again). */
const NEXT: Record<Status, Status[]> = {
  draft: [],
  published: ['under_offer', 'archived'],
  under_offer: ['published', 'archived'],
  sold: ['archived'],
  rented: ['archived'],
  archived: [],
};

/** The advertiser's desk: my listings and my agencies', with publish and lifecycle actions. */
export function MyListingsView() {
  const locale = useLocale();
  const t = useT();
  const router = useRouter();
  const session = useSession((s) => s.session);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (hydrated && !session) router.replace(`/${locale}/account/login?next=/${locale}/desk`);
  }, [hydrated, session, locale, router]);
  const client = useQueryClient();
  const mine = useQuery({ queryKey: ['my-listings', session?.userId], enabled: Boolean(session), queryFn: async () => ok(await api.GET('/v1/me/listings', { params: { query: { limit: 200 } } })).items });
  const [error, setError] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: async ({ id, version, to }: { id: string; version: number; to: Status | 'publish' }) => {
      if (to === 'publish') ok(await api.POST('/v1/listings/{id}/publish', { params: { path: { id } } }));
      else ok(await api.POST('/v1/listings/{id}/status', { params: { path: { id } }, body: { status: to, version } }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['my-listings'] }),
    onError: (e) => setError(e.message),
  });
  if (!session) return null;
  const items = mine.data ?? [];
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="mb-4 text-2xl font-bold">{t('web.myListings')}</h1>
      {error && (
        <p role="alert" className="mb-3 rounded bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      {mine.isPending ? (
        <p>{t('ui.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('web.desk.empty')}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th className="py-2">{t('web.desk.listing')}</th>
              <th>{t('price.label')}</th>
              <th>{t('web.desk.status')}</th>
              <th>{t('web.desk.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((listing) => (
              <tr key={listing.id} className="border-b border-slate-100 align-top dark:border-slate-800">
                <td className="py-2 pr-2">{listingTitle(listing, locale)}</td>
                <td className="pr-2">{formatPrice(listing.price, locale, { perMonth: listing.transaction === 'rent' })}</td>
                <td className="pr-2">{t(`status.${listing.status}` as MessageKey)}</td>
                <td className="flex flex-wrap gap-2 py-2">
                  {listing.status === 'draft' && (
                    <button type="button" className="rounded bg-brand-700 px-2 py-1 text-white" disabled={act.isPending} onClick={() => act.mutate({ id: listing.id, version: listing.version, to: 'publish' })}>
                      {t('web.publish')}
                    </button>
                  )}
                  {[...NEXT[listing.status], ...(listing.status === 'published' || listing.status === 'under_offer' ? [listing.transaction === 'rent' ? 'rented' : 'sold'] : [])].map((to) => (
                    <button key={to} type="button" className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600" disabled={act.isPending} onClick={() => act.mutate({ id: listing.id, version: listing.version, to: to as Status })}>
                      {t('web.markAs', { status: t(`status.${to}` as MessageKey) })}
                    </button>
                  ))}
                  {(listing.status === 'published' || listing.status === 'under_offer') && (
                    <Link href={`/${locale}/listing/${listing.id}`} className="px-2 py-1 underline">
                      {t('web.view')}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
