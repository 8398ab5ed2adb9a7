'use client';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/use-locale.ts';

/** Where the listing is (the commune's centre when the owner hides the address). */
export function ListingMap({ lat, lon }: { lat: number; lon: number }) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let remove = () => {};
    void import('maplibre-gl').then(({ default: maplibregl }) => {
      if (!container.current) return;
      const dark = document.documentElement.classList.contains('dark');
      const map = new maplibregl.Map({ container: container.current, style: `/map-style${dark ? '?theme=dark' : ''}`, center: [lon, lat], zoom: 13, dragRotate: false, attributionControl: { compact: true } });
      map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
      new maplibregl.Marker({ color: '#dc2626' }).setLngLat([lon, lat]).addTo(map);
      remove = () => map.remove();
    });
    return () => remove();
  }, [lat, lon]);
  return <div ref={container} role="region" aria-label={t('ui.map')} className="h-64 w-full overflow-hidden rounded-xl" />;
}
