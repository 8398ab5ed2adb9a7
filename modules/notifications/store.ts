import { sql, type Kysely } from 'kysely';
import type { Executor } from '@immo/platform';
import type { Channel, Kind } from './contract.ts';

// SQL of the notifications schema only.

export interface NotificationRow {
  id: string;
  user_id: string;
  kind: Kind;
  title: string;
  body: string;
  url: string | null;
  data: Record<string, unknown>;
  in_app: boolean;
  created_at: Date;
  read_at: Date | null;
}

export type DeliveryStatus = 'queued' | 'sent' | 'failed' | 'skipped' | 'digest';

export interface DeliveryRow {
  id: string;
  notification_id: string;
  user_id: string;
  channel: Channel;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  detail: Record<string, unknown>;
  created_at: Date;
  sent_at: Date | null;
}

export interface PreferencesRow {
  user_id: string;
  channels: Partial<Record<Kind, Partial<Record<Channel, boolean>>>>;
  quiet_start: string | null;
  quiet_end: string | null;
  daily_digest: boolean;
  updated_at: Date;
}

export interface DeviceRow {
  id: string;
  user_id: string;
  type: 'webpush' | 'expo';
  address: string;
  keys: { p256dh: string; auth: string } | null;
  created_at: Date;
}

interface Tables {
  'notifications.notifications': NotificationRow;
  'notifications.deliveries': DeliveryRow;
  'notifications.preferences': PreferencesRow;
  'notifications.devices': DeviceRow;
  'notifications.favorites': { listing_id: string; user_id: string };
  'notifications.listing_states': { listing_id: string; status: string; version: number };
}

const typed = (db: Executor) => db as unknown as Kysely<Tables>;
const json = (v: unknown) => JSON.stringify(v) as never;

export function preferencesOf(db: Executor, userId: string) {
  return typed(db).selectFrom('notifications.preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function savePreferences(db: Executor, row: PreferencesRow) {
  const values = { ...row, channels: json(row.channels) };
  await typed(db).insertInto('notifications.preferences').values(values).onConflict((oc) => oc.column('user_id').doUpdateSet(values)).execute();
}

export async function insertNotification(db: Executor, row: NotificationRow) {
  await typed(db).insertInto('notifications.notifications').values({ ...row, data: json(row.data) }).execute();
}

export async function insertDelivery(db: Executor, row: Omit<DeliveryRow, 'attempts' | 'last_error' | 'sent_at' | 'detail'> & { last_error?: string | null }) {
  await typed(db)
    .insertInto('notifications.deliveries')
    .values({ ...row, attempts: 0, last_error: row.last_error ?? null, detail: json({}), sent_at: null })
    .execute();
}

export function deliveryWithNotification(db: Executor, deliveryId: string) {
  return typed(db)
    .selectFrom('notifications.deliveries as d')
    .innerJoin('notifications.notifications as n', 'n.id', 'd.notification_id')
    .select(['d.id', 'd.user_id', 'd.channel', 'd.status', 'd.attempts', 'n.id as notification_id', 'n.kind', 'n.title', 'n.body', 'n.url', 'n.data', 'n.created_at', 'n.read_at'])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
}

export async function recordAttempt(db: Executor, id: string, outcome: { status: DeliveryStatus; error?: string | null; detail?: Record<string, unknown>; at: Date }) {
  await typed(db)
    .updateTable('notifications.deliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      status: outcome.status,
      last_error: outcome.error ?? null,
      ...(outcome.detail ? { detail: json(outcome.detail) } : {}),
      ...(outcome.status === 'sent' ? { sent_at: outcome.at } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export function notificationsOf(db: Executor, userId: string, page: { before?: string; unreadOnly: boolean; limit: number }) {
  let query = typed(db).selectFrom('notifications.notifications').selectAll().where('user_id', '=', userId).where('in_app', '=', true);
  if (page.before) query = query.where('id', '<', page.before);
  if (page.unreadOnly) query = query.where('read_at', 'is', null);
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function unreadCount(db: Executor, userId: string) {
  const row = await typed(db)
    .selectFrom('notifications.notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('in_app', '=', true)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function markRead(db: Executor, userId: string, at: Date, id?: string) {
  let query = typed(db).updateTable('notifications.notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function notificationById(db: Executor, id: string) {
  return typed(db).selectFrom('notifications.notifications').selectAll().where('id', '=', id).executeTakeFirst();
}

export function deliveriesOf(db: Executor, userId: string, limit: number) {
  return typed(db).selectFrom('notifications.deliveries').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function devicesOf(db: Executor, userId: string) {
  return typed(db).selectFrom('notifications.devices').selectAll().where('user_id', '=', userId).execute();
}

/** A device address belongs to the person who registered it last (a shared browser changes hands). */
export async function saveDevice(db: Executor, row: DeviceRow) {
  const values = { ...row, keys: row.keys ? json(row.keys) : null };
  const saved = await typed(db)
    .insertInto('notifications.devices')
    .values(values)
    .onConflict((oc) => oc.column('address').doUpdateSet({ user_id: row.user_id, keys: values.keys, type: row.type }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return saved.id;
}

export async function deleteDevice(db: Executor, userId: string, id: string) {
  const result = await typed(db).deleteFrom('notifications.devices').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function forgetDevice(db: Executor, id: string) {
  await typed(db).deleteFrom('notifications.devices').where('id', '=', id).execute();
}

/** Digest: people with e-mails waiting, and theirs. */
export async function digestUsers(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ user_id: string }>`select distinct user_id from notifications.deliveries where status = 'digest' order by user_id`.execute(db);
  return rows.map((r) => r.user_id);
}

export function digestOf(db: Executor, userId: string) {
  return typed(db)
    .selectFrom('notifications.deliveries as d')
    .innerJoin('notifications.notifications as n', 'n.id', 'd.notification_id')
    .select(['d.id', 'n.title', 'n.body', 'n.url'])
    .where('d.user_id', '=', userId)
    .where('d.status', '=', 'digest')
    .orderBy('n.created_at')
    .execute();
}

export async function markDigestSent(db: Executor, ids: string[], at: Date) {
  if (ids.length) await typed(db).updateTable('notifications.deliveries').set({ status: 'sent', sent_at: at, attempts: 1 }).where('id', 'in', ids).execute();
}

// ---- projections fed by events --------------------------------------------

export async function setFavorite(db: Executor, userId: string, listingId: string, on: boolean) {
  if (on) await sql`insert into notifications.favorites (listing_id, user_id) values (${listingId}, ${userId}) on conflict do nothing`.execute(db);
  else await typed(db).deleteFrom('notifications.favorites').where('listing_id', '=', listingId).where('user_id', '=', userId).execute();
}

export async function favoritedBy(db: Executor, listingId: string): Promise<string[]> {
  const rows = await typed(db).selectFrom('notifications.favorites').select('user_id').where('listing_id', '=', listingId).execute();
  return rows.map((r) => r.user_id);
}

/** Records a listing's status; the previous one when it changed, `null` when first seen, undefined when unchanged or older. */
export async function swapListingStatus(db: Executor, listingId: string, status: string, version: number): Promise<string | null | undefined> {
  const before = await typed(db).selectFrom('notifications.listing_states').selectAll().where('listing_id', '=', listingId).forUpdate().executeTakeFirst();
  if (before && before.version >= version) return undefined;
  await sql`insert into notifications.listing_states (listing_id, status, version) values (${listingId}, ${status}, ${version})
    on conflict (listing_id) do update set status = excluded.status, version = excluded.version`.execute(db);
  if (!before) return null;
  return before.status === status ? undefined : before.status;
}

/** GDPR erasure: everything held on the person. */
export async function eraseUser(db: Executor, userId: string) {
  await typed(db).deleteFrom('notifications.notifications').where('user_id', '=', userId).execute();
  await typed(db).deleteFrom('notifications.deliveries').where('user_id', '=', userId).execute();
  await typed(db).deleteFrom('notifications.preferences').where('user_id', '=', userId).execute();
  await typed(db).deleteFrom('notifications.devices').where('user_id', '=', userId).execute();
  await typed(db).deleteFrom('notifications.favorites').where('user_id', '=', userId).execute();
}
