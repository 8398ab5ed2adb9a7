'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useSession } from '../account/session-store.ts';
import { UnreadBadge } from '../account/unread-badge.tsx';
import { useLocale, useT } from '../i18n/use-locale.ts';

export function AccountLink() {
  const locale = useLocale();
  const t = useT();
  const session = useSession((s) => s.session);
  // the session lives in localStorage: render the signed-out link until hydrated
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const signedIn = hydrated && session;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <Link href={`/${locale}/account/favourites`} className="hover:underline">
        {t('ui.favourites')}
      </Link>
      {signedIn && <UnreadBadge />}
      {signedIn ? (
        <Link href={`/${locale}/account`} className="rounded-md bg-slate-100 px-3 py-1.5 dark:bg-slate-800">
          {t('web.account')}
        </Link>
      ) : (
        <Link href={`/${locale}/account/login`} className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">
          {t('ui.signIn')}
        </Link>
      )}
    </div>
  );
}
