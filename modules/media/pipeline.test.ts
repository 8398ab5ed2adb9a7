import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { hammingDistance } from './perceptual-hash.ts';
import { processPhoto, type ProcessedPhoto, type RenderedVariant } from './pipeline.ts';
import { exifHasGps, phoneJpeg, scenePhoto } from './test-photos.ts';

/** Mean absolute difference per channel value between two same-sized images. */
async function meanDifference(a: Sharp, b: Sharp): Promise<number> {
  const [x, y] = await Promise.all([a.removeAlpha().raw().toBuffer(), b.removeAlpha().raw().toBuffer()]);
  expect(x.length).toBe(y.length);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i]! - y[i]!);
  return sum / x.length;
}

const variant = (photo: ProcessedPhoto, name: string, format = 'jpeg'): RenderedVariant =>
  photo.variants.find((v) => v.name === name && v.format === format)!;

describe('photo pipeline', () => {
  let upright: Buffer;
  let phone: Buffer;
  let fromPhone: ProcessedPhoto;

  beforeAll(async () => {
    upright = await scenePhoto({ width: 2400, height: 1600, seed: 7 });
    phone = await phoneJpeg(upright);
    fromPhone = await processPhoto(phone, { watermark: 'Agence Dupont' });
  });

  it('turns a photo upright from its EXIF orientation', async () => {
    const stored = await sharp(phone).metadata();
    expect([stored.width, stored.height, stored.orientation]).toEqual([1600, 2400, 6]);

    expect([fromPhone.width, fromPhone.height]).toEqual([2400, 1600]);
    const thumb = variant(fromPhone, 'thumbnail');
    expect([thumb.width, thumb.height]).toEqual([320, 213]);
    // the same picture as the upright original, not a sideways one
    const expected = sharp(upright).resize(320, 213, { fit: 'fill' });
    expect(await meanDifference(sharp(thumb.bytes), expected)).toBeLessThan(8);
  });

  it('renders thumbnail, card and large in AVIF, WebP and JPEG with srcset sizes and a placeholder', async () => {
    const rendered = fromPhone.variants.map((v) => `${v.name}.${v.format}:${v.width}x${v.height}`);
    expect(rendered).toEqual([
      'thumbnail.avif:320x213', 'thumbnail.webp:320x213', 'thumbnail.jpeg:320x213',
      'card.avif:640x427', 'card.webp:640x427', 'card.jpeg:640x427',
      'large.avif:1600x1067', 'large.webp:1600x1067', 'large.jpeg:1600x1067',
    ]);
    for (const v of fromPhone.variants) {
      const meta = await sharp(v.bytes).metadata();
      expect(meta.format === 'heif' ? 'avif' : meta.format).toBe(v.format);
      expect([meta.width, meta.height]).toEqual([v.width, v.height]);
      expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(fromPhone.placeholder.blurhash).toMatch(/^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{28}$/);
    expect(fromPhone.placeholder.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('leaves no EXIF, GPS or orientation tag in any variant', async () => {
    expect(exifHasGps((await sharp(phone).metadata()).exif)).toBe(true);
    for (const v of fromPhone.variants) {
      const meta = await sharp(v.bytes).metadata();
      expect(meta.exif, `${v.name}.${v.format}`).toBeUndefined();
      expect(meta.xmp, `${v.name}.${v.format}`).toBeUndefined();
      expect(meta.orientation, `${v.name}.${v.format}`).toBeUndefined();
      expect(v.bytes.includes(Buffer.from('ImmoCam'))).toBe(false);
    }
  });

  it('watermarks the large variant only', async () => {
    const clean = await processPhoto(phone);
    // thumbnail and card are byte for byte the unwatermarked rendition
    for (const name of ['thumbnail', 'card']) {
      for (const format of ['avif', 'webp', 'jpeg']) {
        expect(variant(fromPhone, name, format).sha256).toBe(variant(clean, name, format).sha256);
      }
    }
    const marked = variant(fromPhone, 'large').bytes;
    const plain = variant(clean, 'large').bytes;
    // the bottom-right corner, where the name is drawn, differs; the top-left does not
    const corner = { left: 1100, top: 960, width: 480, height: 100 };
    const topLeft = { left: 0, top: 0, width: 480, height: 100 };
    expect(await meanDifference(sharp(marked).extract(corner), sharp(plain).extract(corner))).toBeGreaterThan(10);
    expect(await meanDifference(sharp(marked).extract(topLeft), sharp(plain).extract(topLeft))).toBeLessThan(1);
  });

  it('can watermark with the agency\'s logo instead of its name', async () => {
    const logo = await sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 20, g: 60, b: 200, alpha: 1 } } }).png().toBuffer();
    const [withLogo, clean] = await Promise.all([processPhoto(phone, { watermark: { logo }, variants: ['large'] }), processPhoto(phone, { variants: ['large'] })]);
    const marked = sharp(variant(withLogo, 'large').bytes);
    const plain = sharp(variant(clean, 'large').bytes);
    // the logo sits in the bottom-right corner, at most a sixth of the width
    const corner = { left: 1300, top: 960, width: 200, height: 60 };
    expect(await meanDifference(marked.clone().extract(corner), plain.clone().extract(corner))).toBeGreaterThan(20);
    const topLeft = { left: 0, top: 0, width: 480, height: 100 };
    expect(await meanDifference(marked.clone().extract(topLeft), plain.clone().extract(topLeft))).toBeLessThan(1);
  });

  it('warns about low resolution and very blurry photos', async () => {
    expect(fromPhone.quality.warnings).toEqual([]);
    const small = await processPhoto(await sharp(upright).resize(1280).jpeg().toBuffer());
    expect(small.quality.warnings).toEqual(['low_resolution']);
    const blurry = await processPhoto(await sharp(upright).blur(3).jpeg().toBuffer());
    expect(blurry.quality.warnings).toEqual(['blurry']);
    expect(blurry.quality.sharpness).toBeLessThan(fromPhone.quality.sharpness / 5);
  });

  it('gives a resized, recompressed, lightly cropped copy a near hash and an unrelated photo a far one', async () => {
    const copy = await sharp(upright)
      .extract({ left: 96, top: 64, width: 2208, height: 1472 }) // 4 % off each side
      .resize(1100)
      .webp({ quality: 55 })
      .toBuffer();
    const recompressed = await sharp(upright).resize(900).jpeg({ quality: 50 }).toBuffer();
    const unrelated = await scenePhoto({ width: 2400, height: 1600, seed: 8 });
    const [c, r, u] = await Promise.all([copy, recompressed, unrelated].map((b) => processPhoto(b, { variants: ['thumbnail'] })));
    expect(hammingDistance(fromPhone.hashes.dhash, r!.hashes.dhash)).toBeLessThanOrEqual(2);
    expect(hammingDistance(fromPhone.hashes.dhash, c!.hashes.dhash)).toBeLessThanOrEqual(10);
    expect(hammingDistance(fromPhone.hashes.phash, c!.hashes.phash)).toBeLessThanOrEqual(12);
    expect(hammingDistance(fromPhone.hashes.dhash, u!.hashes.dhash)).toBeGreaterThan(16);
  });

  it('refuses what is not a decodable image', async () => {
    await expect(processPhoto(Buffer.from('\xff\xd8\xffnot really a jpeg'))).rejects.toThrow();
  });
});
