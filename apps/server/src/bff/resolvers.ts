import { unauthorized, type Principal } from '@immo/platform';
import type { ListingSnapshot } from '@immo/listings';
import type { MediaAsset } from '@immo/media';
import type { SearchCard } from '@immo/search';
import type { BffContext } from './context.ts';

type Locale = 'fr' | 'nl' | 'de' | 'en';
type Texts = Partial<Record<string, string>>;

export const MAX_FAVOURITES = 100;

/** Listing ids are UUIDs; anything else is simply not found (as REST answers 404). */
const LISTING_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The locale a listing was asked in travels down to its `heading` and its similar cards. */
type Located<T> = T & { locale?: Locale };

function heading(title: Texts, locale: Locale | undefined, fallback: string | undefined): string | null {
  return (locale && title[locale]) || (fallback && title[fallback]) || Object.values(title).find(Boolean) || null;
}

export const resolvers = {
  Query: {
    async listing(_root: unknown, args: { id: string; locale?: Locale }, ctx: BffContext): Promise<Located<ListingSnapshot> | null> {
      if (!LISTING_ID.test(args.id)) return null;
      const listing = await ctx.modules.listings.readFor(ctx.principal, args.id);
      return listing ? { ...listing, locale: args.locale } : null;
    },
    me(_root: unknown, _args: unknown, ctx: BffContext): Principal {
      if (!ctx.principal) throw unauthorized('Sign in to read "me": send your access token as Authorization: Bearer <token>.');
      return ctx.principal;
    },
  },

  Me: {
    async favourites(me: Principal, args: { limit?: number }, ctx: BffContext): Promise<ListingSnapshot[]> {
      if (!ctx.modules.users) return [];
      const limit = Math.max(0, Math.min(args.limit ?? 50, MAX_FAVOURITES));
      const favourites = await ctx.modules.users.favorites(ctx.principal, me.userId);
      // one batched read; a favourite that is no longer public drops out, as on the REST side
      return ctx.modules.listings.getMany(favourites.slice(0, limit).map((f) => f.listingId));
    },
  },

  Listing: {
    heading: (listing: Located<ListingSnapshot>) => heading(listing.title, listing.locale, listing.language),
  },

  ListingCard: {
    heading: (card: Located<SearchCard>) => heading(card.title, card.locale, undefined),
    coverPhotoUrl: (card: SearchCard) => card.coverPhoto?.url ?? null,
  },

  MediaPhoto: {
    dominantColor: (photo: MediaAsset) => photo.placeholder?.dominantColor ?? null,
  },
};
