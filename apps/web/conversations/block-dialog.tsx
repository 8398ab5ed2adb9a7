'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { useT } from '../i18n/use-locale.ts';

/** Asks before blocking the other party: no message either way, here or in a new conversation, until unblocked. */
export function BlockDialog({ onConfirm, disabled }: { onConfirm(): void; disabled?: boolean }) {
  const t = useT();
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <button
          type="button"
          disabled={disabled}
          className="rounded border border-slate-300 px-2 py-1 text-sm text-red-700 disabled:opacity-50 dark:border-slate-600 dark:text-red-300"
        >
          {t('conversations.block.button')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl dark:bg-slate-900">
          <Dialog.Title className="text-lg font-semibold">{t('conversations.block.title')}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm">{t('conversations.block.text')}</Dialog.Description>
          <div className="mt-4 flex justify-end gap-2">
            <Dialog.Close asChild>
              <button type="button" className="rounded border border-slate-300 px-3 py-1.5 dark:border-slate-600">
                {t('ui.cancel')}
              </button>
            </Dialog.Close>
            <Dialog.Close asChild>
              <button
                type="button"
                onClick={onConfirm}
                className="rounded bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800"
              >
                {t('conversations.block.confirm')}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
