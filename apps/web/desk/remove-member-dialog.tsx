'use client';
import { useT } from '../i18n/use-locale.ts';
import { ConfirmDialog } from '../layout/confirm-dialog.tsx';

/** Asks before a member loses access to the agency's listings. */
export function RemoveMemberDialog({ name, self, onConfirm, disabled }: { name: string; self: boolean; onConfirm(): void; disabled?: boolean }) {
  const t = useT();
  return (
    <ConfirmDialog
      trigger={
        <>
          {self ? t('desk.team.leave') : t('desk.team.remove')}
          {!self && <span className="sr-only"> {name}</span>}
        </>
      }
      title={self ? t('desk.team.leave') : t('desk.team.removeTitle', { name })}
      description={self ? t('desk.team.leaveText') : t('desk.team.removeText', { name })}
      confirm={self ? t('desk.team.leave') : t('desk.team.remove')}
      onConfirm={onConfirm}
      disabled={disabled}
    />
  );
}
