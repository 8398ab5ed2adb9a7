import type { Sharp } from 'sharp';

/** What the owner is told about a photo so they can replace it. */
export type QualityWarning = 'low_resolution' | 'blurry';

export interface PhotoQuality {
  warnings: QualityWarning[];
  /** Variance of the Laplacian on a 1024 px wide greyscale rendition: low means few sharp edges. */
  sharpness: number;
}

/** Listings show best from Full HD up. */
export const MIN_WIDTH = 1920;
export const MIN_HEIGHT = 1080;
/**
 * Under this variance of the Laplacian a photo looks out of focus. Measured at
 * 1024 px wide: detailed, grainy photos score 60 and more, the same photo
 * blurred with σ=3 scores about 4. Only the very blurry are flagged.
 */
export const BLUR_THRESHOLD = 25;

// 4-neighbour Laplacian
const LAPLACIAN = [0, 1, 0, 1, -4, 1, 0, 1, 0];

export async function assessQuality(oriented: Sharp, width: number, height: number): Promise<PhotoQuality> {
  const warnings: QualityWarning[] = [];
  // A portrait photo is judged on its long and short sides alike.
  const [long, short] = width >= height ? [width, height] : [height, width];
  if (long < MIN_WIDTH || short < MIN_HEIGHT) warnings.push('low_resolution');
  const sharpness = await laplacianVariance(oriented);
  if (sharpness < BLUR_THRESHOLD) warnings.push('blurry');
  return { warnings, sharpness: Math.round(sharpness * 10) / 10 };
}

/**
 * Variance of the Laplacian: sharp's convolve applies the kernel (offset 128
 * keeps negative responses in the 8-bit range) and the variance is taken here.
 * Measured at a fixed width so that the score does not depend on the camera.
 */
export async function laplacianVariance(image: Sharp): Promise<number> {
  const { data } = await image
    .clone()
    .resize({ width: 1024, height: 1024, fit: 'inside', withoutEnlargement: true })
    .greyscale()
    .convolve({ width: 3, height: 3, kernel: LAPLACIAN, scale: 1, offset: 128 })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let sum = 0;
  let squares = 0;
  for (const value of data) {
    sum += value;
    squares += value * value;
  }
  const mean = sum / data.length;
  return squares / data.length - mean * mean;
}
