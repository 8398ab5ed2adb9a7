import type { Feature, PropertyType, Transaction } from '@immo/listings';

// The words buyers use, in French and Dutch (with a little English), and what
// they mean to the index. Used twice: the words of a listing's type and
// features are written into its document, and a query's words are expanded
// to their synonyms before the tsquery is built (query expansion, in
// TypeScript, so the list is reviewed code and not a server dictionary file).

/** Words written into every listing's document for its type. */
export const TYPE_WORDS: Record<PropertyType, string[]> = {
  house: ['maison', 'huis', 'woning'],
  apartment: ['appartement', 'flat'],
  studio: ['studio', 'kot'],
  villa: ['villa'],
  land: ['terrain', 'grond', 'bouwgrond'],
  office: ['bureau', 'kantoor'],
  commercial: ['commerce', 'handelspand', 'winkel'],
  garage: ['garage', 'box'],
  penthouse: ['penthouse', 'appartement'],
  duplex: ['duplex', 'appartement'],
  loft: ['loft', 'appartement'],
  farmhouse: ['ferme', 'fermette', 'hoeve', 'boerderij', 'maison', 'huis'],
  mansion: ['maitre', 'herenhuis', 'maison', 'huis'],
  building: ['immeuble', 'gebouw', 'opbrengsteigendom'],
};

/** Words written into the document for each feature a listing has. */
export const FEATURE_WORDS: Record<Feature, string[]> = {
  garden: ['jardin', 'tuin'],
  terrace: ['terrasse', 'terras'],
  parking: ['parking', 'parkeerplaats'],
  garage: ['garage'],
  lift: ['ascenseur', 'lift'],
  cellar: ['cave', 'kelder'],
  furnished: ['meuble', 'gemeubeld'],
  pool: ['piscine', 'zwembad'],
  balcony: ['balcon', 'balkon'],
  fireplace: ['cheminee', 'haard'],
  solar_panels: ['solaires', 'zonnepanelen'],
  heat_pump: ['pompe', 'warmtepomp'],
  accessible: ['pmr', 'rolstoeltoegankelijk'],
  pets_allowed: ['animaux', 'huisdieren'],
  attic: ['grenier', 'zolder'],
  air_conditioning: ['climatisation', 'airco'],
};

/**
 * Synonym groups: a query word found in a group is searched as any word of
 * the group. Typos that people really type are listed with their group.
 * `types` marks the property types the group names: results of those types
 * rank higher (a boost, not a filter: "maison de maître divisée en
 * appartements" still matches "appartement").
 */
export const SYNONYM_GROUPS: { words: string[]; types?: PropertyType[] }[] = [
  { words: ['appartement', 'appartements', 'appart', 'apparts', 'flat', 'flats', 'appartment', 'apartment', 'apartement', 'appartementen', 'appartemment', 'apt'], types: ['apartment', 'penthouse', 'duplex', 'loft'] },
  { words: ['maison', 'maisons', 'huis', 'huizen', 'woning', 'woningen', 'house', 'mainson', 'maisson', 'woonhuis'], types: ['house', 'villa', 'farmhouse', 'mansion'] },
  { words: ['studio', 'studios', 'kot', 'kots', 'studentenkamer'], types: ['studio'] },
  { words: ['villa', 'villas', "villa's"], types: ['villa'] },
  { words: ['garage', 'garages', 'box', 'boxes', 'garagebox', 'autobox', 'staanplaats'], types: ['garage'] },
  { words: ['terrain', 'terrains', 'grond', 'gronden', 'bouwgrond', 'bouwgronden', 'perceel', 'terrein'], types: ['land'] },
  { words: ['bureau', 'bureaux', 'kantoor', 'kantoren', 'office'], types: ['office'] },
  { words: ['commerce', 'commerces', 'handelspand', 'winkel', 'winkels', 'magasin'], types: ['commercial'] },
  { words: ['penthouse', 'penthouses', 'dakappartement'], types: ['penthouse'] },
  { words: ['duplex', 'triplex'], types: ['duplex'] },
  { words: ['loft', 'lofts'], types: ['loft'] },
  { words: ['ferme', 'fermette', 'fermettes', 'hoeve', 'hoeves', 'boerderij', 'boerderijen'], types: ['farmhouse'] },
  { words: ['maitre', 'herenhuis', 'herenhuizen', 'herenwoning'], types: ['mansion'] },
  { words: ['immeuble', 'immeubles', 'gebouw', 'gebouwen', 'opbrengsteigendom'], types: ['building'] },
  { words: ['jardin', 'jardins', 'tuin', 'tuinen', 'garden'] },
  { words: ['terrasse', 'terrasses', 'terras', 'terrassen'] },
  { words: ['piscine', 'zwembad'] },
  { words: ['balcon', 'balkon'] },
  { words: ['ascenseur', 'lift'] },
  { words: ['cave', 'kelder'] },
  { words: ['meuble', 'meubles', 'gemeubeld', 'furnished'] },
  { words: ['renover', 'renoveren', 'renovatie', 'renovation'] },
];

/** Words that set the transaction instead of being searched as text. */
export const TRANSACTION_WORDS: Record<string, Transaction> = {
  vendre: 'sale', vente: 'sale', achat: 'sale', acheter: 'sale', koop: 'sale', kopen: 'sale', verkoop: 'sale', sale: 'sale', buy: 'sale',
  louer: 'rent', location: 'rent', loyer: 'rent', huur: 'rent', huren: 'rent', verhuur: 'rent', rent: 'rent',
};

/** "3 chambres", "2 slaapkamers": a minimum number of bedrooms. */
export const BEDROOM_WORDS = new Set(['ch', 'chambre', 'chambres', 'ch.', 'slaapkamer', 'slaapkamers', 'slpk', 'kamers', 'bedroom', 'bedrooms']);

/**
 * Commune names that are also everyday words ("ans" = years, "boom" = tree,
 * "spa", "mol" = mole, "geel" = yellow): they become a commune filter only
 * when written with a capital letter.
 */
export const AMBIGUOUS_COMMUNE_WORDS = new Set(['ans', 'as', 'boom', 'ham', 'hal', 'peer', 'lint', 'spa', 'wellen', 'dour', 'lens', 'geel', 'mol', 'lier', 'hove', 'zele', 'bree', 'putte', 'ranst', 'aalter', 'merksplas', 'essen', 'hamme', 'heers', 'tellin', 'vaux', 'fleurus']);

/** Region words: the capital means the region of 19 communes, not the City of Brussels alone. */
export const REGION_WORDS: Record<string, 'brussels' | 'flanders' | 'wallonia'> = {
  bruxelles: 'brussels', brussel: 'brussels', brussels: 'brussels', brux: 'brussels',
  flandre: 'flanders', flandres: 'flanders', vlaanderen: 'flanders',
  wallonie: 'wallonia', wallonia: 'wallonia', wallonië: 'wallonia',
};

const synonymIndex = new Map<string, { words: string[]; types: PropertyType[] }>();
for (const group of SYNONYM_GROUPS) {
  for (const word of group.words) synonymIndex.set(word, { words: group.words, types: group.types ?? [] });
}

export function synonymsOf(word: string): { words: string[]; types: PropertyType[] } | undefined {
  return synonymIndex.get(word);
}

/** Every word of the vocabulary, for typo correction of query words. */
export const VOCABULARY: readonly string[] = [...synonymIndex.keys()];
