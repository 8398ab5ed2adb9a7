'use client';
import { useMutation } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useT } from '../i18n/use-locale.ts';
import { Done, Field, FormError, formProblem, inputClass, primaryButton, sectionClass } from './field.tsx';

export function PasswordChange() {
  const t = useT();
  const change = useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) => ok(await api.POST('/v1/auth/password/change', { body })),
  });
  const problem = formProblem(change.error, ['currentPassword', 'newPassword'], t('ui.error'));
  return (
    <section aria-labelledby="password" className={sectionClass}>
      <h2 id="password" className="mb-3 text-lg font-semibold">
        {t('web.password')}
      </h2>
      <form
        className="grid gap-3 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          const target = event.currentTarget;
          const form = new FormData(target);
          change.mutate(
            { currentPassword: String(form.get('currentPassword') ?? ''), newPassword: String(form.get('newPassword') ?? '') },
            { onSuccess: () => target.reset() },
          );
        }}
      >
        {/* lets password managers tie the change to the account */}
        <input type="text" name="username" autoComplete="username" hidden readOnly />
        <Field id="currentPassword" label={t('account.password.current')} error={problem.currentPassword}>
          <input id="currentPassword" name="currentPassword" type="password" required autoComplete="current-password" className={inputClass} />
        </Field>
        <Field id="newPassword" label={t('account.password.new')} error={problem.newPassword}>
          <input id="newPassword" name="newPassword" type="password" required minLength={10} autoComplete="new-password" className={inputClass} />
        </Field>
        <div className="flex items-center gap-3 sm:col-span-2">
          <button type="submit" disabled={change.isPending} className={primaryButton}>
            {t('account.password.change')}
          </button>
          {change.isSuccess && <Done>{t('account.password.changed')}</Done>}
          <FormError message={problem.form} />
        </div>
      </form>
    </section>
  );
}
