'use client';
import type { MessageKey } from '@immo/i18n';
import { useT } from '../i18n/use-locale.ts';
import { errorAt } from './field-errors.ts';
import { Fieldset, SelectField, TextField, type SectionProps } from './form-controls.tsx';
import { PROPERTY_TYPES, TRANSACTIONS, type ListingDraft } from './listing-draft.ts';

/** Transaction, type, price (or rent and charges), and for whom: me or one of my agencies. */
export function BasicsFields({ draft, update, errors, agencies }: SectionProps<ListingDraft> & { agencies: { agencyId: string; name: string }[] }) {
  const t = useT();
  return (
    <Fieldset legend={t('desk.form.basics')}>
      <SelectField id="transaction" label={t('desk.form.transaction')} value={draft.transaction} onChange={(v) => update({ transaction: v as ListingDraft['transaction'] })} error={errorAt(errors, 'transaction')}>
        {TRANSACTIONS.map((x) => (
          <option key={x} value={x}>
            {t(`transaction.${x}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id="type" label={t('desk.form.type')} value={draft.type} onChange={(v) => update({ type: v as ListingDraft['type'] })} error={errorAt(errors, 'type')}>
        {PROPERTY_TYPES.map((x) => (
          <option key={x} value={x}>
            {t(`desk.type.${x}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <TextField id="price" label={draft.transaction === 'rent' ? t('desk.form.rent') : t('desk.form.price')} inputMode="numeric" required value={draft.price} onChange={(price) => update({ price })} error={errorAt(errors, 'price')} />
      {draft.transaction === 'rent' && (
        <TextField id="charges" label={t('desk.form.charges')} inputMode="numeric" value={draft.charges} onChange={(charges) => update({ charges })} error={errorAt(errors, 'charges')} />
      )}
      {agencies.length > 0 && (
        <SelectField id="agencyId" label={t('desk.form.advertiser')} value={draft.agencyId} onChange={(agencyId) => update({ agencyId })} error={errorAt(errors, 'agencyId')}>
          <option value="">{t('desk.form.advertiserMe')}</option>
          {agencies.map((a) => (
            <option key={a.agencyId} value={a.agencyId}>
              {a.name}
            </option>
          ))}
        </SelectField>
      )}
    </Fieldset>
  );
}
