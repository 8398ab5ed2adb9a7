import { epcLabelFor } from '@immo/i18n';
import { loadGeo } from '@immo/geo';
import type { ListingSnapshot, ListingStatus, ListingView, Language, ListingRegion, PropertyType, Transaction } from '../contract.ts';
import type { GeoCommune } from '../geo-lookup.ts';
import { toSnapshot } from '../snapshot.ts';
import { rowFromView } from './rows.ts';
import { SeededRandom } from './random.ts';
import { askingPrice, communeWeight, energyUse, featuresFor, SIZES, typeMix, yearAndCondition } from './market.ts';
import { BRUSSELS_STREETS, dutchAd, FR_STREETS, frenchAd, NL_STREETS, type AdFacts } from './ad-text.ts';

export interface GenerateOptions {
  count: number;
  seed: number | string;
  /** Dates are placed in the 50 days before this instant (default: the start of today, UTC). Content does not depend on it. */
  now?: Date;
  /** Communes to draw from (default: the shipped reference data). */
  communes?: readonly GeoCommune[];
  /** Share of listings for sale (default 0.7). */
  saleShare?: number;
}

/** A generated listing as its owner sees it, with who placed it. */
export interface DemoListing {
  view: ListingView;
  commune: { lat: number; lon: number };
  /** A price the ad started at before a reduction, for some listings (the seed replays it as a price change). */
  initialPrice: number | null;
}

/** The demo advertisers: private owners and agencies with their agents. Ids are stable per seed. */
export interface DemoPeople {
  owners: string[];
  agencies: { agencyId: string; agents: string[] }[];
}

const PRIVATE_OWNERS = 40;
const AGENCIES = 12;
const DAY_MS = 86_400_000;

export function demoPeople(seed: number | string): DemoPeople {
  const random = new SeededRandom(`${seed}:people`);
  const owners = Array.from({ length: PRIVATE_OWNERS }, () => random.uuid());
  const agencies = Array.from({ length: AGENCIES }, () => ({
    agencyId: random.uuid(),
    agents: Array.from({ length: random.int(1, 3) }, () => random.uuid()),
  }));
  return { owners, agencies };
}

/** Draws communes by weight (population) with a binary search over the cumulative weights. */
function communeDraw(communes: readonly GeoCommune[]) {
  const usable = communes.filter((c) => c.postalCodes.length > 0);
  const cumulative: number[] = [];
  let total = 0;
  for (const c of usable) {
    total += communeWeight(c.name, new Set(c.postalCodes.map((p) => p.code)).size);
    cumulative.push(total);
  }
  return (random: SeededRandom): GeoCommune => {
    const roll = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > roll) hi = mid;
      else lo = mid + 1;
    }
    return usable[lo]!;
  };
}

/**
 * Listings with their owners' view, deterministic: the same seed (and `now`)
 * gives the same listings, and the first N of a larger run are the N of a
 * smaller one (each listing has its own random stream).
 */
export function generateDemoListings(options: GenerateOptions): DemoListing[] {
  const communes = options.communes ?? loadGeo().communes();
  const draw = communeDraw(communes);
  const people = demoPeople(options.seed);
  const now = options.now ?? startOfToday();
  const saleShare = options.saleShare ?? 0.7;
  const out: DemoListing[] = [];
  for (let index = 0; index < options.count; index++) {
    out.push(generateOne(new SeededRandom(`${options.seed}:listing:${index}`), draw, people, now, saleShare));
  }
  return out;
}

/** The public snapshots of `generateDemoListings`: what events and the search index carry. */
export function generateListings(options: GenerateOptions): ListingSnapshot[] {
  return generateDemoListings(options).map((d) => toSnapshot(rowFromView(d.view, d.commune)));
}

function generateOne(random: SeededRandom, draw: (r: SeededRandom) => GeoCommune, people: DemoPeople, now: Date, saleShare: number): DemoListing {
  const id = random.uuid();
  const commune = draw(random);
  const region = commune.region;
  const transaction: Transaction = random.chance(saleShare) ? 'sale' : 'rent';
  const type = random.weighted(typeMix(transaction, region));
  const postal = random.pick(commune.postalCodes);

  const size = SIZES[type];
  const livingArea = size ? Math.round(random.between(size.area[0], size.area[1])) : null;
  const bedrooms = size && size.bedrooms[1] > 0 ? Math.min(size.bedrooms[1], Math.max(size.bedrooms[0], Math.round(size.bedrooms[0] + ((livingArea! - size.area[0]) / (size.area[1] - size.area[0])) * (size.bedrooms[1] - size.bedrooms[0]) + random.gaussian() * 0.5))) : null;
  const hasRooms = type !== 'garage' && type !== 'land';
  const rooms = hasRooms ? (bedrooms ?? 0) + random.int(type === 'office' || type === 'commercial' ? 1 : 2, 4) : null;
  const bathrooms = hasRooms ? (bedrooms && bedrooms >= 4 ? random.int(2, 3) : bedrooms && bedrooms >= 2 ? random.int(1, 2) : 1) : null;
  const landArea = plotArea(random, type, region);
  const { yearBuilt, condition } = yearAndCondition(random, type);
  const features = featuresFor(random, type, transaction, region);
  const needsEpc = type !== 'land' && type !== 'garage';
  const kwh = needsEpc ? energyUse(random, yearBuilt, condition) : null;
  const epc = kwh === null ? null : { label: epcLabelFor(region, kwh), kwh, certificate: certificateNumber(random, region, now) };
  const price = askingPrice(random, { transaction, type, region, communeNis: commune.nis, livingArea, landArea, condition });
  const charges = transaction === 'rent' && type !== 'garage' && type !== 'house' ? Math.round(random.between(40, 220) / 5) * 5 : null;
  const availableFrom = transaction === 'rent' && random.chance(0.6) ? firstOfMonth(now, random.int(1, 3)) : null;

  const language: Language = region === 'flanders' ? 'nl' : region === 'wallonia' ? 'fr' : random.chance(0.75) ? 'fr' : 'nl';
  const facts: AdFacts = { transaction, type, commune: '', bedrooms, bathrooms, livingArea, landArea, features, condition, yearBuilt, epcLabel: epc?.label ?? null, availableFrom };
  const fr = region !== 'flanders' ? frenchAd(random, { ...facts, commune: commune.name.fr }) : undefined;
  const nl = region !== 'wallonia' ? dutchAd(random, { ...facts, commune: commune.name.nl }) : undefined;

  let street: string;
  if (region === 'brussels') {
    const pair = random.pick(BRUSSELS_STREETS);
    street = language === 'nl' ? pair[1] : pair[0];
  } else street = random.pick(region === 'flanders' ? NL_STREETS : FR_STREETS);
  const flat = ['apartment', 'studio', 'duplex', 'penthouse', 'loft'].includes(type);
  const box = flat && random.chance(0.5) ? String(random.int(1, 9) * (random.chance(0.3) ? 10 : 1)) : null;

  const agencyListing = random.chance(0.55);
  const agency = agencyListing ? random.pick(people.agencies) : null;
  const ownerId = agency ? random.pick(agency.agents) : random.pick(people.owners);

  const status: ListingStatus = random.weighted([['published', 88], ['under_offer', 7], ['draft', 5]] as const);
  const createdAt = new Date(now.getTime() - random.int(1, 50) * DAY_MS - random.int(0, 23) * 3_600_000);
  const publishedAt = status === 'draft' ? null : new Date(Math.min(now.getTime(), createdAt.getTime() + random.int(0, 36) * 3_600_000));
  const refreshedAt = publishedAt && random.chance(0.3) ? new Date(Math.min(now.getTime(), publishedAt.getTime() + random.int(1, 20) * DAY_MS)) : publishedAt;
  const updatedAt = refreshedAt ?? createdAt;
  const initialPrice = status !== 'draft' && random.chance(0.12) ? Math.round((price * random.between(1.03, 1.1)) / (transaction === 'rent' ? 5 : 1000)) * (transaction === 'rent' ? 5 : 1000) : null;

  const view: ListingView = {
    id,
    version: 1,
    status,
    transaction,
    type,
    price,
    charges,
    ownerId,
    agencyId: agency?.agencyId ?? null,
    address: { street, number: String(random.int(1, 240)), box, postalCode: postal.code, communeNis: commune.nis, hidden: random.chance(0.08) },
    region,
    provinceNis: commune.province?.nis ?? null,
    communeNis: commune.nis,
    postalCode: postal.code,
    communeName: commune.name.de ? { fr: commune.name.fr, nl: commune.name.nl, de: commune.name.de } : { fr: commune.name.fr, nl: commune.name.nl },
    lat: round6(postal.lat + random.gaussian() * 0.006),
    lon: round6(postal.lon + random.gaussian() * 0.009),
    livingArea,
    landArea,
    rooms,
    bedrooms,
    bathrooms,
    yearBuilt,
    condition,
    epc,
    features,
    availableFrom,
    language,
    title: { ...(fr ? { fr: fr.title } : {}), ...(nl ? { nl: nl.title } : {}) },
    description: { ...(fr ? { fr: fr.description } : {}), ...(nl ? { nl: nl.description } : {}) },
    photos: [],
    coverPhotoId: null,
    publishedAt: publishedAt?.toISOString() ?? null,
    refreshedAt: refreshedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    contact: null,
  };
  return { view, commune: { lat: commune.lat, lon: commune.lon }, initialPrice };
}

function plotArea(random: SeededRandom, type: PropertyType, region: ListingRegion): number | null {
  const dense = region === 'brussels';
  switch (type) {
    case 'land':
      return random.int(dense ? 150 : 350, dense ? 900 : region === 'wallonia' ? 4_000 : 2_000);
    case 'house':
      return random.int(dense ? 60 : 150, dense ? 400 : 1_500);
    case 'villa':
      return random.int(dense ? 400 : 800, dense ? 1_500 : 4_000);
    case 'farmhouse':
      return random.int(1_500, 15_000);
    case 'mansion':
      return random.int(dense ? 120 : 300, dense ? 600 : 3_000);
    default:
      return null;
  }
}

function certificateNumber(random: SeededRandom, region: ListingRegion, now: Date): string {
  const issued = new Date(now.getTime() - random.int(30, 3_000) * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
  const digits = (n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');
  if (region === 'flanders') return `${issued}-${digits(7)}-RES-1`;
  if (region === 'brussels') return `${issued}-${digits(10)}-01`;
  return `${issued}${digits(6)}`;
}

function firstOfMonth(now: Date, monthsAhead: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsAhead, 1));
  return d.toISOString().slice(0, 10);
}

function startOfToday(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
