import type { MediaAsset, VariantView } from './contract.ts';
import { FORMAT_EXTENSION, VARIANT_FORMATS, VARIANT_NAMES, type RenderedVariant, type VariantFormat, type VariantName } from './pipeline.ts';
import type { QualityWarning } from './photo-quality.ts';
import type { AssetRow, VariantRow } from './store.ts';

// Where things are kept in object storage, and how they are shown.

/** The untouched upload, private, never delivered as it is. */
export const originalKey = (assetId: string) => `media/originals/${assetId}`;

/** Public renditions are content-addressed: the key is the sha256 of the bytes. */
export const publicVariantKey = (v: Pick<RenderedVariant, 'sha256' | 'format'>) =>
  `media/public/${v.sha256.slice(0, 2)}/${v.sha256}.${FORMAT_EXTENSION[v.format]}`;

export const privateVariantKey = (assetId: string, v: Pick<RenderedVariant, 'name' | 'format'>) =>
  `media/private/${assetId}/${v.name}.${FORMAT_EXTENSION[v.format]}`;

/** The public, immutable URL of a public rendition, served by GET /v1/media/v/:file. */
export const publicVariantPath = (v: Pick<VariantRow, 'sha256' | 'format'>) =>
  `/v1/media/v/${v.sha256}.${FORMAT_EXTENSION[v.format as VariantFormat]}`;

/** `<sha256>.<ext>` of a public URL back to its storage key, or undefined when it is not one. */
export function keyOfPublicFile(file: string): { key: string; sha256: string; contentType: string } | undefined {
  const match = /^([0-9a-f]{64})\.(avif|webp|jpg)$/.exec(file);
  if (!match) return undefined;
  const [, sha256, ext] = match as unknown as [string, string, 'avif' | 'webp' | 'jpg'];
  const format = (Object.entries(FORMAT_EXTENSION).find(([, e]) => e === ext)![0]) as VariantFormat;
  return { key: publicVariantKey({ sha256, format }), sha256, contentType: `image/${format}` };
}

const order = (v: VariantRow) => VARIANT_NAMES.indexOf(v.name as VariantName) * 10 + VARIANT_FORMATS.indexOf(v.format as VariantFormat);

export function toView(row: AssetRow, variants: VariantRow[]): MediaAsset {
  const views: VariantView[] = variants
    .filter((v) => v.asset_id === row.id)
    .sort((a, b) => order(a) - order(b))
    .map((v) => ({
      name: v.name as VariantName,
      format: v.format as VariantFormat,
      width: v.width,
      height: v.height,
      bytes: v.byte_size,
      contentType: v.content_type,
      ...(row.visibility === 'public' ? { url: publicVariantPath(v) } : {}),
    }));
  return {
    id: row.id,
    purpose: row.purpose,
    status: row.status,
    contentType: row.content_type,
    listingId: row.listing_id,
    ownerUserId: row.owner_user_id,
    ownerAgencyId: row.owner_agency_id,
    visibility: row.visibility,
    width: row.width,
    height: row.height,
    position: row.position,
    isCover: row.is_cover,
    placeholder: row.blurhash && row.dominant_color ? { blurhash: row.blurhash, dominantColor: row.dominant_color } : null,
    quality: { warnings: row.quality_warnings as QualityWarning[], sharpness: row.sharpness },
    variants: views,
    failure: row.failure,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
