import type { Locale } from '../locale.ts';
import { accountMessages } from './areas/account.ts';
import { conversationsMessages } from './areas/conversations.ts';
import { deskMessages } from './areas/desk.ts';
import { problemsMessages } from './areas/problems.ts';
import { resultsMessages } from './areas/results.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const areas = [accountMessages, conversationsMessages, deskMessages, problemsMessages, resultsMessages] as const;

// Distributes over the areas: keyof a union would keep only shared keys.
type KeysOf<T> = T extends unknown ? keyof T : never;
type AreaKey = KeysOf<(typeof areas)[number]['fr']>;
export type MessageKey = keyof typeof fr | AreaKey;
export type Catalogue = Record<MessageKey, string>;

function merge(locale: Locale, core: Record<keyof typeof fr, string>): Catalogue {
  return Object.assign({}, core, ...areas.map((area) => area[locale])) as Catalogue;
}

export const catalogues: Record<Locale, Catalogue> = {
  fr: merge('fr', fr),
  nl: merge('nl', nl),
  de: merge('de', de),
  en: merge('en', en),
};
