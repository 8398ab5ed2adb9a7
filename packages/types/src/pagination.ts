import { z } from 'zod';
import { finiteNumber } from './numbers.ts';

// Keyset pagination: the cursor is an opaque base64url string holding the
// sort key of the last row returned (e.g. `{ p: 350000, id: "…" }`). Clients
// pass it back untouched; the server decodes it and validates it with the
// schema of its own sort key. Works in browsers and Node (btoa/TextEncoder).

export const Cursor = z
  .string()
  .min(1)
  .max(1024, 'Cursor too long.')
  .regex(/^[A-Za-z0-9_-]+$/, 'Cursor is not a valid base64url string.');
export type Cursor = z.infer<typeof Cursor>;

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

export const PageQuery = z.object({
  cursor: Cursor.optional(),
  limit: finiteNumber({ int: true, min: 1, max: MAX_PAGE_LIMIT }).default(DEFAULT_PAGE_LIMIT),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** `{ items, nextCursor }`: `nextCursor` is null on the last page. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: Cursor.nullable() });
}

export function encodeCursor(key: unknown): Cursor {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The sort key inside a cursor, parsed by `schema`; undefined when the cursor
 * was tampered with or comes from another sort (the caller answers 400).
 */
export function decodeCursor<T extends z.ZodType>(cursor: string, schema: T): z.infer<T> | undefined {
  if (!Cursor.safeParse(cursor).success) return undefined;
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
