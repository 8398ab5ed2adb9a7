'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';

/** Where the mailed link lands: the token is sent once, and the page says how it went. */
export function EmailVerification() {
  const locale = useLocale();
  const t = useT();
  const token = useSearchParams()?.get('token') ?? '';
  const queries = useQueryClient();
  const verify = useMutation({
    mutationFn: async () => ok(await api.POST('/v1/auth/verify-email', { body: { token } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['me'] }),
  });
  const { mutate } = verify;
  useEffect(() => {
    if (token) mutate();
  }, [token, mutate]);
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="mb-4 text-2xl font-bold">{t('account.verify.title')}</h1>
      <p role="status" className={verify.isError || !token ? 'text-red-700 dark:text-red-300' : ''}>
        {verify.isSuccess ? t('account.verify.done') : verify.isError || !token ? t('account.verify.failed') : t('ui.loading')}
      </p>
      {verify.isSuccess && (
        <Link href={`/${locale}/account`} className="mt-6 inline-block rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t('account.verify.continue')}
        </Link>
      )}
    </div>
  );
}
