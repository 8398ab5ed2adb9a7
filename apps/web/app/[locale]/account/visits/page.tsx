import type { Metadata } from 'next';
import { t } from '@immo/i18n';
import { VisitsView } from '../../../../conversations/visits-view.tsx';
import { AccountNav } from '../../../../account/account-nav.tsx';
import { routeLocale, type LocaleParams } from '../../../../i18n/locale-params.ts';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await routeLocale(params);
  return { title: t(locale, 'conversations.visits.title'), robots: { index: false } };
}

export default function Page() {
  return (
    <>
      <div className="mx-auto max-w-3xl px-4 pt-6">
        <AccountNav />
      </div>
      <VisitsView />
    </>
  );
}
