import type { Metadata } from 'next';
import { t } from '@immo/i18n';
import { AvailabilityView } from '../../../../conversations/availability-view.tsx';
import { routeLocale, type LocaleParams } from '../../../../i18n/locale-params.ts';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await routeLocale(params);
  return { title: t(locale, 'conversations.availability.title'), robots: { index: false } };
}

export default function Page() {
  return <AvailabilityView />;
}
