import { isStaff, type Principal } from '@immo/platform';
import type { AssetRow } from './store.ts';

/**
 * What media needs to know about listings: who may manage a listing's photos
 * and whether the public may see them. index.ts adapts the listings module's
 * API to it (ListingsApi.isOwnerOrAgent and ListingsApi.get).
 */
export interface ListingAccess {
  /** True for the listing's owner and the members of its agency. */
  isOwnerOrAgent(principal: Principal, listingId: string): Promise<boolean>;
  /** True while the listing is visible to the public (published, under offer). */
  isPublic(listingId: string): Promise<boolean>;
}

export const isMemberOf = (principal: Principal, agencyId: string) => principal.agencies.some((a) => a.agencyId === agencyId);

/** Who may upload over, reorder and delete: the uploader, their agency, the listing's owner and agents, staff. */
export async function canManage(principal: Principal | undefined, asset: AssetRow, listings: ListingAccess): Promise<boolean> {
  if (!principal) return false;
  if (isStaff(principal)) return true;
  if (asset.owner_user_id && asset.owner_user_id === principal.userId) return true;
  if (asset.owner_agency_id && isMemberOf(principal, asset.owner_agency_id)) return true;
  if (asset.listing_id) return listings.isOwnerOrAgent(principal, asset.listing_id);
  return false;
}

/**
 * Who may see an asset's metadata and URLs: its managers; anyone for the
 * ready photos of a public listing, avatars and logos; nobody else for
 * private media (attachments), which other modules hand out themselves.
 */
export async function canRead(principal: Principal | undefined, asset: AssetRow, listings: ListingAccess): Promise<boolean> {
  if (await canManage(principal, asset, listings)) return true;
  if (asset.visibility === 'private' || asset.status !== 'ready') return false;
  if (asset.listing_id) return listings.isPublic(asset.listing_id);
  return true;
}
