'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { DialogPanel } from '../layout/dialog-panel.tsx';
import { Field, FormError, inputClass, problemMessage, secondaryButton, sectionClass } from './field.tsx';
import { useSession } from './session-store.ts';

const dangerButton = 'rounded-lg bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60';

/** DELETE /v1/users/{id} behind a dialog that asks to type a word; then signed out, on the home page. */
export function DeleteAccount({ userId }: { userId: string }) {
  const locale = useLocale();
  const t = useT();
  const router = useRouter();
  const queries = useQueryClient();
  const signOut = useSession((s) => s.signOut);
  const [typed, setTyped] = useState('');
  const word = t('account.delete.word');
  const erase = useMutation({
    mutationFn: async () => ok(await api.DELETE('/v1/users/{id}', { params: { path: { id: userId } } })),
    onSuccess: () => {
      // the server revoked every session; nothing of the person stays in this browser
      signOut();
      queries.clear();
      router.replace(`/${locale}`);
    },
  });
  return (
    <section aria-labelledby="delete-account" className={`${sectionClass} border-red-300 dark:border-red-800`}>
      <h2 id="delete-account" className="mb-2 text-lg font-semibold">
        {t('account.delete.title')}
      </h2>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">{t('account.delete.hint')}</p>
      <Dialog.Root onOpenChange={() => setTyped('')}>
        <Dialog.Trigger className={dangerButton}>{t('account.delete.title')}</Dialog.Trigger>
        <DialogPanel title={t('account.delete.confirmTitle')} description={t('account.delete.hint')}>
          <form
            className="flex flex-col gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              if (typed.trim() === word) erase.mutate();
            }}
          >
            <Field id="delete-confirm" label={t('account.delete.typeToConfirm', { word })}>
              <input id="delete-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} className={inputClass} />
            </Field>
            <FormError message={problemMessage(erase.error, t('ui.error'))} />
            <div className="flex justify-end gap-2">
              <Dialog.Close className={secondaryButton}>{t('ui.cancel')}</Dialog.Close>
              <button type="submit" disabled={typed.trim() !== word || erase.isPending} className={dangerButton}>
                {t('account.delete.confirm')}
              </button>
            </div>
          </form>
        </DialogPanel>
      </Dialog.Root>
    </section>
  );
}
