'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { useT } from '../i18n/use-locale.ts';
import { DialogPanel } from '../layout/dialog-panel.tsx';

/** Asks before a member loses access to the agency's listings. */
export function RemoveMemberDialog({ name, self, onConfirm, disabled }: { name: string; self: boolean; onConfirm(): void; disabled?: boolean }) {
  const t = useT();
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <button type="button" disabled={disabled} className="rounded border border-slate-300 px-2 py-1 text-sm text-red-700 disabled:opacity-50 dark:border-slate-600 dark:text-red-300">
          {self ? t('desk.team.leave') : t('desk.team.remove')}
          {!self && <span className="sr-only"> {name}</span>}
        </button>
      </Dialog.Trigger>
      <DialogPanel
        title={self ? t('desk.team.leave') : t('desk.team.removeTitle', { name })}
        description={self ? t('desk.team.leaveText') : t('desk.team.removeText', { name })}
      >
        <div className="flex justify-end gap-2">
          <Dialog.Close asChild>
            <button type="button" className="rounded border border-slate-300 px-3 py-1.5 dark:border-slate-600">
              {t('ui.cancel')}
            </button>
          </Dialog.Close>
          <Dialog.Close asChild>
            <button type="button" onClick={onConfirm} className="rounded bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800">
              {self ? t('desk.team.leave') : t('desk.team.remove')}
            </button>
          </Dialog.Close>
        </div>
      </DialogPanel>
    </Dialog.Root>
  );
}
