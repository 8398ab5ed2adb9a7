import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../testing.ts';
import { authModule, signUpForTest } from '@immo/auth';
import { geoModule } from '@immo/geo';
import { usersModule } from '@immo/users';
import { listingsModule, type CreateListingInput, type ListingsApi } from '@immo/listings';
import { searchModule } from '@immo/search';
import { mediaModule } from '@immo/media';
import { MAX_DEPTH } from './limits.ts';

// The GraphQL BFF on the composed server, with the real modules it reads through.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: [geoModule, authModule, usersModule, listingsModule, searchModule, mediaModule] });
});
afterAll(() => t?.close());

type Headers = Record<string, string>;
const gql = (query: string, variables?: Record<string, unknown>, headers: Headers = {}) =>
  t.app.inject({ method: 'POST', url: '/graphql', headers, payload: { query, ...(variables ? { variables } : {}) } });
const rest = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const apartment = (overrides: Partial<CreateListingInput> = {}): CreateListingInput => ({
  transaction: 'rent',
  type: 'apartment',
  price: 1_150,
  charges: 120,
  address: { street: 'Rue du Bailli', number: '21', postalCode: '1050', communeNis: '21009' },
  livingArea: 78,
  rooms: 3,
  bedrooms: 2,
  bathrooms: 1,
  epc: { label: 'D', kwh: 150, certificate: '20260115012345' },
  features: ['balcony'],
  language: 'fr',
  title: { fr: 'Appartement 2 chambres à Ixelles', nl: 'Appartement met 2 slaapkamers in Elsene' },
  description: { fr: 'Lumineux.' },
  ...overrides,
});

async function publishedListing(headers: Headers, overrides: Partial<CreateListingInput> = {}) {
  const created = await rest('POST', '/v1/listings', headers, apartment(overrides));
  expect(created.statusCode, created.body).toBe(201);
  const { id } = created.json() as { id: string };
  expect((await rest('POST', `/v1/listings/${id}/publish`, headers)).statusCode).toBe(200);
  return id;
}

const LISTING_PAGE = /* GraphQL */ `
  query ListingPage($id: ID!, $locale: Locale) {
    listing(id: $id, locale: $locale) {
      id status price heading title { fr nl } communeName { fr nl }
      photos { id url }
      media { id variants { width url } }
      priceHistory { price changedAt }
      advertiser { kind name logoUrl }
      similar(limit: 3) { id heading price }
    }
  }
`;

describe('GraphQL BFF', () => {
  let agencyListing: string;
  let privateListing: string;
  let agency: Awaited<ReturnType<typeof signUpForTest>>;
  beforeAll(async () => {
    agency = await signUpForTest(t.app, { agencyName: 'Immo Flagey', phoneVerified: true });
    agencyListing = await publishedListing(agency.headers, { agencyId: agency.agencyId });
    const owner = await signUpForTest(t.app, { phoneVerified: true });
    privateListing = await publishedListing(owner.headers, { price: 1_300 });
    // a price change makes a history of two points
    expect((await rest('PUT', `/v1/listings/${agencyListing}`, agency.headers, { price: 1_090 })).statusCode).toBe(200);
    await t.drain();
  });

  it('answers the listing page in one composed query: listing, price history, advertiser, similar listings', async () => {
    const res = await gql(LISTING_PAGE, { id: agencyListing, locale: 'nl' });
    expect(res.statusCode).toBe(200);
    const { data, errors } = res.json();
    expect(errors).toBeUndefined();
    expect(data.listing).toMatchObject({
      id: agencyListing,
      status: 'published',
      price: 1_090,
      heading: 'Appartement met 2 slaapkamers in Elsene',
      communeName: { fr: 'Ixelles', nl: 'Elsene' },
      photos: [],
      media: [],
      advertiser: { kind: 'agency', name: 'Immo Flagey', logoUrl: null },
    });
    expect(data.listing.priceHistory.map((p: { price: number }) => p.price)).toEqual([1_150, 1_090]);
    expect(data.listing.similar).toEqual([{ id: privateListing, heading: 'Appartement met 2 slaapkamers in Elsene', price: 1_300 }]);

    // a private owner's name is not shown
    const other = (await gql(LISTING_PAGE, { id: privateListing })).json();
    expect(other.data.listing.advertiser).toEqual({ kind: 'private', name: null, logoUrl: null });
  });

  it('hides a draft from strangers and shows it to its owner, as GET /v1/listings/:id does', async () => {
    const owner = await signUpForTest(t.app, { phoneVerified: true });
    const draft = (await rest('POST', '/v1/listings', owner.headers, apartment({ price: 999 }))).json() as { id: string };
    const query = '{ listing(id: "' + draft.id + '") { id status price priceHistory { price } } }';

    expect((await gql(query)).json()).toEqual({ data: { listing: null } });
    const stranger = await signUpForTest(t.app);
    expect((await gql(query, undefined, stranger.headers)).json()).toEqual({ data: { listing: null } });
    expect((await rest('GET', `/v1/listings/${draft.id}`, stranger.headers)).statusCode).toBe(404);

    expect((await gql(query, undefined, owner.headers)).json()).toEqual({
      data: { listing: { id: draft.id, status: 'draft', price: 999, priceHistory: [{ price: 999 }] } },
    });
    // an id that is not a listing id is simply not found
    expect((await gql('{ listing(id: "../../etc") { id } }')).json()).toEqual({ data: { listing: null } });
  });

  it('reads the caller\'s favourites as listings with the same bearer token as REST', async () => {
    const me = await signUpForTest(t.app);
    expect((await rest('PUT', `/v1/users/${me.userId}/favorites/${agencyListing}`, me.headers)).statusCode).toBeLessThan(300);
    expect((await rest('PUT', `/v1/users/${me.userId}/favorites/${privateListing}`, me.headers)).statusCode).toBeLessThan(300);
    const query = '{ me { userId favourites { id advertiser { kind name } priceHistory { price } } } }';
    // batched: one price-history read for all the favourites, not one per listing
    const histories = vi.spyOn(t.modules.api<ListingsApi>('listings'), 'priceHistories');
    const res = (await gql(query, undefined, me.headers)).json();
    expect(histories).toHaveBeenCalledTimes(1);
    expect((histories.mock.calls[0]![1] as string[]).sort()).toEqual([agencyListing, privateListing].sort());
    histories.mockRestore();
    expect(res.errors).toBeUndefined();
    expect(res.data.me.userId).toBe(me.userId);
    expect(res.data.me.favourites.map((f: { id: string }) => f.id).sort()).toEqual([agencyListing, privateListing].sort());
    expect(res.data.me.favourites.find((f: { id: string }) => f.id === agencyListing).advertiser).toEqual({ kind: 'agency', name: 'Immo Flagey' });

    // without a token: a 401 problem in the error's extensions, not somebody else's data
    const anonymous = (await gql(query)).json();
    expect(anonymous.data).toEqual({ me: null });
    expect(anonymous.errors[0]).toMatchObject({ path: ['me'], extensions: { status: 401, title: 'Unauthorized' } });
  });

  it('refuses bad queries with a problem+json 400 that says what is wrong', async () => {
    const syntax = await gql('{ listing(id: "x") { id ');
    expect(syntax.statusCode).toBe(400);
    expect(syntax.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(syntax.json()).toMatchObject({ status: 400, title: 'Invalid query', errors: [{ message: expect.stringMatching(/Syntax Error/), locations: expect.any(Array) }] });

    const unknown = (await gql('{ listing(id: "x") { id password } }')).json();
    expect(unknown).toMatchObject({ status: 400, detail: expect.stringMatching(/Cannot query field "password" on type "Listing"/) });

    const badVariable = await gql(LISTING_PAGE, { id: agencyListing, locale: 'xx' });
    expect(badVariable.statusCode).toBe(400);
    expect(badVariable.json().detail).toMatch(/locale/);

    const badBody = await t.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ me { userId } }', extra: 1 } });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('holds the depth limit and the cost limit', async () => {
    // listing → similar → listing → similar ... one level deeper than allowed
    let selection = 'id';
    for (let level = 0; level < MAX_DEPTH; level++) selection = level % 2 ? `listing { ${selection} }` : `similar { ${selection} }`;
    const deep = await gql(`{ listing(id: "${agencyListing}") { similar { ${selection} } } }`);
    expect(deep.statusCode).toBe(400);
    expect(deep.json()).toMatchObject({ title: 'Invalid query', errors: [{ extensions: { code: 'QUERY_TOO_DEEP' } }] });
    expect(deep.json().detail).toMatch(/exceeds the query depth limit of 6/);

    const wide = await gql('{ me { favourites(limit: 100) { id similar(limit: 12) { id heading listing { id title { fr nl de en } } } } } }');
    expect(wide.statusCode).toBe(400);
    expect(wide.json()).toMatchObject({ errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX' } }] });
  });

  it('stays out of the REST OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).some((p) => p.includes('graphql'))).toBe(false);
  });
});
