'use client';
import { useCallback, useState, type FormEvent } from 'react';
import { ApiError, ok } from '@immo/api-client';
import type { Region } from '@immo/i18n';
import { api } from '../api/browser-client.ts';
import type { Listing } from '../api/shapes.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { AddressFields } from './address-fields.tsx';
import { BasicsFields } from './basics-fields.tsx';
import { DescriptionFields } from './description-fields.tsx';
import { EpcFields } from './epc-fields.tsx';
import { fieldErrors, type FieldErrors } from './field-errors.ts';
import { saveOverPhotoChanges } from './follow-listing-photos.ts';
import { draftFromListing, draftToBody, emptyDraft, type Language, type ListingDraft } from './listing-draft.ts';
import type { MyAgency } from './my-agencies.ts';
import { usePostalCommunes } from './postal-communes.ts';
import { PropertyFields } from './property-fields.tsx';
import { ProblemNotice } from './problem-notice.tsx';

/** The top-level fields the form shows a server message beside. */
const FIELD_PATHS = ['transaction', 'type', 'price', 'charges', 'agencyId', 'address', 'livingArea', 'landArea', 'rooms', 'bedrooms', 'bathrooms', 'yearBuilt', 'condition', 'epc', 'features', 'availableFrom', 'language', 'title', 'description'];

interface Props {
  /** The listing being edited (its owner's full view); none for a new one. */
  listing?: Listing;
  agencies: MyAgency[];
  onSaved(listing: Listing): void;
  /** Asked after a 409: read the listing again (the draft restarts from it). */
  onReload?(): void;
}

/**
 * Every field of the listing contract in one form. The server judges: its
 * field messages appear under the fields, and an edit carries the version it
 * started from (If-Match), so a change made elsewhere meanwhile answers 409.
 */
export function ListingForm({ listing, agencies, onSaved, onReload }: Props) {
  const t = useT();
  const locale = useLocale();
  const [draft, setDraft] = useState<ListingDraft>(() => (listing ? draftFromListing(listing) : emptyDraft(locale as Language, agencies.length === 1 ? agencies[0]!.agencyId : '')));
  const update = useCallback((patch: Partial<ListingDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const communes = usePostalCommunes(draft.postalCode);
  const region = communes.data?.find((c) => c.nis === draft.communeNis)?.region ?? (listing?.address.communeNis === draft.communeNis ? (listing?.region as Region | undefined) : undefined);
  const lookupError = communes.error instanceof ApiError ? (communes.error.problem.detail ?? communes.error.problem.title) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setErrors({});
    setProblem(null);
    try {
      const body = draftToBody(draft);
      const answer = listing
        ? await saveOverPhotoChanges(listing, async (version) => ok(await api.PUT('/v1/listings/{id}', { params: { path: { id: listing.id }, header: { 'if-match': `"${version}"` } }, body })))
        : ok(await api.POST('/v1/listings', { body }));
      setSaved(true);
      onSaved(answer);
    } catch (error) {
      setErrors(fieldErrors(error));
      setProblem(error);
      // the first field the server named takes the focus; else the message comes into view
      requestAnimationFrame(() => {
        const field = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
        if (field) field.focus();
        else document.querySelector('form [role="alert"]')?.scrollIntoView({ block: 'center' });
      });
    } finally {
      setBusy(false);
    }
  };

  const stale = problem instanceof ApiError && problem.status === 409;
  // messages the fields below show are summed up; any other (e.g. coordinates) is said here
  const elsewhere = Object.entries(errors).filter(([path]) => !FIELD_PATHS.includes(path.split('.')[0]!));
  const summary = Object.keys(errors).length ? [t('desk.form.fixFields'), ...elsewhere.map(([, m]) => m)].join(' ') : undefined;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-version={listing?.version} className="flex flex-col gap-6">
      {problem !== null && (
        <ProblemNotice error={problem} message={stale ? t('desk.form.changedElsewhere') : summary}>
          {stale && (
            <>
              {onReload && (
                <button type="button" onClick={onReload} className="mt-2 rounded border border-current px-3 py-1">
                  {t('desk.form.reload')}
                </button>
              )}
            </>
          )}
        </ProblemNotice>
      )}
      <BasicsFields draft={draft} update={update} errors={errors} agencies={agencies} />
      <AddressFields draft={draft} update={update} errors={errors} communes={communes.data} lookupError={lookupError} />
      <PropertyFields draft={draft} update={update} errors={errors} />
      <EpcFields draft={draft} update={update} errors={errors} region={region} />
      <DescriptionFields draft={draft} update={update} errors={errors} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={busy} className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {busy ? t('ui.loading') : listing ? t('ui.save') : t('desk.form.create')}
        </button>
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          {saved && listing ? t('desk.form.saved') : ''}
        </p>
      </div>
    </form>
  );
}
