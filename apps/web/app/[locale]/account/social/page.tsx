import type { Metadata } from 'next';
import { t } from '@immo/i18n';
import { SocialLanding } from '../../../../account/social-landing.tsx';
import { routeLocale, type LocaleParams } from '../../../../i18n/locale-params.ts';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await routeLocale(params);
  // the fragment carries tokens: no referrer leaves this page
  return { title: t(locale, 'ui.signIn'), robots: { index: false }, referrer: 'no-referrer' };
}

export default function Page() {
  return <SocialLanding />;
}
