'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useSession } from '../account/session-store.ts';
import { useHydrated } from '../account/use-signed-in.ts';
import { useT } from '../i18n/use-locale.ts';
import { SignInForListing } from './sign-in-for-listing.tsx';

export function useFavourites() {
  const session = useSession((s) => s.session);
  return useQuery({
    queryKey: ['favourites', session?.userId],
    enabled: Boolean(session),
    queryFn: async () => ok(await api.GET('/v1/users/{id}/favorites', { params: { path: { id: session!.userId } } })).favorites,
  });
}

/** ♥ on a listing: adds or removes it from the signed-in person's favourites. */
export function FavouriteButton({ listingId }: { listingId: string }) {
  const t = useT();
  const session = useSession((s) => s.session);
  const hydrated = useHydrated();
  const client = useQueryClient();
  const favourites = useFavourites();
  const saved = favourites.data?.some((f) => f.listingId === listingId) ?? false;
  const toggle = useMutation({
    mutationFn: async () => {
      const path = { id: session!.userId, listingId };
      if (saved) ok(await api.DELETE('/v1/users/{id}/favorites/{listingId}', { params: { path } }));
      else ok(await api.PUT('/v1/users/{id}/favorites/{listingId}', { params: { path } }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['favourites'] }),
  });
  if (!hydrated || !session) {
    return (
      <SignInForListing listingId={listingId}>♡ {t('web.signInToFavourite')}</SignInForListing>
    );
  }
  return (
    <button
      type="button"
      aria-pressed={saved}
      disabled={toggle.isPending || favourites.isPending}
      onClick={() => toggle.mutate()}
      className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium aria-pressed:border-red-600 aria-pressed:text-red-700 dark:border-slate-600 dark:aria-pressed:text-red-400"
    >
      {saved ? `♥ ${t('web.removeFavourite')}` : `♡ ${t('ui.addFavourite')}`}
    </button>
  );
}
