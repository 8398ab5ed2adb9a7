'use client';
import { useId, useRef, type ChangeEvent } from 'react';
import { useT } from '../i18n/use-locale.ts';

/** What the composer will send with the next message; `id` once the file is uploaded. */
export interface ChosenFile {
  key: string;
  file: File;
  id?: string;
}

export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

/**
 * The composer's file button and the chips of the chosen files. The type is
 * left to the server (its refusal is shown in the page's language); the size
 * is checked here too, as the gateway refuses a too large body before the
 * messaging module can word it.
 */
export function AttachmentPicker({
  files,
  onChange,
  onRefused,
  disabled,
}: {
  files: ChosenFile[];
  onChange(files: ChosenFile[]): void;
  onRefused(message: string | null): void;
  disabled?: boolean;
}) {
  const t = useT();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(event.target.files ?? [])];
    event.target.value = '';
    const tooBig = picked.find((f) => f.size > MAX_FILE_BYTES);
    const fitting = picked.filter((f) => f.size <= MAX_FILE_BYTES);
    const next = [...files, ...fitting.map((file) => ({ key: crypto.randomUUID(), file }))];
    onRefused(
      tooBig ? t('conversations.attach.tooBig', { name: tooBig.name }) : next.length > MAX_FILES ? t('conversations.attach.tooMany') : null,
    );
    onChange(next.slice(0, MAX_FILES));
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        ref={input}
        id={inputId}
        type="file"
        accept={ACCEPT}
        multiple
        onChange={choose}
        disabled={disabled}
        aria-describedby={`${inputId}-help`}
        className="peer sr-only"
      />
      <label
        htmlFor={inputId}
        className="cursor-pointer rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {t('conversations.attach.button')}
      </label>
      <span id={`${inputId}-help`} className="text-xs text-slate-600 dark:text-slate-300">
        {t('conversations.attach.help')}
      </span>
      {files.length > 0 && (
        <ul aria-label={t('conversations.attach.chosen')} className="flex w-full flex-wrap gap-2">
          {files.map((chosen) => (
            <li
              key={chosen.key}
              className="flex max-w-full items-center gap-1 rounded-full bg-slate-100 py-1 pl-3 pr-1 text-sm dark:bg-slate-800"
            >
              <span className="truncate">{chosen.file.name}</span>
              <button
                type="button"
                disabled={disabled}
                onClick={() => {
                  onRefused(null);
                  onChange(files.filter((f) => f.key !== chosen.key));
                }}
                aria-label={t('conversations.attach.remove', { name: chosen.file.name })}
                className="rounded-full px-2 leading-6 hover:bg-slate-200 disabled:opacity-60 dark:hover:bg-slate-700"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
