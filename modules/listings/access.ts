import { isStaff, type Principal } from '@immo/platform';
import type { ListingRow } from './store.ts';

/**
 * The part of the auth and users modules' APIs that listings uses; index.ts
 * adapts the real modules to it.
 */
export interface AccountLookup {
  /** Verification state of the advertiser's account (AuthApi.getAccount). */
  getAccount(userId: string): Promise<{ emailVerified: boolean; phoneVerified: boolean; status: string } | undefined>;
}

export interface MembershipLookup {
  isAgencyMember(userId: string, agencyId: string): Promise<boolean>;
  /** Ids of the agencies the user belongs to. */
  agencyIdsOf(userId: string): Promise<string[]>;
}

export type Access = 'owner' | 'agent' | 'moderator' | 'none';

/** Who the principal is to this listing. Memberships are asked to the users module, not read from the token, so a removed agent loses access at once. */
export async function accessTo(principal: Principal | undefined, row: ListingRow, memberships: MembershipLookup): Promise<Access> {
  if (!principal) return 'none';
  if (row.owner_id === principal.userId) return 'owner';
  if (row.agency_id && (await memberships.isAgencyMember(principal.userId, row.agency_id))) return 'agent';
  if (isStaff(principal)) return 'moderator';
  return 'none';
}
