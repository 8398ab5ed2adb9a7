'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { useSession } from './session-store.ts';

export function AccountView() {
  const locale = useLocale();
  const t = useT();
  const router = useRouter();
  const session = useSession((s) => s.session);
  const signOut = useSession((s) => s.signOut);
  // the session is read from localStorage after the first render
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (hydrated && !session) router.replace(`/${locale}/account/login?next=/${locale}/account`);
  }, [hydrated, session, locale, router]);
  const me = useQuery({ queryKey: ['me', session?.userId], enabled: Boolean(session), queryFn: async () => ok(await api.GET('/v1/auth/me')) });
  if (!session) return null;
  const name = me.data?.account.displayName ?? me.data?.account.email ?? session.email;
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t('web.account')}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{t('web.signedInAs', { name })}</p>
      <ul className="mt-6 flex flex-col gap-2">
        <li>
          <Link href={`/${locale}/account/favourites`} className="underline">
            {t('ui.favourites')}
          </Link>
        </li>
        <li>
          <Link href={`/${locale}/desk`} className="underline">
            {t('web.myListings')}
          </Link>
        </li>
      </ul>
      <button
        type="button"
        className="mt-8 rounded-lg border border-slate-300 px-4 py-2 dark:border-slate-600"
        onClick={() => {
          const refreshToken = session.refreshToken;
          signOut();
          void api.POST('/v1/auth/logout', { body: { refreshToken } }).catch(() => undefined);
          router.push(`/${locale}`);
        }}
      >
        {t('ui.signOut')}
      </button>
    </div>
  );
}
