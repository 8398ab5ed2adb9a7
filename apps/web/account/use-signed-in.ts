'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../i18n/use-locale.ts';
import { useSession, type Session } from './session-store.ts';

/**
 * The session of a page that needs one. The session is read from
 * localStorage after the first render, so until then this is null and
 * nothing is redirected; afterwards a visitor is sent to sign in and
 * brought back to `path` (the page without its locale). A session that ends
 * while the page is open (signed out, account deleted) leads home instead.
 */
export function useSignedIn(path: string): Session | null {
  const locale = useLocale();
  const router = useRouter();
  const session = useSession((s) => s.session);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const hadSession = useRef(false);
  useEffect(() => {
    if (!hydrated) return;
    if (session) hadSession.current = true;
    else if (hadSession.current) router.replace(`/${locale}`);
    else router.replace(`/${locale}/account/login?next=${encodeURIComponent(`/${locale}${path}`)}`);
  }, [hydrated, session, locale, path, router]);
  return hydrated ? session : null;
}
