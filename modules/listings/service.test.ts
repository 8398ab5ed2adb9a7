import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Problem } from '@immo/platform';
import { createListingsService } from './service.ts';
import { createMemoryCache } from '@immo/platform';
import { ixellesApartment, person, serviceHarness, geo, type ServiceHarness } from './listings.fixtures.ts';

// one database for the file, emptied before each test: tests stay independent and fast
let h: ServiceHarness;
beforeAll(async () => {
  h = await serviceHarness();
});
beforeEach(async () => {
  await h.reset();
});
afterAll(async () => {
  await h.close();
});

const alice = person('alice');
const bob = person('bob');
const admin = person('root', 'admin');

async function problemOf(promise: Promise<unknown>): Promise<Problem> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Problem);
  return error as Problem;
}

async function count(table: string) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.db.kysely);
  return rows[0]!.n;
}

async function publishedListing(overrides = {}) {
  h.accounts.verify('alice');
  const draft = await h.service.create(alice, ixellesApartment(overrides));
  return h.service.publish(alice, draft.id);
}

describe('creating a listing', () => {
  it('derives region, province and commune from the NIS code and places it at the postal code', async () => {
    const listing = await h.service.create(alice, ixellesApartment());
    expect(listing).toMatchObject({
      status: 'draft',
      version: 1,
      ownerId: 'alice',
      region: 'brussels',
      provinceNis: null,
      communeName: { fr: 'Ixelles', nl: 'Elsene' },
      postalCode: '1050',
      price: 345_000,
    });
    const place = geo.commune('21009')!.postalCodes.find((p) => p.code === '1050')!;
    expect(listing.lat).toBeCloseTo(place.lat, 5);
    expect(listing.lon).toBeCloseTo(place.lon, 5);
  });

  it('keeps given coordinates and derives the province in Flanders', async () => {
    const listing = await h.service.create(
      alice,
      ixellesApartment({
        price: 420_000,
        address: { street: 'Veldstraat', number: '10', postalCode: '9000', communeNis: '44021' },
        lat: 51.0505,
        lon: 3.7219,
        epc: { label: 'B', kwh: 150, certificate: 'EPC-123' },
        language: 'nl',
        title: { nl: 'Ruim appartement in het centrum' },
      }),
    );
    expect(listing).toMatchObject({ region: 'flanders', provinceNis: '40000', lat: 51.0505, lon: 3.7219 });
  });

  it('names every wrong field at once and writes nothing', async () => {
    const problem = await problemOf(
      h.service.create(
        alice,
        ixellesApartment({
          address: { street: 'Rue Haute', number: '1', postalCode: '1000', communeNis: '21009' },
          price: 3_450_000_000,
          epc: { label: 'A++', kwh: 130, certificate: 'x' },
          charges: 120,
          bedrooms: 9,
          rooms: 4,
        }),
      ),
    );
    expect(problem.status).toBe(422);
    const paths = (problem.extra.errors ?? []).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['address.postalCode', 'price', 'charges', 'bedrooms']));
    expect(problem.detail).toContain('Postal code 1000 is not in Ixelles / Elsene');
    expect(await count('listings.listings')).toBe(0);
    expect(await count('listings.price_history')).toBe(0);
  });

  it('checks the EPC label against the region of the commune', async () => {
    // A++ exists in Brussels and Wallonia, not in Flanders (A+..F)
    const flemish = ixellesApartment({
      address: { street: 'Veldstraat', number: '10', postalCode: '9000', communeNis: '44021' },
      epc: { label: 'A++', kwh: -5, certificate: 'EPC-1' },
    });
    const problem = await problemOf(h.service.create(alice, flemish));
    expect(problem.extra.errors).toEqual([expect.objectContaining({ path: 'epc.label', message: expect.stringContaining('A+, A, B, C, D, E, F') })]);

    const inconsistent = await problemOf(h.service.create(alice, ixellesApartment({ epc: { label: 'A', kwh: 300, certificate: 'x' } })));
    expect(inconsistent.extra.errors).toEqual([expect.objectContaining({ path: 'epc.kwh' })]);
  });

  it('refuses implausible surfaces and prices per type and transaction', async () => {
    const rent = await problemOf(h.service.create(alice, ixellesApartment({ transaction: 'rent', price: 345_000 })));
    expect(rent.extra.errors?.[0]).toMatchObject({ path: 'price', message: expect.stringContaining('monthly rent for a apartment must be between') });
    const studio = await problemOf(h.service.create(alice, ixellesApartment({ type: 'studio', livingArea: 400 })));
    expect(studio.extra.errors?.map((e) => e.path)).toContain('livingArea');
    const land = await problemOf(h.service.create(alice, ixellesApartment({ type: 'land', livingArea: 90, bedrooms: 2 })));
    expect(land.extra.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['livingArea', 'landArea', 'bedrooms']));
    const far = await problemOf(h.service.create(alice, ixellesApartment({ lat: 51.2, lon: 4.4 })));
    expect(far.detail).toContain('km from Ixelles');
  });

  it('lets only members of an agency advertise for it', async () => {
    const agencyId = '019ac0de-0000-7000-8000-00000000a9e1';
    const refused = await problemOf(h.service.create(alice, ixellesApartment({ agencyId })));
    expect(refused.status).toBe(403);
    h.memberships.join('alice', agencyId);
    expect((await h.service.create(alice, ixellesApartment({ agencyId }))).agencyId).toBe(agencyId);
  });

  it('refuses anonymous callers', async () => {
    expect((await problemOf(h.service.create(undefined, ixellesApartment()))).status).toBe(401);
  });
});

describe('lifecycle', () => {
  it('goes draft → published → under_offer → sold → archived, with one event per step', async () => {
    h.accounts.verify('alice');
    const draft = await h.service.create(alice, ixellesApartment());
    expect(await h.outbox()).toEqual([]); // a draft is nobody's business
    const published = await h.service.publish(alice, draft.id);
    expect(published).toMatchObject({ status: 'published', version: 2 });
    expect(published.publishedAt).toBe('2026-03-02T09:00:00.000Z');
    const underOffer = await h.service.changeStatus(alice, draft.id, 'under_offer');
    const sold = await h.service.changeStatus(alice, draft.id, 'sold');
    const archived = await h.service.changeStatus(alice, draft.id, 'archived');
    expect([underOffer.status, sold.status, archived.status]).toEqual(['under_offer', 'sold', 'archived']);
    const events = await h.outbox();
    expect(events.map((e) => e.name)).toEqual(['listing.published', 'listing.updated', 'listing.updated', 'listing.archived']);
    expect(events.map((e) => (e.payload.listing as { version: number }).version)).toEqual([2, 3, 4, 5]);
  });

  it('refuses moves the lifecycle does not allow, saying which are', async () => {
    const listing = await publishedListing();
    const sold = await h.service.changeStatus(alice, listing.id, 'sold');
    const back = await problemOf(h.service.changeStatus(alice, sold.id, 'published'));
    expect(back.status).toBe(409);
    expect(back.detail).toBe('A sold listing cannot become published; from sold it can become archived.');
    const rented = await problemOf(h.service.changeStatus(alice, (await publishedListing()).id, 'rented'));
    expect(rented.detail).toBe('A listing for sale is marked sold, not rented.');
    const draft = await h.service.create(alice, ixellesApartment());
    expect((await problemOf(h.service.changeStatus(alice, draft.id, 'under_offer'))).status).toBe(409);
  });

  it('lets an offer fall through and an archived listing come back as a draft', async () => {
    const listing = await publishedListing();
    await h.service.changeStatus(alice, listing.id, 'under_offer');
    expect((await h.service.changeStatus(alice, listing.id, 'published')).status).toBe('published');
    await h.service.changeStatus(alice, listing.id, 'archived');
    expect((await h.service.changeStatus(alice, listing.id, 'draft')).status).toBe('draft');
    expect((await h.service.publish(alice, listing.id)).status).toBe('published');
  });

  it('publishes only for a verified e-mail and phone, and only with an energy certificate', async () => {
    const draft = await h.service.create(alice, ixellesApartment());
    const unverified = await problemOf(h.service.publish(alice, draft.id));
    expect(unverified.status).toBe(403);
    expect(unverified.detail).toContain('verified e-mail address and phone number');
    h.accounts.verify('alice', { phoneVerified: false });
    expect((await problemOf(h.service.publish(alice, draft.id))).detail).toContain('verified phone number');

    h.accounts.verify('alice');
    const noEpc = await h.service.create(alice, ixellesApartment({ epc: null }));
    const refused = await problemOf(h.service.publish(alice, noEpc.id));
    expect(refused.status).toBe(422);
    expect(refused.extra.errors).toEqual([expect.objectContaining({ path: 'epc' })]);
    expect((await h.service.get(alice, noEpc.id)).status).toBe('draft');
    expect(await h.outbox()).toEqual([]);

    // an agent publishing an agency listing still needs the advertiser verified; a garage needs no EPC
    const garage = await h.service.create(alice, ixellesApartment({ type: 'garage', price: 35_000, livingArea: 14, rooms: null, bedrooms: null, bathrooms: null, epc: null }));
    expect((await h.service.publish(alice, garage.id)).status).toBe('published');
  });

  it('keeps a published listing publishable: its EPC cannot be removed', async () => {
    const listing = await publishedListing();
    const problem = await problemOf(h.service.update(alice, listing.id, { epc: null }));
    expect(problem.status).toBe(422);
  });

  it('deletes a draft that was never published and archives anything else', async () => {
    const draft = await h.service.create(alice, ixellesApartment());
    expect(await h.service.remove(alice, draft.id)).toEqual({ deleted: true });
    expect(await count('listings.listings')).toBe(0);
    const listing = await publishedListing();
    const removed = await h.service.remove(alice, listing.id);
    expect(removed).toMatchObject({ deleted: false, listing: { status: 'archived' } });
    expect((await h.outbox()).at(-1)?.name).toBe('listing.archived');
  });
});

describe('ownership', () => {
  it('answers 404 to another user who tries to read a draft, edit or change it', async () => {
    const draft = await h.service.create(alice, ixellesApartment());
    for (const attempt of [
      () => h.service.get(bob, draft.id),
      () => h.service.update(bob, draft.id, { price: 1 }),
      () => h.service.publish(bob, draft.id),
      () => h.service.remove(bob, draft.id),
      () => h.service.priceHistory(bob, draft.id),
    ]) {
      const problem = await problemOf(attempt());
      expect(problem.status).toBe(404);
    }
    expect((await h.service.get(alice, draft.id)).price).toBe(345_000);
  });

  it('lets the agents of the owning agency edit, and stops when they leave it', async () => {
    const agencyId = '019ac0de-0000-7000-8000-00000000a9e1';
    h.memberships.join('alice', agencyId);
    h.memberships.join('bob', agencyId);
    const listing = await h.service.create(alice, ixellesApartment({ agencyId }));
    expect((await h.service.update(bob, listing.id, { price: 339_000 })).price).toBe(339_000);
    expect(await h.service.api.isOwnerOrAgent(bob, listing.id)).toBe(true);
    expect((await h.service.mine(bob)).map((l) => l.id)).toEqual([listing.id]);
    h.memberships.leave('bob', agencyId);
    expect((await problemOf(h.service.update(bob, listing.id, { price: 1 }))).status).toBe(404);
    expect(await h.service.api.isOwnerOrAgent(bob, listing.id)).toBe(false);
  });

  it('lets an admin moderate any listing, without refreshing it, and records it in the audit log', async () => {
    const entries: unknown[] = [];
    const moderated = createListingsService({
      db: h.db,
      events: h.bus,
      cache: createMemoryCache(),
      clock: h.clock,
      geo,
      accounts: h.accounts,
      memberships: h.memberships,
      audit: { record: async (_trx, entry) => void entries.push(entry) },
    });
    const listing = await publishedListing();
    expect(await h.service.api.isOwnerOrAgent(admin, listing.id)).toBe(false);
    h.clock.advance(86_400_000);
    const edited = await moderated.update(admin, listing.id, { title: { fr: 'Appartement 2 chambres' } });
    expect(edited.refreshedAt).toBe(listing.refreshedAt);
    const archived = await moderated.changeStatus(admin, listing.id, 'archived');
    expect(archived.status).toBe('archived');
    expect(entries).toEqual([
      { actorId: 'root', action: 'listing.moderated', subjectType: 'listing', subjectId: listing.id, detail: { change: 'update', fields: ['title'] } },
      { actorId: 'root', action: 'listing.moderated', subjectType: 'listing', subjectId: listing.id, detail: { change: 'status', from: 'published', to: 'archived' } },
    ]);
    await moderated.update(alice, (await publishedListing()).id, { price: 340_000 });
    expect(entries).toHaveLength(2); // the owner's own changes are not moderation
  });

  it('shows the public a live listing without its hidden address or contact', async () => {
    const listing = await publishedListing({ address: { street: 'Rue du Bailli', number: '42', postalCode: '1050', communeNis: '21009', hidden: true } });
    const seen = await h.service.get(bob, listing.id);
    expect(seen.address).toMatchObject({ street: '', number: '', box: null, hidden: true });
    expect('contact' in seen).toBe(false);
    const commune = geo.commune('21009')!;
    expect([seen.lat, seen.lon]).toEqual([commune.lat, commune.lon]);
    const event = (await h.outbox())[0]!.payload.listing as { address: { street: string } };
    expect(event.address.street).toBe('');
    expect((await h.service.get(alice, listing.id)).address.street).toBe('Rue du Bailli');
  });
});

describe('prices, cache and concurrency', () => {
  it('keeps every price in the history and announces a price change', async () => {
    const listing = await publishedListing();
    h.clock.advance(86_400_000);
    await h.service.update(alice, listing.id, { price: 329_000 });
    await h.service.update(alice, listing.id, { title: { fr: 'Appartement 2 chambres, prix revu' } });
    h.clock.advance(86_400_000);
    await h.service.update(alice, listing.id, { price: 319_000 });
    const history = await h.service.priceHistory(undefined, listing.id);
    expect(history.map((e) => e.price)).toEqual([345_000, 329_000, 319_000]);
    expect(history[1]!.changedAt).toBe('2026-03-03T09:00:00.000Z');
    const changes = (await h.outbox()).filter((e) => e.name === 'listing.price.changed');
    expect(changes.map((e) => [e.payload.oldPrice, e.payload.newPrice])).toEqual([
      [345_000, 329_000],
      [329_000, 319_000],
    ]);
  });

  it('never serves a stale public read after an update is acknowledged', async () => {
    const listing = await publishedListing();
    expect((await h.service.api.get(listing.id))?.price).toBe(345_000);
    // the cache really is in the way: a change behind the service's back is not seen
    await sql`update listings.listings set price = 1 where id = ${listing.id}`.execute(h.db.kysely);
    expect((await h.service.api.get(listing.id))?.price).toBe(345_000);
    await sql`update listings.listings set price = 345000 where id = ${listing.id}`.execute(h.db.kysely);

    await h.service.update(alice, listing.id, { price: 310_000 });
    expect((await h.service.api.get(listing.id))?.price).toBe(310_000);
    await h.service.changeStatus(alice, listing.id, 'sold');
    expect(await h.service.api.get(listing.id)).toBeUndefined();
  });

  it('keeps the version when an edit changes nothing', async () => {
    const listing = await publishedListing();
    const events = (await h.outbox()).length;
    const same = await h.service.update(alice, listing.id, { price: listing.price, title: { ...listing.title }, address: { ...listing.address, box: listing.address.box ?? undefined } });
    expect(same.version).toBe(listing.version);
    expect((await h.outbox()).length).toBe(events);
    expect((await h.service.update(alice, listing.id, { bathrooms: 2 })).version).toBe(listing.version + 1);
  });

  it('answers 409 to an update based on a stale version, and loses no write when both race', async () => {
    const listing = await h.service.create(alice, ixellesApartment());
    await h.service.update(alice, listing.id, { price: 340_000, version: 1 });
    const stale = await problemOf(h.service.update(alice, listing.id, { bedrooms: 3, version: 1 }));
    expect(stale.status).toBe(409);
    expect(stale.detail).toContain('version 2, you sent 1');

    // two concurrent edits of different fields without a version: both land
    await Promise.all([
      h.service.update(alice, listing.id, { bedrooms: 3 }),
      h.service.update(alice, listing.id, { bathrooms: 2 }),
    ]);
    const after = await h.service.get(alice, listing.id);
    expect(after).toMatchObject({ bedrooms: 3, bathrooms: 2, version: 4 });

    // two concurrent edits from the same version: exactly one wins
    const results = await Promise.allSettled([
      h.service.update(alice, listing.id, { price: 330_000, version: 4 }),
      h.service.update(alice, listing.id, { price: 320_000, version: 4 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await h.service.get(alice, listing.id)).version).toBe(5);
  });

  it('writes events only when the change commits', async () => {
    const listing = await publishedListing();
    const before = await h.outbox();
    // a bus that accepts the first event of the change, then fails: the whole change rolls back
    let calls = 0;
    const failing = createListingsService({
      db: h.db,
      cache: createMemoryCache(),
      clock: h.clock,
      geo,
      accounts: h.accounts,
      memberships: h.memberships,
      events: {
        async publish(trx, event, payload) {
          if (++calls === 2) throw new Error('outbox unavailable');
          return h.bus.publish(trx, event, payload);
        },
      },
    });
    await expect(failing.update(alice, listing.id, { price: 300_000 })).rejects.toThrow('outbox unavailable');
    expect(await h.outbox()).toEqual(before);
    const unchanged = await h.service.get(alice, listing.id);
    expect(unchanged).toMatchObject({ price: 345_000, version: listing.version });
    expect((await h.service.priceHistory(alice, listing.id)).length).toBe(1);
  });
});

describe('expiry, refresh and GDPR', () => {
  it('archives listings not refreshed for 60 days, and spares refreshed ones', async () => {
    const stale = await publishedListing();
    const fresh = await publishedListing({ price: 355_000 });
    h.clock.advance(45 * 86_400_000);
    await h.service.refresh(alice, fresh.id);
    h.clock.advance(16 * 86_400_000);
    expect(await h.service.expireStale()).toBe(1);
    expect((await h.service.get(alice, stale.id)).status).toBe('archived');
    expect((await h.service.get(alice, fresh.id)).status).toBe('published');
    const archived = (await h.outbox()).filter((e) => e.name === 'listing.archived');
    expect(archived.map((e) => e.payload.listingId)).toEqual([stale.id]);
    expect(await h.service.expireStale()).toBe(0);
  });

  it('exports the person\'s listings and, on erasure, archives them and drops their contact details', async () => {
    const live = await publishedListing();
    const draft = await h.service.create(alice, ixellesApartment({ price: 300_000 }));
    await h.service.create(bob, ixellesApartment());
    const exported = await h.service.exportPersonalData('alice');
    expect(exported.listings.map((l) => l.id).sort()).toEqual([live.id, draft.id].sort());
    expect(exported.listings[0]!.contact?.email).toBe('claire@example.be');
    expect(exported.listings[0]!.priceHistory.length).toBe(1);

    const touched = await h.db.kysely.transaction().execute((trx) => h.service.eraseOwnerIn(trx, 'alice'));
    await h.service.forget(touched);
    const after = await h.service.exportPersonalData('alice');
    expect(after.listings.map((l) => [l.status, l.contact])).toEqual(
      expect.arrayContaining([
        ['archived', null],
        ['draft', null],
      ]),
    );
    expect(await h.service.api.get(live.id)).toBeUndefined();
    expect((await h.outbox()).at(-1)).toMatchObject({ name: 'listing.archived', payload: { listingId: live.id } });
    expect((await h.service.exportPersonalData('bob')).listings[0]!.contact).not.toBeNull();
  });
});

describe('the API other modules call', () => {
  it('serves indexable snapshots in id order, page by page, and getMany in the order asked', async () => {
    const a = await publishedListing();
    const b = await publishedListing({ price: 350_000 });
    await h.service.create(alice, ixellesApartment()); // a draft is not indexable
    const first = await h.service.api.snapshotsForReindex(null, 1);
    const second = await h.service.api.snapshotsForReindex(first[0]!.id, 10);
    expect([...first, ...second].map((s) => s.id)).toEqual([a.id, b.id].sort());
    expect((await h.service.api.getMany([b.id, 'nope', a.id])).map((s) => s.id)).toEqual([b.id, a.id]);
  });
});
