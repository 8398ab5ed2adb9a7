import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { userDeleted } from '@immo/auth';
import { searchHarness, person, type SearchHarness } from './fixtures/harness.ts';
import { makeListing } from './fixtures/listings.ts';

// Saved searches and their alerts, driven by the listing events as the
// listings module publishes them.

let h: SearchHarness;
beforeAll(async () => {
  h = await searchHarness();
});
afterAll(() => h.close());

const ana = person('user-ana');
const bob = person('user-bob');

describe('saved searches', () => {
  it('alerts instantly on a new matching listing and on its price drop, never on an unrelated one', async () => {
    const saved = await h.service.savedSearches.save(ana, { name: 'Appart Liège', query: { q: 'appartement Luik', transaction: 'rent', priceMax: 1000 }, alert: 'instant' });
    const other = await h.service.savedSearches.save(ana, { name: 'Villa', query: { types: ['villa'] }, alert: 'instant' });

    const tooDear = makeListing({ n: 1, commune: 'Liège', type: 'apartment', transaction: 'rent', price: 1100, title: { fr: 'Appartement au centre' } });
    const elsewhere = makeListing({ n: 2, commune: 'Namur', type: 'apartment', transaction: 'rent', price: 800, title: { fr: 'Appartement' } });
    const match = makeListing({ n: 3, commune: 'Liège', type: 'apartment', transaction: 'rent', price: 950, title: { fr: 'Appartement lumineux' } });
    for (const l of [tooDear, elsewhere, match]) await h.publish('published', l);

    expect((await h.service.savedSearches.matches(ana, saved.id)).map((m) => [m.listingId, m.reason])).toEqual([[match.id, 'new']]);
    expect(await h.service.savedSearches.matches(ana, other.id)).toEqual([]);

    // the dear one drops under the limit: now it matches, as a price drop
    await h.priceChanged({ ...tooDear, version: 2, price: 990 }, 1100);
    // a price rise is no news
    await h.priceChanged({ ...match, version: 2, price: 980 }, 950);
    const matches = await h.service.savedSearches.matches(ana, saved.id);
    expect(matches.map((m) => [m.listingId, m.reason, m.price])).toEqual([
      [tooDear.id, 'price_drop', 990],
      [match.id, 'new', 950],
    ]);
    const events = await h.outbox('search.alert.matched');
    expect(events).toEqual([
      { savedSearchId: saved.id, userId: ana.userId, listingId: match.id, reason: 'new' },
      { savedSearchId: saved.id, userId: ana.userId, listingId: tooDear.id, reason: 'price_drop' },
    ]);
  });

  it('tells once, even when the events come again or a newer update arrives first', async () => {
    const saved = await h.service.savedSearches.save(ana, { name: 'Gent', query: { q: 'studio Gand' }, alert: 'instant' });
    const studio = makeListing({ n: 10, commune: 'Gent', type: 'studio', transaction: 'rent', price: 500, title: { nl: 'Studio' } });
    await h.publish('updated', { ...studio, version: 2 }); // the update overtook the publish
    await h.publish('published', studio);
    await h.publish('published', studio);
    expect((await h.service.savedSearches.matches(ana, saved.id)).length).toBe(1);
  });

  it('does not alert the owner about their own listing', async () => {
    const saved = await h.service.savedSearches.save(bob, { name: 'Mons', query: { q: 'maison Bergen' }, alert: 'instant' });
    await h.publish('published', makeListing({ n: 20, commune: 'Mons', type: 'house', price: 200_000, title: { fr: 'Maison' }, ownerId: bob.userId }));
    expect(await h.service.savedSearches.matches(bob, saved.id)).toEqual([]);
  });

  it('sends a daily digest by e-mail, once', async () => {
    h.contacts.set('user-cleo', { email: 'cleo@example.test', locale: 'nl' });
    const cleo = person('user-cleo');
    await h.service.savedSearches.save(cleo, { name: 'Leuven', query: { q: 'kantoor Louvain' }, alert: 'daily' });
    await h.publish('published', makeListing({ n: 30, commune: 'Leuven', type: 'office', price: 2000, transaction: 'rent', title: { nl: 'Kantoor' } }));
    expect(await h.outbox('search.alert.matched')).not.toContainEqual(expect.objectContaining({ userId: 'user-cleo' }));
    await h.service.sendDailyDigests();
    await h.service.sendDailyDigests();
    const mails = h.mails.filter((m) => m.to === 'cleo@example.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/zoekertje/);
    expect(mails[0]!.text).toContain('Kantoor');
  });

  it('keeps saved searches to their owner: others get 404', async () => {
    const saved = await h.service.savedSearches.save(ana, { name: 'Mine', query: { region: 'brussels' }, alert: 'none' });
    await expect(h.service.savedSearches.get(bob, saved.id)).rejects.toMatchObject({ status: 404 });
    await expect(h.service.savedSearches.remove(bob, saved.id)).rejects.toMatchObject({ status: 404 });
    await expect(h.service.savedSearches.matches(bob, saved.id)).rejects.toMatchObject({ status: 404 });
    expect((await h.service.savedSearches.list(bob)).map((s) => s.id)).not.toContain(saved.id);
    await expect(h.service.savedSearches.save(ana, { name: 'Bad', query: { priceMax: '1e999' as unknown as number } })).rejects.toThrow(/finite/);
  });

  it('exports and erases a person’s saved searches and alerts', async () => {
    const exported = await h.service.savedSearches.exportFor(ana.userId);
    expect(exported.savedSearches.length).toBeGreaterThan(0);
    expect(exported.alerts.length).toBeGreaterThan(0);
    await h.db.kysely.transaction().execute((trx) => h.bus.publish(trx, userDeleted, { userId: ana.userId }));
    await h.bus.drain();
    expect(await h.service.savedSearches.list(ana)).toEqual([]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from search.alerts where user_id = ${ana.userId}`.execute(h.db.kysely);
    expect(rows[0]?.n).toBe(0);
  });
});
