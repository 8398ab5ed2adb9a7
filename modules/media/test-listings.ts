import type { Principal } from '@immo/platform';
import type { ListingAccess } from './access.ts';

/**
 * Listings as media sees them, for module tests that run media alone: who
 * owns which listing and which are public. The HTTP tests use the real
 * listings module where it is loaded.
 */
export class TestListings implements ListingAccess {
  readonly owners = new Map<string, { userId: string; agencyId?: string; public: boolean }>();

  add(listingId: string, owner: { userId: string; agencyId?: string; public?: boolean }) {
    this.owners.set(listingId, { ...owner, public: owner.public ?? false });
  }

  async isOwnerOrAgent(principal: Principal, listingId: string): Promise<boolean> {
    const owner = this.owners.get(listingId);
    if (!owner) return false;
    return owner.userId === principal.userId || (!!owner.agencyId && principal.agencies.some((a) => a.agencyId === owner.agencyId));
  }

  async isPublic(listingId: string): Promise<boolean> {
    return this.owners.get(listingId)?.public ?? false;
  }
}
