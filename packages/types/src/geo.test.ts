import { describe, expect, it } from 'vitest';
import { BBox, LatLon, Polygon } from './geo.ts';

describe('BBox', () => {
  it('parses a query string or an array', () => {
    expect(BBox.parse('4.30,50.80,4.45,50.90')).toEqual([4.3, 50.8, 4.45, 50.9]);
    expect(BBox.parse([2.5, 49.5, 6.4, 51.5])).toEqual([2.5, 49.5, 6.4, 51.5]);
  });
  it('refuses swapped corners with a message saying which', () => {
    const lon = BBox.safeParse('4.45,50.80,4.30,50.90');
    expect(lon.success).toBe(false);
    expect(lon.error?.issues[0]?.message).toBe('minLon must be less than maxLon.');
    const lat = BBox.safeParse([4.3, 50.9, 4.45, 50.8]);
    expect(lat.error?.issues[0]?.message).toBe('minLat must be less than maxLat.');
    expect(BBox.safeParse('4.3,50.8,4.3,50.9').success).toBe(false);
  });
  it('refuses out-of-range, infinite, missing or extra values', () => {
    for (const bad of ['-181,0,1,1', '0,-91,1,1', '0,0,181,1', '0,0,1,91', '0,0,1e999,1', '0,0,1', '0,0,1,1,1', 'a,b,c,d', '']) {
      expect(BBox.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('LatLon', () => {
  it('accepts coordinates and refuses impossible ones', () => {
    expect(LatLon.parse({ lat: '50.8466', lon: '4.3528' })).toEqual({ lat: 50.8466, lon: 4.3528 });
    expect(LatLon.safeParse({ lat: 91, lon: 0 }).success).toBe(false);
    expect(LatLon.safeParse({ lat: 0, lon: 'Infinity' }).success).toBe(false);
  });
});

describe('Polygon', () => {
  const square = [[4.3, 50.8], [4.4, 50.8], [4.4, 50.9], [4.3, 50.9], [4.3, 50.8]];
  it('accepts a closed GeoJSON polygon', () => {
    expect(Polygon.parse({ type: 'Polygon', coordinates: [square] }).coordinates[0]).toHaveLength(5);
  });
  it('refuses open rings, too few points and out-of-range positions', () => {
    expect(Polygon.safeParse({ type: 'Polygon', coordinates: [square.slice(0, 4)] }).success).toBe(false);
    expect(Polygon.safeParse({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] }).success).toBe(false);
    expect(Polygon.safeParse({ type: 'Polygon', coordinates: [[[0, 0], [200, 0], [1, 1], [0, 0]]] }).success).toBe(false);
    expect(Polygon.safeParse({ type: 'Polygon', coordinates: [] }).success).toBe(false);
  });
});
