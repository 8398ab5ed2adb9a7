'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { formatDateTime, type MessageKey } from '@immo/i18n';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { FormError, problemMessage, sectionClass } from './field.tsx';

const PURPOSES = [
  { key: 'analytics', recorded: 'analytics', label: 'account.consent.analytics' },
  { key: 'marketing', recorded: 'marketing', label: 'account.consent.marketing' },
  { key: 'partnerSharing', recorded: 'partner_sharing', label: 'account.consent.partnerSharing' },
] as const satisfies readonly { key: string; recorded: string; label: MessageKey }[];
type Purpose = (typeof PURPOSES)[number]['key'];

/** Each consent as a switch (PUT /v1/users/{id}/consents), with the dated history of choices. */
export function ConsentSwitches({ userId }: { userId: string }) {
  const locale = useLocale();
  const t = useT();
  const queries = useQueryClient();
  const key = ['consents', userId];
  const consents = useQuery({ queryKey: key, queryFn: async () => ok(await api.GET('/v1/users/{id}/consents', { params: { path: { id: userId } } })) });
  const change = useMutation({
    mutationFn: async (patch: Partial<Record<Purpose, boolean>>) => ok(await api.PUT('/v1/users/{id}/consents', { params: { path: { id: userId } }, body: patch })),
    onSuccess: (answer) => queries.setQueryData(key, answer),
  });
  const labelOf = (recorded: string) => t(PURPOSES.find((p) => p.recorded === recorded)?.label ?? 'account.consents.title');
  return (
    <section aria-labelledby="consents" className={sectionClass}>
      <h2 id="consents" className="mb-3 text-lg font-semibold">
        {t('account.consents.title')}
      </h2>
      {!consents.data ? (
        <p>{consents.isError ? t('ui.error') : t('ui.loading')}</p>
      ) : (
        <>
          <ul className="flex flex-col gap-3">
            {PURPOSES.map(({ key: purpose, label }) => {
              const on = consents.data.current[purpose];
              return (
                <li key={purpose} className="flex items-center justify-between gap-4">
                  <span id={`consent-${purpose}`}>{t(label)}</span>
                  <button
                    type="button"
                    role="switch"
                    aria-checked={on}
                    aria-labelledby={`consent-${purpose}`}
                    disabled={change.isPending}
                    onClick={() => change.mutate({ [purpose]: !on })}
                    className={`relative inline-flex h-7 w-12 shrink-0 items-center rounded-full border-2 transition-colors ${on ? 'border-brand-700 bg-brand-700' : 'border-slate-500 bg-slate-200 dark:bg-slate-700'}`}
                  >
                    <span aria-hidden="true" className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${on ? 'translate-x-5' : 'translate-x-0.5'}`} />
                  </button>
                </li>
              );
            })}
          </ul>
          <FormError message={problemMessage(change.error, t('ui.error'))} />
          <h3 className="mt-5 mb-2 font-semibold">{t('account.consents.history')}</h3>
          {consents.data.history.length === 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">{t('account.consents.noHistory')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm" data-testid="consent-history">
              {[...consents.data.history].reverse().map((entry, i) => (
                <li key={`${entry.recordedAt}-${entry.purpose}-${i}`}>
                  <time dateTime={entry.recordedAt} className="text-slate-700 dark:text-slate-300">
                    {formatDateTime(entry.recordedAt, locale)}
                  </time>{' '}
                  — {t('account.consents.entry', { purpose: labelOf(entry.purpose), state: entry.granted ? t('account.consents.granted') : t('account.consents.withdrawn') })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
