'use client';
import { useT } from '../i18n/use-locale.ts';
import { AccountPage } from './account-page.tsx';
import { NotificationList } from './notification-list.tsx';
import { NotificationPreferences } from './notification-preferences.tsx';

export function NotificationsView() {
  const t = useT();
  return (
    <AccountPage title={t('account.notifications.title')} path="/account/notifications">
      {() => (
        <>
          <NotificationList />
          <NotificationPreferences />
        </>
      )}
    </AccountPage>
  );
}
