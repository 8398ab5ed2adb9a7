import { badRequest, isStaff, notFound, unprocessable, type Executor, type Principal } from '@immo/platform';
import { canManage, canRead } from './access.ts';
import { SIGNED_URL_SECONDS, type MediaAsset, type SimilarPhoto } from './contract.ts';
import type { MediaDeps } from './deps.ts';
import { DELETE_OBJECTS, ERASE_ARCHIVED_LISTING } from './job-names.ts';
import { isHashBits } from './perceptual-hash.ts';
import {
  abandonedUploadIds,
  assetIdsWhere,
  deleteAssets,
  findAsset,
  findListing,
  forgetUploader,
  listingAssets,
  listingIdsOf,
  lockListingPhotos,
  setCover,
  setPositions,
  similarByHash,
  unreferencedKeys,
  upsertListing,
  variantsOf,
  type AssetRow,
} from './store.ts';
import { announceListingPhotos } from './listing-photo-states.ts';
import { keyOfPublicFile, toView } from './views.ts';

const DAY_MS = 86_400_000;

/** Everything about media once it is in: reading, ordering, deleting, erasing, finding duplicates. */
export class MediaService {
  constructor(private readonly deps: MediaDeps) {}

  private get db() {
    return this.deps.db.kysely;
  }

  async get(principal: Principal | undefined, assetId: string): Promise<MediaAsset> {
    const asset = await findAsset(this.db, assetId);
    if (!asset || !(await canRead(principal, asset, this.deps.listings))) throw notFound('Media');
    return toView(asset, await variantsOf(this.db, [asset.id]));
  }

  /** A listing's photos, cover first: all of them for its managers, the ready ones for the public while it is public. */
  async listingPhotos(principal: Principal | undefined, listingId: string): Promise<MediaAsset[]> {
    const manager = !!principal && (isStaff(principal) || (await this.deps.listings.isOwnerOrAgent(principal, listingId)));
    if (!manager && !(await this.deps.listings.isPublic(listingId))) throw notFound('Listing');
    const rows = (await listingAssets(this.db, listingId)).filter((r) => manager || r.status === 'ready');
    const variants = await variantsOf(this.db, rows.map((r) => r.id));
    return rows.map((r) => toView(r, variants));
  }

  /** The owner's display order; every photo of the listing must be named once. */
  async reorder(principal: Principal, listingId: string, photoIds: string[]): Promise<MediaAsset[]> {
    await this.requireListingManager(principal, listingId);
    await this.db.transaction().execute(async (trx) => {
      await lockListingPhotos(trx, listingId);
      const current = (await listingAssets(trx, listingId)).map((r) => r.id);
      const given = new Set(photoIds);
      const missing = current.filter((id) => !given.has(id));
      const unknown = photoIds.filter((id) => !current.includes(id));
      if (given.size !== photoIds.length || missing.length > 0 || unknown.length > 0) {
        throw unprocessable('Give every photo of the listing exactly once, in the new order.', [
          ...missing.map((id) => ({ path: 'photoIds', message: `${id} is missing` })),
          ...unknown.map((id) => ({ path: 'photoIds', message: `${id} is not a photo of this listing` })),
          ...(given.size !== photoIds.length ? [{ path: 'photoIds', message: 'a photo is named twice' }] : []),
        ]);
      }
      await setPositions(trx, listingId, photoIds);
      await this.announce(trx, [listingId]);
    });
    return this.listingPhotos(principal, listingId);
  }

  async setCover(principal: Principal, listingId: string, photoId: string): Promise<MediaAsset[]> {
    await this.requireListingManager(principal, listingId);
    await this.db.transaction().execute(async (trx) => {
      await lockListingPhotos(trx, listingId);
      const photo = await findAsset(trx, photoId);
      if (photo?.listing_id !== listingId) throw notFound('Photo');
      await setCover(trx, listingId, photoId);
      await this.announce(trx, [listingId]);
    });
    return this.listingPhotos(principal, listingId);
  }

  async delete(principal: Principal, assetId: string): Promise<void> {
    const asset = await findAsset(this.db, assetId);
    if (!asset || !(await canManage(principal, asset, this.deps.listings))) throw notFound('Media');
    await this.db.transaction().execute(async (trx) => {
      if (asset.listing_id) await lockListingPhotos(trx, asset.listing_id);
      const current = await findAsset(trx, asset.id);
      if (!current) return; // deleted meanwhile
      await this.erase(trx, [asset.id]);
      if (current.is_cover && asset.listing_id) {
        // the next photo in order becomes the cover
        const next = (await listingAssets(trx, asset.listing_id))[0];
        if (next) await setCover(trx, asset.listing_id, next.id);
      }
      if (asset.listing_id) await this.announce(trx, [asset.listing_id]);
    });
  }

  async deleteListingPhotos(principal: Principal, listingId: string): Promise<number> {
    await this.requireListingManager(principal, listingId);
    return this.eraseListingPhotos(listingId);
  }

  /** The listing is gone: its photos go too. */
  async eraseListingPhotos(listingId: string, executor?: Executor): Promise<number> {
    const run = async (trx: Executor) => {
      const erased = await this.erase(trx, await assetIdsWhere(trx, { listingId }));
      await this.announce(trx, [listingId]);
      return erased;
    };
    return executor ? run(executor) : this.db.transaction().execute(run);
  }

  /**
   * GDPR erasure on `user.deleted`: their avatars, attachments and own photos
   * are deleted; photos they uploaded for an agency stay the agency's, without
   * their id.
   */
  async eraseUser(trx: Executor, userId: string): Promise<number> {
    const ids = await assetIdsWhere(trx, { ownerUserIdWithoutAgency: userId });
    const listingIds = await listingIdsOf(trx, ids);
    const erased = await this.erase(trx, ids);
    await this.announce(trx, listingIds);
    await forgetUploader(trx, userId);
    return erased;
  }

  /** Tells the listings module what its listings now show, when that changed (in the change's transaction). */
  private async announce(trx: Executor, listingIds: string[]): Promise<void> {
    for (const listingId of listingIds) await announceListingPhotos(this.deps.events, trx, listingId);
  }

  /** Deletes the rows now (in `trx`) and the objects in a job after commit; returns how many assets went. */
  private async erase(trx: Executor, ids: string[]): Promise<number> {
    const keys = await deleteAssets(trx, ids);
    if (keys.length > 0) await this.deps.jobs.enqueue(trx, DELETE_OBJECTS, { keys });
    return ids.length;
  }

  /** Direct uploads announced a day ago and never completed: their pending rows and any object PUT meanwhile go. */
  async sweepAbandonedUploads(): Promise<number> {
    const before = new Date(this.deps.clock.now().getTime() - DAY_MS);
    return this.db.transaction().execute(async (trx) => this.erase(trx, await abandonedUploadIds(trx, before)));
  }

  /** Deletes the objects no asset uses any more (content-addressed variants can be shared). */
  async deleteObjects(keys: string[]): Promise<void> {
    for (const key of await unreferencedKeys(this.db, keys)) await this.deps.storage.delete(key);
  }

  /** What a listing event says about a listing; an archived one has its photos erased after the retention period. */
  async onListingEvent(
    trx: Executor,
    listing: { id: string; ownerId: string; agencyId: string | null; status: string; version: number },
  ): Promise<void> {
    const applied = await upsertListing(
      trx,
      { listing_id: listing.id, owner_user_id: listing.ownerId, agency_id: listing.agencyId, status: listing.status, version: listing.version },
      this.deps.clock.now(),
    );
    if (applied && listing.status === 'archived') {
      await this.deps.jobs.enqueue(
        trx,
        ERASE_ARCHIVED_LISTING,
        { listingId: listing.id, version: listing.version },
        { delayMs: this.deps.archivedListingRetentionDays * DAY_MS, key: `${ERASE_ARCHIVED_LISTING}:${listing.id}:${listing.version}` },
      );
    }
  }

  /** Runs when the retention period of an archived listing is over, unless it came back meanwhile. */
  async eraseArchivedListing(listingId: string, version: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const listing = await findListing(trx, listingId);
      if (listing?.status !== 'archived' || listing.version !== version) return;
      await this.eraseListingPhotos(listingId, trx);
    });
  }

  async similarPhotos(query: { photoId: string } | { hash: string }, maxDistance = 10): Promise<SimilarPhoto[]> {
    let bits: string;
    let exclude: string | undefined;
    if ('photoId' in query) {
      const photo = await findAsset(this.db, query.photoId);
      if (!photo) throw notFound('Photo');
      if (!photo.dhash) throw unprocessable('This photo is not processed yet; it has no perceptual hash.');
      bits = photo.dhash;
      exclude = photo.id;
    } else {
      bits = /^[0-9a-f]{16}$/i.test(query.hash) ? BigInt(`0x${query.hash}`).toString(2).padStart(64, '0') : query.hash;
      if (!isHashBits(bits)) throw badRequest('A hash is 16 hexadecimal digits or 64 bits.');
    }
    const rows = await similarByHash(this.db, bits, maxDistance, exclude);
    return rows.map((r) => ({ photoId: r.id, listingId: r.listing_id, ownerUserId: r.owner_user_id, ownerAgencyId: r.owner_agency_id, distance: r.distance }));
  }

  /** Short-lived URLs for someone allowed to read the asset. */
  async signedUrl(principal: Principal, assetId: string) {
    const asset = await findAsset(this.db, assetId);
    if (!asset || !(await canRead(principal, asset, this.deps.listings))) throw notFound('Media');
    return this.signedUrlsOf(asset);
  }

  /** For another module that checked access itself (messaging: the conversation's participants). */
  async signedUrlFor(assetId: string) {
    const asset = await findAsset(this.db, assetId);
    if (!asset) throw notFound('Media');
    return this.signedUrlsOf(asset);
  }

  private async signedUrlsOf(asset: AssetRow) {
    if (asset.status !== 'ready') throw unprocessable('This file is not ready yet; try again in a moment.');
    const storage = this.deps.storage;
    const expiresAt = new Date(this.deps.clock.now().getTime() + SIGNED_URL_SECONDS * 1000).toISOString();
    // PDFs are delivered as uploaded; images only as their metadata-free renditions
    if (asset.content_type === 'application/pdf') {
      return { url: await storage.signedGetUrl(asset.original_key, SIGNED_URL_SECONDS), expiresAt, variants: [] };
    }
    const variants = await Promise.all(
      (await variantsOf(this.db, [asset.id])).map(async (v) => ({
        name: v.name,
        format: v.format,
        width: v.width,
        height: v.height,
        url: await storage.signedGetUrl(v.storage_key, SIGNED_URL_SECONDS),
      })),
    );
    const main = variants.find((v) => v.name === 'large' && v.format === 'jpeg') ?? variants.find((v) => v.format === 'jpeg') ?? variants[0];
    return { url: main?.url ?? '', expiresAt, variants };
  }

  /** The bytes behind a public, content-addressed URL. */
  async publicFile(file: string): Promise<{ bytes: Buffer; sha256: string; contentType: string } | undefined> {
    const found = keyOfPublicFile(file);
    if (!found) return undefined;
    const bytes = await this.deps.storage.get(found.key);
    return bytes ? { bytes, sha256: found.sha256, contentType: found.contentType } : undefined;
  }

  /** GDPR export: the person's own uploads, as records. */
  async exportPersonalData(userId: string): Promise<Record<string, unknown>> {
    const rows = await this.db.selectFrom('media.assets').selectAll().where('owner_user_id', '=', userId).execute();
    return {
      media: (rows as AssetRow[]).map((r) => ({
        id: r.id,
        purpose: r.purpose,
        listingId: r.listing_id,
        contentType: r.content_type,
        bytes: r.byte_size,
        width: r.width,
        height: r.height,
        createdAt: new Date(r.created_at).toISOString(),
      })),
    };
  }

  private async requireListingManager(principal: Principal, listingId: string): Promise<void> {
    if (isStaff(principal)) return;
    if (!(await this.deps.listings.isOwnerOrAgent(principal, listingId))) throw notFound('Listing');
  }
}
