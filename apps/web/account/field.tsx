import type { ReactNode } from 'react';
import { ApiError } from '@immo/api-client';

export const inputClass = 'w-full rounded-md border border-slate-400 bg-white px-3 py-2 dark:border-slate-500 dark:bg-slate-950';
export const primaryButton = 'rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60';
export const secondaryButton = 'rounded-lg border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-500 dark:hover:bg-slate-800';
export const sectionClass = 'mb-6 rounded-xl border border-slate-200 p-4 dark:border-slate-700';

/** The server's words for a failed call: the message about `field` if there is one, else the problem's detail. */
export function problemMessage(error: unknown, fallback: string, field?: string): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return fallback;
  const about = field ? error.problem.errors?.find((e) => e.path === field || e.path.endsWith(`.${field}`)) : undefined;
  return about?.message ?? error.problem.detail ?? error.problem.title;
}

/**
 * A failed form's problem spread over its fields: each field gets the API's
 * message about it; when none is about a field, `form` holds the detail.
 */
export function formProblem<F extends string>(error: unknown, fields: readonly F[], fallback: string): Partial<Record<F | 'form', string>> {
  if (!error) return {};
  if (!(error instanceof ApiError)) return { form: fallback } as Partial<Record<F | 'form', string>>;
  const out: Partial<Record<F | 'form', string>> = {};
  for (const field of fields) {
    const about = error.problem.errors?.find((e) => e.path === field || e.path.endsWith(`.${field}`));
    if (about) out[field] = about.message;
  }
  if (Object.keys(out).length === 0) out.form = error.problem.detail ?? error.problem.title;
  return out;
}

/** A labelled control with its error (the API's problem message) right under it. */
export function Field({ id, label, error, children }: { id: string; label: string; error?: string | null; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-300">
      {message}
    </p>
  );
}

/** A short confirmation after a change, announced politely. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
      {children}
    </p>
  );
}
