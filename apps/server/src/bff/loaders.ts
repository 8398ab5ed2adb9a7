import type { ListingSnapshot } from '@immo/listings';
import type { MediaAsset } from '@immo/media';
import type { SearchCard } from '@immo/search';
import type { BffContext } from './context.ts';

/**
 * Mercurius loaders (DataLoader-style): within one request, every
 * `Listing.x` asked for many listings (favourites, similar...) is collected
 * and resolved in one call, and the same key is fetched once.
 */
type Locale = 'fr' | 'nl' | 'de' | 'en';
type Query<Params = Record<string, never>, Obj = ListingSnapshot & { locale?: Locale }> = { obj: Obj; params: Params };

export const MAX_SIMILAR = 12;

export const loaders = {
  Listing: {
    /** One SQL query for every listing's history, with the caller's visibility. */
    async priceHistory(queries: Query[], ctx: BffContext) {
      const histories = await ctx.modules.listings.priceHistories(
        ctx.principal,
        queries.map((q) => q.obj.id),
      );
      return histories.map((h) => h ?? []);
    },

    /** The media module answers per listing; one call per distinct listing, all at once. */
    async media(queries: Query[], ctx: BffContext) {
      const media = ctx.modules.media;
      if (!media) return queries.map(() => []);
      const ids = [...new Set(queries.map((q) => q.obj.id))];
      const byId = new Map<string, MediaAsset[]>(
        await Promise.all(ids.map(async (id) => [id, await media.listingPhotos(ctx.principal, id).catch(() => [])] as const)),
      );
      return queries.map((q) => (byId.get(q.obj.id) ?? []).filter((a) => a.status === 'ready'));
    },

    /** Agencies' public cards, each distinct agency read once. */
    async advertiser(queries: Query[], ctx: BffContext) {
      const users = ctx.modules.users;
      const agencyIds = [...new Set(queries.map((q) => q.obj.agencyId).filter((id): id is string => !!id))];
      const agencies = new Map(await Promise.all(agencyIds.map(async (id) => [id, users ? await users.agency(id) : undefined] as const)));
      return queries.map(({ obj }) => {
        const agency = obj.agencyId ? agencies.get(obj.agencyId) : undefined;
        if (!agency) return { kind: 'private', agencyId: null, name: null, logoUrl: null };
        return { kind: 'agency', agencyId: agency.id, name: agency.legalName, logoUrl: agency.logoKey ? `/v1/agencies/${agency.id}/logo` : null };
      });
    },

    /** Same transaction and type nearby: the commune first, the region when the commune has too few. */
    async similar(queries: Query<{ limit?: number }>[], ctx: BffContext) {
      const search = ctx.modules.search;
      if (!search) return queries.map(() => []);
      return Promise.all(
        queries.map(async ({ obj, params }) => {
          const limit = Math.max(0, Math.min(params.limit ?? 4, MAX_SIMILAR));
          if (limit === 0) return [];
          const base = { transaction: obj.transaction, types: [obj.type], sort: 'newest' as const, limit: limit + 1, facets: false };
          const others = (items: SearchCard[]) => items.filter((card) => card.id !== obj.id);
          try {
            let cards = others((await search.search({ ...base, communes: [obj.communeNis] })).items);
            if (cards.length < limit) {
              const wider = others((await search.search({ ...base, region: obj.region })).items);
              cards = [...cards, ...wider.filter((w) => !cards.some((c) => c.id === w.id))];
            }
            return cards.slice(0, limit).map((card) => ({ ...card, locale: obj.locale }));
          } catch {
            // a type the search vocabulary does not know: no suggestions rather than a failed page
            return [];
          }
        }),
      );
    },
  },
  ListingCard: {
    /** Every card's listing in one public read. */
    async listing(queries: Query<Record<string, never>, SearchCard & { locale?: Locale }>[], ctx: BffContext) {
      const listings = new Map((await ctx.modules.listings.getMany(queries.map((q) => q.obj.id))).map((l) => [l.id, l]));
      return queries.map((q) => {
        const listing = listings.get(q.obj.id);
        return listing ? { ...listing, locale: q.obj.locale } : null;
      });
    },
  },
};
