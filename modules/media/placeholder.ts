import { encode } from 'blurhash';
import sharp, { type Sharp } from 'sharp';

/** What a page shows while the photo loads: a BlurHash and the dominant colour. */
export interface Placeholder {
  blurhash: string;
  /** `#rrggbb` */
  dominantColor: string;
}

export async function placeholderOf(oriented: Sharp): Promise<Placeholder> {
  const { data, info } = await oriented.clone().resize(32, 32, { fit: 'inside' }).removeAlpha().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const blurhash = encode(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height, 4, 3);
  // stats() reads its input, so it is given the small rendition itself
  const { dominant } = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } }).stats();
  return { blurhash, dominantColor: `#${[dominant.r, dominant.g, dominant.b].map((c) => c.toString(16).padStart(2, '0')).join('')}` };
}
