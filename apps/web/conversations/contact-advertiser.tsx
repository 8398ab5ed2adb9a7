'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useSession } from '../account/session-store.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { SignInForListing } from '../listing/sign-in-for-listing.tsx';
import { ProblemMessage } from './problem-message.tsx';
import { useHydrated } from '../account/use-signed-in.ts';

/** "Contact the advertiser" on a listing: the first message opens (or reuses) the conversation about it. */
export function ContactAdvertiser({ listingId }: { listingId: string }) {
  const t = useT();
  const locale = useLocale();
  const hydrated = useHydrated();
  const session = useSession((s) => s.session);
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const fieldId = useId();
  const send = useMutation({
    mutationFn: async (text: string) =>
      ok(await api.POST('/v1/messages', { body: { listingId, text, clientId: crypto.randomUUID() } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conversations'] }),
  });
  if (!hydrated || !session) {
    return (
      <SignInForListing listingId={listingId}>{t('conversations.contact.signIn')}</SignInForListing>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send.mutate(String(new FormData(event.currentTarget).get('text') ?? ''));
  };
  return (
    <div className="w-full">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${fieldId}-panel`}
        onClick={() => setOpen(!open)}
        className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
      >
        {t('conversations.contact.button')}
      </button>
      {open && (
        <div
          id={`${fieldId}-panel`}
          className="mt-3 rounded-xl border border-slate-200 p-4 dark:border-slate-700"
        >
          {send.isSuccess ? (
            <p role="status" className="text-sm">
              {t('conversations.contact.sent')}{' '}
              <Link
                href={`/${locale}/account/messages?c=${send.data.conversationId}`}
                className="font-medium underline"
              >
                {t('conversations.contact.open')}
              </Link>
            </p>
          ) : (
            <form onSubmit={submit} className="flex flex-col gap-2">
              <h2 className="text-lg font-semibold">{t('conversations.contact.title')}</h2>
              <label htmlFor={fieldId} className="text-sm font-medium">
                {t('conversations.contact.label')}
              </label>
              <textarea
                id={fieldId}
                name="text"
                required
                maxLength={4000}
                rows={4}
                defaultValue={t('conversations.contact.default')}
                className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950"
              />
              <ProblemMessage error={send.error} />
              <button
                type="submit"
                disabled={send.isPending}
                className="self-start rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
              >
                {send.isPending ? t('ui.loading') : t('conversations.send')}
              </button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
