'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useT } from '../i18n/use-locale.ts';
import { Field, inputClass, primaryButton, problemMessage, secondaryButton, sectionClass } from './field.tsx';
import { TotpQr } from './totp-qr.tsx';

interface MfaState {
  enrolled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

/** TOTP: enrol (QR code and secret, then a first code), recovery codes, turning it off. */
export function MfaSettings({ userId, mfa }: { userId: string; mfa: MfaState }) {
  const t = useT();
  const queries = useQueryClient();
  const [otp, setOtp] = useState('');
  // a used code is worth nothing: the field empties after each success
  const refresh = () => {
    setOtp('');
    return queries.invalidateQueries({ queryKey: ['me', userId] });
  };
  const [codes, setCodes] = useState<string[] | null>(null);
  const enrol = useMutation({ mutationFn: async () => ok(await api.POST('/v1/auth/mfa/totp')) });
  const confirm = useMutation({
    mutationFn: async (otp: string) => ok(await api.POST('/v1/auth/mfa/totp/confirm', { body: { otp } })),
    onSuccess: (answer) => {
      setCodes(answer.recoveryCodes);
      enrol.reset();
      void refresh();
    },
  });
  const renew = useMutation({
    mutationFn: async (otp: string) => ok(await api.POST('/v1/auth/mfa/recovery-codes', { body: { otp } })),
    onSuccess: (answer) => {
      setCodes(answer.recoveryCodes);
      void refresh();
    },
  });
  const disable = useMutation({
    mutationFn: async (otp: string) => ok(await api.POST('/v1/auth/mfa/totp/disable', { body: { otp } })),
    onSuccess: () => {
      setCodes(null);
      void refresh();
    },
  });
  const failed = confirm.error ?? renew.error ?? disable.error ?? enrol.error;

  return (
    <section aria-labelledby="mfa" className={sectionClass}>
      <h2 id="mfa" className="mb-2 text-lg font-semibold">
        {t('account.mfa.title')}
      </h2>
      <p className="text-sm">
        {mfa.enrolled ? t('account.mfa.enabled') : t('account.mfa.disabled')} {mfa.required && t('account.mfa.required')}
      </p>
      {mfa.enrolled && <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t('account.mfa.recoveryLeft', { count: mfa.recoveryCodesLeft })}</p>}

      {!mfa.enrolled && !enrol.data && (
        <button type="button" className={`${primaryButton} mt-3`} disabled={enrol.isPending} onClick={() => enrol.mutate()}>
          {t('account.mfa.enrol')}
        </button>
      )}

      {enrol.data && (
        <div className="mt-3 flex flex-col gap-3 sm:flex-row">
          <TotpQr uri={enrol.data.otpauthUri} label={t('account.mfa.qr')} />
          <div className="flex grow flex-col gap-3">
            <p className="text-sm">{t('account.mfa.scan')}</p>
            <p className="text-sm">
              {t('account.mfa.secretIs')} <code className="break-all rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">{enrol.data.secret}</code>
            </p>
          </div>
        </div>
      )}

      {(enrol.data || mfa.enrolled) && (
        <form
          className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            if (enrol.data) confirm.mutate(otp);
          }}
        >
          <div className="sm:w-48">
            <Field id="mfa-otp" label={t('account.mfa.code')} error={problemMessage(failed, t('ui.error'), 'otp')}>
              <input id="mfa-otp" value={otp} onChange={(e) => setOtp(e.target.value.trim())} inputMode="numeric" autoComplete="one-time-code" maxLength={11} className={inputClass} />
            </Field>
          </div>
          {enrol.data ? (
            <button type="submit" disabled={confirm.isPending} className={primaryButton}>
              {t('account.mfa.confirm')}
            </button>
          ) : (
            <>
              <button type="button" disabled={renew.isPending} className={secondaryButton} onClick={() => renew.mutate(otp)}>
                {t('account.mfa.newCodes')}
              </button>
              {!mfa.required && (
                <button type="button" disabled={disable.isPending} className={secondaryButton} onClick={() => disable.mutate(otp)}>
                  {t('account.mfa.disable')}
                </button>
              )}
            </>
          )}
        </form>
      )}

      {codes && (
        <div className="mt-4 rounded-lg bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          <h3 className="font-semibold">{t('account.mfa.recoveryCodes')}</h3>
          <p className="text-sm">{t('account.mfa.recoveryHint')}</p>
          <ul className="mt-2 grid grid-cols-2 gap-1 font-mono text-sm">
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
