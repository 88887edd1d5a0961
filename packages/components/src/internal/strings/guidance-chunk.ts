import { GUIDANCE_TEXTS } from '@seam-codes/core';

// Which text each Seam code gets: needed only where guidance is shown, so it comes in this chunk.
export { GUIDANCE_REFS } from '@seam-codes/core';

/**
 * Core's English guidance, `[title, explanation]` by text key: a module of its own, fetched the
 * first time an element shows an issue or an error that has guidance (see `loadGuidance`).
 */
export const enGuidance: Readonly<Record<string, readonly [title: string, explanation: string]>> =
  Object.freeze(
    Object.fromEntries(
      Object.entries(GUIDANCE_TEXTS).map(([textKey, [title, explanation]]) => [
        textKey,
        [title, explanation] as const,
      ]),
    ),
  );
