import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectType } from './magic-bytes.ts';

const pixel = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#808080' } });

describe('file type by magic bytes', () => {
  it('recognises JPEG, PNG, WebP and AVIF from their content', async () => {
    expect(detectType(await pixel().jpeg().toBuffer())).toBe('image/jpeg');
    expect(detectType(await pixel().png().toBuffer())).toBe('image/png');
    expect(detectType(await pixel().webp().toBuffer())).toBe('image/webp');
    expect(detectType(await pixel().avif().toBuffer())).toBe('image/avif');
  });

  it('recognises HEIC and PDF signatures', () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic')]);
    expect(detectType(heic)).toBe('image/heic');
    expect(detectType(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
  });

  it('refuses anything else, whatever it claims to be', () => {
    expect(detectType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(detectType(Buffer.from('GIF89a....'))).toBeUndefined();
    expect(detectType(Buffer.from('MZ\x90\0 an executable named photo.jpg'))).toBeUndefined();
    expect(detectType(Buffer.from([0xff, 0xd8]))).toBeUndefined();
    expect(detectType(Buffer.alloc(0))).toBeUndefined();
    // an MP4 video is an ISO-BMFF file too, but not an image
    expect(detectType(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\0\0isomavc1')]))).toBeUndefined();
  });
});
