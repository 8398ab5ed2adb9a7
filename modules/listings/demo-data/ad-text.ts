import type { Condition, Feature, PropertyType, Transaction } from '../contract.ts';
import type { SeededRandom } from './random.ts';

// Titles and descriptions in French and Dutch, assembled from the listing's
// own facts (type, rooms, surfaces, features, condition, EPC, commune) with
// varied phrasings, as Belgian portals show them.

export interface AdFacts {
  transaction: Transaction;
  type: PropertyType;
  commune: string;
  bedrooms: number | null;
  bathrooms: number | null;
  livingArea: number | null;
  landArea: number | null;
  features: Feature[];
  condition: Condition | null;
  yearBuilt: number | null;
  epcLabel: string | null;
  availableFrom: string | null;
}

type Gender = 'm' | 'f';
const FR_TYPE: Record<PropertyType, [string, Gender]> = {
  house: ['maison', 'f'], apartment: ['appartement', 'm'], studio: ['studio', 'm'], villa: ['villa', 'f'],
  penthouse: ['penthouse', 'm'], duplex: ['duplex', 'm'], loft: ['loft', 'm'], farmhouse: ['fermette', 'f'],
  mansion: ['maison de maître', 'f'], building: ['immeuble de rapport', 'm'], office: ['bureau', 'm'],
  commercial: ['surface commerciale', 'f'], garage: ['garage', 'm'], land: ['terrain à bâtir', 'm'],
};
/** Dutch nouns with their article: `het` words take the bare adjective in a title ("Ruim appartement"). */
const NL_TYPE: Record<PropertyType, [string, 'de' | 'het']> = {
  house: ['woning', 'de'], apartment: ['appartement', 'het'], studio: ['studio', 'de'], villa: ['villa', 'de'],
  penthouse: ['penthouse', 'de'], duplex: ['duplex', 'de'], loft: ['loft', 'de'], farmhouse: ['hoeve', 'de'],
  mansion: ['herenhuis', 'het'], building: ['opbrengsteigendom', 'het'], office: ['kantoorruimte', 'de'],
  commercial: ['handelspand', 'het'], garage: ['garagebox', 'de'], land: ['bouwgrond', 'de'],
};

const FR_ADJECTIVES: [string, string][] = [
  ['lumineux', 'lumineuse'], ['spacieux', 'spacieuse'], ['charmant', 'charmante'], ['superbe', 'superbe'],
  ['agréable', 'agréable'], ['magnifique', 'magnifique'], ['confortable', 'confortable'], ['calme', 'calme'],
];
const NL_ADJECTIVES: [string, string][] = [
  ['lichtrijk', 'lichtrijke'], ['ruim', 'ruime'], ['charmant', 'charmante'], ['prachtig', 'prachtige'],
  ['aangenaam', 'aangename'], ['instapklaar', 'instapklare'], ['gezellig', 'gezellige'], ['comfortabel', 'comfortabele'],
];
const FR_CONDITION: Partial<Record<Condition, [string, string]>> = {
  new: ['neuf', 'neuve'], excellent: ['rénové', 'rénovée'], to_refresh: ['à rafraîchir', 'à rafraîchir'], to_renovate: ['à rénover', 'à rénover'],
};
const NL_CONDITION: Partial<Record<Condition, string>> = {
  new: 'nieuwbouw', excellent: 'gerenoveerd', to_refresh: 'op te frissen', to_renovate: 'te renoveren',
};

const FR_FEATURE: Record<Feature, string> = {
  garden: 'jardin', terrace: 'terrasse', parking: 'emplacement de parking', garage: 'garage', lift: 'ascenseur', cellar: 'cave',
  furnished: 'meublé', pool: 'piscine', balcony: 'balcon', fireplace: 'feu ouvert', solar_panels: 'panneaux solaires',
  heat_pump: 'pompe à chaleur', accessible: 'accès PMR', pets_allowed: 'animaux admis', attic: 'grenier aménageable', air_conditioning: 'air conditionné',
};
const NL_FEATURE: Record<Feature, string> = {
  garden: 'tuin', terrace: 'terras', parking: 'parkeerplaats', garage: 'garage', lift: 'lift', cellar: 'kelder',
  furnished: 'gemeubeld', pool: 'zwembad', balcony: 'balkon', fireplace: 'open haard', solar_panels: 'zonnepanelen',
  heat_pump: 'warmtepomp', accessible: 'rolstoeltoegankelijk', pets_allowed: 'huisdieren toegelaten', attic: 'zolder', air_conditioning: 'airco',
};
/** Features worth a title ("avec jardin", "met tuin"), best first. */
const HEADLINE: Feature[] = ['pool', 'garden', 'terrace', 'garage', 'balcony', 'parking', 'fireplace'];

const FR_PLACE = [
  'proche du centre', 'dans un quartier calme', 'à deux pas des commerces', 'près de la gare', 'à proximité des écoles',
  'dans une rue résidentielle', 'avec une vue dégagée', 'au cœur du village', 'non loin des grands axes', 'près d\'un parc',
];
const NL_PLACE = [
  'vlakbij het centrum', 'in een rustige buurt', 'op wandelafstand van winkels', 'dicht bij het station', 'nabij scholen',
  'in een residentiële straat', 'met een open zicht', 'in het hart van het dorp', 'vlot bereikbaar via de grote wegen', 'naast een park',
];

const frAdj = (pair: [string, string], gender: Gender) => (gender === 'f' ? pair[1] : pair[0]);
const nlAdj = (pair: [string, string], article: 'de' | 'het') => (article === 'het' ? pair[0] : pair[1]);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function list(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/** A French title and description. */
export function frenchAd(random: SeededRandom, f: AdFacts): { title: string; description: string } {
  const [noun, gender] = FR_TYPE[f.type];
  const adjective = frAdj(random.pick(FR_ADJECTIVES), gender);
  const state = f.condition && FR_CONDITION[f.condition] ? frAdj(FR_CONDITION[f.condition]!, gender) : undefined;
  const headline = HEADLINE.find((h) => f.features.includes(h));
  const action = f.transaction === 'sale' ? 'à vendre' : 'à louer';
  const rooms = f.bedrooms ? `${f.bedrooms} chambre${f.bedrooms > 1 ? 's' : ''}` : undefined;
  const titles = [
    `${capital(noun)}${rooms ? ` ${rooms}` : ''} ${action} à ${f.commune}`,
    `${capital(adjective)} ${noun}${headline ? ` avec ${FR_FEATURE[headline]}` : ''} – ${f.commune}`,
    `${capital(noun)}${state ? ` ${state}` : ''}${f.livingArea ? ` de ${Math.round(f.livingArea)} m²` : ''} à ${f.commune}`,
    `${f.commune} : ${noun} ${adjective}${rooms ? `, ${rooms}` : ''}`,
  ];
  const title = random.pick(titles);

  const sentences: string[] = [];
  const place = random.pick(FR_PLACE);
  const article = gender === 'f' ? 'une' : 'un';
  const intro = random.pick([
    `${f.transaction === 'sale' ? 'À vendre' : 'À louer'} à ${f.commune}, ${place} : ${article} ${noun} ${adjective}${state ? ` ${state}` : ''}.`,
    `Situé${gender === 'f' ? 'e' : ''} ${place} à ${f.commune}, ce${gender === 'f' ? 'tte' : noun.match(/^[aeiouhé]/) ? 't' : ''} ${noun} ${adjective} vous séduira.`,
    `Découvrez ${article} ${noun} ${adjective} ${place}, à ${f.commune}.`,
  ]);
  sentences.push(intro);
  if (f.type === 'land') {
    sentences.push(`Parcelle de ${Math.round(f.landArea ?? 0)} m², idéale pour un projet de construction.`);
  } else {
    const layout: string[] = [];
    if (f.livingArea) layout.push(`${Math.round(f.livingArea)} m²${f.type === 'garage' || f.type === 'office' || f.type === 'commercial' ? '' : ' habitables'}`);
    if (f.bedrooms) layout.push(`${f.bedrooms} chambre${f.bedrooms > 1 ? 's' : ''}`);
    if (f.bathrooms) layout.push(`${f.bathrooms} salle${f.bathrooms > 1 ? 's' : ''} de bain`);
    if (layout.length) sentences.push(`Le bien offre ${list(layout, 'et')}.`);
    if (f.landArea && f.type !== 'garage') sentences.push(`Le tout sur un terrain de ${Math.round(f.landArea)} m².`);
  }
  const extras = f.features.map((x) => FR_FEATURE[x]);
  if (extras.length) sentences.push(random.pick([`Atouts : ${list(extras, 'et')}.`, `Vous apprécierez : ${list(extras, 'et')}.`, `Équipements : ${extras.join(', ')}.`]));
  if (f.yearBuilt) sentences.push(f.condition === 'new' ? `Construction récente (${f.yearBuilt}), aux dernières normes.` : `Construit en ${f.yearBuilt}${state ? `, ${state}` : ''}.`);
  if (f.epcLabel) sentences.push(`PEB : ${f.epcLabel}.`);
  if (f.availableFrom) sentences.push(`Libre à partir du ${frenchDate(f.availableFrom)}.`);
  else if (f.transaction === 'rent') sentences.push('Disponible immédiatement.');
  sentences.push(random.pick(['Visites sur rendez-vous.', 'Contactez-nous pour une visite.', 'À visiter sans tarder !']));
  return { title, description: sentences.join(' ') };
}

/** A Dutch title and description. */
export function dutchAd(random: SeededRandom, f: AdFacts): { title: string; description: string } {
  const [noun, article] = NL_TYPE[f.type];
  const adjective = nlAdj(random.pick(NL_ADJECTIVES), article);
  const state = f.condition ? NL_CONDITION[f.condition] : undefined;
  const headline = HEADLINE.find((h) => f.features.includes(h));
  const action = f.transaction === 'sale' ? 'te koop' : 'te huur';
  const rooms = f.bedrooms ? `${f.bedrooms} slaapkamer${f.bedrooms > 1 ? 's' : ''}` : undefined;
  const titles = [
    `${capital(noun)}${rooms ? ` met ${rooms}` : ''} ${action} in ${f.commune}`,
    `${capital(adjective)} ${noun}${headline ? ` met ${NL_FEATURE[headline]}` : ''} – ${f.commune}`,
    `${state ? `${capital(state)} ` : ''}${state ? noun : capital(noun)}${f.livingArea ? ` van ${Math.round(f.livingArea)} m²` : ''} in ${f.commune}`,
    `${f.commune}: ${adjective} ${noun}${rooms ? `, ${rooms}` : ''}`,
  ];
  const title = random.pick(titles);

  const sentences: string[] = [];
  const place = random.pick(NL_PLACE);
  const the = article === 'het' ? 'Dit' : 'Deze';
  sentences.push(
    random.pick([
      `${capital(action)} in ${f.commune}, ${place}: ${article === 'het' ? 'een' : 'een'} ${adjective} ${noun}${state ? ` (${state})` : ''}.`,
      `${the} ${adjective} ${noun} ligt ${place} in ${f.commune}.`,
      `Ontdek ${article === 'het' ? 'dit' : 'deze'} ${adjective} ${noun} ${place}, in ${f.commune}.`,
    ]),
  );
  if (f.type === 'land') {
    sentences.push(`Perceel van ${Math.round(f.landArea ?? 0)} m², ideaal voor uw bouwproject.`);
  } else {
    const layout: string[] = [];
    if (f.livingArea) layout.push(`${Math.round(f.livingArea)} m²${f.type === 'garage' || f.type === 'office' || f.type === 'commercial' ? '' : ' bewoonbare oppervlakte'}`);
    if (f.bedrooms) layout.push(`${f.bedrooms} slaapkamer${f.bedrooms > 1 ? 's' : ''}`);
    if (f.bathrooms) layout.push(`${f.bathrooms} badkamer${f.bathrooms > 1 ? 's' : ''}`);
    if (layout.length) sentences.push(`Het pand biedt ${list(layout, 'en')}.`);
    if (f.landArea && f.type !== 'garage') sentences.push(`Gelegen op een perceel van ${Math.round(f.landArea)} m².`);
  }
  const extras = f.features.map((x) => NL_FEATURE[x]);
  if (extras.length) sentences.push(random.pick([`Troeven: ${list(extras, 'en')}.`, `Extra: ${extras.join(', ')}.`, `U geniet van ${list(extras, 'en')}.`]));
  if (f.yearBuilt) sentences.push(f.condition === 'new' ? `Recente nieuwbouw (${f.yearBuilt}) volgens de nieuwste normen.` : `Bouwjaar ${f.yearBuilt}${state ? `, ${state}` : ''}.`);
  if (f.epcLabel) sentences.push(`EPC: ${f.epcLabel}.`);
  if (f.availableFrom) sentences.push(`Vrij vanaf ${dutchDate(f.availableFrom)}.`);
  else if (f.transaction === 'rent') sentences.push('Onmiddellijk beschikbaar.');
  sentences.push(random.pick(['Bezoek op afspraak.', 'Neem contact op voor een bezoek.', 'Snel bezoeken is de boodschap!']));
  return { title, description: sentences.join(' ') };
}

const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const NL_MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
const frenchDate = (iso: string) => {
  const [y, m, d] = parts(iso);
  return `${d === 1 ? '1er' : d} ${FR_MONTHS[m - 1]} ${y}`;
};
const dutchDate = (iso: string) => {
  const [y, m, d] = parts(iso);
  return `${d} ${NL_MONTHS[m - 1]} ${y}`;
};

/** Street names as they are on Belgian signs. */
export const FR_STREETS = [
  'Rue de la Station', 'Rue de l\'Église', 'Avenue des Tilleuls', 'Rue du Moulin', 'Chaussée de Bruxelles', 'Rue des Écoles',
  'Avenue de la Gare', 'Rue Haute', 'Rue du Centre', 'Place communale', 'Rue des Champs', 'Rue de la Paix', 'Avenue Reine Astrid',
  'Rue Saint-Martin', 'Rue du Château', 'Avenue des Érables', 'Rue de la Fontaine', 'Rue des Prés', 'Rue Albert Ier', 'Rue de Namur',
  'Rue du Bois', 'Avenue de la Libération', 'Rue des Fleurs', 'Rue Pierreuse', 'Rue de la Croix',
];
export const NL_STREETS = [
  'Stationsstraat', 'Kerkstraat', 'Molenstraat', 'Dorpsstraat', 'Schoolstraat', 'Nieuwstraat', 'Kapelstraat', 'Beekstraat',
  'Lindenlaan', 'Kouter', 'Veldstraat', 'Grote Markt', 'Hoogstraat', 'Gentsesteenweg', 'Bosstraat', 'Kasteelstraat',
  'Meersstraat', 'Koning Albertlaan', 'Leopoldlaan', 'Sint-Jansstraat', 'Populierenlaan', 'Akkerstraat', 'Processiestraat', 'Heirbaan', 'Vaartstraat',
];
/** Brussels signs carry both names; the ad uses the one of its language. */
export const BRUSSELS_STREETS: [string, string][] = [
  ['Rue Royale', 'Koningsstraat'], ['Avenue Louise', 'Louizalaan'], ['Chaussée de Waterloo', 'Waterloosesteenweg'],
  ['Rue du Bailli', 'Baljuwstraat'], ['Avenue de Tervueren', 'Tervurenlaan'], ['Rue Haute', 'Hoogstraat'],
  ['Chaussée d\'Ixelles', 'Elsenesteenweg'], ['Rue de la Loi', 'Wetstraat'], ['Avenue Brugmann', 'Brugmannlaan'],
  ['Rue Belliard', 'Belliardstraat'], ['Boulevard Lambermont', 'Lambermontlaan'], ['Rue des Tanneurs', 'Huidevettersstraat'],
  ['Avenue de Fré', 'De Frélaan'], ['Rue Vanderkindere', 'Vanderkinderestraat'], ['Chaussée de Gand', 'Steenweg op Gent'],
  ['Rue Josaphat', 'Josafatstraat'], ['Avenue des Celtes', 'Keltenlaan'], ['Rue de Flandre', 'Vlaamsesteenweg'],
];
