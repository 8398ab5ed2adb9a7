'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import type { ChosenFile } from './attachment-picker.tsx';

/**
 * Sends a message with its files: each file is uploaded first (raw body, its
 * own type), then the message names them. A file already uploaded by a failed
 * attempt is not sent twice. `progress` counts the uploaded files.
 */
export function useSendMessage(conversationId: string, onSent: () => void) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const send = useMutation({
    mutationFn: async ({ text, files }: { text: string; files: ChosenFile[] }) => {
      const pending = files.filter((f) => !f.id);
      setProgress(pending.length ? { done: 0, total: pending.length } : null);
      try {
        for (const [index, chosen] of pending.entries()) {
          const uploaded = ok(
            await api.POST('/v1/conversations/{id}/attachments', {
              params: { path: { id: conversationId }, query: { filename: chosen.file.name } },
              body: chosen.file as never,
              bodySerializer: (body: unknown) => body as File,
              headers: { 'content-type': chosen.file.type || 'application/octet-stream' },
            }),
          );
          chosen.id = uploaded.id;
          setProgress({ done: index + 1, total: pending.length });
        }
      } finally {
        setProgress(null);
      }
      return ok(
        await api.POST('/v1/messages', {
          body: {
            conversationId,
            text,
            attachmentIds: files.map((f) => f.id!),
            clientId: crypto.randomUUID(),
          },
        }),
      );
    },
    onSuccess: () => {
      onSent();
      void client.invalidateQueries({ queryKey: ['messages', conversationId] });
      void client.invalidateQueries({ queryKey: ['conversations'] });
    },
    onError: (error) => {
      // a block set by the other side since the page loaded: fetch the state to disable the composer
      if (error instanceof ApiError && error.status === 403) void client.invalidateQueries({ queryKey: ['conversations'] });
    },
  });
  return { send, progress };
}
