'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../i18n/use-locale.ts';
import { useSession, type Session } from './session-store.ts';

/** Whether the persisted session has been read (it lives in localStorage, so never during the first render). */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * The session of a page that needs one. Until the stored session is read
 * this is null and nothing is redirected; afterwards a visitor is sent to
 * sign in and brought back to `path` (the page without its locale; default:
 * this very page with its query). A session that ends while the page is open
 * (signed out, account deleted) leads home instead.
 */
export function useSignedIn(path?: string): Session | null {
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const session = useSession((s) => s.session);
  const hydrated = useHydrated();
  const hadSession = useRef(false);
  useEffect(() => {
    if (!hydrated) return;
    if (session) hadSession.current = true;
    else if (hadSession.current) router.replace(`/${locale}`);
    else {
      const back = path === undefined ? `${pathname}${window.location.search}` : `/${locale}${path}`;
      router.replace(`/${locale}/account/login?next=${encodeURIComponent(back)}`);
    }
  }, [hydrated, session, locale, path, pathname, router]);
  return hydrated ? session : null;
}
