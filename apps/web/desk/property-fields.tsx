'use client';
import type { MessageKey } from '@immo/i18n';
import { useT } from '../i18n/use-locale.ts';
import { errorAt } from './field-errors.ts';
import { FieldError, Fieldset, SelectField, TextField, type SectionProps } from './form-controls.tsx';
import { CONDITIONS, FEATURES, type ListingDraft } from './listing-draft.ts';

/** Surfaces, rooms, year, condition, features and availability. */
export function PropertyFields({ draft, update, errors }: SectionProps<ListingDraft>) {
  const t = useT();
  const number = (key: 'livingArea' | 'landArea' | 'rooms' | 'bedrooms' | 'bathrooms' | 'yearBuilt', label: string) => (
    <TextField id={key} label={label} inputMode={key === 'livingArea' || key === 'landArea' ? 'decimal' : 'numeric'} value={draft[key]} onChange={(value) => update({ [key]: value })} error={errorAt(errors, key)} />
  );
  const toggle = (feature: string, on: boolean) => update({ features: on ? [...draft.features, feature] : draft.features.filter((f) => f !== feature) });
  return (
    <Fieldset legend={t('desk.form.property')}>
      {number('livingArea', t('desk.form.livingArea'))}
      {number('landArea', t('desk.form.landArea'))}
      {number('rooms', t('desk.form.rooms'))}
      {number('bedrooms', t('desk.form.bedrooms'))}
      {number('bathrooms', t('desk.form.bathrooms'))}
      {number('yearBuilt', t('listing.constructionYear'))}
      <SelectField id="condition" label={t('desk.form.condition')} value={draft.condition} onChange={(condition) => update({ condition })} error={errorAt(errors, 'condition')}>
        <option value="">—</option>
        {CONDITIONS.map((c) => (
          <option key={c} value={c}>
            {t(`desk.condition.${c}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <TextField id="availableFrom" type="date" label={t('desk.form.availableFrom')} value={draft.availableFrom} onChange={(availableFrom) => update({ availableFrom })} error={errorAt(errors, 'availableFrom')} />
      <fieldset className="sm:col-span-2" aria-describedby={errors.features ? 'features-error' : undefined}>
        <legend className="mb-2 text-sm font-medium">{t('web.features')}</legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {FEATURES.map((feature) => (
            <label key={feature} className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="h-4 w-4" checked={draft.features.includes(feature)} onChange={(e) => toggle(feature, e.target.checked)} />
              {t(`desk.feature.${feature}` as MessageKey)}
            </label>
          ))}
        </div>
        <FieldError id="features-error" message={errorAt(errors, 'features')} />
      </fieldset>
    </Fieldset>
  );
}
