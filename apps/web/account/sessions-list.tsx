'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { formatDateTime } from '@immo/i18n';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { problemMessage, secondaryButton, sectionClass, FormError } from './field.tsx';

/** A browser or app name out of a user agent, enough to tell sessions apart. */
function deviceName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /(Firefox|Edg|Chrome|Chromium|Safari)\/[\d.]+/.exec(userAgent)?.[1]?.replace('Edg', 'Edge');
  const system = /(Windows|Android|iPhone|iPad|Mac OS X|Linux)/.exec(userAgent)?.[1]?.replace('Mac OS X', 'macOS');
  return [browser, system].filter(Boolean).join(' · ') || userAgent.slice(0, 60);
}

/** Where the account is signed in; any other session can be signed out from here. */
export function SessionsList() {
  const locale = useLocale();
  const t = useT();
  const queries = useQueryClient();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: async () => ok(await api.GET('/v1/auth/sessions')) });
  const revoke = useMutation({
    mutationFn: async (id: string) => ok(await api.DELETE('/v1/auth/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['sessions'] }),
  });
  return (
    <section aria-labelledby="sessions" className={sectionClass}>
      <h2 id="sessions" className="mb-3 text-lg font-semibold">
        {t('account.sessions.title')}
      </h2>
      {sessions.isPending && <p>{t('ui.loading')}</p>}
      <ul className="flex flex-col divide-y divide-slate-200 dark:divide-slate-700">
        {sessions.data?.sessions.map((s) => {
          const device = deviceName(s.userAgent) ?? t('account.sessions.unknownDevice');
          return (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div>
                <p className="font-medium">
                  {device}
                  {s.current && <span className="ml-2 rounded bg-emerald-100 px-2 py-0.5 text-xs text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">{t('account.sessions.current')}</span>}
                </p>
                <p className="text-sm text-slate-700 dark:text-slate-300">{t('account.sessions.lastUsed', { date: formatDateTime(s.lastUsedAt, locale) })}</p>
              </div>
              {!s.current && (
                <button type="button" className={secondaryButton} disabled={revoke.isPending} onClick={() => revoke.mutate(s.id)} aria-label={`${t('account.sessions.signOut')} — ${device}`}>
                  {t('account.sessions.signOut')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <FormError message={problemMessage(revoke.error ?? sessions.error, t('ui.error'))} />
    </section>
  );
}
