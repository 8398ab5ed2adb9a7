import type { FastifyInstance } from 'fastify';
import { epcLabelFor, type Region } from '@immo/i18n';
import { signUpForTest } from '@immo/auth';

interface Place {
  nis: string;
  postalCode: string;
  region: Region;
  fr: string;
  nl: string;
  lat: number;
  lon: number;
}

const IXELLES: Place = { nis: '21009', postalCode: '1050', region: 'brussels', fr: 'Ixelles', nl: 'Elsene', lat: 50.8275, lon: 4.372 };
const ETTERBEEK: Place = { nis: '21005', postalCode: '1040', region: 'brussels', fr: 'Etterbeek', nl: 'Etterbeek', lat: 50.8333, lon: 4.3889 };
const GENT: Place = { nis: '44021', postalCode: '9000', region: 'flanders', fr: 'Gand', nl: 'Gent', lat: 51.0543, lon: 3.7174 };
const LIEGE: Place = { nis: '62063', postalCode: '4000', region: 'wallonia', fr: 'Liège', nl: 'Luik', lat: 50.6326, lon: 5.5797 };

export interface DemoListing {
  id: string;
  place: string;
  transaction: 'sale' | 'rent';
  type: string;
  price: number;
  bedrooms: number;
}

/**
 * A small, known catalogue made through the real API by a verified private
 * owner: apartments and houses in Ixelles (some to rent, some for sale) and a
 * few elsewhere, so a search for "appartement Ixelles" has a definite answer.
 */
export async function seedDemoListings(app: FastifyInstance): Promise<DemoListing[]> {
  const owner = await signUpForTest(app, { emailVerified: true, phoneVerified: true });
  const specs: [Place, 'sale' | 'rent', 'apartment' | 'house', number, number, number, number][] = [
    // place, transaction, type, price, bedrooms, living area, kWh/m²/year
    [IXELLES, 'rent', 'apartment', 1150, 1, 62, 140],
    [IXELLES, 'rent', 'apartment', 1450, 2, 85, 95],
    [IXELLES, 'rent', 'apartment', 1890, 3, 120, 180],
    [IXELLES, 'sale', 'apartment', 295000, 1, 58, 210],
    [IXELLES, 'sale', 'apartment', 420000, 2, 92, 120],
    [IXELLES, 'sale', 'apartment', 615000, 3, 135, 75],
    [IXELLES, 'sale', 'house', 1150000, 4, 240, 260],
    [ETTERBEEK, 'sale', 'apartment', 345000, 2, 80, 150],
    [ETTERBEEK, 'rent', 'apartment', 1250, 2, 75, 170],
    [GENT, 'sale', 'house', 465000, 3, 160, 230],
    [GENT, 'rent', 'apartment', 980, 1, 55, 110],
    [LIEGE, 'sale', 'house', 235000, 3, 150, 330],
  ];
  const out: DemoListing[] = [];
  let n = 0;
  for (const [place, transaction, type, price, bedrooms, livingArea, kwh] of specs) {
    n++;
    const typeFr = type === 'apartment' ? 'Appartement' : 'Maison';
    const typeNl = type === 'apartment' ? 'Appartement' : 'Huis';
    const body = {
      transaction,
      type,
      price,
      ...(transaction === 'rent' ? { charges: 120 } : {}),
      address: { street: place.region === 'flanders' ? 'Veldstraat' : 'Rue du Bailli', number: String(10 + n), postalCode: place.postalCode, communeNis: place.nis },
      lat: place.lat + (n % 5) * 0.0021 - 0.004,
      lon: place.lon + (n % 3) * 0.0027 - 0.0027,
      livingArea,
      bedrooms,
      bathrooms: 1,
      yearBuilt: 1930 + n * 5,
      condition: 'good',
      epc: { label: epcLabelFor(place.region, kwh), kwh, certificate: `EPC-${2026}${String(n).padStart(4, '0')}` },
      features: n % 2 ? ['terrace', 'lift'] : ['garden', 'cellar'],
      language: 'fr',
      title: {
        fr: `${typeFr} ${bedrooms} chambre${bedrooms > 1 ? 's' : ''} lumineux à ${place.fr}`,
        nl: `Lichtrijk${type === 'apartment' ? '' : ''} ${typeNl.toLowerCase()} met ${bedrooms} slaapkamer${bedrooms > 1 ? 's' : ''} in ${place.nl}`,
      },
      description: {
        fr: `${typeFr} de ${livingArea} m² à ${place.fr}, ${bedrooms} chambre(s), proche des transports et des commerces.`,
        nl: `${typeNl} van ${livingArea} m² in ${place.nl}, ${bedrooms} slaapkamer(s), dicht bij openbaar vervoer en winkels.`,
      },
    };
    const created = await app.inject({ method: 'POST', url: '/v1/listings', headers: owner.headers, payload: body });
    if (created.statusCode !== 201) throw new Error(`create listing: ${created.statusCode} ${created.body}`);
    const id = created.json<{ id: string }>().id;
    const published = await app.inject({ method: 'POST', url: `/v1/listings/${id}/publish`, headers: owner.headers, payload: {} });
    if (published.statusCode >= 300) throw new Error(`publish listing: ${published.statusCode} ${published.body}`);
    out.push({ id, place: place.fr, transaction, type, price, bedrooms });
  }
  return out;
}

/** Waits until the search index (fed by listing events) holds every listing. */
export async function waitForIndex(app: FastifyInstance, count: number, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.inject({ method: 'GET', url: '/v1/search?limit=1&facets=false' });
    if (res.statusCode === 200 && res.json<{ total: number }>().total >= count) return;
    if (Date.now() > until) throw new Error(`search index holds ${res.body.slice(0, 200)} after ${timeoutMs} ms, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
