'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { Field, FormError, formProblem, inputClass, primaryButton } from './field.tsx';

/**
 * Asks for a reset link. The server answers the same whatever the address
 * (so nobody learns who has an account), and the page says so.
 */
export function ForgotPasswordForm() {
  const locale = useLocale();
  const t = useT();
  const ask = useMutation({
    mutationFn: async (email: string) => {
      ok(await api.POST('/v1/auth/password/forgot', { body: { email } }));
      return email;
    },
  });
  const problem = formProblem(ask.error, ['email'], t('ui.error'));
  return (
    <div className="mx-auto max-w-sm px-4 py-10">
      <h1 className="mb-4 text-2xl font-bold">{t('account.forgot.title')}</h1>
      {ask.isSuccess ? (
        <p role="status" className="rounded-md bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          {t('account.forgot.sent', { email: ask.data })}
        </p>
      ) : (
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            ask.mutate(String(new FormData(event.currentTarget).get('email') ?? '').trim());
          }}
        >
          <p className="text-sm text-slate-700 dark:text-slate-300">{t('account.forgot.hint')}</p>
          <Field id="email" label={t('web.email')} error={problem.email}>
            <input id="email" name="email" type="email" required autoComplete="email" className={inputClass} aria-describedby={problem.email ? 'email-error' : undefined} />
          </Field>
          <FormError message={problem.form} />
          <button type="submit" disabled={ask.isPending} className={`${primaryButton} py-2.5`}>
            {ask.isPending ? t('ui.loading') : t('account.forgot.send')}
          </button>
        </form>
      )}
      <p className="mt-6 text-sm">
        <Link href={`/${locale}/account/login`} className="font-medium underline">
          {t('account.forgot.back')}
        </Link>
      </p>
    </div>
  );
}
