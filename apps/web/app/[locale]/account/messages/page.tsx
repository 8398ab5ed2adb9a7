import type { Metadata } from 'next';
import { Suspense } from 'react';
import { t } from '@immo/i18n';
import { InboxView } from '../../../../conversations/inbox-view.tsx';
import { AccountNav } from '../../../../account/account-nav.tsx';
import { routeLocale, type LocaleParams } from '../../../../i18n/locale-params.ts';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await routeLocale(params);
  return { title: t(locale, 'conversations.messages.title'), robots: { index: false } };
}

export default async function Page({ params }: LocaleParams) {
  const locale = await routeLocale(params);
  return (
    <>
      <div className="mx-auto max-w-6xl px-4 pt-6">
        <AccountNav />
      </div>
      <Suspense>
        <InboxView side="seeker" path="/account/messages" title={t(locale, 'conversations.messages.title')} />
      </Suspense>
    </>
  );
}
