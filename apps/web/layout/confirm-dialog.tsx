'use client';
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-locale.ts';
import { DialogPanel } from './dialog-panel.tsx';

const TRIGGER = 'rounded border border-slate-300 px-2 py-1 text-sm text-red-700 disabled:opacity-50 dark:border-slate-600 dark:text-red-300';

/**
 * A small red button that asks before an action one cannot take back lightly
 * (remove a team member, block someone): the question, what it does, Cancel
 * and the action.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirm,
  onConfirm,
  disabled,
}: {
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  confirm: ReactNode;
  onConfirm(): void;
  disabled?: boolean;
}) {
  const t = useT();
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <button type="button" disabled={disabled} className={TRIGGER}>
          {trigger}
        </button>
      </Dialog.Trigger>
      <DialogPanel title={title} description={description}>
        <div className="flex justify-end gap-2">
          <Dialog.Close asChild>
            <button type="button" className="rounded border border-slate-300 px-3 py-1.5 dark:border-slate-600">
              {t('ui.cancel')}
            </button>
          </Dialog.Close>
          <Dialog.Close asChild>
            <button type="button" onClick={onConfirm} className="rounded bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800">
              {confirm}
            </button>
          </Dialog.Close>
        </div>
      </DialogPanel>
    </Dialog.Root>
  );
}
