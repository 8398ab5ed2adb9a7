'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ok, type paths } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useT } from '../i18n/use-locale.ts';
import { DialogPanel } from '../layout/dialog-panel.tsx';
import { ProblemMessage } from './problem-message.tsx';

type ReportInput = NonNullable<
  paths['/v1/messaging/reports']['post']['requestBody']
>['content']['application/json'];
type Reason = ReportInput['reason'];
const REASONS: Reason[] = ['spam', 'scam', 'harassment', 'discrimination', 'inappropriate', 'other'];

/** Reports the whole conversation, or one message, to moderation (which keeps a copy of the messages). */
export function ReportDialog({
  conversationId,
  messageId,
  onReported,
}: {
  conversationId: string;
  messageId?: string;
  onReported(): void;
}) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const report = useMutation({
    mutationFn: async (body: ReportInput) => ok(await api.POST('/v1/messaging/reports', { body })),
    onSuccess: () => {
      setOpen(false);
      onReported();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const details = String(data.get('details') ?? '').trim();
    report.mutate({
      conversationId,
      ...(messageId ? { messageId } : {}),
      reason: String(data.get('reason')) as Reason,
      ...(details ? { details } : {}),
    });
  };
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) report.reset();
      }}
    >
      <Dialog.Trigger asChild>
        {messageId ? (
          <button type="button" className="underline decoration-dotted underline-offset-2">
            {t('conversations.report.message')}
          </button>
        ) : (
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600"
          >
            {t('conversations.report.conversation')}
          </button>
        )}
      </Dialog.Trigger>
      <DialogPanel
        title={t(messageId ? 'conversations.report.messageTitle' : 'conversations.report.title')}
        description={t('conversations.report.text')}
      >
        <form onSubmit={submit} className="flex flex-col gap-3">
          <label htmlFor={`${id}-reason`} className="text-sm font-medium">
            {t('conversations.report.reason')}
          </label>
          <select
            id={`${id}-reason`}
            name="reason"
            defaultValue="spam"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950"
          >
            {REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {t(`conversations.report.reason.${reason}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-details`} className="text-sm font-medium">
            {t('conversations.report.details')}
          </label>
          <textarea
            id={`${id}-details`}
            name="details"
            rows={3}
            maxLength={2000}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950"
          />
          <ProblemMessage error={report.error} />
          <div className="flex justify-end gap-2">
            <Dialog.Close asChild>
              <button
                type="button"
                className="rounded border border-slate-300 px-3 py-1.5 dark:border-slate-600"
              >
                {t('ui.cancel')}
              </button>
            </Dialog.Close>
            <button
              type="submit"
              disabled={report.isPending}
              className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {t('conversations.report.send')}
            </button>
          </div>
        </form>
      </DialogPanel>
    </Dialog.Root>
  );
}
