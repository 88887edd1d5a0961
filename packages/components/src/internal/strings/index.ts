import { primaryLanguage } from '../locale.js';
import { de } from './de.js';
import { en } from './en.js';
import type { Strings } from './types.js';

export type { IssueParams, PhaseText, Strings } from './types.js';
export { en, de };

/** Every complete string table, by primary language subtag. */
const tables: Readonly<Record<string, Strings>> = { en, de };

/** The languages with a complete table. */
export const supportedLanguages: readonly string[] = Object.keys(tables);

/** The table for a BCP 47 tag (`de-AT` gets German); English when there is none. */
export function stringsFor(lang: string): Strings {
  return tables[primaryLanguage(lang)] ?? en;
}
