'use client';
import { useEffect, useState } from 'react';
import { usePathname, useRouter } from 'next/navigation';
import { useSession, type Session } from '../account/session-store.ts';
import { useLocale } from '../i18n/use-locale.ts';

/** The session once the stored one is read; someone signed out is sent to sign in and brought back here. */
export function useSignedIn(): Session | null {
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const session = useSession((s) => s.session);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (!hydrated || session) return;
    const here = `${pathname}${window.location.search}`;
    router.replace(`/${locale}/account/login?next=${encodeURIComponent(here)}`);
  }, [hydrated, session, locale, router, pathname]);
  return hydrated ? session : null;
}
