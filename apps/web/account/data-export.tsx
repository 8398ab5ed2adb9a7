'use client';
import { useMutation } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useT } from '../i18n/use-locale.ts';
import { FormError, primaryButton, problemMessage, sectionClass } from './field.tsx';

/**
 * "Download my data": the export needs the bearer token, so a plain link
 * cannot fetch it; the file is fetched, then handed to the browser as a
 * download under the server's file name.
 */
export function DataExport({ userId }: { userId: string }) {
  const t = useT();
  const download = useMutation({
    mutationFn: async () => {
      const answer = await api.GET('/v1/users/{id}/export', { params: { path: { id: userId }, query: { format: 'json' } }, parseAs: 'blob' });
      const blob = ok(answer) as Blob;
      const named = /filename="([^"]+)"/.exec(answer.response.headers.get('content-disposition') ?? '')?.[1];
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = named ?? `immo-export-${userId}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  return (
    <section aria-labelledby="export" className={sectionClass}>
      <h2 id="export" className="mb-2 text-lg font-semibold">
        {t('account.export.title')}
      </h2>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">{t('account.export.hint')}</p>
      <button type="button" className={primaryButton} disabled={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? t('ui.loading') : t('account.export.button')}
      </button>
      <FormError message={problemMessage(download.error, t('ui.error'))} />
    </section>
  );
}
