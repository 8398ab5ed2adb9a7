import type { Metadata } from 'next';
import { t } from '@immo/i18n';
import { AccountView } from '../../../account/account-view.tsx';
import { routeLocale, type LocaleParams } from '../../../i18n/locale-params.ts';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await routeLocale(params);
  return { title: t(locale, 'web.account'), robots: { index: false } };
}

export default function Page() {
  return <AccountView />;
}
