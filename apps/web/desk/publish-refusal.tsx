'use client';
import Link from 'next/link';
import { ApiError } from '@immo/api-client';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { ProblemNotice } from './problem-notice.tsx';

/**
 * Why a move was refused, in the server's words. A refused publication
 * (e-mail or phone not verified: 403; no energy certificate: 422 on `epc`)
 * also links to the profile, where the advertiser verifies them.
 */
export function PublishRefusal({ error }: { error: unknown }) {
  const t = useT();
  const locale = useLocale();
  const toProfile = error instanceof ApiError && (error.status === 403 || (error.problem.errors ?? []).some((e) => e.path === 'epc' || e.path.startsWith('epc.')));
  const stale = error instanceof ApiError && error.status === 409;
  return (
    <ProblemNotice error={error}>
      {toProfile && (
        <Link href={`/${locale}/account`} className="mt-1 inline-block font-medium underline">
          {t('desk.publish.toProfile')}
        </Link>
      )}
      {stale && <span className="mt-1 block">{t('desk.form.changedElsewhere')}</span>}
    </ProblemNotice>
  );
}
