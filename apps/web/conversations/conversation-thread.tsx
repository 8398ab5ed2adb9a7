'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { formatDateTime } from '@immo/i18n';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import type { Conversation } from './api-shapes.ts';
import { ListingName } from './conversation-list.tsx';
import { ProblemMessage } from './problem-message.tsx';
import { useMessages } from './queries.ts';
import { useTyping } from './use-typing.ts';

/** One conversation: its messages (live), read receipts, typing indicator and the reply box. */
export function ConversationThread({
  conversation,
  myUserId,
}: {
  conversation: Conversation;
  myUserId: string;
}) {
  const t = useT();
  const locale = useLocale();
  const client = useQueryClient();
  const messages = useMessages(conversation.id);
  const { othersTyping, typed, stopped } = useTyping(conversation.id, myUserId);
  const form = useRef<HTMLFormElement>(null);
  const end = useRef<HTMLParagraphElement>(null);
  const fieldId = useId();
  const items = messages.data ?? [];
  const newest = items.at(-1);

  // reading the thread tells the other side (receipts only move forward)
  const read = useMutation({
    mutationFn: async (messageId: string) =>
      ok(
        await api.POST('/v1/conversations/{id}/read', {
          params: { path: { id: conversation.id } },
          body: { messageId },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conversations'] }),
  });
  const markRead = read.mutate;
  useEffect(() => {
    if (newest && newest.side !== conversation.side && conversation.unread > 0) markRead(newest.id);
  }, [newest, conversation.side, conversation.unread, markRead]);
  useEffect(() => {
    // (braces: newer Chromium returns a promise from scrollIntoView, which React would take for a cleanup)
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [items.length, othersTyping]);

  const send = useMutation({
    mutationFn: async (text: string) =>
      ok(
        await api.POST('/v1/messages', {
          body: { conversationId: conversation.id, text, clientId: crypto.randomUUID() },
        }),
      ),
    onSuccess: () => {
      form.current?.reset();
      void client.invalidateQueries({ queryKey: ['messages', conversation.id] });
      void client.invalidateQueries({ queryKey: ['conversations'] });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('text') ?? '').trim();
    if (!text) return;
    stopped();
    send.mutate(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  };

  // the receipt shows under my side's last message
  const lastOurs = [...items].reverse().find((m) => m.side === conversation.side);
  const seen =
    lastOurs && conversation.readByOtherUpTo !== null && conversation.readByOtherUpTo >= lastOurs.id;

  return (
    <section aria-labelledby={`${fieldId}-title`} className="flex min-h-[24rem] flex-col">
      <header className="border-b border-slate-200 px-4 py-3 dark:border-slate-700">
        <h2 id={`${fieldId}-title`} className="font-semibold">
          <ListingName listingId={conversation.listingId} />
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {t(conversation.side === 'owner' ? 'conversations.side.seeker' : 'conversations.side.owner')} ·{' '}
          <Link href={`/${locale}/listing/${conversation.listingId}`} className="underline">
            {t('conversations.viewListing')}
          </Link>
        </p>
      </header>
      <div
        role="log"
        aria-label={t('conversations.messages.title')}
        className="flex flex-1 flex-col overflow-y-auto p-4"
        data-testid="thread"
      >
        <ol className="flex flex-col gap-2">
          {messages.isPending && <li>{t('ui.loading')}</li>}
          {!messages.isPending && items.length === 0 && (
            <li className="text-sm">{t('conversations.noMessages')}</li>
          )}
          {items.map((message) => {
            const ours = message.side === conversation.side;
            return (
              <li
                key={message.id}
                className={`flex max-w-[85%] flex-col ${ours ? 'self-end items-end' : 'self-start items-start'}`}
              >
                <p
                  className={`whitespace-pre-line rounded-2xl px-3 py-2 ${ours ? 'bg-brand-700 text-white' : 'bg-slate-100 dark:bg-slate-800'}`}
                >
                  {message.text}
                </p>
                <span className="mt-0.5 text-xs text-slate-600 dark:text-slate-300">
                  {message.senderId === myUserId
                    ? t('conversations.you')
                    : t(
                        message.side === 'owner' ? 'conversations.side.owner' : 'conversations.side.seeker',
                      )}{' '}
                  · {formatDateTime(message.createdAt, locale)}
                  {message.id === lastOurs?.id && (
                    <> · {seen ? t('conversations.read') : t('conversations.sentState')}</>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
        <p ref={end} className="min-h-5 pt-2 text-sm italic text-slate-600 dark:text-slate-300">
          {othersTyping ? t('conversations.typing') : ''}
        </p>
      </div>
      {conversation.blocked ? (
        <p className="border-t border-slate-200 p-4 text-sm dark:border-slate-700">
          {t('conversations.blocked')}
        </p>
      ) : (
        <form
          ref={form}
          onSubmit={submit}
          className="flex flex-col gap-2 border-t border-slate-200 p-3 dark:border-slate-700"
        >
          <label htmlFor={fieldId} className="sr-only">
            {t('conversations.reply')}
          </label>
          <div className="flex gap-2">
            <textarea
              id={fieldId}
              name="text"
              rows={2}
              maxLength={4000}
              required
              onChange={typed}
              onKeyDown={onKeyDown}
              placeholder={t('conversations.reply')}
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950"
            />
            <button
              type="submit"
              disabled={send.isPending}
              className="self-end rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {t('conversations.send')}
            </button>
          </div>
          <ProblemMessage error={send.error} />
        </form>
      )}
    </section>
  );
}
