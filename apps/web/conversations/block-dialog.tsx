'use client';
import { useT } from '../i18n/use-locale.ts';
import { ConfirmDialog } from '../layout/confirm-dialog.tsx';

/** Asks before blocking the other party: no message either way, here or in a new conversation, until unblocked. */
export function BlockDialog({ onConfirm, disabled }: { onConfirm(): void; disabled?: boolean }) {
  const t = useT();
  return (
    <ConfirmDialog
      trigger={t('conversations.block.button')}
      title={t('conversations.block.title')}
      description={t('conversations.block.text')}
      confirm={t('conversations.block.confirm')}
      onConfirm={onConfirm}
      disabled={disabled}
    />
  );
}
