import {
  createVerifier,
  type SeamClient,
  type Verifier,
  type VisibilityAdapter,
} from '@seam-codes/core';

/** Polling pauses while nobody can see the page. */
const documentVisibility: VisibilityAdapter = {
  isHidden: () => document.visibilityState === 'hidden',
  onChange: (callback) => {
    document.addEventListener('visibilitychange', callback);
    return () => document.removeEventListener('visibilitychange', callback);
  },
};

/**
 * A verifier for a client that came without one: batched polling, plus Seam's events list (one
 * request per tick for every code, and the only way to learn that a guest used a code).
 * Its own module: it is fetched when an element first follows a code, not with the form.
 */
export function newVerifier(client: SeamClient): Verifier {
  return createVerifier({
    client,
    sources: { poll: true, events: true },
    visibility: documentVisibility,
  });
}
