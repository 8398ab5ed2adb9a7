'use client';
import { useT } from '../i18n/use-locale.ts';
import { errorAt } from './field-errors.ts';
import { FieldError, Fieldset, SelectField, TextField, inputClass, type SectionProps } from './form-controls.tsx';
import { LANGUAGES, type Language, type ListingDraft } from './listing-draft.ts';

const NAMES: Record<Language, string> = { fr: 'Français', nl: 'Nederlands', de: 'Deutsch', en: 'English' };

/** The ad's main language, and its title and description in each of the four languages. */
export function DescriptionFields({ draft, update, errors }: SectionProps<ListingDraft>) {
  const t = useT();
  return (
    <Fieldset legend={t('desk.form.texts')}>
      <SelectField id="language" label={t('desk.form.language')} value={draft.language} onChange={(v) => update({ language: v as Language })} error={errorAt(errors, 'language')}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </SelectField>
      <FieldError id="title-error" message={errors.title} />
      {LANGUAGES.map((l) => (
        <div key={l} className="flex flex-col gap-2 sm:col-span-2">
          <TextField id={`title-${l}`} label={t('desk.form.title', { language: NAMES[l] })} value={draft.title[l]} onChange={(v) => update({ title: { ...draft.title, [l]: v } })} error={errorAt(errors, `title.${l}`)} />
          <div>
            <label htmlFor={`description-${l}`} className="mb-1 block text-sm font-medium">
              {t('desk.form.description', { language: NAMES[l] })}
            </label>
            <textarea
              id={`description-${l}`}
              rows={4}
              lang={l}
              value={draft.description[l]}
              onChange={(e) => update({ description: { ...draft.description, [l]: e.target.value } })}
              aria-invalid={errorAt(errors, `description.${l}`) ? true : undefined}
              aria-describedby={errorAt(errors, `description.${l}`) ? `description-${l}-error` : undefined}
              className={inputClass}
            />
            <FieldError id={`description-${l}-error`} message={errorAt(errors, `description.${l}`)} />
          </div>
        </div>
      ))}
    </Fieldset>
  );
}
