'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useT } from '../i18n/use-locale.ts';
import { Done, Field, inputClass, primaryButton, problemMessage, secondaryButton, sectionClass } from './field.tsx';

/** A phone number confirmed by a texted code: POST /v1/auth/phone, then /v1/auth/phone/verify. */
export function PhoneVerification({ userId, phone, verified }: { userId: string; phone: string | null; verified: boolean }) {
  const t = useT();
  const queries = useQueryClient();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: async (number: string) => ok(await api.POST('/v1/auth/phone', { body: { phone: number } })),
    onSuccess: (answer) => setSentTo(answer.phone),
  });
  const confirm = useMutation({
    mutationFn: async (code: string) => ok(await api.POST('/v1/auth/phone/verify', { body: { code } })),
    onSuccess: () => {
      setSentTo(null);
      void queries.invalidateQueries({ queryKey: ['me', userId] });
    },
  });
  return (
    <section aria-labelledby="phone" className={sectionClass}>
      <h2 id="phone" className="mb-2 text-lg font-semibold">
        {t('account.phone.title')}
      </h2>
      {phone && (
        <p className={`mb-3 text-sm font-medium ${verified ? 'text-emerald-800 dark:text-emerald-300' : 'text-amber-800 dark:text-amber-300'}`}>
          {phone} — {verified ? `✓ ${t('account.phone.verified')}` : t('account.phone.unverified')}
        </p>
      )}
      <form
        className="flex flex-col gap-3 sm:flex-row sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate(String(new FormData(event.currentTarget).get('phone') ?? ''));
        }}
      >
        <div className="grow">
          <Field id="phone-number" label={t('account.phone.number')} error={problemMessage(send.error, t('ui.error'), 'phone')}>
            <input id="phone-number" name="phone" type="tel" required autoComplete="tel" defaultValue={phone ?? ''} placeholder="+32 470 12 34 56" className={inputClass} />
          </Field>
        </div>
        <button type="submit" disabled={send.isPending} className={secondaryButton}>
          {t('account.phone.send')}
        </button>
      </form>
      {sentTo && (
        <form
          className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            confirm.mutate(String(new FormData(event.currentTarget).get('code') ?? ''));
          }}
        >
          <div className="grow">
            <Done>{t('account.phone.sent', { phone: sentTo })}</Done>
            <Field id="phone-code" label={t('account.phone.code')} error={problemMessage(confirm.error, t('ui.error'), 'code')}>
              <input id="phone-code" name="code" inputMode="numeric" autoComplete="one-time-code" required pattern="\d{6}" maxLength={6} className={inputClass} />
            </Field>
          </div>
          <button type="submit" disabled={confirm.isPending} className={primaryButton}>
            {t('account.phone.verify')}
          </button>
        </form>
      )}
      {confirm.isSuccess && <Done>{t('account.phone.done')}</Done>}
    </section>
  );
}
