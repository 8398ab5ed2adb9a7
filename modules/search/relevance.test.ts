import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchHarness, type SearchHarness } from './fixtures/harness.ts';
import { relevanceCorpus, TARGETS } from './fixtures/relevance-corpus.ts';

// The relevance set: what a buyer types, in French or Dutch, with typos,
// without accents, in the plural, naming communes in the other language,
// and the listing that must come first. The corpus is 37 hand-written
// listings among 300 seeded ordinary ones (fixtures/relevance-corpus.ts).

let h: SearchHarness;
beforeAll(async () => {
  h = await searchHarness();
  await h.load(relevanceCorpus());
}, 120_000);
afterAll(() => h.close());

const L = TARGETS;
type Case = [query: string, first: { id: string }, why: string];

const CASES: Case[] = [
  ['appartement Ixelles', L.ixellesApartment, 'type word + commune; the office mentions "appartements" in passing'],
  ['appartement Elsene', L.ixellesApartment, 'Dutch name of Ixelles'],
  ['appart ixelles', L.ixellesApartment, 'synonym, lower case'],
  ['flat Elsene', L.ixellesApartment, 'Dutch synonym and name'],
  ['apartement Ixels', L.ixellesApartment, 'typo in the type and in the commune'],
  ['1050 appartement', L.ixellesApartment, 'postal code'],
  ['maison Mons', L.monsHouse, 'the apartment mentions a "maison de repos"'],
  ['huis Bergen', L.monsHouse, 'Bergen is Mons'],
  ['woning Bergen', L.monsHouse, 'Dutch synonym'],
  ['maison Liège', L.liegeHouse, 'accent'],
  ['maison liege', L.liegeHouse, 'no accent'],
  ['huis Luik', L.liegeHouse, 'Luik is Liège'],
  ['huizen Luik', L.liegeHouse, 'Dutch plural'],
  ['maisons à vendre Liège', L.liegeHouse, 'French plural, "à vendre" sets the transaction'],
  ['studio à louer Luik', L.liegeStudio, 'rent, Dutch name'],
  ['appartement Anvers', L.antwerpApartment, 'Anvers is Antwerpen'],
  ['appartementen Antwerpen', L.antwerpApartment, 'Dutch plural; the house was "opgedeeld in appartementen"'],
  ['appartements Anvers', L.antwerpApartment, 'French plural'],
  ['studio Gand', L.gentStudio, 'Gand is Gent'],
  ['kot Gent', L.gentStudio, 'kot is a studio'],
  ['studio te huur Gent', L.gentStudio, 'Dutch rent words'],
  ['villa piscine Waterloo', L.waterlooPoolVilla, 'feature word'],
  ['villa met zwembad', L.waterlooPoolVilla, 'Dutch feature word, no commune'],
  ['villas quatre façades Waterloo', L.waterlooVilla, 'plural, description words'],
  ['terrain à bâtir Namur', L.namurLand, 'the house mentions a "terrain"'],
  ['bouwgrond Namen', L.namurLand, 'Namen is Namur'],
  ['grond Namen', L.namurLand, 'Dutch synonym'],
  ['bureau Louvain', L.leuvenOffice, 'Louvain is Leuven'],
  ['kantoor Leuven', L.leuvenOffice, 'Dutch word'],
  ['kantoren Leuven', L.leuvenOffice, 'Dutch plural'],
  ['kot Louvain', L.leuvenStudio, 'kot in Leuven'],
  ['garage Malines', L.mechelenGarage, 'Malines is Mechelen; the house has a garage'],
  ['garagebox Mechelen', L.mechelenGarage, 'Dutch compound'],
  ['box Mechelen', L.mechelenGarage, 'synonym'],
  ['maison de maître Schaerbeek', L.schaerbeekMansion, 'the apartment is in a "maison de maître divisée"'],
  ['herenhuis Schaarbeek', L.schaerbeekMansion, 'Dutch word and name'],
  ['herenhuis Schaerbek', L.schaerbeekMansion, 'typo in the commune'],
  ['penthouse terrasse Uccle', L.ucclePenthouse, 'the house also has a terrace'],
  ['penthouse Ukkel', L.ucclePenthouse, 'Ukkel is Uccle'],
  ['fermette Durbuy', L.durbuyFarm, 'farmhouse'],
  ['hoeve Durbuy', L.durbuyFarm, 'Dutch word'],
  ['loft Charleroy', L.charleroiLoft, 'typo in the commune'],
  ['appartement 2 chambres Etterbeek', L.etterbeekTwoBed, '"2 chambres" means at least two bedrooms: the one-bedroom is out'],
  ['appartement 3 slaapkamers Etterbeek', L.etterbeekThreeBed, 'Dutch bedroom words'],
  ['maison jardin Bruges', L.bruggeGardenHouse, 'garden feature; Bruges is Brugge'],
  ['huis met tuin Brugge', L.bruggeGardenHouse, 'Dutch'],
  ['duplex Woluwe-Saint-Lambert', L.woluweDuplex, 'hyphenated commune'],
  ['duplex Sint-Lambrechts-Woluwe', L.woluweDuplex, 'its Dutch name'],
  ['maison Spa', L.spaHouse, '"Spa" capitalised is the commune'],
  ['kot Louvain-la-Neuve', L.llnKot, 'a locality: its postal code, not Leuven'],
  ['maison Laeken', L.laekenHouse, 'a locality of Brussels'],
  ['maison à rénover Jette', L.jetteRenovate, 'description words'],
  ['huis renoveren Jette', L.jetteRenovate, 'Dutch synonym of rénover'],
];

describe('relevance: the listing that must come first', () => {
  it.each(CASES)('%s', async (q, first) => {
    const result = await h.service.search({ q, limit: 5, facets: false });
    expect(result.items[0]?.id, `top results: ${result.items.map((i) => `${i.id.slice(-4)} ${Object.values(i.title)[0]}`).join(' | ')}`).toBe(first.id);
  });

  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it('says how it understood the words', async () => {
    const result = await h.service.search({ q: 'huis te koop Bergen', facets: false });
    expect(result.interpreted).toMatchObject({ transaction: 'sale', communes: [{ nis: '53053', matched: 'bergen', fuzzy: false }], types: expect.arrayContaining(['house']) });
    const typo = await h.service.search({ q: 'Anderlect', facets: false });
    expect(typo.interpreted.communes).toMatchObject([{ nis: '21001', fuzzy: true }]);
    // a word that listings contain stays a word, even when it looks like a commune
    const word = await h.service.search({ q: 'lumineux', facets: false });
    expect(word.interpreted.communes).toEqual([]);
  });

  it('ranks every apartment in Etterbeek for "appartement 2 chambres Etterbeek" but not the one-bedroom', async () => {
    const ids = (await h.service.search({ q: 'appartement 2 chambres Etterbeek', facets: false })).items.map((i) => i.id);
    expect(ids.sort()).toEqual([L.etterbeekTwoBed.id, L.etterbeekThreeBed.id].sort());
  });
});
