import { z } from 'zod';

// Conversations between a seeker and a listing's owner (or every agent of the
// owning agency), their messages, receipts, blocks and reports.

export const SIDES = ['seeker', 'owner'] as const;
export type Side = (typeof SIDES)[number];

export const MAX_TEXT = 4000;
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

export const sendInput = z
  .object({
    /** An existing conversation… */
    conversationId: z.uuid().optional(),
    /** …or a listing: starts (or reuses) the caller's conversation with its owner. */
    listingId: z.uuid().optional(),
    text: z.string().trim().max(MAX_TEXT).default(''),
    attachmentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS).default([]),
    /** Chosen by the client; sending again with the same id returns the first message instead of a copy. */
    clientId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((m) => !!m.conversationId !== !!m.listingId, { message: 'give either conversationId or listingId', path: ['conversationId'] })
  .refine((m) => m.text.length > 0 || m.attachmentIds.length > 0, { message: 'a message needs text or an attachment', path: ['text'] });
export type SendInput = z.input<typeof sendInput>;

export const attachmentView = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  /** Signed for 15 minutes. */
  url: z.string().optional(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const messageView = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** Null once the sender's account was erased. */
  senderId: z.string().nullable(),
  side: z.enum(SIDES),
  text: z.string(),
  attachments: z.array(attachmentView),
  clientId: z.string().nullable(),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof messageView>;

export const conversationView = z.object({
  id: z.string(),
  listingId: z.string(),
  seekerId: z.string().nullable(),
  ownerId: z.string().nullable(),
  agencyId: z.string().nullable(),
  /** The caller's side. */
  side: z.enum(SIDES),
  lastMessage: messageView.omit({ attachments: true }).extend({ attachments: z.number() }).nullable(),
  unread: z.number(),
  /** Read up to here by the other side (read receipts). */
  readByOtherUpTo: z.string().nullable(),
  blocked: z.boolean(),
  /** The caller's side set the block (and may lift it); false when only the other side blocked. */
  blockedByMe: z.boolean(),
  createdAt: z.string(),
  lastMessageAt: z.string(),
});
export type ConversationView = z.infer<typeof conversationView>;

export const pageQuery = z.object({
  cursor: z.string().max(1024).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const messagesQuery = pageQuery.extend({
  /** Catch-up: messages after this id, oldest first (instead of the newest page). */
  after: z.uuid().optional(),
});

export const readInput = z.object({ messageId: z.uuid() }).strict();

export const REPORT_REASONS = ['spam', 'scam', 'harassment', 'discrimination', 'inappropriate', 'other'] as const;
export const reportInput = z
  .object({
    conversationId: z.uuid(),
    messageId: z.uuid().optional(),
    reason: z.enum(REPORT_REASONS),
    details: z.string().trim().max(2000).optional(),
  })
  .strict();
export type ReportInput = z.infer<typeof reportInput>;

export const reportView = z.object({
  id: z.string(),
  conversationId: z.string(),
  messageId: z.string().nullable(),
  reason: z.enum(REPORT_REASONS),
  details: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
});

/** What other modules call. */
export interface MessagingApi {
  /** Participants of a conversation (user ids; agency id when the agency's agents take part). */
  participants(conversationId: string): Promise<{ seekerId: string | null; ownerId: string | null; agencyId: string | null; listingId: string } | undefined>;
  /** True once this person has read the conversation up to (at least) this message: no need to notify them of it. */
  hasRead(conversationId: string, userId: string, messageId: string): Promise<boolean>;
}
