'use client';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '../i18n/use-locale.ts';
import type { Conversation } from './api-shapes.ts';
import { AttachmentPicker, type ChosenFile } from './attachment-picker.tsx';
import { ProblemMessage } from './problem-message.tsx';
import { useSendMessage } from './use-send-message.ts';

/**
 * The reply box: text, files, send. While the conversation is blocked it stays
 * in place but disabled, with the reason above it.
 */
export function MessageComposer({
  conversation,
  typed,
  stopped,
}: {
  conversation: Conversation;
  typed(): void;
  stopped(): void;
}) {
  const t = useT();
  const fieldId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [refused, setRefused] = useState<string | null>(null);
  const { send, progress } = useSendMessage(conversation.id, () => {
    form.current?.reset();
    setFiles([]);
  });
  const blocked = conversation.blocked;
  // a refused send already shows the server's words for the block: not twice
  const explained = blocked && !send.error;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('text') ?? '').trim();
    if (!text && files.length === 0) return;
    stopped();
    setRefused(null);
    send.mutate({ text, files });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  };

  return (
    <form
      ref={form}
      onSubmit={submit}
      aria-describedby={explained ? `${fieldId}-blocked` : undefined}
      className="flex flex-col gap-2 border-t border-slate-200 p-3 dark:border-slate-700"
    >
      {explained && (
        <p id={`${fieldId}-blocked`} className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {t(conversation.blockedByMe ? 'conversations.blockedByMe' : 'conversations.blocked')}
        </p>
      )}
      <fieldset disabled={blocked || send.isPending} className="flex min-w-0 flex-col gap-2">
        <label htmlFor={fieldId} className="sr-only">
          {t('conversations.reply')}
        </label>
        <div className="flex gap-2">
          <textarea
            id={fieldId}
            name="text"
            rows={2}
            maxLength={4000}
            onChange={typed}
            onKeyDown={onKeyDown}
            placeholder={t('conversations.reply')}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-950"
          />
          <button
            type="submit"
            className="self-end rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {t('conversations.send')}
          </button>
        </div>
        <AttachmentPicker files={files} onChange={setFiles} onRefused={setRefused} disabled={blocked || send.isPending} />
      </fieldset>
      <p role="status" className="text-sm empty:hidden">
        {progress ? t('conversations.attach.uploading', { done: progress.done, total: progress.total }) : ''}
      </p>
      {refused && (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {refused}
        </p>
      )}
      <ProblemMessage error={send.error} />
    </form>
  );
}
