'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { AccountPage } from './account-page.tsx';
import { EmailStatus } from './email-status.tsx';
import { secondaryButton } from './field.tsx';
import { MfaSettings } from './mfa-settings.tsx';
import { PasswordChange } from './password-change.tsx';
import { PhoneVerification } from './phone-verification.tsx';
import { ProfileIdentity } from './profile-identity.tsx';
import { useSession } from './session-store.ts';
import { SessionsList } from './sessions-list.tsx';
import { useMe } from './use-me.ts';

/** The profile: identity, e-mail, phone, password, two-factor, sessions. */
export function AccountView() {
  const t = useT();
  return (
    <AccountPage title={t('web.account')} path="/account">
      {(session) => <Profile userId={session.userId} />}
    </AccountPage>
  );
}

function Profile({ userId }: { userId: string }) {
  const locale = useLocale();
  const t = useT();
  const router = useRouter();
  const signOut = useSession((s) => s.signOut);
  const me = useMe(userId);
  if (!me.data) return <p>{me.isError ? t('ui.error') : t('ui.loading')}</p>;
  const { account, mfa } = me.data;
  return (
    <>
      <p className="mb-4 flex flex-wrap justify-between gap-2 text-slate-700 dark:text-slate-300">
        {t('web.signedInAs', { name: account.displayName ?? account.email })}
        <Link href={`/${locale}/desk`} className="underline">
          {t('web.myListings')}
        </Link>
      </p>
      <ProfileIdentity userId={userId} displayName={account.displayName} locale={account.locale} />
      <EmailStatus email={account.email} verified={account.emailVerified} />
      <PhoneVerification userId={userId} phone={account.phone} verified={account.phoneVerified} />
      <PasswordChange />
      <MfaSettings userId={userId} mfa={mfa} />
      <SessionsList />
      <button
        type="button"
        className={secondaryButton}
        onClick={() => {
          const refreshToken = useSession.getState().session?.refreshToken;
          signOut();
          void api.POST('/v1/auth/logout', { body: { refreshToken } }).catch(() => undefined);
          router.push(`/${locale}`);
        }}
      >
        {t('ui.signOut')}
      </button>
    </>
  );
}
