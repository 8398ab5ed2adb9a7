'use client';
import dynamic from 'next/dynamic';

/** The listing's map, loaded in the browser only (MapLibre needs WebGL). */
export const ListingMapLazy = dynamic(() => import('./listing-map.tsx').then((m) => m.ListingMap), { ssr: false });
