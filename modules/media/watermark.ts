import sharp from 'sharp';

/** What is drawn on the large variant: the agency's logo when it has one, else a name. */
export type Watermark = string | { logo: Buffer };

/**
 * The agency's logo in the bottom-right corner: a sixth of the photo's width
 * at most, 70 % opaque, so the photo stays the subject.
 */
export async function watermarkLogo(logo: Buffer, imageWidth: number, imageHeight: number): Promise<{ input: Buffer; left: number; top: number }> {
  const maxWidth = Math.max(24, Math.round(imageWidth / 6));
  const maxHeight = Math.max(24, Math.round(imageHeight / 6));
  const { data, info } = await sharp(logo)
    .resize({ width: maxWidth, height: maxHeight, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  for (let i = 3; i < data.length; i += 4) data[i] = Math.round(data[i]! * 0.7);
  const input = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } }).png().toBuffer();
  const margin = Math.round(imageWidth / 40);
  return { input, left: Math.max(0, imageWidth - info.width - margin), top: Math.max(0, imageHeight - info.height - margin) };
}

/**
 * The mark on the delivered large variant without a logo: the agency's name
 * (or "Immo" for a private owner) in the bottom-right corner, white over a soft dark shadow so
 * it reads on any photo. Only the large variant carries it: thumbnails stay
 * clean and the original is never touched.
 */
export function watermarkSvg(text: string, imageWidth: number, imageHeight: number): Buffer {
  const fontSize = Math.max(14, Math.round(imageWidth / 32));
  const margin = Math.round(fontSize * 0.8);
  const label = escapeXml(text.slice(0, 60));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${imageWidth}" height="${imageHeight}">
  <style>text { font-family: 'DejaVu Sans', Arial, sans-serif; font-weight: bold; font-size: ${fontSize}px; }</style>
  <text x="${imageWidth - margin + 2}" y="${imageHeight - margin + 2}" text-anchor="end" fill="black" fill-opacity="0.45">${label}</text>
  <text x="${imageWidth - margin}" y="${imageHeight - margin}" text-anchor="end" fill="white" fill-opacity="0.8">${label}</text>
</svg>`;
  return Buffer.from(svg);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}
