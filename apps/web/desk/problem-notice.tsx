'use client';
import type { ReactNode } from 'react';
import { ApiError } from '@immo/api-client';
import { useT } from '../i18n/use-locale.ts';

/** The server's problem in a live alert: its detail (in the asked language when the server has it), and what to do about it. */
export function ProblemNotice({ error, children, message: own }: { error: unknown; children?: ReactNode; message?: string }) {
  const t = useT();
  const message = own ?? (error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : t('ui.error'));
  return (
    <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
      <p>{message}</p>
      {children}
    </div>
  );
}
