/**
 * The verifier's IndexedDB store without PINs: the verifier keeps the last `access_code` it saw,
 * PIN included, and a PIN must not be at rest. The first poll after a resume brings it back into
 * memory for the panel that shows it.
 */
import type { PendingStore, StoredVerification } from '@seam-codes/core';

function withoutPin(record: StoredVerification): StoredVerification {
  const snapshot = record.state.snapshot;
  if (!snapshot || snapshot.accessCode.code == null) return record;
  return {
    ...record,
    state: {
      ...record.state,
      snapshot: { ...snapshot, accessCode: { ...snapshot.accessCode, code: null } },
    },
  };
}

export function pinlessStore(store: PendingStore): PendingStore {
  return {
    load: () => store.load(),
    save: (changes) =>
      store.save({ ...changes, ...(changes.put ? { put: changes.put.map(withoutPin) } : {}) }),
    ...(store.close ? { close: () => store.close!() } : {}),
    ...(store.coordinationKey !== undefined ? { coordinationKey: store.coordinationKey } : {}),
  };
}
