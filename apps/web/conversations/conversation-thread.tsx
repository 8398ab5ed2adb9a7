'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { formatDateTime } from '@immo/i18n';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import type { Conversation } from './api-shapes.ts';
import { ListingName } from './conversation-list.tsx';
import { MessageAttachments } from './message-attachments.tsx';
import { MessageComposer } from './message-composer.tsx';
import { useMessages } from './queries.ts';
import { ReportDialog } from './report-dialog.tsx';
import { ThreadActions } from './thread-actions.tsx';
import { useTyping } from './use-typing.ts';

/** One conversation: its messages (live) with their files, read receipts, typing indicator, the reply box, block and report. */
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
  const [reported, setReported] = useState(false);
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
        <div className="mt-2">
          <ThreadActions conversation={conversation} onReported={() => setReported(true)} />
        </div>
        <p role="status" className="text-sm text-green-800 empty:hidden dark:text-green-300">
          {reported ? t('conversations.report.done') : ''}
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
                {message.text && (
                  <p
                    className={`whitespace-pre-line rounded-2xl px-3 py-2 ${ours ? 'bg-brand-700 text-white' : 'bg-slate-100 dark:bg-slate-800'}`}
                  >
                    {message.text}
                  </p>
                )}
                <MessageAttachments attachments={message.attachments} />
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
                  {!ours && (
                    <>
                      {' · '}
                      <ReportDialog
                        conversationId={conversation.id}
                        messageId={message.id}
                        onReported={() => setReported(true)}
                      />
                    </>
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
      <MessageComposer conversation={conversation} typed={typed} stopped={stopped} />
    </section>
  );
}
