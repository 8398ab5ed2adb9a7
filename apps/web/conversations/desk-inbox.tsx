'use client';
import Link from 'next/link';
import { useSession } from '../account/session-store.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { IncomingVisits } from './incoming-visits.tsx';
import { InboxView } from './inbox-view.tsx';

/** The advertiser's inbox: visit requests on their listings, then the conversations about them. */
export function DeskInbox() {
  const t = useT();
  const locale = useLocale();
  const userId = useSession((s) => s.session?.userId);
  const aside = userId ? (
    <>
      <p className="mb-4 text-sm">
        <Link href={`/${locale}/desk/availability`} className="underline">
          {t('conversations.availability.title')}
        </Link>
      </p>
      <IncomingVisits myUserId={userId} />
    </>
  ) : null;
  return <InboxView side="owner" path="/desk/inbox" title={t('conversations.inbox.title')} aside={aside} />;
}
