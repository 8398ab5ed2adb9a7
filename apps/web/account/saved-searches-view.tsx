'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ok } from '@immo/api-client';
import { formatDate, formatDateTime, formatPrice } from '@immo/i18n';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { AccountPage } from './account-page.tsx';
import { FormError, problemMessage, secondaryButton } from './field.tsx';
import { savedSearchQueryString } from './saved-search-query.ts';

/** My saved searches: their alert mode, a link to run each, its matches, delete. */
export function SavedSearchesView() {
  const t = useT();
  return (
    <AccountPage title={t('account.searches.title')} path="/account/searches">
      {() => <SavedSearches />}
    </AccountPage>
  );
}

function SavedSearches() {
  const locale = useLocale();
  const t = useT();
  const queries = useQueryClient();
  const saved = useQuery({ queryKey: ['saved-searches'], queryFn: async () => ok(await api.GET('/v1/saved-searches')) });
  const remove = useMutation({
    mutationFn: async (id: string) => ok(await api.DELETE('/v1/saved-searches/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['saved-searches'] }),
  });
  if (!saved.data) return <p>{saved.isError ? t('ui.error') : t('ui.loading')}</p>;
  if (saved.data.items.length === 0) return <p className="text-slate-700 dark:text-slate-300">{t('account.searches.empty')}</p>;
  return (
    <>
      <FormError message={problemMessage(remove.error, t('ui.error'))} />
      <ul className="flex flex-col gap-3">
        {saved.data.items.map((search) => (
          <li key={search.id} className="rounded-xl border border-slate-200 p-4 dark:border-slate-700" data-testid="saved-search">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <h2 className="text-lg font-semibold">{search.name}</h2>
                <p className="text-sm text-slate-700 dark:text-slate-300">
                  {t('account.searches.alertMode', { mode: t(`account.alert.${search.alert}`) })} · {t('account.searches.savedOn', { date: formatDate(search.createdAt, locale) })}
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                <Link href={`/${locale}/search?${savedSearchQueryString(search.query)}`} className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                  {t('account.searches.run')}
                </Link>
                <button type="button" className={secondaryButton} disabled={remove.isPending} onClick={() => remove.mutate(search.id)} aria-label={t('account.searches.delete', { name: search.name })}>
                  {t('ui.delete')}
                </button>
              </div>
            </div>
            <Matches id={search.id} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** GET /v1/saved-searches/{id}/matches, fetched when the person opens them. */
function Matches({ id }: { id: string }) {
  const locale = useLocale();
  const t = useT();
  const [open, setOpen] = useState(false);
  const matches = useQuery({ queryKey: ['saved-searches', id, 'matches'], enabled: open, queryFn: async () => ok(await api.GET('/v1/saved-searches/{id}/matches', { params: { path: { id } } })) });
  return (
    <div className="mt-2">
      <button type="button" className="text-sm underline" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('account.searches.hideMatches') : t('account.searches.showMatches')}
      </button>
      {open && (
        <div className="mt-2">
          {!matches.data ? (
            <p className="text-sm">{matches.isError ? t('ui.error') : t('ui.loading')}</p>
          ) : matches.data.items.length === 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">{t('account.searches.noMatches')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {matches.data.items.map((match) => (
                <li key={match.id}>
                  <Link href={`/${locale}/listing/${match.listingId}`} className="underline">
                    {t(`account.searches.match.${match.reason}`)} — {formatPrice(match.price, locale)}
                  </Link>{' '}
                  <span className="text-slate-700 dark:text-slate-300">{formatDateTime(match.createdAt, locale)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
