'use client';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export interface RecentSearch {
  /** The results page's query string, e.g. "q=appartement+Ixelles&transaction=rent". */
  query: string;
  label: string;
}

interface RecentSearchesState {
  items: RecentSearch[];
  remember(search: RecentSearch): void;
}

/** The last few searches of this browser, newest first, without duplicates. */
export const useRecentSearches = create<RecentSearchesState>()(
  persist(
    (set) => ({
      items: [],
      remember: (search) => set((s) => ({ items: [search, ...s.items.filter((i) => i.query !== search.query)].slice(0, 6) })),
    }),
    { name: 'immo.recent-searches' },
  ),
);
