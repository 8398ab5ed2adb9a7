'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useSession } from '../account/session-store.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { SignInForListing } from '../listing/sign-in-for-listing.tsx';
import type { Slot } from './api-shapes.ts';
import { ProblemMessage } from './problem-message.tsx';
import { useHydrated } from '../account/use-signed-in.ts';
import { brusselsDate, visitDay, visitWhen } from './visit-time.ts';

const DAYS_AHEAD = 14;

/** "Book a visit" on a listing: the owner's free slots of the next two weeks, one chosen and requested. */
export function BookVisit({ listingId }: { listingId: string }) {
  const t = useT();
  const locale = useLocale();
  const hydrated = useHydrated();
  const session = useSession((s) => s.session);
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const panelId = useId();
  const slots = useQuery({
    queryKey: ['slots', listingId],
    enabled: open,
    queryFn: async () =>
      ok(
        await api.GET('/v1/listings/{id}/slots', {
          params: { path: { id: listingId }, query: { from: brusselsDate(), to: brusselsDate(DAYS_AHEAD) } },
        }),
      ).items,
  });
  const book = useMutation({
    mutationFn: async ({ slot, note }: { slot: Slot; note: string }) =>
      ok(
        await api.POST('/v1/appointments', {
          body: { listingId, startsAt: slot.startsAt, ...(note ? { note } : {}) },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['appointments'] });
      void client.invalidateQueries({ queryKey: ['slots', listingId] });
    },
  });
  if (!hydrated || !session) {
    return (
      <SignInForListing listingId={listingId}>{t('conversations.visit.signIn')}</SignInForListing>
    );
  }
  const free = (slots.data ?? []).filter((slot) => slot.remaining > 0);
  const days = [...new Set(free.map((slot) => slot.local.date))];
  return (
    <div className="w-full">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="rounded-lg border border-brand-700 px-4 py-2 text-sm font-semibold text-brand-700 dark:border-sky-400 dark:text-sky-300"
      >
        {t('conversations.visit.button')}
      </button>
      {open && (
        <section
          id={panelId}
          aria-labelledby={`${panelId}-title`}
          className="mt-3 rounded-xl border border-slate-200 p-4 dark:border-slate-700"
        >
          <h2 id={`${panelId}-title`} className="mb-2 text-lg font-semibold">
            {t('conversations.visit.title')}
          </h2>
          {book.isSuccess ? (
            <p role="status" className="text-sm">
              {t('conversations.visit.booked', { when: visitWhen(book.data.startsAt, locale) })}{' '}
              <Link href={`/${locale}/account/visits`} className="font-medium underline">
                {t('conversations.visits.title')}
              </Link>
            </p>
          ) : slots.isPending ? (
            <p>{t('ui.loading')}</p>
          ) : days.length === 0 ? (
            <p className="text-sm">{t('conversations.visit.none')}</p>
          ) : (
            <>
              <div className="flex max-h-72 flex-col gap-3 overflow-y-auto">
                {days.map((day) => (
                  <div key={day}>
                    <h3 className="mb-1 text-sm font-medium first-letter:uppercase">
                      {visitDay(`${day}T12:00:00Z`, locale)}
                    </h3>
                    <ul className="flex flex-wrap gap-2">
                      {free
                        .filter((slot) => slot.local.date === day)
                        .map((slot) => (
                          <li key={slot.startsAt}>
                            <button
                              type="button"
                              aria-pressed={chosen?.startsAt === slot.startsAt}
                              aria-label={t('conversations.visit.slot', {
                                time: slot.local.time,
                                places: t('conversations.visit.places', { count: slot.remaining }),
                              })}
                              onClick={() => setChosen(slot)}
                              className="rounded-md border border-slate-300 px-3 py-1 text-sm tabular-nums aria-pressed:border-brand-700 aria-pressed:bg-brand-700 aria-pressed:text-white dark:border-slate-600"
                            >
                              {slot.local.time}
                            </button>
                          </li>
                        ))}
                    </ul>
                  </div>
                ))}
              </div>
              {chosen && (
                <form
                  className="mt-3 flex flex-col gap-2"
                  onSubmit={(event) => {
                    event.preventDefault();
                    book.mutate({
                      slot: chosen,
                      note: String(new FormData(event.currentTarget).get('note') ?? '').trim(),
                    });
                  }}
                >
                  <label htmlFor={`${panelId}-note`} className="text-sm font-medium">
                    {t('conversations.visit.note')}
                  </label>
                  <textarea
                    id={`${panelId}-note`}
                    name="note"
                    rows={2}
                    maxLength={1000}
                    className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950"
                  />
                  <ProblemMessage error={book.error} />
                  <button
                    type="submit"
                    disabled={book.isPending}
                    className="self-start rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
                  >
                    {t('conversations.visit.confirm', { when: visitWhen(chosen.startsAt, locale) })}
                  </button>
                </form>
              )}
            </>
          )}
          {slots.error && <ProblemMessage error={slots.error} />}
        </section>
      )}
    </div>
  );
}
