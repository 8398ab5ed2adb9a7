'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { LOCALES, type Locale } from '@immo/i18n';
import { api } from '../api/browser-client.ts';
import { useT } from '../i18n/use-locale.ts';
import { Done, Field, inputClass, primaryButton, problemMessage, sectionClass } from './field.tsx';

// Each language is named in itself, whatever the page's language.
const LANGUAGE_NAMES: Record<Locale, string> = { fr: 'Français', nl: 'Nederlands', de: 'Deutsch', en: 'English' };

/** Display name and the language of mails and texts (PUT /v1/users/{id}). */
export function ProfileIdentity({ userId, displayName, locale }: { userId: string; displayName: string | null; locale: Locale }) {
  const t = useT();
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: async (body: { displayName: string | null; locale: Locale }) => ok(await api.PUT('/v1/users/{id}', { params: { path: { id: userId } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['me', userId] }),
  });
  return (
    <section aria-labelledby="identity" className={sectionClass}>
      <h2 id="identity" className="mb-3 text-lg font-semibold">
        {t('account.profile.identity')}
      </h2>
      <form
        className="grid gap-3 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const name = String(form.get('displayName') ?? '').trim();
          save.mutate({ displayName: name || null, locale: form.get('locale') as Locale });
        }}
      >
        <Field id="displayName" label={t('web.displayName')} error={problemMessage(save.error, t('ui.error'), 'displayName')}>
          <input id="displayName" name="displayName" defaultValue={displayName ?? ''} maxLength={80} autoComplete="name" className={inputClass} />
        </Field>
        <Field id="locale" label={t('account.profile.locale')}>
          <select id="locale" name="locale" defaultValue={locale} className={inputClass}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex items-center gap-3 sm:col-span-2">
          <button type="submit" disabled={save.isPending} className={primaryButton}>
            {t('ui.save')}
          </button>
          {save.isSuccess && <Done>{t('account.saved')}</Done>}
        </div>
      </form>
    </section>
  );
}
