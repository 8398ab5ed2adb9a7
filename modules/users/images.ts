/** Recognises an image by its first bytes, never by the declared content type. */
export function sniffImage(body: unknown): { ext: 'jpg' | 'png' | 'webp'; contentType: string } | undefined {
  if (!Buffer.isBuffer(body)) return undefined;
  if (body.length > 3 && body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff) return { ext: 'jpg', contentType: 'image/jpeg' };
  if (body.length > 8 && body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { ext: 'png', contentType: 'image/png' };
  if (body.length > 12 && body.toString('latin1', 0, 4) === 'RIFF' && body.toString('latin1', 8, 12) === 'WEBP') return { ext: 'webp', contentType: 'image/webp' };
  return undefined;
}
