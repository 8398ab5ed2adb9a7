'use client';
import { useState } from 'react';
import { useT } from '../i18n/use-locale.ts';

/** The system share sheet where there is one, else copies the link. */
export function ShareButton({ title }: { title: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const share = async () => {
    const url = location.href;
    if (navigator.share) await navigator.share({ title, url }).catch(() => undefined);
    else {
      await navigator.clipboard?.writeText(url);
      setCopied(true);
    }
  };
  return (
    <button type="button" onClick={() => void share()} className="rounded-lg border border-slate-300 px-4 py-2 text-sm dark:border-slate-600">
      {copied ? t('web.linkCopied') : t('ui.share')}
      <span role="status" className="sr-only">
        {copied ? t('web.linkCopied') : ''}
      </span>
    </button>
  );
}
