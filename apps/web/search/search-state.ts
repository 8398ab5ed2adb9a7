// The results page's whole state lives in its URL, so a search can be shared
// and the back button walks through it. This file is the one mapping between
// the query string and the API's search parameters.

export const SORT_OPTIONS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export const EPC_OPTIONS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const FILTER_TYPES = ['apartment', 'house', 'studio', 'duplex', 'penthouse', 'loft', 'villa', 'land', 'office', 'garage'] as const;

export interface SearchState {
  q?: string;
  transaction?: 'sale' | 'rent';
  types?: string[];
  priceMin?: number;
  priceMax?: number;
  bedroomsMin?: number;
  epcMax?: string;
  sort?: (typeof SORT_OPTIONS)[number];
  /** minLon,minLat,maxLon,maxLat when the search follows the map */
  bbox?: [number, number, number, number];
  /** An area drawn on the map: 3 to 50 [lon, lat] corners */
  polygon?: [number, number][];
}

const whole = (value: string | null) => {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : undefined;
};

export function parseSearchState(params: URLSearchParams): SearchState {
  const state: SearchState = {};
  const q = params.get('q')?.trim();
  if (q) state.q = q.slice(0, 200);
  const transaction = params.get('transaction');
  if (transaction === 'sale' || transaction === 'rent') state.transaction = transaction;
  const types = params.get('types')?.split(',').filter((type) => (FILTER_TYPES as readonly string[]).includes(type));
  if (types?.length) state.types = types;
  state.priceMin = whole(params.get('priceMin'));
  state.priceMax = whole(params.get('priceMax'));
  state.bedroomsMin = whole(params.get('bedroomsMin'));
  const epc = params.get('epcMax');
  if (epc && (EPC_OPTIONS as readonly string[]).includes(epc)) state.epcMax = epc;
  const sort = params.get('sort');
  if (sort && (SORT_OPTIONS as readonly string[]).includes(sort)) state.sort = sort as SearchState['sort'];
  const bbox = params.get('bbox')?.split(',').map(Number);
  if (bbox?.length === 4 && bbox.every(Number.isFinite) && bbox[0]! < bbox[2]! && bbox[1]! < bbox[3]!) state.bbox = bbox as SearchState['bbox'];
  const polygon = params
    .get('polygon')
    ?.split(',')
    .map((pair) => pair.trim().split(/\s+/).map(Number));
  if (polygon && polygon.length >= 3 && polygon.length <= 50 && polygon.every((p) => p.length === 2 && p.every(Number.isFinite))) state.polygon = polygon as [number, number][];
  for (const key of Object.keys(state) as (keyof SearchState)[]) if (state[key] === undefined) delete state[key];
  return state;
}

/** The query string of a state, keys in a stable order (same search, same URL). */
export function searchStateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.transaction) params.set('transaction', state.transaction);
  if (state.types?.length) params.set('types', state.types.join(','));
  if (state.priceMin !== undefined) params.set('priceMin', String(state.priceMin));
  if (state.priceMax !== undefined) params.set('priceMax', String(state.priceMax));
  if (state.bedroomsMin !== undefined) params.set('bedroomsMin', String(state.bedroomsMin));
  if (state.epcMax) params.set('epcMax', state.epcMax);
  if (state.sort) params.set('sort', state.sort);
  if (state.bbox) params.set('bbox', state.bbox.map((n) => n.toFixed(4)).join(','));
  if (state.polygon) params.set('polygon', polygonParam(state.polygon));
  return params.toString();
}

/** "lon lat,lon lat,...", the form GET /v1/search/geo takes. */
export function polygonParam(polygon: [number, number][]): string {
  return polygon.map(([lon, lat]) => `${lon.toFixed(5)} ${lat.toFixed(5)}`).join(',');
}

/** The parameters of GET /v1/search and /v1/search/geo for a state. */
export function apiFilters(state: SearchState) {
  return {
    q: state.q,
    transaction: state.transaction,
    types: state.types?.join(','),
    priceMin: state.priceMin?.toString(),
    priceMax: state.priceMax?.toString(),
    bedroomsMin: state.bedroomsMin?.toString(),
    epcMax: state.epcMax,
    bbox: state.bbox?.join(','),
    polygon: state.polygon ? polygonParam(state.polygon) : undefined,
  };
}
