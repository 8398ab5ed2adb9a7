'use client';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import type { GeoAnswer } from '../api/shapes.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { apiFilters, type SearchState } from '../search/search-state.ts';
import { BELGIUM_BOUNDS } from './belgium-communes.ts';

type BBox = [number, number, number, number];

/** Server markers and grid clusters as one GeoJSON; MapLibre clusters them further by zoom. */
function markersGeoJson(answer: GeoAnswer) {
  return {
    type: 'FeatureCollection' as const,
    features: [
      ...answer.markers.map((m) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [m.lon, m.lat] }, properties: { id: m.id, weight: 1 } })),
      ...answer.clusters.map((c) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [c.lon, c.lat] }, properties: { weight: c.count } })),
    ],
  };
}

/**
 * The results map: clustered markers of every listing in view for the same
 * filters, re-fetched as the map moves; with `follow`, the list follows the
 * map (the bbox goes to the URL). `focus` is where the results are, to fit the
 * first view when the URL has no bbox.
 */
/** The drawn area (closed) or the corners placed so far, as GeoJSON. */
function areaGeoJson(points: [number, number][], closed: boolean) {
  const features = [];
  if (closed && points.length >= 3) features.push({ type: 'Feature' as const, geometry: { type: 'Polygon' as const, coordinates: [[...points, points[0]!]] }, properties: {} });
  else if (points.length >= 2) features.push({ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: points }, properties: {} });
  for (const p of points) features.push({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: p }, properties: {} });
  return { type: 'FeatureCollection' as const, features };
}

export function ResultsMap({
  state,
  follow,
  focus,
  onBoundsChange,
  onPolygonChange,
}: {
  state: SearchState;
  follow: boolean;
  focus: BBox | null;
  onBoundsChange: (bbox: BBox) => void;
  onPolygonChange: (polygon: [number, number][] | undefined) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  // only a person's move (drag, wheel, buttons, keys) re-runs the list search:
  // not our own fitBounds, nor a resize of the container
  const personMoved = useRef(false);
  // drawing an area: each click on the map places a corner
  const [corners, setCorners] = useState<[number, number][] | null>(null);
  const drawing = useRef<[number, number][] | null>(null);
  drawing.current = corners;
  const latest = useRef({ state, follow, onBoundsChange, locale, focus });
  latest.current = { state, follow, onBoundsChange, locale, focus };

  const refresh = async () => {
    const map = mapRef.current;
    if (!map) return;
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => Number(n.toFixed(5)));
    const { bbox: _ignored, ...filters } = apiFilters(latest.current.state);
    const answer = ok(await api.GET('/v1/search/geo', { params: { query: { ...filters, bbox: bbox.join(','), maxMarkers: '500' } } }));
    if (mapRef.current !== map) return; // unmounted meanwhile
    (map.getSource('listings') as GeoJSONSource | undefined)?.setData(markersGeoJson(answer));
    map.getContainer().dataset.markers = String(answer.total);
  };

  useEffect(() => {
    let cancelled = false;
    void import('maplibre-gl').then(({ default: maplibregl }) => {
      if (cancelled || !container.current) return;
      const dark = document.documentElement.classList.contains('dark');
      const map = new maplibregl.Map({
        container: container.current,
        style: `/map-style${dark ? '?theme=dark' : ''}`,
        bounds: (latest.current.state.bbox ?? focus ?? BELGIUM_BOUNDS) as BBox,
        fitBoundsOptions: { padding: 20 },
        attributionControl: { compact: true },
        dragRotate: false,
      });
      mapRef.current = map;
      map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
      map.on('load', () => {
        map.addSource('listings', { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, cluster: true, clusterRadius: 45, clusterProperties: { total: ['+', ['get', 'weight']] } });
        map.addLayer({
          id: 'listing-clusters',
          type: 'circle',
          source: 'listings',
          filter: ['any', ['has', 'point_count'], ['>', ['get', 'weight'], 1]],
          paint: {
            'circle-color': '#1e40af',
            'circle-opacity': 0.85,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 2,
            'circle-radius': ['interpolate', ['linear'], ['coalesce', ['get', 'total'], ['get', 'weight']], 2, 12, 50, 20, 500, 30],
          },
        });
        map.addLayer({
          id: 'listing-points',
          type: 'circle',
          source: 'listings',
          filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'weight'], 1]],
          paint: { 'circle-color': '#dc2626', 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
        });
        map.addSource('area', { type: 'geojson', data: areaGeoJson(latest.current.state.polygon ?? [], true) });
        map.addLayer({ id: 'area-fill', type: 'fill', source: 'area', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#1e40af', 'fill-opacity': 0.12 } });
        map.addLayer({ id: 'area-line', type: 'line', source: 'area', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#1e40af', 'line-width': 2 } });
        map.addLayer({ id: 'area-corners', type: 'circle', source: 'area', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': '#ffffff', 'circle-stroke-color': '#1e40af', 'circle-stroke-width': 2, 'circle-radius': 4 } });
        map.on('click', (event) => {
          if (!drawing.current) return;
          setCorners([...drawing.current, [Number(event.lngLat.lng.toFixed(5)), Number(event.lngLat.lat.toFixed(5))]]);
        });
        map.on('click', 'listing-points', (event: MapMouseEvent & { features?: { properties: Record<string, unknown> }[] }) => {
          if (drawing.current) return;
          const id = event.features?.[0]?.properties.id;
          if (typeof id === 'string') router.push(`/${latest.current.locale}/listing/${id}`);
        });
        map.on('click', 'listing-clusters', (event) => !drawing.current && map.easeTo({ center: event.lngLat, zoom: map.getZoom() + 2 }));
        for (const layer of ['listing-points', 'listing-clusters']) {
          map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
          map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
        }
        // the results may have arrived while the map was loading
        const { state: now, focus: there } = latest.current;
        if (!now.bbox && there) {
          map.fitBounds(there, { padding: 40, maxZoom: 14, duration: 0 });
        } else void refresh();
      });
      for (const type of ['dragstart', 'wheel', 'dblclick', 'touchstart', 'boxzoomstart'] as const) map.on(type, () => (personMoved.current = true));
      map.on('movestart', (event) => {
        if ('originalEvent' in event && event.originalEvent) personMoved.current = true;
      });
      map.on('moveend', () => {
        void refresh();
        const byPerson = personMoved.current;
        personMoved.current = false;
        if (!byPerson || !latest.current.follow) return;
        const b = map.getBounds();
        latest.current.onBoundsChange([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
      });
    });
    return () => {
      cancelled = true;
      mapRef.current?.remove();
      mapRef.current = null;
    };
    // the map is created once; later changes go through refresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // new filters: new markers; new results elsewhere (no bbox): fly there
  const filtersKey = JSON.stringify({ ...apiFilters(state), bbox: undefined });
  useEffect(() => {
    const map = mapRef.current;
    if (!map?.loaded()) return;
    if (!state.bbox && focus) {
      map.fitBounds(focus, { padding: 40, maxZoom: 14, duration: 0 });
    }
    else void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filtersKey, focus?.join(',')]);

  const polygonKey = state.polygon?.join(';') ?? '';
  useEffect(() => {
    const source = mapRef.current?.getSource('area') as GeoJSONSource | undefined;
    source?.setData(corners ? areaGeoJson(corners, false) : areaGeoJson(state.polygon ?? [], true));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [corners, polygonKey]);

  const button = 'rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-900 shadow ring-1 ring-slate-300 disabled:opacity-50';
  return (
    <div className="relative h-full min-h-[320px] w-full">
      <div ref={container} role="region" aria-label={t('web.mapLabel')} data-testid="results-map" className={`h-full w-full overflow-hidden rounded-xl ${corners ? 'cursor-crosshair' : ''}`} />
      <div className="absolute left-2 top-2 z-10 flex flex-wrap gap-2">
        {corners ? (
          <>
            <button type="button" className={button} disabled={corners.length < 3} onClick={() => (setCorners(null), onPolygonChange(corners))}>
              {t('web.finishArea')}
            </button>
            <button type="button" className={button} onClick={() => setCorners(null)}>
              {t('ui.cancel')}
            </button>
            <p role="status" className="rounded-md bg-white/90 px-2 py-1 text-xs text-slate-900">
              {t('web.drawHint')}
            </p>
          </>
        ) : (
          <button type="button" className={button} onClick={() => setCorners([])}>
            {t('web.drawArea')}
          </button>
        )}
        {state.polygon && !corners && (
          <button type="button" className={button} onClick={() => onPolygonChange(undefined)}>
            {t('web.clearArea')}
          </button>
        )}
      </div>
    </div>
  );
}
