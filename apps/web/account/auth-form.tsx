'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ApiError, ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { useSession } from './session-store.ts';
import { SocialButtons } from './social-buttons.tsx';

const input = 'w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950';

/** Sign in or create an account; afterwards, back where the person came from. */
export function AuthForm({ mode }: { mode: 'login' | 'register' }) {
  const locale = useLocale();
  const t = useT();
  const router = useRouter();
  const search = useSearchParams();
  const next = search?.get('next');
  const afterReset = mode === 'login' && search?.get('reset') === 'done';
  const signIn = useSession((s) => s.signIn);
  const [error, setError] = useState<string | null>(null);
  // the server's reason about the password (too short, breached...), shown under it
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [needsOtp, setNeedsOtp] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const otp = String(form.get('otp') ?? '') || undefined;
    setBusy(true);
    setError(null);
    setPasswordError(null);
    try {
      if (mode === 'register') {
        ok(await api.POST('/v1/auth/register', { body: { email, password, locale, displayName: String(form.get('displayName') ?? '') || undefined } }));
      }
      const pair = ok(await api.POST('/v1/auth/login', { body: { email, password, otp } }));
      signIn({ userId: pair.userId, accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: Date.now() + pair.expiresIn * 1000, email });
      router.push(next?.startsWith('/') && !next.startsWith('//') ? next : `/${locale}/account`);
    } catch (e) {
      if (e instanceof ApiError && (e.problem.type?.endsWith('/mfa-required') || e.problem.errors?.some((x) => x.path.includes('otp')))) setNeedsOtp(true);
      const aboutPassword = e instanceof ApiError ? e.problem.errors?.find((x) => x.path === 'password' || x.path === 'body.password') : undefined;
      if (aboutPassword) setPasswordError(aboutPassword.message);
      else setError(e instanceof ApiError ? (e.problem.detail ?? e.problem.title) : t('ui.error'));
    } finally {
      setBusy(false);
    }
  };

  const title = mode === 'login' ? t('ui.signIn') : t('web.register');
  return (
    <div className="mx-auto max-w-sm px-4 py-10">
      <h1 className="mb-6 text-2xl font-bold">{title}</h1>
      {afterReset && (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          {t('account.reset.done')}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        {mode === 'register' && (
          <div>
            <label htmlFor="displayName" className="mb-1 block text-sm font-medium">
              {t('web.displayName')}
            </label>
            <input id="displayName" name="displayName" autoComplete="name" className={input} />
          </div>
        )}
        <div>
          <label htmlFor="email" className="mb-1 block text-sm font-medium">
            {t('web.email')}
          </label>
          <input id="email" name="email" type="email" required autoComplete="email" className={input} />
        </div>
        <div>
          <label htmlFor="password" className="mb-1 block text-sm font-medium">
            {t('web.password')}
          </label>
          <input
            id="password"
            name="password"
            type="password"
            required
            minLength={mode === 'register' ? 10 : 1}
            autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
            className={input}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? 'password-error' : undefined}
          />
          {passwordError && (
            <p id="password-error" role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
              {passwordError}
            </p>
          )}
          {mode === 'login' && (
            <Link href={`/${locale}/account/forgot-password`} className="mt-1 inline-block text-sm underline">
              {t('account.password.forgot')}
            </Link>
          )}
        </div>
        {needsOtp && (
          <div>
            <label htmlFor="otp" className="mb-1 block text-sm font-medium">
              {t('web.otp')}
            </label>
            <input id="otp" name="otp" inputMode="numeric" autoComplete="one-time-code" className={input} />
          </div>
        )}
        {error && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy} className="rounded-lg bg-brand-700 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {busy ? t('ui.loading') : title}
        </button>
      </form>
      <SocialButtons next={next ?? null} />
      <p className="mt-6 text-sm">
        {mode === 'login' ? t('web.noAccount') : t('web.haveAccount')}{' '}
        <Link href={`/${locale}/account/${mode === 'login' ? 'register' : 'login'}${next ? `?next=${encodeURIComponent(next)}` : ''}`} className="font-medium underline">
          {mode === 'login' ? t('web.register') : t('ui.signIn')}
        </Link>
      </p>
    </div>
  );
}
