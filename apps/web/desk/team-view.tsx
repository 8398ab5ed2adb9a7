'use client';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { formatDate } from '@immo/i18n';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { fieldErrors } from './field-errors.ts';
import { SelectField, TextField } from './form-controls.tsx';
import { useMyAgencies } from './my-agencies.ts';
import { ProblemNotice } from './problem-notice.tsx';
import { RemoveMemberDialog } from './remove-member-dialog.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';

/** /desk/team: the members of my agency; its owners invite by e-mail and remove members. */
export function TeamView() {
  const t = useT();
  const locale = useLocale();
  const session = useSignedIn();
  const client = useQueryClient();
  const agencies = useMyAgencies(session);
  const [chosen, setChosen] = useState('');
  const agency = agencies.data?.find((a) => a.agencyId === chosen) ?? agencies.data?.[0];
  const members = useQuery({
    queryKey: ['agency-members', agency?.agencyId],
    enabled: Boolean(agency),
    queryFn: async () => ok(await api.GET('/v1/agencies/{id}/members', { params: { path: { id: agency!.agencyId } } })).members,
  });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'agent' | 'owner'>('agent');
  const [sent, setSent] = useState('');
  const invite = useMutation({
    mutationFn: async () => ok(await api.POST('/v1/agencies/{id}/invitations', { params: { path: { id: agency!.agencyId } }, body: { email, role } })),
    onSuccess: () => {
      setSent(t('desk.team.invited', { email }));
      setEmail('');
    },
  });
  const remove = useMutation({
    mutationFn: async (userId: string) => ok(await api.DELETE('/v1/agencies/{id}/members/{userId}', { params: { path: { id: agency!.agencyId, userId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['agency-members'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent('');
    invite.mutate();
  };

  if (!session || agencies.isPending) return <p className="px-4 py-8">{t('ui.loading')}</p>;
  const owner = agency?.role === 'owner';
  const inviteErrors = fieldErrors(invite.error);
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-6">
      <h1 className="text-2xl font-bold">{t('desk.team.title')}</h1>
      {agencies.error && <ProblemNotice error={agencies.error} />}
      {!agency ? (
        <p>{t('desk.team.noAgency')}</p>
      ) : (
        <>
          {(agencies.data?.length ?? 0) > 1 && (
            <SelectField id="agency" label={t('desk.team.agency')} value={agency.agencyId} onChange={setChosen} className="max-w-sm">
              {agencies.data!.map((a) => (
                <option key={a.agencyId} value={a.agencyId}>
                  {a.name}
                </option>
              ))}
            </SelectField>
          )}
          <section aria-labelledby="members-title">
            <h2 id="members-title" className="mb-2 text-lg font-semibold">
              {t('desk.team.members', { agency: agency.name })}
            </h2>
            {members.error && <ProblemNotice error={members.error} />}
            {remove.error && <ProblemNotice error={remove.error} />}
            {members.isPending ? (
              <p>{t('ui.loading')}</p>
            ) : (
              <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-700 dark:border-slate-700">
                {(members.data ?? []).map((m) => {
                  const self = m.userId === session.userId;
                  const name = m.displayName ?? t('desk.team.unnamed');
                  return (
                    <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 p-3">
                      <div>
                        <p className="font-medium">
                          {name} {self && <span className="text-sm text-slate-600 dark:text-slate-400">({t('desk.team.you')})</span>}
                        </p>
                        <p className="text-sm text-slate-600 dark:text-slate-400">
                          {t(m.role === 'owner' ? 'desk.team.role.owner' : 'desk.team.role.agent')} · {t('desk.team.since', { date: formatDate(m.joinedAt, locale) })}
                        </p>
                      </div>
                      {(owner || self) && <RemoveMemberDialog name={name} self={self} disabled={remove.isPending} onConfirm={() => remove.mutate(m.userId)} />}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          {owner && (
            <section aria-labelledby="invite-title" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
              <h2 id="invite-title" className="mb-3 text-lg font-semibold">
                {t('desk.team.invite')}
              </h2>
              <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
                <TextField id="invite-email" type="email" autoComplete="off" label={t('web.email')} value={email} onChange={setEmail} error={inviteErrors.email} />
                <SelectField id="invite-role" label={t('desk.team.role')} value={role} onChange={(v) => setRole(v as 'agent' | 'owner')} error={inviteErrors.role}>
                  <option value="agent">{t('desk.team.role.agent')}</option>
                  <option value="owner">{t('desk.team.role.owner')}</option>
                </SelectField>
                <button type="submit" disabled={invite.isPending} className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60 sm:mt-6">
                  {t('desk.team.send')}
                </button>
              </form>
              {invite.error && !Object.keys(inviteErrors).length && <ProblemNotice error={invite.error} />}
              <p role="status" className="mt-2 text-sm text-green-800 dark:text-green-300">
                {sent}
              </p>
            </section>
          )}
        </>
      )}
    </div>
  );
}
