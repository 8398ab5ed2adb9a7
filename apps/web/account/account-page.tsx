'use client';
import type { ReactNode } from 'react';
import { AccountNav } from './account-nav.tsx';
import type { Session } from './session-store.ts';
import { useSignedIn } from './use-signed-in.ts';

/** Frame of a signed-in account page: its title, the account navigation, then the page's sections. */
export function AccountPage({ title, path, children }: { title: string; path: string; children: (session: Session) => ReactNode }) {
  const session = useSignedIn(path);
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="mb-4 text-2xl font-bold">{title}</h1>
      <AccountNav />
      {session && children(session)}
    </div>
  );
}
