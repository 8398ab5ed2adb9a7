import { sql, type Kysely } from 'kysely';
import type { Executor } from '@immo/platform';
import type { Side } from './contract.ts';

// SQL of the messaging schema only.

export interface ConversationRow {
  id: string;
  listing_id: string;
  seeker_id: string | null;
  owner_id: string | null;
  agency_id: string | null;
  created_at: Date;
  last_message_at: Date;
}

export interface StoredAttachment {
  id: string;
  key: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  sender_id: string | null;
  side: Side;
  client_id: string | null;
  body: string;
  attachments: StoredAttachment[];
  created_at: Date;
}

export interface AttachmentRow {
  id: string;
  conversation_id: string;
  uploader_id: string | null;
  key: string;
  filename: string;
  content_type: string;
  size: number;
  message_id: string | null;
  created_at: Date;
}

interface Tables {
  'messaging.conversations': ConversationRow;
  'messaging.messages': MessageRow;
  'messaging.attachments': AttachmentRow;
  'messaging.receipts': { conversation_id: string; user_id: string; side: Side; delivered_up_to: string | null; read_up_to: string | null };
  'messaging.blocks': { blocker: string; blocked: string; created_at: Date };
  'messaging.reports': { id: string; reporter_id: string | null; conversation_id: string; message_id: string | null; reason: string; details: string | null; evidence: unknown; status: 'open' | 'closed'; created_at: Date };
}

const typed = (db: Executor) => db as unknown as Kysely<Tables>;

/** Who a person is in conversations: their id and the agencies whose conversations they see. */
export interface Member {
  userId: string;
  agencyIds: string[];
}

const visibleTo = (m: Member) => sql<boolean>`(c.seeker_id = ${m.userId} or c.owner_id = ${m.userId}${
  m.agencyIds.length ? sql` or c.agency_id = any(${m.agencyIds}::text[])` : sql``
})`;

export function conversationById(db: Executor, id: string) {
  return typed(db).selectFrom('messaging.conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The seeker's conversation about a listing, created on first contact (safe when two first messages race). */
export async function conversationFor(db: Executor, c: Omit<ConversationRow, 'last_message_at'>): Promise<ConversationRow> {
  await sql`insert into messaging.conversations (id, listing_id, seeker_id, owner_id, agency_id, created_at, last_message_at)
    values (${c.id}, ${c.listing_id}, ${c.seeker_id}, ${c.owner_id}, ${c.agency_id}, ${c.created_at}, ${c.created_at})
    on conflict (listing_id, seeker_id) where seeker_id is not null do nothing`.execute(db);
  return typed(db)
    .selectFrom('messaging.conversations')
    .selectAll()
    .where('listing_id', '=', c.listing_id)
    .where('seeker_id', '=', c.seeker_id)
    .executeTakeFirstOrThrow();
}

export async function conversationIdsOf(db: Executor, m: Member): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select c.id from messaging.conversations c where ${visibleTo(m)}`.execute(db);
  return rows.map((r) => r.id);
}

export interface ConversationListRow extends ConversationRow {
  last_id: string | null;
  last_sender_id: string | null;
  last_side: Side | null;
  last_body: string | null;
  last_client_id: string | null;
  last_attachments: number | null;
  last_created_at: Date | null;
  unread: number;
}

/** A person's conversations, latest activity first, with the last message and their unread count. */
export async function conversationsOf(db: Executor, m: Member, page: { before?: { at: Date; id: string }; limit: number }) {
  const { rows } = await sql<ConversationListRow>`
    select c.*, l.id as last_id, l.sender_id as last_sender_id, l.side as last_side, l.body as last_body,
           l.client_id as last_client_id, jsonb_array_length(l.attachments) as last_attachments, l.created_at as last_created_at,
           (select count(*)::int from messaging.messages u
              where u.conversation_id = c.id and u.sender_id is distinct from ${m.userId}
                and (r.read_up_to is null or u.id > r.read_up_to)) as unread
    from messaging.conversations c
    left join messaging.receipts r on r.conversation_id = c.id and r.user_id = ${m.userId}
    left join lateral (select * from messaging.messages x where x.conversation_id = c.id order by x.id desc limit 1) l on true
    where ${visibleTo(m)}
      ${page.before ? sql`and (c.last_message_at, c.id) < (${page.before.at}, ${page.before.id}::uuid)` : sql``}
    order by c.last_message_at desc, c.id desc
    limit ${page.limit + 1}`.execute(db);
  return rows;
}

/** The furthest message of this conversation read by anyone on `side`. */
export async function readUpTo(db: Executor, conversationId: string, side: Side): Promise<string | null> {
  const { rows } = await sql<{ id: string | null }>`select max(read_up_to::text) as id from messaging.receipts
    where conversation_id = ${conversationId} and side = ${side}`.execute(db);
  return rows[0]?.id ?? null;
}

/**
 * Writes a message, moves its conversation's last activity and the sender's
 * read receipt to it, in one statement (one round trip on the hot path).
 */
export async function insertMessage(db: Executor, row: MessageRow): Promise<MessageRow> {
  const { rows } = await sql<MessageRow>`
    with m as (
      insert into messaging.messages (id, conversation_id, sender_id, side, client_id, body, attachments, created_at)
      values (${row.id}, ${row.conversation_id}, ${row.sender_id}, ${row.side}, ${row.client_id}, ${row.body}, ${JSON.stringify(row.attachments)}::jsonb, ${row.created_at})
      returning *
    ), touched as (
      update messaging.conversations set last_message_at = ${row.created_at} where id = ${row.conversation_id}
    ), receipt as (
      insert into messaging.receipts as r (conversation_id, user_id, side, read_up_to)
      values (${row.conversation_id}, ${row.sender_id}, ${row.side}, ${row.id})
      on conflict (conversation_id, user_id) do update set read_up_to = excluded.read_up_to
        where r.read_up_to is null or r.read_up_to < excluded.read_up_to
    )
    select * from m`.execute(db);
  return rows[0]!;
}

export function messageByClientId(db: Executor, senderId: string, clientId: string) {
  return typed(db).selectFrom('messaging.messages').selectAll().where('sender_id', '=', senderId).where('client_id', '=', clientId).executeTakeFirst();
}

export function messageById(db: Executor, id: string) {
  return typed(db).selectFrom('messaging.messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first, before a message id; or oldest first after one (catch-up). */
export function messagesOf(db: Executor, conversationId: string, page: { before?: string; after?: string; limit: number }) {
  let query = typed(db).selectFrom('messaging.messages').selectAll().where('conversation_id', '=', conversationId);
  if (page.before) query = query.where('id', '<', page.before);
  if (page.after) query = query.where('id', '>', page.after);
  return query
    .orderBy('id', page.after ? 'asc' : 'desc')
    .limit(page.limit + 1)
    .execute();
}

/** Every message after `afterId` in the person's conversations, oldest first: what a reconnecting client missed. */
export async function messagesSince(db: Executor, m: Member, afterId: string, limit: number) {
  const { rows } = await sql<MessageRow>`
    select x.* from messaging.messages x join messaging.conversations c on c.id = x.conversation_id
    where x.id > ${afterId}::uuid and ${visibleTo(m)}
    order by x.id limit ${limit}`.execute(db);
  return rows;
}

/** Moves a receipt forward only (a late "read 5" never undoes "read 9"). */
export async function advanceReceipt(db: Executor, r: { conversationId: string; userId: string; side: Side; column: 'read_up_to' | 'delivered_up_to'; messageId: string }) {
  const col = sql.ref(r.column);
  const { rows } = await sql<{ moved: boolean }>`
    insert into messaging.receipts as r (conversation_id, user_id, side, ${col})
    values (${r.conversationId}, ${r.userId}, ${r.side}, ${r.messageId})
    on conflict (conversation_id, user_id) do update set ${col} = excluded.${col}
      where r.${col} is null or r.${col} < excluded.${col}
    returning true as moved`.execute(db);
  return rows.length > 0;
}

export function insertAttachment(db: Executor, row: AttachmentRow) {
  return typed(db).insertInto('messaging.attachments').values(row).execute();
}

/** Uploaded attachments of this person in this conversation that no message uses yet. */
export function unusedAttachments(db: Executor, ids: string[], uploaderId: string, conversationId: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return typed(db)
    .selectFrom('messaging.attachments')
    .selectAll()
    .where('id', 'in', ids)
    .where('uploader_id', '=', uploaderId)
    .where('conversation_id', '=', conversationId)
    .where('message_id', 'is', null)
    .execute();
}

export async function attachTo(db: Executor, ids: string[], messageId: string) {
  if (ids.length) await typed(db).updateTable('messaging.attachments').set({ message_id: messageId }).where('id', 'in', ids).execute();
}

export async function isBlockedBetween(db: Executor, a: string[], b: string[]) {
  const { rows } = await sql`select 1 from messaging.blocks
    where (blocker = any(${a}::text[]) and blocked = any(${b}::text[])) or (blocker = any(${b}::text[]) and blocked = any(${a}::text[])) limit 1`.execute(db);
  return rows.length > 0;
}

/** One of `blockers` blocked `blocked` (the direction matters: only the blocker may unblock). */
export async function hasBlocked(db: Executor, blockers: string[], blocked: string) {
  const { rows } = await sql`select 1 from messaging.blocks where blocker = any(${blockers}::text[]) and blocked = ${blocked} limit 1`.execute(db);
  return rows.length > 0;
}

export async function block(db: Executor, blocker: string, blocked: string, at: Date) {
  await sql`insert into messaging.blocks (blocker, blocked, created_at) values (${blocker}, ${blocked}, ${at}) on conflict do nothing`.execute(db);
}

export async function unblock(db: Executor, blocker: string, blocked: string) {
  await typed(db).deleteFrom('messaging.blocks').where('blocker', '=', blocker).where('blocked', '=', blocked).execute();
}

export function insertReport(db: Executor, row: Tables['messaging.reports']) {
  return typed(db)
    .insertInto('messaging.reports')
    .values({ ...row, evidence: JSON.stringify(row.evidence) } as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function openReports(db: Executor, limit: number) {
  return typed(db).selectFrom('messaging.reports').selectAll().where('status', '=', 'open').orderBy('created_at').limit(limit).execute();
}

/** Retention: deletes messages created before `cutoff` (and conversations left empty and idle since); returns the object keys to remove. */
export async function deleteOlderThan(db: Executor, cutoff: Date, batch: number): Promise<{ deleted: number; keys: string[] }> {
  const { rows } = await sql<{ attachments: StoredAttachment[] }>`
    delete from messaging.messages where id in (select id from messaging.messages where created_at < ${cutoff} order by created_at limit ${batch})
    returning attachments`.execute(db);
  await sql`delete from messaging.conversations c where c.last_message_at < ${cutoff}
    and not exists (select 1 from messaging.messages m where m.conversation_id = c.id)`.execute(db);
  const { rows: orphans } = await sql<{ key: string }>`
    delete from messaging.attachments where created_at < ${cutoff} returning key`.execute(db);
  return { deleted: rows.length, keys: [...rows.flatMap((r) => r.attachments.map((a) => a.key)), ...orphans.map((o) => o.key)] };
}

/**
 * GDPR erasure: the person disappears from conversations and messages (ids
 * set to null); the other party keeps the text, anonymised. Files the person
 * uploaded are removed (their keys are returned). Their receipts, blocks and
 * reports go; conversations nobody is left in go entirely.
 */
/** What the other party sees in place of a message whose sender erased their account. */
export const ERASED_MESSAGE_BODY = '[message removed: its author deleted their account]';

export async function eraseUser(db: Executor, userId: string): Promise<string[]> {
  const { rows: files } = await sql<{ key: string }>`delete from messaging.attachments where uploader_id = ${userId} returning key`.execute(db);
  await sql`update messaging.messages set attachments = '[]'::jsonb where sender_id = ${userId} and jsonb_array_length(attachments) > 0`.execute(db);
  // the other party keeps the conversation, but not the erased person's words: a message's text
  // is personal data (names, phone numbers, e-mails are written in it)
  await sql`update messaging.messages set sender_id = null, client_id = null, body = ${ERASED_MESSAGE_BODY} where sender_id = ${userId}`.execute(db);
  await sql`update messaging.conversations set seeker_id = null where seeker_id = ${userId}`.execute(db);
  await sql`update messaging.conversations set owner_id = null where owner_id = ${userId}`.execute(db);
  await sql`delete from messaging.conversations where seeker_id is null and owner_id is null and agency_id is null`.execute(db);
  await sql`delete from messaging.receipts where user_id = ${userId}`.execute(db);
  await sql`delete from messaging.blocks where blocker = ${userId} or blocked = ${userId}`.execute(db);
  await sql`update messaging.reports set reporter_id = null where reporter_id = ${userId}`.execute(db);
  return files.map((f) => f.key);
}

/** GDPR export: what the person wrote. */
export function messagesSentBy(db: Executor, userId: string) {
  return typed(db).selectFrom('messaging.messages').select(['id', 'conversation_id', 'body', 'created_at']).where('sender_id', '=', userId).orderBy('id').execute();
}

export async function hasRead(db: Executor, conversationId: string, userId: string, messageId: string) {
  const row = await typed(db)
    .selectFrom('messaging.receipts')
    .select('read_up_to')
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!row?.read_up_to && row.read_up_to >= messageId;
}
