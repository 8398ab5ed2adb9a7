'use client';
import { useT } from '../i18n/use-locale.ts';
import { AccountPage } from './account-page.tsx';
import { ConsentSwitches } from './consent-switches.tsx';
import { DataExport } from './data-export.tsx';
import { DeleteAccount } from './delete-account.tsx';

/** The GDPR page: consents, the export of everything, erasure. */
export function PrivacyView() {
  const t = useT();
  return (
    <AccountPage title={t('account.privacy.title')} path="/account/privacy">
      {(session) => (
        <>
          <ConsentSwitches userId={session.userId} />
          <DataExport userId={session.userId} />
          <DeleteAccount userId={session.userId} />
        </>
      )}
    </AccountPage>
  );
}
