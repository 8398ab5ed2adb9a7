'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { useT } from '../i18n/use-locale.ts';

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
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl dark:bg-slate-900">
          <Dialog.Title className="text-lg font-semibold">{self ? t('desk.team.leave') : t('desk.team.removeTitle', { name })}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm">{self ? t('desk.team.leaveText') : t('desk.team.removeText', { name })}</Dialog.Description>
          <div className="mt-4 flex justify-end gap-2">
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
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
