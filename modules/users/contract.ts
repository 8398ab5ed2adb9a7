import { z } from 'zod';
import { LOCALES } from '@immo/auth';
import type { Principal } from '@immo/platform';

export type AgencyRole = 'owner' | 'agent';

export interface UsersApi {
  agenciesOf(userId: string): Promise<{ agencyId: string; role: AgencyRole }[]>;
  isAgencyMember(userId: string, agencyId: string): Promise<boolean>;
  agency(agencyId: string): Promise<{ id: string; legalName: string; vatNumber: string; logoKey: string | null } | undefined>;
  profile(userId: string): Promise<{ displayName: string | null; locale: string } | undefined>;
  searchPreferences(userId: string): Promise<unknown>;
  /** The person's favourites, newest first; only for the person themself (403 otherwise), as GET /v1/users/:id/favorites. */
  favorites(principal: Principal | undefined, userId: string): Promise<{ listingId: string; addedAt: string }[]>;
}

export const userParams = z.object({ id: z.uuid() });
/** Listing ids belong to the listings module; here they are opaque references. */
export const listingId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const favoriteParams = z.object({ id: z.uuid(), listingId });

// `.strict()`: a body that tries to set anything else (role, email, status...) is refused, not ignored.
export const profilePatch = z
  .object({
    displayName: z.string().trim().min(1).max(100).nullable().optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .strict();

export const profileView = z.object({
  id: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  phone: z.string().nullable(),
  phoneVerified: z.boolean(),
  displayName: z.string().nullable(),
  locale: z.enum(LOCALES),
  role: z.string(),
  avatarUrl: z.string().nullable(),
});

export const PROPERTY_TYPES = ['house', 'apartment', 'studio', 'villa', 'land', 'office', 'commercial', 'garage', 'other'] as const;
export const REGIONS = ['brussels', 'flanders', 'wallonia'] as const;

/** What the person looks for; matching and alerts read it later. */
export const searchPreferences = z
  .object({
    transaction: z.enum(['sale', 'rent']).optional(),
    budgetMin: z.number().int().min(0).max(100_000_000).optional(),
    budgetMax: z.number().int().min(0).max(100_000_000).optional(),
    regions: z.array(z.enum(REGIONS)).max(3).default([]),
    /** NIS codes of communes (5 digits). */
    communes: z.array(z.string().regex(/^\d{5}$/)).max(50).default([]),
    propertyTypes: z.array(z.enum(PROPERTY_TYPES)).max(PROPERTY_TYPES.length).default([]),
    bedroomsMin: z.number().int().min(0).max(20).optional(),
    mustHaves: z.array(z.enum(['garden', 'terrace', 'garage', 'parking', 'elevator', 'cellar', 'pool', 'furnished', 'pets_allowed', 'accessible'])).max(10).default([]),
  })
  .strict()
  .refine((p) => p.budgetMin === undefined || p.budgetMax === undefined || p.budgetMin <= p.budgetMax, {
    message: 'budgetMin must not exceed budgetMax',
    path: ['budgetMin'],
  });
export type SearchPreferences = z.infer<typeof searchPreferences>;

export const CONSENT_PURPOSES = ['analytics', 'marketing', 'partner_sharing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const consentPatch = z
  .object({ analytics: z.boolean().optional(), marketing: z.boolean().optional(), partnerSharing: z.boolean().optional() })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: 'give at least one purpose' });
export const consentView = z.object({
  current: z.object({ analytics: z.boolean(), marketing: z.boolean(), partnerSharing: z.boolean() }),
  history: z.array(z.object({ purpose: z.enum(CONSENT_PURPOSES), granted: z.boolean(), recordedAt: z.string() })),
});

export const exportQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

export const address = z
  .object({
    street: z.string().trim().min(2).max(200),
    postalCode: z.string().trim().regex(/^[1-9]\d{3}$/, 'a Belgian postal code has 4 digits'),
    city: z.string().trim().min(1).max(100),
  })
  .strict();

export const agencyCreate = z
  .object({
    legalName: z.string().trim().min(2).max(200),
    vatNumber: z.string().trim().max(30),
    /** IPI (FR) / BIV (NL) licence number of the estate agent, e.g. 500.123 or 123456. */
    ipiNumber: z.string().trim().regex(/^\d{3}\.?\d{3}$/, 'an IPI/BIV number has 6 digits, e.g. 500.123'),
    address,
  })
  .strict();
export const agencyPatch = agencyCreate.partial().strict();

export const agencyView = z.object({
  id: z.string(),
  legalName: z.string(),
  vatNumber: z.string(),
  ipiNumber: z.string(),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }),
  logoUrl: z.string().nullable(),
});

export const agencyParams = z.object({ id: z.uuid() });
export const memberParams = z.object({ id: z.uuid(), userId: z.uuid() });
export const invitationCreate = z.object({ email: z.string().trim().toLowerCase().max(254).email(), role: z.enum(['owner', 'agent']).default('agent') }).strict();
export const invitationAccept = z.object({ token: z.string().min(10).max(200) }).strict();
export const memberView = z.object({ userId: z.string(), role: z.enum(['owner', 'agent']), displayName: z.string().nullable(), joinedAt: z.string() });
