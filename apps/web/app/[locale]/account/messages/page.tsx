import type { Metadata } from 'next';
import { Suspense } from 'react';
import { t } from '@immo/i18n';
import { InboxView } from '../../../../conversations/inbox-view.tsx';
import { routeLocale, type LocaleParams } from '../../../../i18n/locale-params.ts';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await routeLocale(params);
  return { title: t(locale, 'conversations.messages.title'), robots: { index: false } };
}

export default async function Page({ params }: LocaleParams) {
  const locale = await routeLocale(params);
  return (
    <Suspense>
      <InboxView side="seeker" path="/account/messages" title={t(locale, 'conversations.messages.title')} />
    </Suspense>
  );
}
