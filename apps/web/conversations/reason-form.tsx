'use client';
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../i18n/use-locale.ts';
import { ProblemMessage } from './problem-message.tsx';

/** A button that opens a short "why" field before a cancellation or a refusal (the API requires the reason). */
export function ReasonForm({
  label,
  confirmLabel,
  busy,
  error,
  onConfirm,
}: {
  label: string;
  confirmLabel: string;
  busy: boolean;
  error: Error | null;
  onConfirm: (reason: string) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-600"
      >
        {label}
      </button>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onConfirm(String(new FormData(event.currentTarget).get('reason') ?? '').trim());
  };
  return (
    <form onSubmit={submit} className="flex w-full flex-col gap-2 sm:max-w-md">
      <label htmlFor={id} className="text-sm font-medium">
        {t('conversations.visits.reason')}
      </label>
      <input
        id={id}
        name="reason"
        required
        maxLength={500}
        autoFocus
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 dark:border-slate-600 dark:bg-slate-950"
      />
      <ProblemMessage error={error} />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-red-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-60"
        >
          {confirmLabel}
        </button>
        <button
          type="button"
          onClick={() => setOpen(false)}
          className="rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-600"
        >
          {t('ui.cancel')}
        </button>
      </div>
    </form>
  );
}
