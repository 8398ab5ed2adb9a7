import { RULES } from './contract.ts';
import type { MediaDeps } from './deps.ts';
import { mediaDuplicateDetected, mediaPhotoProcessed } from './events.ts';
import { DELETE_OBJECTS } from './job-names.ts';
import { hammingDistance } from './perceptual-hash.ts';
import { processPhoto, type ProcessedPhoto } from './pipeline.ts';
import { agencyLogoKey, findAsset, findListing, recordDuplicates, recordProcessed, similarByHash, updateAsset, type AssetRow, type SimilarRow, type VariantsTable } from './store.ts';
import { announceListingPhotos } from './listing-photo-states.ts';
import { privateVariantKey, publicVariantKey } from './views.ts';
import type { Watermark } from './watermark.ts';

/** dHash bits within which another owner's photo counts as the same photo... */
export const DUPLICATE_DHASH_DISTANCE = 10;
/** ...when its DCT hash agrees too (two hashes, fewer false alarms on look-alike rooms). */
export const DUPLICATE_PHASH_DISTANCE = 12;

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The job behind every image upload: render the variants, store them, record
 * the measurements and look for the same photo under another owner.
 * Idempotent: a photo already processed, or deleted meanwhile, is left alone.
 */
export class Processing {
  constructor(private readonly deps: MediaDeps) {}

  async process(assetId: string): Promise<void> {
    const { db, storage, clock, events } = this.deps;
    const asset = await findAsset(db.kysely, assetId);
    if (!asset || asset.status !== 'processing') return;
    const rules = RULES[asset.purpose];
    const original = await storage.get(asset.original_key);
    if (!original) return this.fail(asset, 'The uploaded file is missing from storage; upload it again.');

    const brand = rules.watermark ? await this.brandOf(asset) : undefined;
    let photo: ProcessedPhoto;
    try {
      photo = await processPhoto(original, { watermark: brand?.watermark, variants: rules.variants });
    } catch {
      return this.fail(asset, 'The image could not be decoded; it may be damaged. Export it again and upload the new file.');
    }

    // objects first: a committed row never points at a missing object
    const variants: Omit<VariantsTable, 'asset_id'>[] = [];
    for (const v of photo.variants) {
      const isPublic = asset.visibility === 'public';
      const key = isPublic ? publicVariantKey(v) : privateVariantKey(asset.id, v);
      await storage.put(key, v.bytes, { contentType: v.contentType, cacheControl: isPublic ? IMMUTABLE : 'private, no-store' });
      variants.push({ name: v.name, format: v.format, width: v.width, height: v.height, byte_size: v.bytes.length, content_type: v.contentType, sha256: v.sha256, storage_key: key });
    }

    await db.kysely.transaction().execute(async (trx) => {
      const current = await findAsset(trx, assetId, { forUpdate: true });
      if (current?.status !== 'processing') {
        // deleted (or processed) while we worked: what we stored may be orphaned
        await this.deps.jobs.enqueue(trx, DELETE_OBJECTS, { keys: variants.map((v) => v.storage_key) });
        return;
      }
      const now = clock.now();
      await recordProcessed(
        trx,
        assetId,
        {
          width: photo.width,
          height: photo.height,
          blurhash: photo.placeholder.blurhash,
          dominantColor: photo.placeholder.dominantColor,
          warnings: photo.quality.warnings,
          sharpness: photo.quality.sharpness,
          dhash: photo.hashes.dhash,
          phash: photo.hashes.phash,
          watermark: brand?.label ?? null,
          variants,
        },
        now,
      );
      if (rules.duplicateCheck) {
        const matches = (await similarByHash(trx, photo.hashes.dhash, DUPLICATE_DHASH_DISTANCE, assetId)).filter(
          (m) => !sameOwner(current, m) && m.phash !== null && hammingDistance(m.phash, photo.hashes.phash) <= DUPLICATE_PHASH_DISTANCE,
        );
        if (matches.length > 0) {
          await recordDuplicates(trx, assetId, matches, now);
          await events.publish(trx, mediaDuplicateDetected, {
            photoId: assetId,
            listingId: current.listing_id,
            matches: matches.map((m) => ({
              photoId: m.id,
              listingId: m.listing_id,
              ownerUserId: m.owner_user_id,
              ownerAgencyId: m.owner_agency_id,
              distance: m.distance,
            })),
          });
        }
      }
      await events.publish(trx, mediaPhotoProcessed, {
        photoId: assetId,
        purpose: current.purpose,
        listingId: current.listing_id,
        status: 'ready',
        warnings: photo.quality.warnings,
      });
      if (current.purpose === 'listing_photo' && current.listing_id) await announceListingPhotos(events, trx, current.listing_id);
    });
  }

  /** The agency's logo (uploaded here as a `logo`), else its name, else "Immo"; `label` is what was used, kept on the row. */
  private async brandOf(asset: AssetRow): Promise<{ watermark: Watermark; label: string }> {
    const agencyId = asset.owner_agency_id ?? (asset.listing_id ? (await findListing(this.deps.db.kysely, asset.listing_id))?.agency_id : null);
    if (agencyId) {
      const logo = await agencyLogoKey(this.deps.db.kysely, agencyId);
      const bytes = logo && (await this.deps.storage.get(logo.key));
      if (logo && bytes) return { watermark: { logo: bytes }, label: `logo:${logo.assetId}` };
    }
    const name = (agencyId ? await this.deps.agencyName(agencyId) : undefined) ?? 'Immo';
    return { watermark: name, label: name };
  }

  private async fail(asset: AssetRow, failure: string): Promise<void> {
    await this.deps.db.kysely.transaction().execute(async (trx) => {
      await updateAsset(trx, asset.id, { status: 'failed', failure, processed_at: this.deps.clock.now() });
      await this.deps.events.publish(trx, mediaPhotoProcessed, {
        photoId: asset.id,
        purpose: asset.purpose,
        listingId: asset.listing_id,
        status: 'failed',
        warnings: [],
      });
    });
  }
}

function sameOwner(a: AssetRow, b: SimilarRow): boolean {
  if (a.owner_agency_id && a.owner_agency_id === b.owner_agency_id) return true;
  if (a.owner_user_id && a.owner_user_id === b.owner_user_id) return true;
  return !!a.listing_id && a.listing_id === b.listing_id;
}
