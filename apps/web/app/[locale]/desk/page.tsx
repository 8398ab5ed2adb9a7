import type { Metadata } from 'next';
import { t } from '@immo/i18n';
import { MyListingsView } from '../../../desk/my-listings-view.tsx';
import { routeLocale, type LocaleParams } from '../../../i18n/locale-params.ts';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await routeLocale(params);
  return { title: t(locale, 'web.myListings'), robots: { index: false } };
}

export default function Page() {
  return <MyListingsView />;
}
