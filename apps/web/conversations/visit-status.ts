'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MessageKey } from '@immo/i18n';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import type { Appointment } from './api-shapes.ts';

export const STATUS_LABEL: Record<Appointment['status'], MessageKey> = {
  requested: 'conversations.visits.status.requested',
  confirmed: 'conversations.visits.status.confirmed',
  done: 'conversations.visits.status.done',
  cancelled: 'conversations.visits.status.cancelled',
  rescheduled: 'conversations.visits.status.rescheduled',
};

export const STATUS_STYLE: Record<Appointment['status'], string> = {
  requested: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  confirmed: 'bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100',
  done: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
  cancelled: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
  rescheduled: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
};

type Change = { status: 'confirmed' } | { status: 'cancelled'; reason: string };

/** Confirms or cancels a visit (PUT /v1/appointments/{id}/status); the lists refetch. */
export function useVisitStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (change: Change) =>
      ok(await api.PUT('/v1/appointments/{id}/status', { params: { path: { id } }, body: change })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['appointments'] }),
  });
}

/** Downloads the visit's calendar invitation (the API wants the access token, so no plain link). */
export async function downloadInvite(id: string) {
  const blob = ok(
    await api.GET('/v1/appointments/{id}/invite.ics', { params: { path: { id } }, parseAs: 'blob' }),
  ) as unknown as Blob;
  const url = URL.createObjectURL(new Blob([blob], { type: 'text/calendar' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `visit-${id}.ics`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
