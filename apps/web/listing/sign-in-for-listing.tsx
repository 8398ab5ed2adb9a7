'use client';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useLocale } from '../i18n/use-locale.ts';

/** What a signed-out visitor sees instead of a listing page's action: a link to sign in that brings them back here. */
export function SignInForListing({ listingId, children }: { listingId: string; children: ReactNode }) {
  const locale = useLocale();
  return (
    <Link href={`/${locale}/account/login?next=${encodeURIComponent(`/${locale}/listing/${listingId}`)}`} className="rounded-lg border border-slate-300 px-4 py-2 text-sm dark:border-slate-600">
      {children}
    </Link>
  );
}
