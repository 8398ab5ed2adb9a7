'use client';
import { useMutation } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import type { MessageKey } from '@immo/i18n';
import { api } from '../api/browser-client.ts';
import type { Listing } from '../api/shapes.ts';
import { useT } from '../i18n/use-locale.ts';
import { saveOverPhotoChanges } from './follow-listing-photos.ts';

type Status = Listing['status'];

/** What an advertiser may do next from each status (the server checks it again); sold or rented follows the transaction. */
export function nextStatuses(listing: Pick<Listing, 'status' | 'transaction'>): Status[] {
  const done: Status = listing.transaction === 'rent' ? 'rented' : 'sold';
  switch (listing.status) {
    case 'published':
      return ['under_offer', done, 'archived'];
    case 'under_offer':
      return ['published', done, 'archived'];
    case 'sold':
    case 'rented':
      return ['archived'];
    default:
      return [];
  }
}

/** Publish a draft, or move a live listing on (under offer, sold / rented, archived), with the version read (If-Match). */
export function StatusActions({ listing, onChanged, onError }: { listing: Listing; onChanged(listing: Listing): void; onError(error: unknown): void }) {
  const t = useT();
  const act = useMutation({
    mutationFn: (to: Status | 'publish') =>
      saveOverPhotoChanges(listing, async (version) => {
        if (to === 'publish') return ok(await api.POST('/v1/listings/{id}/publish', { params: { path: { id: listing.id }, header: { 'if-match': `"${version}"` } } }));
        return ok(await api.POST('/v1/listings/{id}/status', { params: { path: { id: listing.id } }, body: { status: to, version } }));
      }),
    onMutate: () => onError(null),
    onSuccess: onChanged,
    onError,
  });
  return (
    <div className="flex flex-wrap gap-2">
      {listing.status === 'draft' && (
        <button type="button" className="rounded bg-brand-700 px-3 py-1 font-medium text-white hover:bg-brand-800 disabled:opacity-60" disabled={act.isPending} onClick={() => act.mutate('publish')}>
          {t('web.publish')}
        </button>
      )}
      {nextStatuses(listing).map((to) => (
        <button key={to} type="button" className="rounded border border-slate-300 px-3 py-1 disabled:opacity-60 dark:border-slate-600" disabled={act.isPending} onClick={() => act.mutate(to)}>
          {t('web.markAs', { status: t(`status.${to}` as MessageKey) })}
        </button>
      ))}
    </div>
  );
}
