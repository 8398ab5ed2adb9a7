import type { PropertyType, Transaction } from './contract.ts';

// Sane bounds per property type and transaction: wide enough for any real
// Belgian listing, narrow enough to catch a misplaced zero or a price typed
// into the wrong field. Prices in whole euros (rent: per month).

type Range = readonly [min: number, max: number];

interface TypeBounds {
  sale: Range;
  rent: Range;
  /** Living area in m²; null: the type has none (land). */
  livingArea: Range | null;
  /** Whether bedrooms make sense (not for land, garages, offices...). */
  bedrooms: boolean;
}

const RESIDENTIAL = { sale: [10_000, 30_000_000], rent: [150, 30_000], bedrooms: true } as const;

export const TYPE_BOUNDS: Record<PropertyType, TypeBounds> = {
  house: { ...RESIDENTIAL, livingArea: [25, 2_000] },
  apartment: { ...RESIDENTIAL, livingArea: [15, 800] },
  studio: { ...RESIDENTIAL, sale: [10_000, 2_000_000], rent: [150, 4_000], livingArea: [10, 120] },
  villa: { ...RESIDENTIAL, livingArea: [60, 5_000] },
  penthouse: { ...RESIDENTIAL, livingArea: [30, 2_000] },
  duplex: { ...RESIDENTIAL, livingArea: [30, 1_000] },
  loft: { ...RESIDENTIAL, livingArea: [30, 2_000] },
  farmhouse: { ...RESIDENTIAL, livingArea: [50, 5_000] },
  mansion: { ...RESIDENTIAL, sale: [50_000, 60_000_000], livingArea: [80, 10_000] },
  building: { sale: [30_000, 200_000_000], rent: [300, 500_000], livingArea: [40, 100_000], bedrooms: true },
  office: { sale: [5_000, 200_000_000], rent: [50, 500_000], livingArea: [5, 100_000], bedrooms: false },
  commercial: { sale: [5_000, 200_000_000], rent: [50, 500_000], livingArea: [5, 100_000], bedrooms: false },
  garage: { sale: [1_000, 500_000], rent: [20, 2_000], livingArea: [8, 2_000], bedrooms: false },
  land: { sale: [1_000, 100_000_000], rent: [10, 50_000], livingArea: null, bedrooms: false },
};

/** Land area, m² (1,000 ha at most). */
export const LAND_AREA: Range = [1, 10_000_000];

/** Price per m² of living area, residential types: catches a price off by a factor of ten. */
export const PRICE_PER_M2: Record<Transaction, Range> = {
  sale: [300, 40_000],
  rent: [3, 80],
};

export const MAX_CHARGES = 10_000;
export const MAX_COORDINATE_DISTANCE_KM = 25;

export const priceRange = (type: PropertyType, transaction: Transaction) => TYPE_BOUNDS[type][transaction];
