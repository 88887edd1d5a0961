/**
 * Persistence: what the verifier keeps in its `PendingStore` so that a reload, or another page of
 * the same store, carries on where it stopped. It owns the write queue (changed codes, forgotten
 * codes and meta such as the events cursor and the relay positions, written at most once per
 * task; a code whose state changed only in its history at most every 30 s) and resuming: stored
 * verifications come back under the observations made while the store was loading.
 */
import { parseCodeState } from '../lifecycle/transition.js';
import type { CodeState, DerivedPhase, Observation } from '../lifecycle/types.js';
import { UUID } from './checks.js';
import { Entry, markDirty } from './entry.js';
import { readCursor, type EventsCursor } from './events-cursor.js';
import { withoutPins } from './pin-free.js';
import type {
  PendingStore,
  StoredVerification,
  StoredVerifierData,
  VerifierClock,
  VerifierErrorSource,
} from './types.js';

/** Store meta keys. */
const EVENTS_CURSOR_KEY = 'events.cursor';
const PUSH_LAST_EVENT_ID_PREFIX = 'push.lastEventId:';
/** A code whose state changed only in its history is written at most this often. */
const PERSIST_INTERVAL_MS = 30_000;

/** What persistence needs from the verifier. */
export interface PersistenceHost {
  readonly store: PendingStore;
  readonly clock: VerifierClock;
  /** The followed codes (resuming adds to them). */
  readonly entries: Map<string, Entry>;
  /** Whether the store was loaded: nothing is written before (it would overwrite what is stored). */
  isReady(): boolean;
  /** Runs an observation through the machine (see the verifier's `apply`). */
  apply(entry: Entry, observation: Observation): void;
  /** Tells subscribers of a resumed code. */
  publish(entry: Entry, previousPhase: DerivedPhase | null): void;
  /** A store failure, or a stored record that cannot be resumed (as 'store'). */
  report(error: unknown, source: VerifierErrorSource): void;
  /** Keeps a promise in `verifier.idle()`. */
  track(promise: Promise<void>): Promise<void>;
}

/** Where the sources stood, from the store's meta. */
export interface StoredPositions {
  readonly eventsCursor: EventsCursor | null;
  /** The relay's last event id per relay URL. */
  readonly lastEventIds: ReadonlyMap<string, string>;
}

export function readPositions(meta: Readonly<Record<string, unknown>>): StoredPositions {
  const lastEventIds = new Map<string, string>();
  for (const [key, value] of Object.entries(meta)) {
    if (key.startsWith(PUSH_LAST_EVENT_ID_PREFIX) && typeof value === 'string') {
      lastEventIds.set(key.slice(PUSH_LAST_EVENT_ID_PREFIX.length), value);
    }
  }
  return { eventsCursor: readCursor(meta[EVENTS_CURSOR_KEY]), lastEventIds };
}

export class Persistence {
  readonly #host: PersistenceHost;
  readonly #pendingDeletes = new Set<string>();
  readonly #pendingMeta = new Map<string, unknown>();
  #flushQueued = false;
  #flushing: Promise<void> | null = null;

  constructor(host: PersistenceHost) {
    this.#host = host;
  }

  /** The code is no longer followed here: delete its record (unless followed again before). */
  forget(accessCodeId: string): void {
    this.#pendingDeletes.add(accessCodeId);
  }

  /** The code is followed (again): keep its record. */
  keep(accessCodeId: string): void {
    this.#pendingDeletes.delete(accessCodeId);
  }

  saveCursor(cursor: EventsCursor): void {
    this.#setMeta(EVENTS_CURSOR_KEY, cursor);
  }

  saveLastId(relayUrl: string, lastEventId: string): void {
    this.#setMeta(`${PUSH_LAST_EVENT_ID_PREFIX}${relayUrl}`, lastEventId);
  }

  #setMeta(key: string, value: unknown): void {
    this.#pendingMeta.set(key, value);
    this.queue();
  }

  /** Reads the store; a failure is reported and reads as an empty store. */
  async read(): Promise<StoredVerifierData> {
    try {
      return await this.#host.store.load();
    } catch (error) {
      this.#host.report(error, 'store');
      return { verifications: [], meta: {} };
    }
  }

  /** Resumes what was stored, under what was observed meanwhile (synchronously). */
  resume(records: readonly StoredVerification[]): void {
    for (const record of records) this.#resume(record);
    for (const entry of this.#host.entries.values()) {
      if (entry.preReady !== null && entry.preReady.length === 0 && entry.state.asOf === null) {
        // Watched by id before loading, with nothing stored: fetch it.
        entry.refetch = true;
      }
      entry.preReady = null;
    }
  }

  #resume(record: StoredVerification): void {
    const id = record?.accessCodeId;
    let state: CodeState;
    try {
      if (typeof id !== 'string' || !UUID.test(id)) {
        throw new Error(`a stored verification has no valid accessCodeId (${JSON.stringify(id)})`);
      }
      state = parseCodeState(record.state);
      if (state.accessCodeId !== id) {
        throw new Error(`the stored state of ${id} belongs to ${String(state.accessCodeId)}`);
      }
    } catch (error) {
      this.#host.report(
        new Error(
          `Dropped a stored verification that cannot be resumed: ${error instanceof Error ? error.message : String(error)}`,
        ),
        'store',
      );
      if (typeof id === 'string') this.#pendingDeletes.add(id);
      return;
    }
    if (state.terminal) {
      this.#pendingDeletes.add(id);
      return;
    }
    const entries = this.#host.entries;
    let entry = entries.get(id);
    const replay = entry?.preReady ?? [];
    if (entry === undefined) {
      entry = new Entry(id, record.watchedAt, false);
      entries.set(id, entry);
    }
    entry.state = withoutPins(state);
    entry.savedAt = record.savedAt;
    // A record written before PINs were withheld is rewritten without its PIN.
    if (entry.state !== state) markDirty(entry, true);
    // What was observed while loading is applied on top of what was stored.
    entry.preReady = null;
    for (const observation of replay) this.#host.apply(entry, observation);
    // The stored snapshot may be old: one batch brings every resumed code up to date.
    entry.refetch = true;
    entry.lastLookAt = state.snapshot === null ? null : Date.parse(state.snapshot.observedAt);
    this.#host.publish(entry, null);
  }

  /** Writes what changed after the current task (changes made in one go share one write). */
  queue(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(() => {
      this.#flushQueued = false;
      void this.#host.track(this.flush());
    });
  }

  async flush(): Promise<void> {
    while (this.#flushing !== null) await this.#flushing;
    const host = this.#host;
    if (!host.isReady()) return;
    const now = host.clock.now();
    const put: StoredVerification[] = [];
    const written: Entry[] = [];
    for (const entry of host.entries.values()) {
      if (!entry.dirty) continue;
      if (entry.stopped && entry.holds.length === 0) continue;
      if (!entry.important && now - entry.savedAt < PERSIST_INTERVAL_MS) continue;
      if (entry.state.terminal) {
        // A finished verification has nothing to resume.
        this.#pendingDeletes.add(entry.id);
        entry.dirty = false;
        entry.important = false;
        continue;
      }
      put.push({
        accessCodeId: entry.id,
        // No PIN at rest: the store outlives the page (see pin-free.ts).
        state: withoutPins(entry.state),
        watchedAt: entry.watchedAt,
        savedAt: now,
      });
      written.push(entry);
    }
    const deletes = [...this.#pendingDeletes].filter(
      (id) => !host.entries.has(id) || host.entries.get(id)?.state.terminal,
    );
    const meta = Object.fromEntries(this.#pendingMeta);
    if (put.length === 0 && deletes.length === 0 && this.#pendingMeta.size === 0) return;
    for (const entry of written) {
      entry.dirty = false;
      entry.important = false;
      entry.savedAt = now;
    }
    for (const id of deletes) this.#pendingDeletes.delete(id);
    this.#pendingMeta.clear();
    const saving = (async () => {
      try {
        await host.store.save({ put, delete: deletes, meta });
      } catch (error) {
        host.report(error, 'store');
        // Try again with the next change.
        for (const entry of written) markDirty(entry, true);
        for (const id of deletes) this.#pendingDeletes.add(id);
        for (const [key, value] of Object.entries(meta)) {
          if (!this.#pendingMeta.has(key)) this.#pendingMeta.set(key, value);
        }
      }
    })();
    this.#flushing = saving;
    try {
      await saving;
    } finally {
      this.#flushing = null;
    }
  }
}
