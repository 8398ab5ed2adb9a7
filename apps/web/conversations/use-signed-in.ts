'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useSession, type Session } from '../account/session-store.ts';
import { useLocale } from '../i18n/use-locale.ts';

/** The session of a signed-in page; a signed-out visitor is sent to log in and brought back to `path` (after /[locale]). */
export function useSignedIn(path: string): Session | null {
  const locale = useLocale();
  const router = useRouter();
  const session = useSession((s) => s.session);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (hydrated && !session)
      router.replace(`/${locale}/account/login?next=${encodeURIComponent(`/${locale}${path}`)}`);
  }, [hydrated, session, locale, path, router]);
  return hydrated ? session : null;
}

/** Whether the persisted session has been read (links for signed-out visitors only show after that). */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
