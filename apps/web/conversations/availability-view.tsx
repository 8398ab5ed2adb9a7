'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError, ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { listingTitle } from '../listing/listing-title.ts';
import type { Availability, AvailabilityInput } from './api-shapes.ts';
import { ProblemMessage } from './problem-message.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { weekdayName } from './visit-time.ts';

const field =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-950';
const FRESH: AvailabilityInput = {
  visitMinutes: 30,
  mode: 'private',
  capacity: 1,
  leadMinutes: 120,
  weekly: [],
  exceptions: [],
};

// Quarter hours on a 24-hour clock whatever the browser's own language (a time input would follow it).
const QUARTERS = Array.from(
  { length: 96 },
  (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
);

function TimeSelect({ value, onChange }: { value: string; onChange: (time: string) => void }) {
  const times = QUARTERS.includes(value) ? QUARTERS : [...QUARTERS, value].sort();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} className={`${field} tabular-nums`}>
      {times.map((time) => (
        <option key={time} value={time}>
          {time}
        </option>
      ))}
    </select>
  );
}

function toInput(a: Availability | null): AvailabilityInput {
  if (!a) return FRESH;
  return {
    visitMinutes: a.visitMinutes,
    mode: a.mode,
    capacity: a.capacity,
    leadMinutes: a.leadMinutes,
    weekly: a.weekly,
    exceptions: a.exceptions,
  };
}

/** The weekly visit windows of one listing, edited then saved at once (PUT replaces the whole availability). */
function AvailabilityEditor({ listingId, initial }: { listingId: string; initial: AvailabilityInput }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const client = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const weekly = draft.weekly;
  const save = useMutation({
    mutationFn: async () =>
      ok(
        await api.PUT('/v1/listings/{id}/availability', { params: { path: { id: listingId } }, body: draft }),
      ),
    onSuccess: (saved) => {
      client.setQueryData(['availability', listingId], saved);
      void client.invalidateQueries({ queryKey: ['slots', listingId] });
    },
  });
  const setWindow = (index: number, patch: Partial<AvailabilityInput['weekly'][number]>) =>
    setDraft({ ...draft, weekly: weekly.map((w, i) => (i === index ? { ...w, ...patch } : w)) });
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-minutes`} className="text-sm font-medium">
            {t('conversations.availability.visitMinutes')}
          </label>
          <input
            id={`${id}-minutes`}
            type="number"
            min={10}
            max={240}
            step={5}
            required
            value={draft.visitMinutes}
            onChange={(e) => setDraft({ ...draft, visitMinutes: Number(e.target.value) })}
            className={field}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-lead`} className="text-sm font-medium">
            {t('conversations.availability.leadHours')}
          </label>
          <input
            id={`${id}-lead`}
            type="number"
            min={0}
            max={168}
            required
            value={Math.round((draft.leadMinutes ?? 0) / 60)}
            onChange={(e) => setDraft({ ...draft, leadMinutes: Number(e.target.value) * 60 })}
            className={field}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-mode`} className="text-sm font-medium">
            {t('conversations.availability.mode')}
          </label>
          <select
            id={`${id}-mode`}
            value={draft.mode}
            onChange={(e) =>
              setDraft({
                ...draft,
                mode: e.target.value as AvailabilityInput['mode'],
                capacity: e.target.value === 'private' ? 1 : Math.max(draft.capacity ?? 1, 2),
              })
            }
            className={field}
          >
            <option value="private">{t('conversations.availability.mode.private')}</option>
            <option value="group">{t('conversations.availability.mode.group')}</option>
          </select>
        </div>
        {draft.mode === 'group' && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-capacity`} className="text-sm font-medium">
              {t('conversations.availability.capacity')}
            </label>
            <input
              id={`${id}-capacity`}
              type="number"
              min={1}
              max={50}
              required
              value={draft.capacity}
              onChange={(e) => setDraft({ ...draft, capacity: Number(e.target.value) })}
              className={field}
            />
          </div>
        )}
      </div>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 font-semibold">{t('conversations.availability.weekly')}</legend>
        {weekly.length === 0 && <p className="text-sm">{t('conversations.availability.none')}</p>}
        {weekly.map((w, index) => (
          <div key={index} className="flex flex-wrap items-end gap-2" data-testid="window">
            <select
              aria-label={t('conversations.availability.weekly')}
              value={w.weekday}
              onChange={(e) => setWindow(index, { weekday: Number(e.target.value) })}
              className={`${field} first-letter:uppercase`}
            >
              {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                <option key={day} value={day}>
                  {weekdayName(day, locale)}
                </option>
              ))}
            </select>
            <label className="flex flex-col text-sm">
              {t('conversations.availability.from')}
              <TimeSelect value={w.start} onChange={(start) => setWindow(index, { start })} />
            </label>
            <label className="flex flex-col text-sm">
              {t('conversations.availability.to')}
              <TimeSelect value={w.end} onChange={(end) => setWindow(index, { end })} />
            </label>
            <button
              type="button"
              onClick={() => setDraft({ ...draft, weekly: weekly.filter((_, i) => i !== index) })}
              aria-label={t('conversations.availability.remove', {
                day: weekdayName(w.weekday, locale),
                start: w.start,
                end: w.end,
              })}
              className="rounded border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600"
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            setDraft({ ...draft, weekly: [...weekly, { weekday: 1, start: '10:00', end: '12:00' }] })
          }
          className="self-start rounded border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600"
        >
          + {t('conversations.availability.add')}
        </button>
      </fieldset>
      <ProblemMessage error={save.error} />
      {save.isSuccess && (
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          {t('conversations.availability.saved')}
        </p>
      )}
      <button
        type="submit"
        disabled={save.isPending}
        className="self-start rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t('ui.save')}
      </button>
    </form>
  );
}

/** The advertiser picks one of their published listings and sets when it can be visited. */
export function AvailabilityView() {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const session = useSignedIn('/desk/availability');
  const mine = useQuery({
    queryKey: ['my-listings', session?.userId],
    enabled: Boolean(session),
    queryFn: async () => ok(await api.GET('/v1/me/listings', { params: { query: { limit: 200 } } })).items,
  });
  const visitable = (mine.data ?? []).filter((l) => l.status === 'published' || l.status === 'under_offer');
  const [picked, setPicked] = useState<string | null>(null);
  const listingId = picked ?? visitable[0]?.id ?? null;
  const availability = useQuery({
    queryKey: ['availability', listingId],
    enabled: Boolean(listingId),
    queryFn: async () => {
      try {
        return ok(await api.GET('/v1/listings/{id}/availability', { params: { path: { id: listingId! } } }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
  if (!session) return null;
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="mb-4 text-2xl font-bold">{t('conversations.availability.title')}</h1>
      {mine.isPending ? (
        <p>{t('ui.loading')}</p>
      ) : visitable.length === 0 ? (
        <p>{t('conversations.availability.noListing')}</p>
      ) : (
        <>
          <div className="mb-6 flex flex-col gap-1">
            <label htmlFor={`${id}-listing`} className="text-sm font-medium">
              {t('conversations.availability.listing')}
            </label>
            <select
              id={`${id}-listing`}
              value={listingId ?? ''}
              onChange={(e) => setPicked(e.target.value)}
              className={field}
            >
              {visitable.map((listing) => (
                <option key={listing.id} value={listing.id}>
                  {listingTitle(listing, locale)}
                </option>
              ))}
            </select>
          </div>
          {availability.isPending ? (
            <p>{t('ui.loading')}</p>
          ) : availability.error ? (
            <ProblemMessage error={availability.error} />
          ) : (
            <AvailabilityEditor
              key={listingId}
              listingId={listingId!}
              initial={toInput(availability.data ?? null)}
            />
          )}
        </>
      )}
    </div>
  );
}
