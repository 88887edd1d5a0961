import type {
  PendingStore,
  StoreChanges,
  StoredVerification,
  StoredVerifierData,
} from './types.js';

/** A {@link PendingStore} in memory, with a peek at what it holds (for tests and debugging). */
export interface MemoryStore extends PendingStore {
  /** Copies of the stored verifications, by code id. */
  verifications(): StoredVerification[];
  /** A copy of the stored meta keys. */
  meta(): Record<string, unknown>;
  /** How many `save` calls it took. */
  readonly saves: number;
}

/**
 * A {@link PendingStore} that keeps verifications in memory: they survive a verifier being
 * disposed and another created with the same store (a component tree rebuilt, a hot reload), not
 * a page reload. Values are copied in and out with `structuredClone`, as IndexedDB does, so what
 * works here works there.
 */
export function createMemoryStore(initial?: StoredVerifierData): MemoryStore {
  const verifications = new Map<string, StoredVerification>();
  const meta = new Map<string, unknown>();
  let saves = 0;
  if (initial !== undefined) {
    for (const record of initial.verifications) {
      verifications.set(record.accessCodeId, structuredClone(record));
    }
    for (const [key, value] of Object.entries(initial.meta)) meta.set(key, structuredClone(value));
  }
  return {
    load() {
      return Promise.resolve({
        verifications: [...verifications.values()].map((record) => structuredClone(record)),
        meta: structuredClone(Object.fromEntries(meta)),
      });
    },
    save(changes: StoreChanges) {
      saves += 1;
      // Clone everything first so that a value that cannot be cloned changes nothing.
      const puts = (changes.put ?? []).map((record) => structuredClone(record));
      const metaEntries = Object.entries(changes.meta ?? {}).map(
        ([key, value]) => [key, value === undefined ? undefined : structuredClone(value)] as const,
      );
      for (const record of puts) verifications.set(record.accessCodeId, record);
      for (const id of changes.delete ?? []) verifications.delete(id);
      for (const [key, value] of metaEntries) {
        if (value === undefined) meta.delete(key);
        else meta.set(key, value);
      }
      return Promise.resolve();
    },
    verifications: () => [...verifications.values()].map((record) => structuredClone(record)),
    meta: () => structuredClone(Object.fromEntries(meta)),
    get saves() {
      return saves;
    },
  };
}
