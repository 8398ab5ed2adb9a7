'use client';
import { useMutation } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useT } from '../i18n/use-locale.ts';
import { Done, problemMessage, secondaryButton, sectionClass } from './field.tsx';

/** The address, whether it is verified, and a new link when it is not. */
export function EmailStatus({ email, verified }: { email: string; verified: boolean }) {
  const t = useT();
  const resend = useMutation({ mutationFn: async () => ok(await api.POST('/v1/auth/verify-email/resend')) });
  const error = problemMessage(resend.error, t('ui.error'));
  return (
    <section aria-labelledby="email" className={sectionClass}>
      <h2 id="email" className="mb-2 text-lg font-semibold">
        {t('web.email')}
      </h2>
      <p className="break-all">{email}</p>
      <p className={`mt-1 text-sm font-medium ${verified ? 'text-emerald-800 dark:text-emerald-300' : 'text-amber-800 dark:text-amber-300'}`} data-testid="email-status">
        {verified ? `✓ ${t('account.email.verified')}` : t('account.email.unverified')}
      </p>
      {!verified && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button type="button" className={secondaryButton} disabled={resend.isPending} onClick={() => resend.mutate()}>
            {t('account.email.resend')}
          </button>
          {resend.isSuccess && <Done>{t('account.email.resent')}</Done>}
          {error && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
