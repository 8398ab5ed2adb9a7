import { badRequest } from '@immo/platform';
import type { Sort } from './contract.ts';

// Keyset pagination: the cursor carries the sort it belongs to and the last
// row's sort value and id. Opaque to clients (base64url JSON), checked on the
// way back in.

export interface CursorKey {
  sort: Sort;
  value: number | string;
  id: string;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.sort, key.value, key.id])).toString('base64url');
}

export function decodeCursor(cursor: string, sort: Sort): CursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('The cursor is not one this API gave out; start again without it.');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    !(typeof parsed[1] === 'number' || typeof parsed[1] === 'string') ||
    typeof parsed[2] !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(parsed[2])
  ) {
    throw badRequest('The cursor is not one this API gave out; start again without it.');
  }
  if (parsed[0] !== sort) throw badRequest(`This cursor belongs to the sort "${parsed[0]}"; ask the next page with the same sort.`);
  if (typeof parsed[1] === 'number' && !Number.isFinite(parsed[1])) throw badRequest('The cursor is damaged; start again without it.');
  return { sort, value: parsed[1], id: parsed[2] };
}
