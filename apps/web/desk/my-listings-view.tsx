'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatPrice, type MessageKey } from '@immo/i18n';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { listingTitle } from '../listing/listing-title.ts';
import { PublishRefusal } from './publish-refusal.tsx';
import { StatusActions } from './status-actions.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';

/** The advertiser's desk: my listings and my agencies', with edit, publish and lifecycle actions. */
export function MyListingsView() {
  const locale = useLocale();
  const t = useT();
  const session = useSignedIn();
  const client = useQueryClient();
  const mine = useQuery({ queryKey: ['my-listings', session?.userId], enabled: Boolean(session), queryFn: async () => ok(await api.GET('/v1/me/listings', { params: { query: { limit: 200 } } })).items });
  const [error, setError] = useState<unknown>(null);
  if (!session) return null;
  const items = mine.data ?? [];
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('web.myListings')}</h1>
        <Link href={`/${locale}/desk/new`} className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {t('desk.nav.new')}
        </Link>
      </div>
      {error !== null && (
        <div className="mb-3">
          <PublishRefusal error={error} />
        </div>
      )}
      {mine.error && <PublishRefusal error={mine.error} />}
      {mine.isPending ? (
        <p>{t('ui.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('web.desk.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
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
              {items.map((listing) => {
                const editable = listing.status === 'draft' || listing.status === 'published' || listing.status === 'under_offer';
                const live = listing.status === 'published' || listing.status === 'under_offer';
                return (
                  <tr key={listing.id} className="border-b border-slate-100 align-top dark:border-slate-800">
                    <td className="py-2 pr-2">{listingTitle(listing, locale)}</td>
                    <td className="pr-2 whitespace-nowrap">{formatPrice(listing.price, locale, { perMonth: listing.transaction === 'rent' })}</td>
                    <td className="pr-2">{t(`status.${listing.status}` as MessageKey)}</td>
                    <td className="flex flex-wrap items-center gap-2 py-2">
                      {editable && (
                        <Link href={`/${locale}/desk/${listing.id}/edit`} className="rounded border border-slate-300 px-3 py-1 dark:border-slate-600">
                          {t('ui.edit')}
                          <span className="sr-only"> {listingTitle(listing, locale)}</span>
                        </Link>
                      )}
                      <StatusActions listing={listing} onChanged={() => void client.invalidateQueries({ queryKey: ['my-listings'] })} onError={setError} />
                      {live && (
                        <Link href={`/${locale}/listing/${listing.id}`} className="px-2 py-1 underline">
                          {t('web.view')}
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
