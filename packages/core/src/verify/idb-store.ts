/**
 * `@seam-codes/core/idb`: a {@link PendingStore} in IndexedDB (through `idb`), so that pending
 * verifications survive a reload, a crashed tab and a restarted extension service worker. A
 * separate entry point, so Node users of core never load `idb`.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { withoutPins } from './pin-free.js';
import type {
  PendingStore,
  StoreChanges,
  StoredVerification,
  StoredVerifierData,
} from './types.js';

/** The database name used when none is given. */
export const DEFAULT_IDB_NAME = 'seam-codes-verifier';

/** The schema version; an upgrade adds what a newer release needs and keeps the records. */
const VERSION = 1;
const VERIFICATIONS = 'verifications';
const META = 'meta';

interface VerifierDatabase extends DBSchema {
  verifications: { key: string; value: StoredVerification };
  meta: { key: string; value: unknown };
}

/** Options of {@link createIdbStore}. */
export interface IdbStoreOptions {
  /**
   * The database name. Pages that serve several Seam workspaces or users on one origin should use
   * one name each (e.g. `seam-codes-verifier:<workspace_id>`), so one never resumes another's codes.
   * Default {@link DEFAULT_IDB_NAME}.
   */
  name?: string;
}

/** A {@link PendingStore} in IndexedDB. */
export interface IdbStore extends PendingStore {
  /** The database name. */
  readonly name: string;
  /** `idb:<name>`: verifiers on one database coordinate (see `VerifierOptions.coordination`). */
  readonly coordinationKey: string;
  /** Closes the connection; the store cannot be used afterwards. */
  close(): Promise<void>;
}

/** Thrown when IndexedDB cannot be used here. */
export class IdbStoreError extends Error {
  override readonly name = 'IdbStoreError' as const;
}

function indexedDbAvailable(): boolean {
  return typeof (globalThis as { indexedDB?: unknown }).indexedDB === 'object';
}

/**
 * A {@link PendingStore} in IndexedDB, opened on first use. Each save is one transaction over the
 * verifications and the sources' cursors, so a crash leaves either all of a save or none of it.
 * The connection gives way when another tab needs to upgrade the database, and is reopened on the
 * next use.
 *
 * @example
 * import { createVerifier } from '@seam-codes/core';
 * import { createIdbStore } from '@seam-codes/core/idb';
 * const verifier = createVerifier({ client, store: createIdbStore() });
 */
export function createIdbStore(options: IdbStoreOptions = {}): IdbStore {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(
      'createIdbStore takes an options object like { name: "seam-codes-verifier" }.',
    );
  }
  const name = options.name ?? DEFAULT_IDB_NAME;
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(
      `createIdbStore: \`name\` must be a non-empty string; got ${JSON.stringify(name)}.`,
    );
  }
  let opening: Promise<IDBPDatabase<VerifierDatabase>> | null = null;
  let closed = false;

  const database = (): Promise<IDBPDatabase<VerifierDatabase>> => {
    if (closed) {
      return Promise.reject(new IdbStoreError(`The store ${name} was closed; create a new one.`));
    }
    if (!indexedDbAvailable()) {
      return Promise.reject(
        new IdbStoreError(
          'IndexedDB is not available here (Node, or a browser mode that blocks storage): use createMemoryStore() instead.',
        ),
      );
    }
    if (opening === null) {
      const forget = (): void => {
        opening = null;
      };
      const attempt = openDB<VerifierDatabase>(name, VERSION, {
        upgrade(db) {
          if (!db.objectStoreNames.contains(VERIFICATIONS)) {
            db.createObjectStore(VERIFICATIONS, { keyPath: 'accessCodeId' });
          }
          if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
        },
        blocking() {
          // Another tab opens a newer version: let it, and reopen on our next use.
          void attempt.then((db) => db.close());
          forget();
        },
        terminated: forget,
      });
      attempt.catch(forget);
      opening = attempt;
    }
    return opening;
  };

  return {
    name,
    coordinationKey: `idb:${name}`,
    async load(): Promise<StoredVerifierData> {
      const db = await database();
      const tx = db.transaction([VERIFICATIONS, META], 'readonly');
      const [verifications, keys, values] = await Promise.all([
        tx.objectStore(VERIFICATIONS).getAll(),
        tx.objectStore(META).getAllKeys(),
        tx.objectStore(META).getAll(),
      ]);
      await tx.done;
      const meta: Record<string, unknown> = {};
      keys.forEach((key, index) => {
        meta[String(key)] = values[index];
      });
      return { verifications, meta };
    },
    async save(changes: StoreChanges): Promise<void> {
      const db = await database();
      const tx = db.transaction([VERIFICATIONS, META], 'readwrite');
      const verifications = tx.objectStore(VERIFICATIONS);
      const meta = tx.objectStore(META);
      const writes: Promise<unknown>[] = [];
      try {
        // No PIN at rest, whoever calls save: IndexedDB outlives the page.
        for (const record of changes.put ?? []) writes.push(verifications.put(withoutPins(record)));
        for (const id of changes.delete ?? []) writes.push(verifications.delete(id));
        for (const [key, value] of Object.entries(changes.meta ?? {})) {
          writes.push(value === undefined ? meta.delete(key) : meta.put(value, key));
        }
      } catch (error) {
        // A value that cannot be cloned throws at once: undo what this save queued before it.
        for (const write of writes) write.catch(() => undefined);
        tx.done.catch(() => undefined);
        tx.abort();
        throw error;
      }
      await Promise.all([...writes, tx.done]);
    },
    async close(): Promise<void> {
      closed = true;
      const current = opening;
      opening = null;
      if (current !== null) (await current.catch(() => null))?.close();
    },
  };
}
