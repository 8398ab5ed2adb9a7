import type { Condition, Feature, ListingRegion, PropertyType, Transaction } from '../contract.ts';
import { hashString, type SeededRandom } from './random.ts';

// The Belgian market as the demo data draws it: where people live, what is
// on offer, what it costs. Figures are rounded orders of magnitude (Statbel
// population 2024, notaries' barometers and rental indices 2025), enough for
// plausible listings; they are not statistics.

/** Approximate inhabitants of the most populous communes; others weigh by their postal codes. */
export const POPULOUS_COMMUNES: Record<string, number> = {
  Antwerpen: 536_000, Gent: 265_000, Charleroi: 202_000, 'Liège': 197_000, Bruxelles: 196_000,
  Schaerbeek: 133_000, Anderlecht: 122_000, Brugge: 119_000, Namur: 113_000, Leuven: 102_000,
  'Molenbeek-Saint-Jean': 98_000, Mons: 96_000, Aalst: 89_000, Mechelen: 88_000, Ixelles: 87_000,
  Uccle: 84_000, 'La Louvière': 81_000, Hasselt: 80_000, 'Sint-Niklaas': 80_000, Kortrijk: 78_000,
  Oostende: 72_000, Tournai: 69_000, Genk: 67_000, Seraing: 64_000, Roeselare: 64_000,
  'Woluwe-Saint-Lambert': 58_000, Forest: 57_000, Verviers: 55_000, Mouscron: 59_000, Jette: 53_000,
  Etterbeek: 48_000, 'Saint-Gilles': 50_000, Dendermonde: 46_000, Turnhout: 46_000, Evere: 43_000,
  'Woluwe-Saint-Pierre': 42_000, Wavre: 35_000, 'Ottignies-Louvain-la-Neuve': 32_000, Arlon: 31_000,
  Waterloo: 30_000, 'Braine-l’Alleud': 40_000, 'Knokke-Heist': 33_000, Halle: 40_000, Vilvoorde: 45_000,
  Herstal: 40_000, Lokeren: 42_000, Beringen: 47_000, Geel: 41_000, 'Sint-Truiden': 41_000,
  Ninove: 40_000, Lier: 37_000, Auderghem: 34_000, 'Watermael-Boitsfort': 25_000, Koekelberg: 22_000,
  'Berchem-Sainte-Agathe': 25_000, Ganshoren: 25_000, 'Saint-Josse-ten-Noode': 27_000, Zaventem: 35_000,
  Nivelles: 29_000, Gembloux: 27_000, Huy: 21_000, Ath: 30_000, Binche: 33_000, Eupen: 20_000,
  'Beveren-Kruibeke-Zwijndrecht': 70_000, Brasschaat: 39_000, Schoten: 35_000, Deinze: 45_000,
};

/** Weight of a commune in the draw of listings: its population, or a guess from its postal codes. */
export function communeWeight(name: { fr: string; nl: string }, distinctPostalCodes: number): number {
  return POPULOUS_COMMUNES[name.fr] ?? POPULOUS_COMMUNES[name.nl] ?? Math.round(11_000 * Math.sqrt(Math.max(1, distinctPostalCodes)));
}

type Mix = readonly (readonly [PropertyType, number])[];

/** What is offered, per transaction; cities lean to flats. */
export function typeMix(transaction: Transaction, region: ListingRegion): Mix {
  if (transaction === 'rent') {
    return region === 'brussels'
      ? [['apartment', 58], ['studio', 14], ['house', 8], ['duplex', 5], ['penthouse', 3], ['loft', 3], ['garage', 4], ['office', 3], ['commercial', 2]]
      : [['apartment', 46], ['studio', 10], ['house', 24], ['duplex', 4], ['penthouse', 1], ['loft', 2], ['garage', 6], ['office', 3], ['commercial', 4]];
  }
  return region === 'brussels'
    ? [['apartment', 50], ['house', 16], ['studio', 6], ['penthouse', 4], ['duplex', 5], ['loft', 3], ['mansion', 4], ['villa', 2], ['building', 4], ['garage', 3], ['office', 2], ['commercial', 1]]
    : [['house', 40], ['apartment', 26], ['villa', 6], ['studio', 2], ['penthouse', 2], ['duplex', 3], ['loft', 1], ['farmhouse', 3], ['mansion', 1], ['building', 2], ['land', 8], ['garage', 2], ['office', 2], ['commercial', 2]];
}

/** Living area (m²) and bedrooms by type. */
export const SIZES: Record<PropertyType, { area: readonly [number, number]; bedrooms: readonly [number, number] } | null> = {
  studio: { area: [22, 45], bedrooms: [0, 0] },
  apartment: { area: [55, 135], bedrooms: [1, 3] },
  duplex: { area: [90, 180], bedrooms: [2, 4] },
  penthouse: { area: [110, 260], bedrooms: [2, 4] },
  loft: { area: [80, 220], bedrooms: [1, 3] },
  house: { area: [100, 240], bedrooms: [2, 5] },
  villa: { area: [180, 420], bedrooms: [3, 6] },
  farmhouse: { area: [170, 400], bedrooms: [3, 6] },
  mansion: { area: [240, 600], bedrooms: [4, 8] },
  building: { area: [250, 900], bedrooms: [4, 12] },
  office: { area: [60, 650], bedrooms: [0, 0] },
  commercial: { area: [60, 450], bedrooms: [0, 0] },
  garage: { area: [12, 30], bedrooms: [0, 0] },
  land: null,
};

/** Sale price per m² of living area, by region and kind: the middle of the market. */
const SALE_PER_M2: Record<ListingRegion, { flat: number; house: number; pro: number }> = {
  brussels: { flat: 4_000, house: 3_500, pro: 2_900 },
  flanders: { flat: 3_100, house: 2_500, pro: 1_900 },
  wallonia: { flat: 2_300, house: 1_800, pro: 1_300 },
};

/** Monthly rent per m², by region. */
const RENT_PER_M2: Record<ListingRegion, number> = { brussels: 16, flanders: 12.5, wallonia: 11 };

/** Building land, € per m² of plot. */
const LAND_PER_M2: Record<ListingRegion, number> = { brussels: 1_100, flanders: 280, wallonia: 95 };

const KIND: Record<PropertyType, 'flat' | 'house' | 'pro' | 'other'> = {
  studio: 'flat', apartment: 'flat', duplex: 'flat', penthouse: 'flat', loft: 'flat',
  house: 'house', villa: 'house', farmhouse: 'house', mansion: 'house', building: 'house',
  office: 'pro', commercial: 'pro', garage: 'other', land: 'other',
};

/** A few types carry a premium or a discount on their kind's price per m². */
const TYPE_FACTOR: Partial<Record<PropertyType, number>> = { studio: 1.1, penthouse: 1.2, villa: 1.1, mansion: 1.05, building: 0.85, farmhouse: 0.9 };
const CONDITION_FACTOR: Record<Condition, number> = { new: 1.12, excellent: 1.06, good: 1, to_refresh: 0.93, to_renovate: 0.8, to_demolish: 0.6 };

/** Each commune is a little dearer or cheaper than its region, always the same way (0.88–1.14). */
export function communeFactor(nis: string): number {
  return 0.88 + (hashString(`price:${nis}`) % 1000) / 1000 * 0.26;
}

/** The asking price in whole euros: sale prices rounded to 5,000 (1,000 below 100k), rents to 5. */
export function askingPrice(
  random: SeededRandom,
  listing: { transaction: Transaction; type: PropertyType; region: ListingRegion; communeNis: string; livingArea: number | null; landArea: number | null; condition: Condition | null },
): number {
  const noise = 1 + random.gaussian() * 0.06;
  const local = communeFactor(listing.communeNis);
  const condition = listing.condition ? CONDITION_FACTOR[listing.condition] : 1;
  if (listing.type === 'garage') {
    const base = listing.region === 'brussels' ? (listing.transaction === 'sale' ? 42_000 : 125) : listing.transaction === 'sale' ? 27_000 : 85;
    return roundPrice(base * local * noise, listing.transaction);
  }
  if (listing.type === 'land') {
    const perM2 = LAND_PER_M2[listing.region] * local * noise;
    return roundPrice(perM2 * (listing.landArea ?? 800), listing.transaction);
  }
  const area = listing.livingArea ?? 80;
  const kind = KIND[listing.type] as 'flat' | 'house' | 'pro';
  const typeFactor = TYPE_FACTOR[listing.type] ?? 1;
  if (listing.transaction === 'rent') {
    // rents per m² fall with size: a studio is dear per m², a large house less so
    const sizeFactor = Math.min(1.25, Math.max(0.7, Math.sqrt(80 / area)));
    const proFactor = kind === 'pro' ? 0.85 : 1;
    return roundPrice(RENT_PER_M2[listing.region] * area * sizeFactor * proFactor * local * noise * (condition > 1 ? 1.05 : 1), 'rent');
  }
  const perM2 = SALE_PER_M2[listing.region][kind] * typeFactor * condition * local * noise;
  const plot = kind === 'house' && listing.landArea ? Math.min(listing.landArea, 3_000) * LAND_PER_M2[listing.region] * 0.15 : 0;
  return roundPrice(perM2 * area + plot, 'sale');
}

function roundPrice(value: number, transaction: Transaction): number {
  if (transaction === 'rent') return Math.max(50, Math.round(value / 5) * 5);
  const step = value < 100_000 ? 1_000 : 5_000;
  return Math.max(step, Math.round(value / step) * step);
}

/** Year built and condition go together: old stock is more often to renovate. */
export function yearAndCondition(random: SeededRandom, type: PropertyType): { yearBuilt: number | null; condition: Condition | null } {
  if (type === 'land') return { yearBuilt: null, condition: null };
  const era = random.weighted([
    ['pre1920', 14], ['1920-1960', 22], ['1960-1990', 26], ['1990-2010', 20], ['2010-2020', 10], ['new', 8],
  ] as const);
  const span: Record<typeof era, [number, number]> = {
    pre1920: [1850, 1919], '1920-1960': [1920, 1959], '1960-1990': [1960, 1989], '1990-2010': [1990, 2009], '2010-2020': [2010, 2021], new: [2024, 2026],
  };
  const yearBuilt = random.int(...span[era]);
  const condition: Condition =
    era === 'new'
      ? 'new'
      : era === '2010-2020'
        ? random.weighted([['excellent', 6], ['good', 4]] as const)
        : random.weighted([['excellent', 2], ['good', 5], ['to_refresh', 3], ['to_renovate', yearBuilt < 1960 ? 3 : 1.5]] as const);
  return { yearBuilt, condition };
}

/** Primary energy use (kWh/m²/year), consistent with age and state. */
export function energyUse(random: SeededRandom, yearBuilt: number | null, condition: Condition | null): number {
  if (condition === 'new' || (yearBuilt ?? 0) >= 2021) return random.int(15, 85);
  if ((yearBuilt ?? 0) >= 2006) return random.int(70, 190);
  const renovated = condition === 'excellent' ? 0.55 : condition === 'good' ? 0.8 : 1;
  const base = (yearBuilt ?? 1960) < 1960 ? random.int(330, 650) : random.int(230, 480);
  return Math.round(base * renovated);
}

/** Features that go with a type and a transaction, each with its likelihood. */
export function featuresFor(random: SeededRandom, type: PropertyType, transaction: Transaction, region: ListingRegion): Feature[] {
  if (type === 'land') return [];
  if (type === 'garage') return random.chance(0.3) ? ['accessible'] : [];
  const flat = KIND[type] === 'flat';
  const pro = KIND[type] === 'pro';
  const odds: [Feature, number][] = [
    ['garden', flat ? 0.12 : pro ? 0.03 : region === 'brussels' ? 0.55 : 0.85],
    ['terrace', flat ? 0.55 : 0.5],
    ['balcony', flat ? 0.35 : 0.03],
    ['parking', pro ? 0.6 : 0.3],
    ['garage', flat ? 0.15 : pro ? 0.1 : 0.55],
    ['lift', flat ? 0.6 : pro ? 0.4 : 0],
    ['cellar', pro ? 0.2 : 0.6],
    ['furnished', transaction === 'rent' && !pro ? 0.2 : 0.01],
    ['pool', type === 'villa' || type === 'mansion' ? 0.3 : 0.01],
    ['fireplace', flat ? 0.06 : 0.25],
    ['solar_panels', flat ? 0.05 : 0.3],
    ['heat_pump', 0.1],
    ['accessible', flat ? 0.2 : 0.05],
    ['pets_allowed', transaction === 'rent' ? 0.3 : 0],
    ['attic', flat ? 0 : 0.35],
    ['air_conditioning', pro ? 0.5 : 0.06],
  ];
  return odds.filter(([, p]) => random.chance(p)).map(([feature]) => feature);
}
