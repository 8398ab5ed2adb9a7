'use client';
import { formatNumber } from '@immo/i18n';
import { useLocale, useT } from '../i18n/use-locale.ts';
import type { Message } from './api-shapes.ts';

type Attachment = Message['attachments'][number];

/** A file's weight as Belgians write it: "12 Ko", "1,4 Mo". */
export function useFileSize() {
  const t = useT();
  const locale = useLocale();
  return (bytes: number) =>
    bytes < 1024 * 1024
      ? t('conversations.attachment.kb', { size: formatNumber(Math.max(1, Math.round(bytes / 1024)), locale) })
      : t('conversations.attachment.mb', { size: formatNumber(bytes / 1024 / 1024, locale, 1) });
}

/** A message's files: photos as thumbnails opening the full image, PDFs as a download link (signed URLs, 15 minutes). */
export function MessageAttachments({ attachments }: { attachments: Attachment[] }) {
  const t = useT();
  const size = useFileSize();
  if (attachments.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-2" data-testid="attachments">
      {attachments.map((a) =>
        !a.url ? null : a.contentType.startsWith('image/') ? (
          <li key={a.id}>
            <a
              href={a.url}
              target="_blank"
              rel="noopener"
              aria-label={t('conversations.attachment.image', { name: a.filename })}
              className="block overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700"
            >
              <img src={a.url} alt={a.filename} className="h-32 w-auto max-w-full object-cover" />
            </a>
          </li>
        ) : (
          <li key={a.id}>
            <a
              href={a.url}
              download={a.filename}
              className="flex items-center gap-1 rounded-lg border border-slate-200 px-3 py-2 text-sm underline dark:border-slate-700"
            >
              {t('conversations.attachment.pdf', { name: a.filename, size: size(a.size) })}
            </a>
          </li>
        ),
      )}
    </ul>
  );
}
