'use client';
import { epcColour, epcLabels, type Region } from '@immo/i18n';
import { useT } from '../i18n/use-locale.ts';
import { errorAt } from './field-errors.ts';
import { FieldError, Fieldset, SelectField, TextField, type SectionProps } from './form-controls.tsx';
import type { ListingDraft } from './listing-draft.ts';

/** The energy certificate: the label on the scale of the commune's region, its kWh/m²/year and number. */
export function EpcFields({ draft, update, errors, region }: SectionProps<ListingDraft> & { region: Region | undefined }) {
  const t = useT();
  const labels: string[] = region ? epcLabels(region) : [];
  // a label kept from another region (or a Brussels sub-class) stays choosable
  if (draft.epcLabel && !labels.includes(draft.epcLabel)) labels.push(draft.epcLabel);
  const colour = draft.epcLabel ? epcColour(draft.epcLabel) : undefined;
  return (
    <Fieldset legend={t('epc.title')}>
      <div className="flex items-end gap-2">
        <SelectField id="epcLabel" className="flex-1" label={t('desk.form.epcLabel')} value={draft.epcLabel} disabled={!region && !draft.epcLabel} onChange={(epcLabel) => update({ epcLabel })} error={errorAt(errors, 'epc.label')}>
          <option value="">{region ? '—' : t('desk.form.epcRegionFirst')}</option>
          {labels.map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </SelectField>
        {colour && (
          <span aria-hidden="true" className="mb-1 inline-flex h-9 min-w-9 items-center justify-center rounded px-2 font-bold" style={{ background: colour.background, color: colour.text }}>
            {draft.epcLabel}
          </span>
        )}
      </div>
      <TextField id="epcKwh" label={t('desk.form.epcKwh')} inputMode="decimal" value={draft.epcKwh} onChange={(epcKwh) => update({ epcKwh })} error={errorAt(errors, 'epc.kwh')} />
      <TextField id="epcCertificate" label={t('desk.form.epcCertificate')} value={draft.epcCertificate} onChange={(epcCertificate) => update({ epcCertificate })} error={errorAt(errors, 'epc.certificate')} />
      {region && <p className="self-end text-sm text-slate-600 dark:text-slate-400">{t('desk.form.epcScale', { region: t(`region.${region}`) })}</p>}
      <div className="sm:col-span-2">
        <FieldError id="epc-error" message={errors.epc} />
      </div>
    </Fieldset>
  );
}
