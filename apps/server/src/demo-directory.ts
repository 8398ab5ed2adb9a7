import type { DemoAccount } from '@immo/auth';
import { demoPeople, SeededRandom } from '@immo/listings';
import type { DemoAgency } from '@immo/users';

/** The one password of every demo account (quick start only: never seeded in production). */
export const DEMO_PASSWORD = 'Immo-demo-2026';

const FIRST_FR = ['Camille', 'Julien', 'Sophie', 'Thomas', 'Manon', 'Nicolas', 'Élise', 'Maxime', 'Amélie', 'Antoine', 'Chloé', 'François'];
const LAST_FR = ['Dubois', 'Lambert', 'Dupont', 'Martin', 'Simon', 'Laurent', 'Lemaire', 'Renard', 'Lefèvre', 'Collard', 'Hermans', 'Wauters'];
const FIRST_NL = ['Lotte', 'Pieter', 'Sien', 'Jens', 'Fien', 'Wout', 'Marie', 'Bram', 'Hanne', 'Arne', 'Nele', 'Stijn'];
const LAST_NL = ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Van Damme', 'Vermeulen'];
const OFFICES = [
  { name: 'Immo Sablon', street: 'Rue de Rollebeek 12', postalCode: '1000', city: 'Bruxelles', locale: 'fr' },
  { name: 'Vastgoed Schelde', street: 'Kammenstraat 40', postalCode: '2000', city: 'Antwerpen', locale: 'nl' },
  { name: 'Immobilière Meuse', street: 'Quai de Rome 25', postalCode: '4000', city: 'Liège', locale: 'fr' },
  { name: 'Gentse Woonmakelaars', street: 'Veldstraat 55', postalCode: '9000', city: 'Gent', locale: 'nl' },
  { name: 'Namur Habitat', street: 'Rue de Fer 30', postalCode: '5000', city: 'Namur', locale: 'fr' },
  { name: 'Brugse Vastgoedgroep', street: 'Steenstraat 18', postalCode: '8000', city: 'Brugge', locale: 'nl' },
  { name: 'Hainaut Immo', street: 'Grand-Rue 44', postalCode: '7000', city: 'Mons', locale: 'fr' },
  { name: 'Leuven Living', street: 'Bondgenotenlaan 90', postalCode: '3000', city: 'Leuven', locale: 'nl' },
  { name: 'Ardenne Immobilier', street: 'Place Léopold 3', postalCode: '6700', city: 'Arlon', locale: 'fr' },
  { name: 'Kempen Makelaardij', street: 'Grote Markt 7', postalCode: '2300', city: 'Turnhout', locale: 'nl' },
  { name: 'Ixelles Résidences', street: 'Chaussée d’Ixelles 120', postalCode: '1050', city: 'Ixelles', locale: 'fr' },
  { name: 'Limburg Wonen', street: 'Koning Albertstraat 21', postalCode: '3500', city: 'Hasselt', locale: 'nl' },
] as const;

export interface DemoDirectory {
  accounts: DemoAccount[];
  agencies: DemoAgency[];
}

/**
 * Names, addresses and sign-in e-mails for the demo advertisers whose ids the
 * listings seed uses (`demoPeople`), so the quick start's listings belong to
 * people one can sign in as: `owner1@demo.immo.be`, `agent1.immo-sablon@demo.immo.be`...
 */
export function demoDirectory(seed: number | string): DemoDirectory {
  const people = demoPeople(seed);
  const random = new SeededRandom(`${seed}:directory`);
  const accounts: DemoAccount[] = [];
  const phone = () => `+3247${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
  const name = (locale: 'fr' | 'nl') => `${random.pick(locale === 'fr' ? FIRST_FR : FIRST_NL)} ${random.pick(locale === 'fr' ? LAST_FR : LAST_NL)}`;

  people.owners.forEach((id, i) => {
    const locale = i % 2 === 0 ? 'fr' : 'nl';
    accounts.push({ id, email: `owner${i + 1}@demo.immo.be`, displayName: name(locale), role: 'individual', locale, phone: phone() });
  });

  const agencies = people.agencies.map(({ agencyId, agents }, i): DemoAgency => {
    const office = OFFICES[i % OFFICES.length]!;
    const slug = office.name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-');
    agents.forEach((userId, k) => {
      accounts.push({ id: userId, email: `agent${k + 1}.${slug}@demo.immo.be`, displayName: name(office.locale), role: 'agency', locale: office.locale, phone: phone() });
    });
    return {
      id: agencyId,
      legalName: office.name,
      vatNumber: vatNumber(random.int(0, 9_999_999)),
      ipiNumber: `${random.int(100, 599)}.${String(random.int(0, 999)).padStart(3, '0')}`,
      address: { street: office.street, postalCode: office.postalCode, city: office.city },
      members: agents.map((userId, k) => ({ userId, role: k === 0 ? 'owner' : 'agent' })),
    };
  });
  return { accounts, agencies };
}

/** A valid Belgian VAT number: 0 + 7 digits + mod-97 check digits. */
function vatNumber(digits: number): string {
  const base = `0${String(digits).padStart(7, '0')}`;
  return `BE${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
}
