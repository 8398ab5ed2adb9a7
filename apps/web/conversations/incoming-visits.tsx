'use client';
import Link from 'next/link';
import { useLocale, useT } from '../i18n/use-locale.ts';
import type { Appointment } from './api-shapes.ts';
import { ListingName } from './conversation-list.tsx';
import { ProblemMessage } from './problem-message.tsx';
import { useAppointments } from './queries.ts';
import { ReasonForm } from './reason-form.tsx';
import { STATUS_LABEL, STATUS_STYLE, useVisitStatus } from './visit-status.ts';
import { visitWhen } from './visit-time.ts';

function Booking({ visit }: { visit: Appointment }) {
  const t = useT();
  const locale = useLocale();
  const change = useVisitStatus(visit.id);
  // the side that asked never confirms its own request: a seeker's request is ours to answer
  const answerable = visit.status === 'requested' && visit.requestedBy === 'seeker';
  return (
    <li
      className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
      data-testid="booking"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link href={`/${locale}/listing/${visit.listingId}`} className="font-medium underline">
          <ListingName listingId={visit.listingId} />
        </Link>
        <span className={`rounded px-2 py-0.5 text-sm ${STATUS_STYLE[visit.status]}`}>
          {t(STATUS_LABEL[visit.status])}
        </span>
      </div>
      <p className="text-sm first-letter:uppercase">{visitWhen(visit.startsAt, locale)}</p>
      {visit.note && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {t('conversations.visits.note', { note: visit.note })}
        </p>
      )}
      {answerable && (
        <div className="flex flex-wrap items-start gap-2">
          <button
            type="button"
            disabled={change.isPending}
            onClick={() => change.mutate({ status: 'confirmed' })}
            className="rounded bg-green-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-60"
          >
            {t('conversations.bookings.accept')}
          </button>
          <ReasonForm
            label={t('conversations.bookings.decline')}
            confirmLabel={t('conversations.bookings.confirmDecline')}
            busy={change.isPending}
            error={null}
            onConfirm={(reason) => change.mutate({ status: 'cancelled', reason })}
          />
        </div>
      )}
      <ProblemMessage error={change.error} />
    </li>
  );
}

/** Visit bookings on my listings (or my agency's): newest requests to accept or decline, then the confirmed ones. */
export function IncomingVisits({ myUserId }: { myUserId: string }) {
  const t = useT();
  const visits = useAppointments();
  const incoming = (visits.data ?? []).filter(
    (v) => v.seekerId !== myUserId && (v.status === 'requested' || v.status === 'confirmed'),
  );
  return (
    <section aria-labelledby="bookings-title" className="mb-6">
      <h2 id="bookings-title" className="mb-2 text-lg font-semibold">
        {t('conversations.bookings.title')}
      </h2>
      {visits.isPending ? (
        <p>{t('ui.loading')}</p>
      ) : incoming.length === 0 ? (
        <p className="text-sm">{t('conversations.bookings.empty')}</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2">
          {incoming.map((visit) => (
            <Booking key={visit.id} visit={visit} />
          ))}
        </ul>
      )}
    </section>
  );
}
