'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { DialogPanel } from '../layout/dialog-panel.tsx';
import type { SearchState } from '../search/search-state.ts';
import { searchStateQuery } from '../search/search-state.ts';
import { Done, Field, FormError, formProblem, inputClass, primaryButton, secondaryButton } from './field.tsx';
import { ALERT_MODES, savedQueryOf, type AlertMode } from './saved-search-query.ts';
import { useSession } from './session-store.ts';

/** "Save this search" on the results page: a name and the alert choice, POST /v1/saved-searches. */
export function SaveSearchButton({ state }: { state: SearchState }) {
  const locale = useLocale();
  const t = useT();
  const pathname = usePathname();
  const session = useSession((s) => s.session);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [open, setOpen] = useState(false);
  const [alert, setAlert] = useState<AlertMode>('instant');
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: async (name: string) => ok(await api.POST('/v1/saved-searches', { body: { name, query: savedQueryOf(state), alert } })),
    onSuccess: () => {
      setOpen(false);
      void queries.invalidateQueries({ queryKey: ['saved-searches'] });
    },
  });
  const problem = formProblem(save.error, ['name', 'alert'], t('ui.error'));

  if (!hydrated || !session) {
    const here = `${pathname}?${searchStateQuery(state)}`;
    return (
      <Link href={`/${locale}/account/login?next=${encodeURIComponent(here)}`} className="text-sm underline">
        {t('account.save.signIn')}
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-2">
      {save.isSuccess && (
        <Done>
          <Link href={`/${locale}/account/searches`} className="underline">
            {t('web.searchSaved')}
          </Link>
        </Done>
      )}
      <Dialog.Root
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) save.reset();
        }}
      >
        <Dialog.Trigger className="rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50 dark:border-sky-400 dark:text-sky-300 dark:hover:bg-slate-800">
          {t('account.save.button')}
        </Dialog.Trigger>
        <DialogPanel title={t('account.save.title')} description={t('account.save.alert')} hideDescription width="narrow">
          <form
            className="flex flex-col gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate(String(new FormData(event.currentTarget).get('name') ?? '').trim());
            }}
          >
            <Field id="saved-search-name" label={t('account.save.name')} error={problem.name}>
              <input id="saved-search-name" name="name" required maxLength={120} defaultValue={state.q ?? t('account.save.defaultName')} className={inputClass} />
            </Field>
            <fieldset>
              <legend className="mb-1 text-sm font-medium">{t('account.save.alert')}</legend>
              <div className="flex flex-col gap-1">
                {ALERT_MODES.map((mode) => (
                  <label key={mode} className="flex items-center gap-2">
                    <input type="radio" name="alert" value={mode} checked={alert === mode} onChange={() => setAlert(mode)} />
                    {t(`account.alert.${mode}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <FormError message={problem.form ?? problem.alert} />
            <div className="flex justify-end gap-2">
              <Dialog.Close className={secondaryButton}>{t('ui.cancel')}</Dialog.Close>
              <button type="submit" disabled={save.isPending} className={primaryButton}>
                {t('ui.save')}
              </button>
            </div>
          </form>
        </DialogPanel>
      </Dialog.Root>
    </div>
  );
}
