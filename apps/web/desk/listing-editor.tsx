'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import type { MessageKey } from '@immo/i18n';
import { api } from '../api/browser-client.ts';
import type { Listing } from '../api/shapes.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { listingTitle } from '../listing/listing-title.ts';
import { ListingForm } from './listing-form.tsx';
import { useMyAgencies } from './my-agencies.ts';
import { PhotosPanel } from './photos-panel.tsx';
import { ProblemNotice } from './problem-notice.tsx';
import { PublishRefusal } from './publish-refusal.tsx';
import { StatusActions } from './status-actions.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';

/** /desk/new: the form alone; once created, the listing opens in its editor for photos and publishing. */
export function NewListingView() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const session = useSignedIn();
  const agencies = useMyAgencies(session);
  if (!session || agencies.isPending) return <p className="px-4 py-8">{t('ui.loading')}</p>;
  return (
    <div className="mx-auto max-w-4xl px-4 py-6">
      <h1 className="mb-4 text-2xl font-bold">{t('desk.new.title')}</h1>
      {agencies.error && <ProblemNotice error={agencies.error} />}
      <ListingForm agencies={agencies.data ?? []} onSaved={(listing) => router.push(`/${locale}/desk/${listing.id}/edit?created=1`)} />
    </div>
  );
}

/** /desk/[id]/edit: the form, the photos and the status moves of one listing. */
export function ListingEditor({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const session = useSignedIn();
  const client = useQueryClient();
  const agencies = useMyAgencies(session);
  const read = useQuery({ queryKey: ['desk-listing', id], enabled: Boolean(session), queryFn: async () => ok(await api.GET('/v1/listings/{id}', { params: { path: { id } } })) });
  // the form restarts from the server's copy when it is read again after a 409
  const [generation, setGeneration] = useState(0);
  const [statusError, setStatusError] = useState<unknown>(null);
  const changed = useCallback(
    (listing: Listing) => {
      client.setQueryData(['desk-listing', id], listing);
      void client.invalidateQueries({ queryKey: ['my-listings'] });
    },
    [client, id],
  );
  const reload = async () => {
    await read.refetch();
    setGeneration((g) => g + 1);
  };
  if (!session || read.isPending || agencies.isPending) return <p className="px-4 py-8">{t('ui.loading')}</p>;
  if (read.error || !read.data) return <div className="mx-auto max-w-4xl px-4 py-6"><ProblemNotice error={read.error} /></div>;
  const listing = read.data as Listing;
  const live = listing.status === 'published' || listing.status === 'under_offer';
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-6">
      <div>
        <h1 className="text-2xl font-bold">{t('desk.edit.title', { title: listingTitle(listing, locale) })}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <span className="rounded-full bg-slate-100 px-2.5 py-0.5 font-medium dark:bg-slate-800">{t(`status.${listing.status}` as MessageKey)}</span>
          {live && (
            <Link href={`/${locale}/listing/${listing.id}`} className="underline">
              {t('web.view')}
            </Link>
          )}
        </div>
      </div>
      <section aria-labelledby="status-title" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
        <h2 id="status-title" className="mb-2 text-lg font-semibold">
          {t('desk.edit.status')}
        </h2>
        {statusError !== null && (
          <div className="mb-3">
            <PublishRefusal error={statusError} />
          </div>
        )}
        <StatusActions listing={listing} onChanged={changed} onError={setStatusError} />
      </section>
      <PhotosPanel listing={listing} onListingChanged={changed} />
      <ListingForm key={`${listing.id}:${generation}`} listing={listing} agencies={agencies.data ?? []} onSaved={changed} onReload={() => void reload()} />
    </div>
  );
}
