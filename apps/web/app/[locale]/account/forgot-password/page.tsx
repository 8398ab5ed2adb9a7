import type { Metadata } from 'next';
import { Suspense } from 'react';
import { t } from '@immo/i18n';
import { ForgotPasswordForm } from '../../../../account/forgot-password-form.tsx';
import { routeLocale, type LocaleParams } from '../../../../i18n/locale-params.ts';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await routeLocale(params);
  return { title: t(locale, 'account.forgot.title'), robots: { index: false } };
}

export default function Page() {
  return (
    <Suspense>
      <ForgotPasswordForm />
    </Suspense>
  );
}
