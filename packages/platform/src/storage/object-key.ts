import { badRequest } from '../http/problem.ts';

/**
 * Object keys look like relative paths ("listings/0192.../photo-1.webp"). A key
 * that could leave the store's root or hide among its own files is refused.
 */
export function assertObjectKey(key: string): void {
  const why = invalidKeyReason(key);
  if (why) throw badRequest(`invalid object key: ${why}`);
}

function invalidKeyReason(key: string): string | undefined {
  if (typeof key !== 'string' || key.length === 0) return 'empty';
  if (key.length > 1024) return 'longer than 1024 characters';
  if (key.startsWith('/') || /^[a-zA-Z]:/.test(key)) return 'absolute';
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(key)) return 'contains a backslash or a control character';
  for (const segment of key.split('/')) {
    if (segment === '') return 'empty segment';
    if (segment === '.' || segment === '..') return '"." or ".." segment';
    if (segment.startsWith('.')) return 'hidden segment';
  }
  return undefined;
}
