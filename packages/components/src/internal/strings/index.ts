import type { GuidanceRef } from '@seam-codes/core';
import { primaryLanguage } from '../locale.js';
import type * as GuidanceChunk from './guidance-chunk.js';
import { en } from './en.js';
import type { Strings } from './types.js';

export type { IssueParams, PhaseText, Strings } from './types.js';
export { en };

/**
 * Every language with a complete table, and how to load it. English is in the main path; any
 * other table is its own module, fetched the first time an element renders in that language.
 */
const loaders: Readonly<Record<string, () => Promise<Strings>>> = {
  en: () => Promise.resolve(en),
  // A language's guidance needs the guidance codes: they come with its table.
  de: () => Promise.all([import('./de.js'), loadGuidance()]).then(([module]) => module.de),
};

/** The tables that have arrived, by primary language subtag. */
const loaded = new Map<string, Strings>([['en', en]]);
const loading = new Map<string, Promise<Strings>>();

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
  let pending = loading.get(language);
  if (pending === undefined) {
    pending = load().then(
      (table) => {
        loaded.set(language, table);
        return table;
      },
      (error: unknown) => {
        // A failed fetch may succeed later (the network came back): forget it, so the next
        // render tries again; meanwhile the element renders in English.
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/** Core's English guidance texts and the guidance codes, once fetched. */
let guidance: typeof GuidanceChunk | undefined;
let guidanceLoad: Promise<void> | undefined;

/** Whether the guidance codes and core's English guidance texts are there. */
export function hasGuidance(): boolean {
  return guidance !== undefined;
}

/**
 * Fetches the guidance codes and core's English guidance texts (once), the first time an
 * element shows guidance or renders in a language other than English: a page whose codes go
 * well never downloads them.
 */
export function loadGuidance(): Promise<void> {
  guidanceLoad ??= import('./guidance-chunk.js').then(
    (chunk) => {
      guidance = chunk;
    },
    (error: unknown) => {
      // Offline for a moment: the next issue shown tries again.
      guidanceLoad = undefined;
      throw error;
    },
  );
  return guidanceLoad;
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
