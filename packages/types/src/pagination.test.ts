import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeCursor, encodeCursor, page, PageQuery } from './pagination.ts';

const SortKey = z.object({ price: z.number(), id: z.uuid() });
const key = { price: 350_000, id: '01936f1e-7c2a-7b3c-9d4e-5f6a7b8c9d0e' };

describe('cursor', () => {
  it('round-trips a sort key through an opaque base64url string', () => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, SortKey)).toEqual(key);
  });
  it('round-trips non-ASCII text (UTF-8)', () => {
    const k = { title: 'Maison à Liège — €', id: key.id };
    expect(decodeCursor(encodeCursor(k), z.object({ title: z.string(), id: z.string() }))).toEqual(k);
  });
  it('answers undefined for a tampered, foreign or malformed cursor', () => {
    expect(decodeCursor(encodeCursor({ createdAt: 'x' }), SortKey)).toBeUndefined();
    expect(decodeCursor('not a cursor!', SortKey)).toBeUndefined();
    expect(decodeCursor('_____', SortKey)).toBeUndefined();
    expect(decodeCursor(encodeCursor(key).slice(0, -3), SortKey)).toBeUndefined();
  });
});

describe('PageQuery', () => {
  it('defaults the limit to 20 and parses it from the query string', () => {
    expect(PageQuery.parse({})).toEqual({ limit: 20 });
    expect(PageQuery.parse({ limit: '100', cursor: 'abc' })).toEqual({ limit: 100, cursor: 'abc' });
  });
  it('keeps the limit within 1..100', () => {
    for (const bad of ['0', '101', '1e999', '-Infinity', '10.5']) expect(PageQuery.safeParse({ limit: bad }).success, bad).toBe(false);
    expect(PageQuery.safeParse({ cursor: 'a/b' }).success).toBe(false);
  });
  it('describes a page of items', () => {
    expect(page(z.string()).parse({ items: ['a'], nextCursor: null })).toEqual({ items: ['a'], nextCursor: null });
  });
});
