/**
 * Checks of what callers pass to the verifier (`createVerifier` options, `watch` arguments): a
 * clear error that says what is wrong and how to fix it.
 */
import { SeamInvalidArgumentError } from '../client/errors.js';
import type { PendingStore, VerifierClock, VisibilityAdapter } from './types.js';

/** An access code id. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws the error a caller gets for a bad argument. */
export function fail(message: string): never {
  throw new SeamInvalidArgumentError(message);
}

/** The id of what `watch` was given: an id or an access code object. */
export function accessCodeIdOf(accessCode: unknown): string {
  if (typeof accessCode === 'string') {
    if (!UUID.test(accessCode)) {
      fail(
        `verifier.watch needs an access code id (a UUID such as "7d1f0b2e-…") or an access_code object; got ${JSON.stringify(accessCode)}.`,
      );
    }
    return accessCode;
  }
  const id = (accessCode as { access_code_id?: unknown } | null)?.access_code_id;
  if (
    accessCode === null ||
    typeof accessCode !== 'object' ||
    typeof id !== 'string' ||
    !UUID.test(id)
  ) {
    fail(
      'verifier.watch needs an access code id or an `access_code` object as Seam returned it (with its `access_code_id`).',
    );
  }
  return id;
}

export function checkStore(store: unknown): PendingStore | null {
  if (store === undefined) return null;
  const candidate = store as Partial<PendingStore> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    typeof candidate.load !== 'function' ||
    typeof candidate.save !== 'function'
  ) {
    fail(
      'createVerifier: `store` must be a PendingStore ({ load, save }), e.g. createMemoryStore() or createIdbStore().',
    );
  }
  return candidate as PendingStore;
}

export function checkClock(clock: unknown): VerifierClock | null {
  if (clock === undefined) return null;
  const candidate = clock as Partial<VerifierClock> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    typeof candidate.now !== 'function' ||
    typeof candidate.setTimeout !== 'function' ||
    typeof candidate.clearTimeout !== 'function'
  ) {
    fail(
      'createVerifier: `clock` must have now(), setTimeout(callback, ms) and clearTimeout(handle).',
    );
  }
  return candidate as VerifierClock;
}

export function checkVisibility(visibility: unknown): VisibilityAdapter | null {
  if (visibility === undefined) return null;
  const candidate = visibility as Partial<VisibilityAdapter> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    typeof candidate.isHidden !== 'function' ||
    typeof candidate.onChange !== 'function'
  ) {
    fail(
      'createVerifier: `visibility` must have isHidden() and onChange(callback) (see VisibilityAdapter).',
    );
  }
  return candidate as VisibilityAdapter;
}
