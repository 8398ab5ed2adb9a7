/**
 * A MapLibre style that needs no internet: Belgium drawn from our own data
 * (the communes as points, served by this app), no glyphs and no symbol
 * layers. With a tile URL configured (production), a raster base goes under it.
 */
export function offlineStyle(options: { origin: string; dark: boolean; tilesUrl: string | null }) {
  const land = options.dark ? '#0f172a' : '#eef2f7';
  const dot = options.dark ? '#334155' : '#cbd5e1';
  return {
    version: 8,
    name: 'immo-offline',
    sources: {
      communes: { type: 'geojson', data: `${options.origin}/map-style/communes`, attribution: 'Statbel, bpost (data/belgium)' },
      ...(options.tilesUrl ? { base: { type: 'raster', tiles: [options.tilesUrl], tileSize: 256, attribution: '© OpenStreetMap contributors' } } : {}),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': land } },
      ...(options.tilesUrl ? [{ id: 'base', type: 'raster', source: 'base' }] : []),
      {
        id: 'communes',
        type: 'circle',
        source: 'communes',
        paint: {
          'circle-color': dot,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 1.5, 10, 4, 14, 8],
          'circle-opacity': 0.9,
        },
      },
    ],
  };
}
