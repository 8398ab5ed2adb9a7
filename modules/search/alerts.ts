import { sql } from 'kysely';
import { newId, type Database, type EventBus, type Executor, type Mailer } from '@immo/platform';
import type { GeoApi } from '@immo/geo';
import type { ListingSnapshot } from '@immo/listings';
import { savedSearchQuery, searchAlertMatched } from './contract.ts';
import { prepareSearch } from './search.ts';

// Saved-search alerts: a listing that enters the index (or gets cheaper) is
// checked against every alerting saved search with the very conditions its
// list uses, restricted to that one listing id.

export type AlertReason = 'new' | 'price_drop';

export interface AlertDeps {
  geo: GeoApi;
  events: EventBus;
}

/** Checks one listing (already in the index) against the saved searches; returns the ids that matched. */
export async function matchSavedSearches(
  trx: Executor,
  deps: AlertDeps,
  listing: ListingSnapshot,
  reason: AlertReason,
): Promise<string[]> {
  const { rows: searches } = await sql<{ id: string; user_id: string; query: unknown; alert: 'instant' | 'daily' }>`
    select id, user_id, query, alert from search.saved_searches
    where alert <> 'none' and (transaction is null or transaction = ${listing.transaction})
      and user_id <> ${listing.ownerId}
    order by id`.execute(trx);
  const matched: string[] = [];
  for (const saved of searches) {
    const parsed = savedSearchQuery.safeParse(saved.query);
    if (!parsed.success) continue; // a query saved under an older contract: skip it rather than fail the event
    const prepared = await prepareSearch(trx, deps.geo, parsed.data);
    const { rows } = await sql`select 1 from search.listings
      where id = ${listing.id}::uuid ${prepared.conditions.length ? sql`and ${sql.join(prepared.conditions, sql` and `)}` : sql``}`.execute(trx);
    if (rows.length === 0) continue;
    const { rows: inserted } = await sql<{ id: string }>`
      insert into search.alerts (id, saved_search_id, user_id, listing_id, reason, listing_version, price)
      values (${newId()}, ${saved.id}, ${saved.user_id}, ${listing.id}, ${reason}, ${reason === 'new' ? 0 : listing.version}, ${listing.price})
      on conflict do nothing returning id`.execute(trx);
    if (inserted.length === 0) continue; // already told
    matched.push(saved.id);
    if (saved.alert === 'instant') {
      await deps.events.publish(trx, searchAlertMatched, {
        savedSearchId: saved.id,
        userId: saved.user_id,
        listingId: listing.id,
        reason,
      });
    }
  }
  return matched;
}

/** Where a digest goes: the auth module knows the address (looked up at send time, never stored here). */
export type ContactLookup = (userId: string) => Promise<{ email: string; locale?: string } | undefined>;

const DIGEST_TEXT = {
  fr: { subject: (n: number) => `${n} nouvelle(s) annonce(s) pour vos recherches`, new: 'Nouveau', drop: 'Prix en baisse', intro: 'Voici les annonces qui correspondent à vos recherches sauvegardées :' },
  nl: { subject: (n: number) => `${n} nieuwe zoekertje(s) voor uw zoekopdrachten`, new: 'Nieuw', drop: 'Prijsdaling', intro: 'Deze zoekertjes passen bij uw bewaarde zoekopdrachten:' },
  en: { subject: (n: number) => `${n} new listing(s) for your saved searches`, new: 'New', drop: 'Price drop', intro: 'These listings match your saved searches:' },
} as const;

/**
 * The daily digest: every alert of a daily saved search not yet sent, one
 * e-mail per person. An alert is marked sent in the same transaction that
 * reads it, after the mail went out, so a failed send is retried next run.
 */
export async function sendDailyDigests(db: Database, mail: Mailer, contactOf: ContactLookup): Promise<{ sent: number }> {
  const { rows: users } = await sql<{ user_id: string }>`
    select distinct a.user_id from search.alerts a join search.saved_searches s on s.id = a.saved_search_id
    where a.digested_at is null and s.alert = 'daily' order by a.user_id`.execute(db.kysely);
  let sent = 0;
  for (const { user_id: userId } of users) {
    await db.kysely.transaction().execute(async (trx) => {
      const { rows: alerts } = await sql<{ id: string; name: string; listing_id: string; reason: string; price: number; title: Record<string, string> | null; commune: string | null }>`
        select a.id, s.name, a.listing_id, a.reason, a.price, l.card->'title' as title, l.card->'communeName'->>'fr' as commune
        from search.alerts a join search.saved_searches s on s.id = a.saved_search_id
        left join search.listings l on l.id = a.listing_id
        where a.user_id = ${userId} and a.digested_at is null and s.alert = 'daily'
        order by s.name, a.created_at
        for update of a skip locked`.execute(trx);
      if (alerts.length === 0) return;
      const contact = await contactOf(userId);
      if (contact) {
        const words = DIGEST_TEXT[contact.locale === 'nl' ? 'nl' : contact.locale === 'en' ? 'en' : 'fr'];
        const lines = alerts.map((a) => {
          const title = a.title ? (Object.values(a.title)[0] ?? '') : '';
          return `- [${a.name}] ${a.reason === 'new' ? words.new : words.drop}: ${title} ${a.commune ? `(${a.commune})` : ''} — € ${a.price} — /listings/${a.listing_id}`;
        });
        await mail.send({ to: contact.email, subject: words.subject(alerts.length), text: `${words.intro}\n\n${lines.join('\n')}\n` });
        sent += 1;
      }
      // no address (the account is gone): nothing to send, but do not try again forever
      await sql`update search.alerts set digested_at = now() where id = any(${alerts.map((a) => a.id)}::uuid[])`.execute(trx);
      await sql`update search.saved_searches set last_digest_at = now() where user_id = ${userId} and alert = 'daily'`.execute(trx);
    });
  }
  return { sent };
}
