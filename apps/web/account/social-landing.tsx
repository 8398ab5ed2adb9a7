'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ApiError, ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { Field, FormError, inputClass, primaryButton } from './field.tsx';
import { useSession } from './session-store.ts';
import { SOCIAL_NEXT_KEY } from './social-buttons.tsx';

interface Pair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  userId: string;
}

type Outcome = { kind: 'reading' } | { kind: 'mfa'; mfaToken: string } | { kind: 'failed'; message: string | null };

/**
 * Where the social sign-in comes back (modules/auth/social-routes.ts): the
 * fragment holds a one-time code (or the problem's words), wiped at once; the
 * code is exchanged for the token pair or an MFA challenge, so no token ever
 * sits in a URL.
 */
export function SocialLanding() {
  const locale = useLocale();
  const t = useT();
  const router = useRouter();
  const signIn = useSession((s) => s.signIn);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'reading' });
  const [otpError, setOtpError] = useState<string | null>(null);

  const finish = async (pair: Pair) => {
    const session = { userId: pair.userId, accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: Date.now() + pair.expiresIn * 1000, email: '' };
    signIn(session);
    const me = await api.GET('/v1/auth/me');
    if (me.data) signIn({ ...session, email: me.data.account.email });
    const next = sessionStorage.getItem(SOCIAL_NEXT_KEY);
    sessionStorage.removeItem(SOCIAL_NEXT_KEY);
    router.replace(next?.startsWith('/') && !next.startsWith('//') ? next : `/${locale}/account`);
  };

  useEffect(() => {
    const fields = new URLSearchParams(window.location.hash.slice(1));
    history.replaceState(null, '', window.location.pathname);
    const code = fields.get('code');
    if (!code) {
      setOutcome({ kind: 'failed', message: fields.get('error') });
      return;
    }
    api
      .POST('/v1/auth/social/exchange', { body: { code } })
      .then((answer) => finish(ok(answer)))
      .catch((error: unknown) => {
        // the mfa-required problem carries the challenge as an extension member (RFC 9457 §3.2)
        const mfaToken = error instanceof ApiError ? (error.problem as { mfaToken?: unknown }).mfaToken : undefined;
        if (typeof mfaToken === 'string') setOutcome({ kind: 'mfa', mfaToken });
        else setOutcome({ kind: 'failed', message: error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : null });
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, []);

  return (
    <div className="mx-auto max-w-sm px-4 py-10">
      <h1 className="mb-6 text-2xl font-bold">{t('ui.signIn')}</h1>
      {outcome.kind === 'reading' && <p role="status">{t('account.social.signingIn')}</p>}
      {outcome.kind === 'failed' && (
        <>
          <FormError message={outcome.message ?? t('account.social.failed')} />
          <Link href={`/${locale}/account/login`} className="mt-4 inline-block underline">
            {t('ui.signIn')}
          </Link>
        </>
      )}
      {outcome.kind === 'mfa' && (
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            const otp = String(new FormData(event.currentTarget).get('otp') ?? '');
            setOtpError(null);
            api
              .POST('/v1/auth/login/mfa', { body: { mfaToken: outcome.mfaToken, otp } })
              .then((answer) => finish(ok(answer)))
              .catch((error: unknown) => setOtpError(error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : t('ui.error')));
          }}
        >
          <Field id="otp" label={t('web.otp')} error={otpError}>
            <input id="otp" name="otp" inputMode="numeric" autoComplete="one-time-code" required className={inputClass} />
          </Field>
          <button type="submit" className={primaryButton}>
            {t('ui.signIn')}
          </button>
        </form>
      )}
    </div>
  );
}
