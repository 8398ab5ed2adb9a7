'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useT } from '../i18n/use-locale.ts';
import type { Conversation } from './api-shapes.ts';
import { BlockDialog } from './block-dialog.tsx';
import { ProblemMessage } from './problem-message.tsx';
import { ReportDialog } from './report-dialog.tsx';

/** The thread's header buttons: report the conversation, block or unblock the other party. */
export function ThreadActions({ conversation, onReported }: { conversation: Conversation; onReported(): void }) {
  const t = useT();
  const client = useQueryClient();
  const block = useMutation({
    mutationFn: async (blocked: boolean) => {
      const params = { params: { path: { id: conversation.id } } };
      ok(await (blocked ? api.PUT('/v1/conversations/{id}/block', params) : api.DELETE('/v1/conversations/{id}/block', params)));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['conversations'] }),
  });
  // the other party gone (erased account) leaves nothing to block
  const otherGone = conversation.side === 'owner' ? !conversation.seekerId : !conversation.ownerId && !conversation.agencyId;
  return (
    <div role="group" aria-label={t('conversations.actions')} className="flex flex-wrap items-center gap-2">
      <ReportDialog conversationId={conversation.id} onReported={onReported} />
      {conversation.blockedByMe ? (
        <button
          type="button"
          disabled={block.isPending}
          onClick={() => block.mutate(false)}
          className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-50 dark:border-slate-600"
        >
          {t('conversations.unblock.button')}
        </button>
      ) : (
        !otherGone && <BlockDialog disabled={block.isPending} onConfirm={() => block.mutate(true)} />
      )}
      <div className="w-full">
        <ProblemMessage error={block.error} />
      </div>
    </div>
  );
}
