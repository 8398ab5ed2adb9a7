'use client';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { ok } from '@immo/api-client';
import { formatDateTime } from '@immo/i18n';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { FormError, problemMessage, secondaryButton } from './field.tsx';
import { notificationHref, useAdvertiserOf } from './notification-target.ts';

/** My notifications, newest first, with "mark read" one by one or all at once. */
export function NotificationList() {
  const locale = useLocale();
  const t = useT();
  const queries = useQueryClient();
  const advertiserOf = useAdvertiserOf();
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list'],
    initialPageParam: undefined as string | undefined,
    refetchOnWindowFocus: true,
    queryFn: async ({ pageParam }) => ok(await api.GET('/v1/notifications', { params: { query: { cursor: pageParam, limit: 20 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['notifications'] });
  const markOne = useMutation({ mutationFn: async (id: string) => ok(await api.POST('/v1/notifications/{id}/read', { params: { path: { id } } })), onSuccess: refresh });
  const markAll = useMutation({ mutationFn: async () => ok(await api.POST('/v1/notifications/read-all')), onSuccess: refresh });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;
  if (!list.data) return <p>{list.isError ? t('ui.error') : t('ui.loading')}</p>;
  return (
    <section aria-labelledby="notifications-list" className="mb-8">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="notifications-list" className="text-lg font-semibold" data-testid="unread-count">
          {t('account.notifications.unread', { count: unread })}
        </h2>
        {unread > 0 && (
          <button type="button" className={secondaryButton} disabled={markAll.isPending} onClick={() => markAll.mutate()}>
            {t('account.notifications.markAllRead')}
          </button>
        )}
      </div>
      <FormError message={problemMessage(markOne.error ?? markAll.error, t('ui.error'))} />
      {items.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">{t('account.notifications.empty')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {items.map((n) => (
            <li key={n.id} className={`rounded-lg border p-3 ${n.readAt ? 'border-slate-200 dark:border-slate-700' : 'border-brand-600 bg-brand-50 dark:border-sky-500 dark:bg-slate-800'}`}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="font-semibold">
                    {!n.readAt && <span className="mr-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs text-white">{t('account.notifications.new')}</span>}
                    {n.title}
                  </p>
                  <p className="text-sm">{n.body}</p>
                  <p className="text-xs text-slate-700 dark:text-slate-300">{formatDateTime(n.createdAt, locale)}</p>
                </div>
                <div className="flex gap-2 text-sm">
                  {n.url && (
                    <Link href={notificationHref(n.url, locale, advertiserOf)} prefetch={false} className="underline" onClick={() => !n.readAt && markOne.mutate(n.id)}>
                      {t('account.notifications.open')}
                    </Link>
                  )}
                  {!n.readAt && (
                    <button type="button" className="underline" onClick={() => markOne.mutate(n.id)}>
                      {t('account.notifications.markRead')}
                    </button>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button type="button" className={`${secondaryButton} mt-3 w-full`} disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('web.loadMore')}
        </button>
      )}
    </section>
  );
}
