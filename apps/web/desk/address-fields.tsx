'use client';
import { useEffect } from 'react';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { errorAt } from './field-errors.ts';
import { Fieldset, SelectField, TextField, type SectionProps } from './form-controls.tsx';
import type { ListingDraft } from './listing-draft.ts';
import type { PostalCommune } from './postal-communes.ts';

/**
 * Street, number, box, postal code → the commune it serves (chosen when a code
 * serves several), and whether the public sees the exact address.
 */
export function AddressFields({ draft, update, errors, communes, lookupError }: SectionProps<ListingDraft> & { communes: PostalCommune[] | undefined; lookupError?: string }) {
  const t = useT();
  const locale = useLocale();
  // one commune for the code: take it; a code that no longer serves the chosen commune: drop it
  useEffect(() => {
    if (!communes) return;
    if (communes.length === 1 && draft.communeNis !== communes[0]!.nis) update({ communeNis: communes[0]!.nis });
    else if (communes.length > 1 && draft.communeNis && !communes.some((c) => c.nis === draft.communeNis)) update({ communeNis: '' });
  }, [communes, draft.communeNis, update]);
  const name = (c: PostalCommune) => (locale === 'nl' ? c.name.nl : locale === 'de' ? (c.name.de ?? c.name.fr) : c.name.fr);
  return (
    <Fieldset legend={t('desk.form.address')}>
      <TextField id="street" label={t('desk.form.street')} autoComplete="address-line1" value={draft.street} onChange={(street) => update({ street })} error={errorAt(errors, 'address.street')} />
      <div className="grid grid-cols-2 gap-4">
        <TextField id="number" label={t('desk.form.number')} value={draft.number} onChange={(number) => update({ number })} error={errorAt(errors, 'address.number')} />
        <TextField id="box" label={t('desk.form.box')} value={draft.box} onChange={(box) => update({ box })} error={errorAt(errors, 'address.box')} />
      </div>
      <TextField
        id="postalCode"
        label={t('desk.form.postalCode')}
        inputMode="numeric"
        autoComplete="postal-code"
        value={draft.postalCode}
        onChange={(postalCode) => update({ postalCode })}
        error={[lookupError, errorAt(errors, 'address.postalCode')].filter(Boolean).join(' ') || undefined}
      />
      <SelectField id="communeNis" label={t('desk.form.commune')} value={draft.communeNis} disabled={!communes?.length} onChange={(communeNis) => update({ communeNis })} error={errorAt(errors, 'address.communeNis')}>
        <option value="">{communes?.length ? t('desk.form.communeChoose') : t('desk.form.communeFirst')}</option>
        {communes?.map((c) => (
          <option key={c.nis} value={c.nis}>
            {name(c)} ({c.postalCodes.filter((p) => p.code === draft.postalCode.trim()).map((p) => p.place).join(', ') || c.nis})
          </option>
        ))}
      </SelectField>
      <label className="flex items-start gap-2 text-sm sm:col-span-2">
        <input type="checkbox" className="mt-1 h-4 w-4" checked={draft.hidden} onChange={(e) => update({ hidden: e.target.checked })} />
        <span>{t('desk.form.hideAddress')}</span>
      </label>
    </Fieldset>
  );
}
