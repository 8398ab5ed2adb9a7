import type { Sharp } from 'sharp';

/**
 * Perceptual hashes: 64 bits that stay nearly the same when a photo is
 * resized, recompressed or lightly cropped, and differ in about half their
 * bits between unrelated photos. Kept as 64-character bit strings, the text
 * form of PostgreSQL's `bit(64)`, so SQL can take `bit_count(a # b)`.
 */
export interface PerceptualHashes {
  /** Difference hash: brighter-than-right-neighbour over a 9×8 greyscale thumbnail. */
  dhash: string;
  /** DCT hash: low frequencies of a 32×32 greyscale thumbnail against their median. */
  phash: string;
}

export async function perceptualHashes(image: Sharp): Promise<PerceptualHashes> {
  const [small, dct] = await Promise.all([
    image.clone().greyscale().resize(9, 8, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer(),
    image.clone().greyscale().resize(32, 32, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer(),
  ]);
  return { dhash: differenceHash(small), phash: dctHash(dct) };
}

/** 9×8 greyscale pixels → 64 bits. */
export function differenceHash(pixels: Uint8Array): string {
  let bits = '';
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) bits += pixels[y * 9 + x]! > pixels[y * 9 + x + 1]! ? '1' : '0';
  }
  return bits;
}

const N = 32;
// cos((2x+1)uπ / 2N) for the 8 lowest frequencies, computed once.
const COS = Array.from({ length: 8 }, (_, u) => Array.from({ length: N }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N))));

/** 32×32 greyscale pixels → 64 bits (the 8×8 lowest DCT frequencies above their median). */
export function dctHash(pixels: Uint8Array): string {
  const rows: number[][] = [];
  for (let y = 0; y < N; y++) {
    rows.push(COS.map((cu) => cu.reduce((sum, c, x) => sum + c * pixels[y * N + x]!, 0)));
  }
  const coefficients: number[] = [];
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) coefficients.push(COS[v]!.reduce((sum, c, y) => sum + c * rows[y]![u]!, 0));
  }
  // the DC term (overall brightness) says nothing about the picture's shape
  const sorted = coefficients.slice(1).sort((a, b) => a - b);
  const median = (sorted[31]! + sorted[32]!) / 2;
  return coefficients.map((c, i) => (i > 0 && c > median ? '1' : '0')).join('');
}

export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) throw new Error('hashes of different lengths');
  let distance = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) distance++;
  return distance;
}

/** Bands of the locality-sensitive prefilter: 8 bands of 8 bits. */
export const BAND_COUNT = 8;

/**
 * The hash cut into 8 bytes, each tagged by its position (`i * 256 + byte`).
 * Two hashes within Hamming distance 7 share at least one band (pigeonhole),
 * so `bands && $bands` on a GIN index finds every candidate without a scan.
 */
export function hashBands(bits: string): number[] {
  return Array.from({ length: BAND_COUNT }, (_, i) => i * 256 + parseInt(bits.slice(i * 8, i * 8 + 8), 2));
}

export const isHashBits = (value: string) => /^[01]{64}$/.test(value);
