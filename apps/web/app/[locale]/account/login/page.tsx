import type { Metadata } from 'next';
import { Suspense } from 'react';
import { t } from '@immo/i18n';
import { AuthForm } from '../../../../account/auth-form.tsx';
import { routeLocale, type LocaleParams } from '../../../../i18n/locale-params.ts';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await routeLocale(params);
  return { title: t(locale, 'ui.signIn'), robots: { index: false } };
}

export default function Page() {
  return (
    <Suspense>
      <AuthForm mode="login" />
    </Suspense>
  );
}
