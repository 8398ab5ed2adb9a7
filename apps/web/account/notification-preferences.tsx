'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import type { MessageKey } from '@immo/i18n';
import { api } from '../api/browser-client.ts';
import { useT } from '../i18n/use-locale.ts';
import { Done, FormError, inputClass, problemMessage, secondaryButton, sectionClass } from './field.tsx';

const CHANNELS = ['in_app', 'email', 'push', 'sms'] as const;
type Channel = (typeof CHANNELS)[number];
type Channels = Record<string, Partial<Record<Channel, boolean>>>;
type Patch = { channels?: Channels; dailyDigest?: boolean; quietHours?: { start: string; end: string } | null };

/** Per kind and channel (GET/PUT /v1/notifications/preferences), the daily digest and quiet hours. */
export function NotificationPreferences() {
  const t = useT();
  const queries = useQueryClient();
  const key = ['notifications', 'preferences'];
  const prefs = useQuery({ queryKey: key, queryFn: async () => ok(await api.GET('/v1/notifications/preferences')) });
  const change = useMutation({
    mutationFn: async (patch: Patch) => ok(await api.PUT('/v1/notifications/preferences', { body: patch })),
    onSuccess: (answer) => queries.setQueryData(key, answer),
  });
  if (!prefs.data) return <p>{prefs.isError ? t('ui.error') : t('ui.loading')}</p>;
  const channels = prefs.data.channels as Channels;
  const quiet = prefs.data.quietHours;
  return (
    <section aria-labelledby="preferences" className={sectionClass}>
      <h2 id="preferences" className="mb-3 text-lg font-semibold">
        {t('account.prefs.title')}
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 pr-2">
                {t('account.prefs.kind')}
              </th>
              {CHANNELS.map((channel) => (
                <th key={channel} scope="col" className="px-2 py-1 text-center whitespace-nowrap">
                  {t(`account.prefs.channel.${channel}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Object.keys(channels).map((kind) => (
              <tr key={kind} className="border-t border-slate-200 dark:border-slate-700">
                <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                  {t(`account.kind.${kind}` as MessageKey)}
                </th>
                {CHANNELS.map((channel) => (
                  <td key={channel} className="px-2 text-center">
                    <input
                      type="checkbox"
                      className="h-4 w-4"
                      aria-label={`${t(`account.kind.${kind}` as MessageKey)} — ${t(`account.prefs.channel.${channel}`)}`}
                      checked={channels[kind]?.[channel] ?? false}
                      disabled={change.isPending}
                      onChange={(e) => change.mutate({ channels: { [kind]: { [channel]: e.target.checked } } })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <label className="mt-4 flex items-center gap-2">
        <input type="checkbox" className="h-4 w-4" checked={prefs.data.dailyDigest} disabled={change.isPending} onChange={(e) => change.mutate({ dailyDigest: e.target.checked })} />
        {t('account.prefs.dailyDigest')}
      </label>
      <form
        className="mt-4 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const start = String(form.get('start') ?? '');
          const end = String(form.get('end') ?? '');
          change.mutate({ quietHours: start && end ? { start, end } : null });
        }}
      >
        <fieldset className="flex flex-wrap items-end gap-3">
          <legend className="mb-1 text-sm font-medium">{t('account.prefs.quietHours')}</legend>
          <label className="text-sm">
            {t('account.prefs.quietFrom')}
            <input name="start" type="time" defaultValue={quiet?.start ?? ''} className={`${inputClass} mt-1 w-32`} />
          </label>
          <label className="text-sm">
            {t('account.prefs.quietTo')}
            <input name="end" type="time" defaultValue={quiet?.end ?? ''} className={`${inputClass} mt-1 w-32`} />
          </label>
        </fieldset>
        <button type="submit" className={secondaryButton} disabled={change.isPending}>
          {t('ui.save')}
        </button>
      </form>
      <div className="mt-2">
        <FormError message={problemMessage(change.error, t('ui.error'))} />
        {change.isSuccess && <Done>{t('account.saved')}</Done>}
      </div>
    </section>
  );
}
