import { z } from 'zod';
import {
  badRequest,
  forbidden,
  isStaff,
  newId,
  notFound,
  unprocessable,
  type Executor,
  type ModuleContext,
  type Principal,
} from '@immo/platform';
import { decodeCursor, encodeCursor } from '@immo/types';
import type { ListingsApi } from '@immo/listings';
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  sendInput,
  type AttachmentView,
  type ConversationView,
  type MessageView,
  type ReportInput,
  type SendInput,
  type Side,
} from './contract.ts';
import * as store from './store.ts';
import type { ConversationRow, MessageRow } from './store.ts';
import { messageRead, messageSent } from './events.ts';

const RETENTION_YEARS = 3;
const SIGNED_URL_SECONDS = 15 * 60;
const conversationCursor = z.object({ at: z.string(), id: z.string() });
const messageCursor = z.object({ id: z.string() });

/** What the realtime layer does when something happened (set by realtime(io); nothing without sockets). */
export interface LiveFeed {
  messageSent(conversation: ConversationRow, message: MessageView, created: boolean): Promise<void> | void;
  receipt(conversationId: string, receipt: { kind: 'read' | 'delivered'; userId: string; side: Side; messageId: string }): void;
  /** A block set or lifted: both sides refetch the conversation's state (no more who did it than the views say). */
  blockChanged?(conversationId: string, blocked: boolean): void;
}

const member = (p: Principal): store.Member => ({ userId: p.userId, agencyIds: p.agencies.map((a) => a.agencyId) });

/** The caller's side in a conversation, or undefined when it is not theirs. */
export function sideIn(principal: Principal, c: ConversationRow): Side | undefined {
  if (c.seeker_id === principal.userId) return 'seeker';
  if (c.owner_id === principal.userId || (c.agency_id && principal.agencies.some((a) => a.agencyId === c.agency_id))) return 'owner';
  return undefined;
}

/** Block parties: the seeker, or the owner's side (the agency when there is one). */
const ownerParty = (c: Pick<ConversationRow, 'owner_id' | 'agency_id'>) => (c.agency_id ? `agency:${c.agency_id}` : c.owner_id);
const partiesOf = (principal: Principal) => [principal.userId, ...principal.agencies.map((a) => `agency:${a.agencyId}`)];

export class MessagingService {
  live?: LiveFeed;

  constructor(
    private readonly ctx: ModuleContext,
    private readonly listings: () => ListingsApi,
  ) {}

  private get db() {
    return this.ctx.db.kysely;
  }

  async conversation(principal: Principal, id: string, db: Executor = this.db): Promise<{ row: ConversationRow; side: Side }> {
    const row = await store.conversationById(db, id);
    const side = row && sideIn(principal, row);
    if (!row || !side) throw notFound('This conversation');
    return { row, side };
  }

  // ---- sending -----------------------------------------------------------

  /** Writes a message (idempotent per clientId) and publishes `message.sent`; then pushes it live. */
  async send(principal: Principal, input: SendInput): Promise<{ message: MessageView; conversationId: string; created: boolean }> {
    const parsed = sendInput.parse(input);
    const now = this.ctx.clock.now();
    if (parsed.clientId) {
      const earlier = await store.messageByClientId(this.db, principal.userId, parsed.clientId);
      if (earlier) return { message: await this.view(earlier), conversationId: earlier.conversation_id, created: false };
    }
    let fresh = false;
    const { conversation, message } = await this.db.transaction().execute(async (trx) => {
      let conversation: ConversationRow;
      let side: Side;
      if (parsed.listingId) {
        const listing = await this.listings().get(parsed.listingId);
        if (!listing) throw notFound('This listing');
        const owner = { owner_id: listing.ownerId, agency_id: listing.agencyId };
        if (owner.owner_id === principal.userId || (owner.agency_id && principal.agencies.some((a) => a.agencyId === owner.agency_id))) {
          throw unprocessable('This is your own listing: reply in the conversations seekers started.', undefined, { code: 'message.own_listing' });
        }
        if (await store.isBlockedBetween(trx, [principal.userId], [ownerParty(owner)!])) throw forbidden('You cannot write to this advertiser.', { code: 'message.blocked_advertiser' });
        const id = newId();
        conversation = await store.conversationFor(trx, { id, listing_id: listing.id, seeker_id: principal.userId, ...owner, created_at: now });
        fresh = conversation.id === id;
        side = 'seeker';
      } else {
        ({ row: conversation, side } = await this.conversation(principal, parsed.conversationId!, trx));
      }
      const otherParty = side === 'seeker' ? ownerParty(conversation) : conversation.seeker_id;
      if (!otherParty) throw unprocessable('The other person has left Immo: this conversation is closed.', undefined, { code: 'message.other_left' });
      if (await store.isBlockedBetween(trx, side === 'seeker' ? [principal.userId] : partiesOf(principal), [otherParty])) {
        throw forbidden('This conversation is blocked: no message can be sent in it.', { code: 'message.conversation_blocked' });
      }
      const uploads = await store.unusedAttachments(trx, parsed.attachmentIds, principal.userId, conversation.id);
      if (uploads.length !== parsed.attachmentIds.length) {
        throw unprocessable('An attachment is unknown, already used or uploaded to another conversation.', [{ path: 'attachmentIds', message: 'upload each file to this conversation first' }]);
      }
      const messageId = newId();
      // also moves the conversation's last activity and the sender's read receipt (they read what they answered)
      const message = await store.insertMessage(trx, {
        id: messageId,
        conversation_id: conversation.id,
        sender_id: principal.userId,
        side,
        client_id: parsed.clientId ?? null,
        body: parsed.text,
        attachments: uploads.map((u) => ({ id: u.id, key: u.key, filename: u.filename, contentType: u.content_type, size: u.size })),
        created_at: now,
      });
      await store.attachTo(trx, parsed.attachmentIds, messageId);
      const recipientIds = (side === 'seeker' ? [conversation.owner_id] : [conversation.seeker_id]).filter((x): x is string => !!x);
      await this.ctx.events.publish(trx, messageSent, {
        messageId,
        conversationId: conversation.id,
        listingId: conversation.listing_id,
        senderId: principal.userId,
        senderSide: side,
        recipientIds,
        agencyId: side === 'seeker' ? conversation.agency_id : null,
      });
      return { conversation, message };
    }).catch(async (error: unknown) => {
      // two sends with the same clientId raced: the other one won
      if ((error as { code?: string }).code === '23505' && parsed.clientId) {
        const earlier = await store.messageByClientId(this.db, principal.userId, parsed.clientId);
        if (earlier) return { conversation: undefined, message: earlier };
      }
      throw error;
    });
    const view = await this.view(message);
    if (conversation) await this.live?.messageSent(conversation, view, fresh);
    return { message: view, conversationId: message.conversation_id, created: !!conversation };
  }

  // ---- reading -----------------------------------------------------------

  async conversations(principal: Principal, page: { cursor?: string; limit: number }) {
    const before = page.cursor ? decodeCursor(page.cursor, conversationCursor) : undefined;
    if (page.cursor && !before) throw badRequest('This cursor is not valid: start again without it.');
    const rows = await store.conversationsOf(this.db, member(principal), { before: before && { at: new Date(before.at), id: before.id }, limit: page.limit });
    const items = rows.slice(0, page.limit);
    const views: ConversationView[] = [];
    for (const c of items) {
      const side = sideIn(principal, c)!;
      const otherParty = side === 'seeker' ? ownerParty(c) : c.seeker_id;
      views.push({
        id: c.id,
        listingId: c.listing_id,
        seekerId: c.seeker_id,
        ownerId: c.owner_id,
        agencyId: c.agency_id,
        side,
        lastMessage: c.last_id
          ? { id: c.last_id, conversationId: c.id, senderId: c.last_sender_id, side: c.last_side!, text: c.last_body!, attachments: c.last_attachments ?? 0, clientId: c.last_client_id, createdAt: c.last_created_at!.toISOString() }
          : null,
        unread: c.unread,
        readByOtherUpTo: await store.readUpTo(this.db, c.id, side === 'seeker' ? 'owner' : 'seeker'),
        blocked: !otherParty || (await store.isBlockedBetween(this.db, side === 'seeker' ? [principal.userId] : partiesOf(principal), [otherParty])),
        blockedByMe: !!otherParty && (await store.hasBlocked(this.db, side === 'seeker' ? [principal.userId] : partiesOf(principal), otherParty)),
        createdAt: c.created_at.toISOString(),
        lastMessageAt: c.last_message_at.toISOString(),
      });
    }
    const last = items.at(-1);
    return { items: views, nextCursor: rows.length > page.limit && last ? encodeCursor({ at: last.last_message_at.toISOString(), id: last.id }) : null };
  }

  /** Newest first by keyset (`cursor`), or everything after a message id, oldest first (`after`). */
  async messages(principal: Principal, conversationId: string, page: { cursor?: string; after?: string; limit: number }) {
    await this.conversation(principal, conversationId);
    const before = page.cursor ? decodeCursor(page.cursor, messageCursor) : undefined;
    if (page.cursor && !before) throw badRequest('This cursor is not valid: start again without it.');
    const rows = await store.messagesOf(this.db, conversationId, { before: before?.id, after: page.after, limit: page.limit });
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: await Promise.all(items.map((m) => this.view(m))),
      nextCursor: rows.length > page.limit && last && !page.after ? encodeCursor({ id: last.id }) : null,
    };
  }

  /** What a reconnecting client missed since the last message id it holds, in every conversation it sees. */
  async missedSince(principal: Principal, lastId: string, limit = 500): Promise<MessageView[]> {
    const rows = await store.messagesSince(this.db, member(principal), lastId, limit);
    return Promise.all(rows.map((m) => this.view(m)));
  }

  conversationIdsOf(principal: Principal) {
    return store.conversationIdsOf(this.db, member(principal));
  }

  async markRead(principal: Principal, conversationId: string, messageId: string) {
    return this.receipt(principal, conversationId, messageId, 'read');
  }

  async markDelivered(principal: Principal, conversationId: string, messageId: string) {
    return this.receipt(principal, conversationId, messageId, 'delivered');
  }

  private async receipt(principal: Principal, conversationId: string, messageId: string, kind: 'read' | 'delivered') {
    const moved = await this.db.transaction().execute(async (trx) => {
      const { side } = await this.conversation(principal, conversationId, trx);
      const message = await store.messageById(trx, messageId);
      if (!message || message.conversation_id !== conversationId) throw notFound('This message');
      const moved = await store.advanceReceipt(trx, { conversationId, userId: principal.userId, side, column: kind === 'read' ? 'read_up_to' : 'delivered_up_to', messageId });
      if (moved && kind === 'read') await this.ctx.events.publish(trx, messageRead, { conversationId, messageId, readerId: principal.userId, readerSide: side });
      return moved ? side : undefined;
    });
    if (moved) this.live?.receipt(conversationId, { kind, userId: principal.userId, side: moved, messageId });
    return { moved: !!moved };
  }

  // ---- attachments -------------------------------------------------------

  async upload(principal: Principal, conversationId: string, file: { filename: string; contentType: string; body: Buffer }): Promise<AttachmentView> {
    await this.conversation(principal, conversationId);
    const type = file.contentType.split(';')[0]!.trim().toLowerCase();
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(type)) throw unprocessable(`Attach a photo (JPEG, PNG, WebP) or a PDF; got ${type}.`, undefined, { code: 'message.attachment_type' });
    if (file.body.length === 0) throw badRequest('The file is empty.');
    if (file.body.length > MAX_ATTACHMENT_BYTES) throw unprocessable(`A file may weigh up to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`, undefined, { code: 'message.attachment_too_big', params: { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 } });
    const id = newId();
    const filename = file.filename.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'file';
    const key = `messaging/${conversationId}/${id}`;
    await this.ctx.storage.put(key, file.body, { contentType: type });
    await store.insertAttachment(this.db, { id, conversation_id: conversationId, uploader_id: principal.userId, key, filename, content_type: type, size: file.body.length, message_id: null, created_at: this.ctx.clock.now() });
    return { id, filename, contentType: type, size: file.body.length };
  }

  private async view(m: MessageRow): Promise<MessageView> {
    return {
      id: m.id,
      conversationId: m.conversation_id,
      senderId: m.sender_id,
      side: m.side,
      text: m.body,
      attachments: await Promise.all(
        m.attachments.map(async (a) => ({ id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, url: await this.ctx.storage.signedGetUrl(a.key, SIGNED_URL_SECONDS) })),
      ),
      clientId: m.client_id,
      createdAt: m.created_at.toISOString(),
    };
  }

  // ---- blocks and reports ------------------------------------------------

  /** Blocks the other party of a conversation: nobody can write in either direction until unblocked. */
  async block(principal: Principal, conversationId: string, blocked: boolean) {
    const { row, side } = await this.conversation(principal, conversationId);
    const [me, other] = side === 'seeker' ? [principal.userId, ownerParty(row)] : [ownerParty(row), row.seeker_id];
    if (!me || !other) return;
    if (blocked) await store.block(this.db, me, other, this.ctx.clock.now());
    else await store.unblock(this.db, me, other);
    this.live?.blockChanged?.(conversationId, blocked);
  }

  async report(principal: Principal, input: ReportInput) {
    await this.conversation(principal, input.conversationId);
    let evidence: unknown[];
    if (input.messageId) {
      const message = await store.messageById(this.db, input.messageId);
      if (!message || message.conversation_id !== input.conversationId) throw notFound('This message');
      evidence = [{ id: message.id, side: message.side, text: message.body, createdAt: message.created_at.toISOString() }];
    } else {
      const rows = await store.messagesOf(this.db, input.conversationId, { limit: 50 });
      evidence = rows.map((m) => ({ id: m.id, side: m.side, text: m.body, createdAt: m.created_at.toISOString() }));
    }
    const row = await store.insertReport(this.db, {
      id: newId(),
      reporter_id: principal.userId,
      conversation_id: input.conversationId,
      message_id: input.messageId ?? null,
      reason: input.reason,
      details: input.details ?? null,
      evidence,
      status: 'open',
      created_at: this.ctx.clock.now(),
    });
    return { id: row.id, conversationId: row.conversation_id, messageId: row.message_id, reason: input.reason, details: row.details, status: row.status, createdAt: row.created_at.toISOString() };
  }

  async openReports(principal: Principal) {
    if (!isStaff(principal)) throw forbidden('Only moderators see reports.');
    return store.openReports(this.db, 100);
  }

  // ---- retention and erasure ----------------------------------------------

  /** Deletes messages older than three years, in batches, and their files. */
  async applyRetention(): Promise<number> {
    const cutoff = new Date(this.ctx.clock.now());
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - RETENTION_YEARS);
    let total = 0;
    for (;;) {
      const { deleted, keys } = await store.deleteOlderThan(this.db, cutoff, 1000);
      for (const key of keys) await this.ctx.storage.delete(key);
      total += deleted;
      if (deleted < 1000) return total;
    }
  }

  async erase(trx: Executor, userId: string) {
    const keys = await store.eraseUser(trx, userId);
    // files go after the rows: a failed delete leaves an orphan object, never a dangling row
    for (const key of keys) await this.ctx.storage.delete(key).catch(() => undefined);
  }
}
