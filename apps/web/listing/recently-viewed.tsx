'use client';
import { useEffect } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export interface ViewedListing {
  id: string;
  title: string;
  price: string;
}

export const useRecentlyViewed = create<{ items: ViewedListing[]; viewed(item: ViewedListing): void }>()(
  persist((set) => ({ items: [], viewed: (item) => set((s) => ({ items: [item, ...s.items.filter((i) => i.id !== item.id)].slice(0, 12) })) }), { name: 'immo.recently-viewed' }),
);

/** Remembers the listing in this browser (the service worker keeps its page for offline reading). */
export function RememberViewed(props: ViewedListing) {
  const viewed = useRecentlyViewed((s) => s.viewed);
  useEffect(() => viewed(props), [props.id]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}
