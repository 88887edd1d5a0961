import type { GuidanceRef } from '@seam-codes/core';
import { loadOnce } from '../load-once.js';
import { primaryLanguage } from '../locale.js';
import type * as GuidanceChunk from './guidance-chunk.js';
import { en } from './en.js';
import type { Strings } from './types.js';

export type { IssueParams, PhaseText, Strings } from './types.js';
export { en };

/** The tables that have arrived, by primary language subtag. */
const loaded = new Map<string, Strings>([['en', en]]);

/**
 * Every language with a complete table, and how to load it (once; a failed fetch is tried again
 * on the next render, meanwhile the element renders in English). English is in the main path;
 * any other table is its own module, fetched the first time an element renders in that language.
 */
const loaders: Readonly<Record<string, () => Promise<Strings>>> = {
  en: () => Promise.resolve(en),
  // A language's guidance needs the guidance codes: they come with its table.
  de: loadOnce(async () => {
    const [{ de }] = await Promise.all([import('./de.js'), loadGuidance()]);
    loaded.set('de', de);
    return de;
  }),
};

/** The languages with a complete table. */
export const supportedLanguages: readonly string[] = Object.keys(loaders);

/**
 * The table for a BCP 47 tag (`de-AT` gets German), if it has arrived; English when the language
 * has no table or its table is still loading (see {@link loadStrings}).
 */
export function stringsFor(lang: string): Strings {
  return loaded.get(primaryLanguage(lang)) ?? en;
}

/**
 * The table for a BCP 47 tag once it has arrived, or `undefined` when it is still needed: then
 * `loadStrings` fetches it. English, and languages without a table (which get English), are
 * always ready.
 */
export function readyStrings(lang: string): Strings | undefined {
  const language = primaryLanguage(lang);
  return loaders[language] === undefined ? en : loaded.get(language);
}

/** Loads the table for a BCP 47 tag (once); English for a language without a table. */
export function loadStrings(lang: string): Promise<Strings> {
  const language = primaryLanguage(lang);
  const load = loaders[language];
  if (load === undefined) return Promise.resolve(en);
  return load();
}

/** Core's English guidance texts and the guidance codes, once fetched. */
let guidance: typeof GuidanceChunk | undefined;

/**
 * Fetches the guidance codes and core's English guidance texts (once), the first time an
 * element shows guidance or renders in a language other than English: a page whose codes go
 * well never downloads them.
 */
export const loadGuidance: () => Promise<void> = loadOnce(async () => {
  guidance = await import('./guidance-chunk.js');
});

/** Whether the guidance codes and core's English guidance texts are there. */
export function hasGuidance(): boolean {
  return guidance !== undefined;
}

/** The guidance of a code by guidance key (`request.error.device_not_found`), once fetched. */
export function guidanceRef(key: string): GuidanceRef | undefined {
  return guidance?.GUIDANCE_REFS[key];
}

/**
 * The `[title, explanation]` of a guidance text: the table's own, else core's English once
 * fetched, else undefined (the caller shows Seam's message meanwhile).
 */
export function guidanceText(
  t: Strings,
  textKey: string,
): readonly [title: string, explanation: string] | undefined {
  return t.guidance[textKey] ?? guidance?.enGuidance[textKey];
}
