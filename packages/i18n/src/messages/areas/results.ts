import { defineArea } from '../area.ts';

// Messages of the web app's results pages; keys start with 'results.'.
export const resultsMessages = defineArea(
  {
    'results.advertiser.heading': 'Annonceur',
    'results.advertiser.private': 'Particulier',
    'results.advertiser.agency': 'Agence immobilière',
    'results.advertiser.logo': 'Logo de {name}',
    'results.similar.heading': 'Biens similaires',
    'results.firstPage': 'Premiers résultats',
  },
  {
    nl: {
      'results.advertiser.heading': 'Adverteerder',
      'results.advertiser.private': 'Particulier',
      'results.advertiser.agency': 'Vastgoedkantoor',
      'results.advertiser.logo': 'Logo van {name}',
      'results.similar.heading': 'Vergelijkbare panden',
      'results.firstPage': 'Eerste resultaten',
    },
    de: {
      'results.advertiser.heading': 'Anbieter',
      'results.advertiser.private': 'Privatperson',
      'results.advertiser.agency': 'Immobilienbüro',
      'results.advertiser.logo': 'Logo von {name}',
      'results.similar.heading': 'Ähnliche Immobilien',
      'results.firstPage': 'Erste Ergebnisse',
    },
    en: {
      'results.advertiser.heading': 'Advertiser',
      'results.advertiser.private': 'Private seller',
      'results.advertiser.agency': 'Estate agency',
      'results.advertiser.logo': '{name} logo',
      'results.similar.heading': 'Similar properties',
      'results.firstPage': 'First results',
    },
  },
);
