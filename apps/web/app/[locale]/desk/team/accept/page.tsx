import type { Metadata } from 'next';
import { Suspense } from 'react';
import { t } from '@immo/i18n';
import { AcceptInvitationView } from '../../../../../desk/accept-invitation-view.tsx';
import { routeLocale, type LocaleParams } from '../../../../../i18n/locale-params.ts';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await routeLocale(params);
  return { title: t(locale, 'desk.accept.title'), robots: { index: false } };
}

export default function Page() {
  return (
    <Suspense>
      <AcceptInvitationView />
    </Suspense>
  );
}
