import type { Locale } from '../locale.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';
import { nl } from './nl.ts';

export type { MessageKey };
export type Catalogue = Record<MessageKey, string>;

export const catalogues: Record<Locale, Catalogue> = { fr, nl, de, en };
