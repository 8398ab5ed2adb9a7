import { randomBytes } from 'node:crypto';

/**
 * One file as multipart/form-data in the part named "file", the way a
 * browser's file input sends it: the body and the content-type header to
 * POST /v1/media with (tests of media and of the composed server).
 */
export function multipartFile(file: Buffer, filename: string, contentType: string) {
  const boundary = `----immo${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
