'use client';
import { ApiError } from '@immo/api-client';
import { useT } from '../i18n/use-locale.ts';

/** The server's problem+json message (or a generic one) beside the form that caused it. */
export function ProblemMessage({ error }: { error: Error | null }) {
  const t = useT();
  if (!error) return null;
  const text =
    error instanceof ApiError
      ? (error.problem.errors?.[0]?.message ?? error.problem.detail ?? error.problem.title)
      : t('ui.error');
  return (
    <p
      role="alert"
      className="rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
    >
      {text}
    </p>
  );
}
