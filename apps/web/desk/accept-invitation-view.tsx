'use client';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { ProblemNotice } from './problem-notice.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';

/**
 * Where the invitation mail's link lands (/accept-invitation?token= sends
 * here): the invited person, signed in with the invited address, joins.
 */
export function AcceptInvitationView() {
  const t = useT();
  const locale = useLocale();
  const token = useSearchParams()?.get('token') ?? '';
  const session = useSignedIn();
  const client = useQueryClient();
  const accept = useMutation({
    mutationFn: async () => ok(await api.POST('/v1/agencies/invitations/accept', { body: { token } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['my-agencies'] }),
  });
  if (!session) return <p className="px-4 py-8">{t('ui.loading')}</p>;
  return (
    <div className="mx-auto flex max-w-lg flex-col gap-4 px-4 py-10">
      <h1 className="text-2xl font-bold">{t('desk.accept.title')}</h1>
      {accept.isSuccess ? (
        <div role="status" className="flex flex-col gap-2">
          <p>{t('desk.accept.done')}</p>
          <p className="text-sm">{t('desk.accept.mfa')}</p>
          <Link href={`/${locale}/account`} className="font-medium underline">
            {t('desk.publish.toProfile')}
          </Link>
        </div>
      ) : (
        <>
          <p>{t('desk.accept.text', { email: session.email })}</p>
          {!token && <ProblemNotice error={null}>{t('desk.accept.noToken')}</ProblemNotice>}
          {accept.error && <ProblemNotice error={accept.error} />}
          <button type="button" disabled={!token || accept.isPending} onClick={() => accept.mutate()} className="self-start rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {t('desk.accept.button')}
          </button>
        </>
      )}
    </div>
  );
}
