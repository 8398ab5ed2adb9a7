'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useLocale, useT } from '../i18n/use-locale.ts';
import type { Appointment } from './api-shapes.ts';
import { ListingName } from './conversation-list.tsx';
import { ProblemMessage } from './problem-message.tsx';
import { useAppointments } from './queries.ts';
import { ReasonForm } from './reason-form.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { downloadInvite, STATUS_LABEL, STATUS_STYLE, useVisitStatus } from './visit-status.ts';
import { visitWhen } from './visit-time.ts';

function VisitItem({ visit }: { visit: Appointment }) {
  const t = useT();
  const locale = useLocale();
  const change = useVisitStatus(visit.id);
  const [downloadError, setDownloadError] = useState<Error | null>(null);
  const live = visit.status === 'requested' || visit.status === 'confirmed';
  return (
    <li className="flex flex-col gap-2 rounded-xl border border-slate-200 p-4 dark:border-slate-700">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link href={`/${locale}/listing/${visit.listingId}`} className="font-semibold underline">
          <ListingName listingId={visit.listingId} />
        </Link>
        <span
          className={`rounded px-2 py-0.5 text-sm ${STATUS_STYLE[visit.status]}`}
          data-testid="visit-status"
        >
          {t(STATUS_LABEL[visit.status])}
        </span>
      </div>
      <p className="first-letter:uppercase">{visitWhen(visit.startsAt, locale)}</p>
      {visit.reason && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {t('conversations.visits.reasonIs', { reason: visit.reason })}
        </p>
      )}
      {live && (
        <div className="flex flex-wrap items-start gap-2">
          <button
            type="button"
            onClick={() => downloadInvite(visit.id).catch(setDownloadError)}
            className="rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-600"
          >
            {t('conversations.visits.ics')}
          </button>
          <ReasonForm
            label={t('conversations.visits.cancel')}
            confirmLabel={t('conversations.visits.confirmCancel')}
            busy={change.isPending}
            error={change.error}
            onConfirm={(reason) => change.mutate({ status: 'cancelled', reason })}
          />
        </div>
      )}
      <ProblemMessage error={downloadError} />
    </li>
  );
}

/** The visits I booked, soonest first, with their status; cancel one or add it to a calendar. */
export function VisitsView() {
  const t = useT();
  const session = useSignedIn('/account/visits');
  const visits = useAppointments();
  if (!session) return null;
  const mine = (visits.data ?? []).filter((v) => v.seekerId === session.userId && v.status !== 'rescheduled');
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="mb-4 text-2xl font-bold">{t('conversations.visits.title')}</h1>
      {visits.isPending ? (
        <p>{t('ui.loading')}</p>
      ) : mine.length === 0 ? (
        <p>{t('conversations.visits.empty')}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {mine.map((visit) => (
            <VisitItem key={visit.id} visit={visit} />
          ))}
        </ul>
      )}
      <ProblemMessage error={visits.error} />
    </div>
  );
}
