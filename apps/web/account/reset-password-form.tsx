'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { Field, FormError, formProblem, inputClass, primaryButton } from './field.tsx';
import { useSession } from './session-store.ts';

/**
 * Where the mailed reset link lands: the new password twice. The server's
 * reason for refusing it (too short, too common...) shows under the field;
 * once set, every session has ended, so the person signs in again.
 */
export function ResetPasswordForm() {
  const locale = useLocale();
  const t = useT();
  const router = useRouter();
  const token = useSearchParams()?.get('token') ?? '';
  const signOut = useSession((s) => s.signOut);
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: async (password: string) => ok(await api.POST('/v1/auth/password/reset', { body: { token, password } })),
    onSuccess: () => {
      signOut();
      router.push(`/${locale}/account/login?reset=done`);
    },
  });
  const problem = formProblem(reset.error, ['password'], t('ui.error'));
  const askAgain = (
    <Link href={`/${locale}/account/forgot-password`} className="font-medium underline">
      {t('account.reset.askAgain')}
    </Link>
  );
  return (
    <div className="mx-auto max-w-sm px-4 py-10">
      <h1 className="mb-4 text-2xl font-bold">{t('account.reset.title')}</h1>
      {!token ? (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {t('account.reset.noToken')} {askAgain}
        </p>
      ) : (
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const password = String(form.get('password') ?? '');
            const differs = password !== String(form.get('repeat') ?? '');
            setMismatch(differs);
            if (!differs) reset.mutate(password);
          }}
        >
          <p className="text-sm text-slate-700 dark:text-slate-300">{t('account.reset.hint')}</p>
          <Field id="password" label={t('account.reset.password')} error={problem.password}>
            <input id="password" name="password" type="password" required minLength={10} autoComplete="new-password" className={inputClass} aria-invalid={problem.password ? true : undefined} aria-describedby={problem.password ? 'password-error' : undefined} />
          </Field>
          <Field id="repeat" label={t('account.reset.repeat')} error={mismatch ? t('account.reset.mismatch') : null}>
            <input id="repeat" name="repeat" type="password" required autoComplete="new-password" className={inputClass} aria-invalid={mismatch || undefined} aria-describedby={mismatch ? 'repeat-error' : undefined} />
          </Field>
          {problem.form && (
            <div className="text-sm">
              <FormError message={problem.form} />
              <p className="mt-1">{askAgain}</p>
            </div>
          )}
          <button type="submit" disabled={reset.isPending} className={`${primaryButton} py-2.5`}>
            {reset.isPending ? t('ui.loading') : t('account.reset.save')}
          </button>
        </form>
      )}
    </div>
  );
}
