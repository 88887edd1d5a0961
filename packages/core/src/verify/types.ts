import type { AccessCode } from '@seamapi/types/connect';
import type { AccessCodesUpdateParams } from '../client/resources.js';
import type { FetchLike } from '../client/transport.js';
import type { SeamClient } from '../client/seam-client.js';
import type { CodeState, DerivedPhase, Observation } from '../lifecycle/types.js';

/**
 * Time for the verifier: the current time and one-shot timers. The default is the real clock
 * (`Date.now`, `setTimeout`); tests and demos pass {@link createManualClock} so that a virtual
 * clock (the sandbox's) drives every poll, backoff and reconnect without real waiting.
 */
export interface VerifierClock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `callback` once after `ms` milliseconds; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a timer made by `setTimeout` (a handle already fired or cleared is ignored). */
  clearTimeout(handle: unknown): void;
}

/**
 * Whether the page is visible. Core has no DOM, so the page supplies this, usually from
 * `document`:
 *
 * @example
 * const visibility = {
 *   isHidden: () => document.visibilityState === 'hidden',
 *   onChange: (callback) => {
 *     document.addEventListener('visibilitychange', callback);
 *     return () => document.removeEventListener('visibilitychange', callback);
 *   },
 * };
 */
export interface VisibilityAdapter {
  /** True while nobody can see the page: polling pauses then. */
  isHidden(): boolean;
  /** Calls `callback` whenever visibility may have changed; returns a function that stops it. */
  onChange(callback: () => void): () => void;
}

/** Tuning of the poll source. Every field has a default suited to Seam's API. */
export interface PollSourceOptions {
  /** The first interval after a change, while a code is on its way (`programming`...). Default 2 000 ms. */
  fastIntervalMs?: number;
  /** The interval grows by this factor after each poll that showed nothing new. Default 1.5. */
  backoffFactor?: number;
  /** The longest interval while a code is on its way (submitting, programming, delayed, removing). Default 30 000 ms. */
  slowIntervalMs?: number;
  /** The longest interval for codes stuck where Seam keeps retrying (`failed`, `unknown`, `removing_failed`). Default 120 000 ms. */
  stuckIntervalMs?: number;
  /**
   * A quiet code (`pending`, `scheduled`, `active`) sleeps until its next due moment (72 h and
   * 60 min before `starts_at`, `starts_at`, `ends_at`); one with no due moment ahead (an active
   * ongoing code) is looked at this often. Default 30 minutes; `Infinity` never.
   */
  quietIntervalMs?: number;
  /** How long after a due moment a quiet code is polled fast, waiting for Seam to act. Default 15 minutes. */
  dueWindowMs?: number;
}

/** Tuning of the events source (`/events/list` with a cursor). */
export interface EventsSourceOptions {
  /** The interval while a watched code is on its way; grows by 1.5 when nothing new comes. Default 2 000 ms. */
  fastIntervalMs?: number;
  /** The longest interval while a code is on its way. Default 30 000 ms. */
  slowIntervalMs?: number;
  /** The interval while every watched code is quiet (only `lock.unlocked` and surprises expected). Default 60 000 ms. */
  quietIntervalMs?: number;
  /**
   * How far before the newest event seen each listing starts again, so that an event Seam records
   * a little late is not skipped (ids already seen are dropped). Default 10 000 ms.
   */
  lookbackMs?: number;
  /**
   * The event types to ask for; default {@link VERIFIER_EVENT_TYPES} (what changes a code's state;
   * not `access_code.created`). `null` asks for every type.
   */
  eventTypes?: readonly string[] | null;
}

/**
 * Gives the relay a subscriber token for these codes. Your backend mints it (see the relay's
 * README); the verifier calls this again when the relay says the token expired or refused it.
 */
export type RelayTokenProvider = (request: {
  readonly accessCodeIds: readonly string[];
}) => string | Promise<string>;

/** The push source: Seam's webhooks streamed by the relay as Server-Sent Events. */
export interface PushSourceOptions {
  /** The relay's base URL (`https://relay.example.com`); the stream is its `/events`. */
  url: string;
  /**
   * The subscriber token (sent as `Authorization: Bearer`, never in the URL), or a function that
   * mints one for the codes of the stream. Prefer the function: a fixed token cannot cover codes
   * watched later, and cannot be renewed when it expires.
   */
  token: string | RelayTokenProvider;
  /** The fetch that opens the stream; default `globalThis.fetch` (looked up at call time). */
  fetch?: FetchLike;
  /** The first reconnect delay when the relay sent no `retry`. Default 1 000 ms. */
  minReconnectDelayMs?: number;
  /** The longest reconnect delay after repeated failures. Default 60 000 ms. */
  maxReconnectDelayMs?: number;
  /**
   * A stream that sends nothing (not even a heartbeat) this long is presumed dead and reopened.
   * The relay's heartbeat is every 15 s. Default 45 000 ms.
   */
  idleTimeoutMs?: number;
}

/** Which sources a verifier runs; each is off unless given. */
export interface VerifierSources {
  /** Batched `/access_codes/list` polling: `true` for the defaults. */
  poll?: boolean | PollSourceOptions;
  /** `/events/list` with a cursor: `true` for the defaults. */
  events?: boolean | EventsSourceOptions;
  /** The relay's SSE stream. */
  push?: PushSourceOptions;
}

/**
 * Which sources follow one code. Given to `watch`, it replaces the verifier's set for that code:
 * a source left out is off. `push` may name its own relay and token.
 */
export interface WatchSources {
  poll?: boolean;
  events?: boolean;
  push?: boolean | PushSourceOptions;
}

/**
 * A shorthand for {@link WatchSources}: `auto` uses the verifier's sources; `poll`, `events` and
 * `push` use that one source alone (`push` with the verifier's relay).
 */
export type VerificationMode = 'auto' | 'poll' | 'events' | 'push';

/** Options of `watch`. */
export interface WatchOptions {
  /** Which sources follow this code; default: all the verifier runs. */
  sources?: WatchSources;
  /** A shorthand for `sources`; ignored when `sources` is given. */
  mode?: VerificationMode;
}

/** One verification as a {@link PendingStore} keeps it. Plain JSON. */
export interface StoredVerification {
  readonly accessCodeId: string;
  /** The code's lifecycle state (restored with `parseCodeState`). */
  readonly state: CodeState;
  /** When the code was first watched (epoch ms). */
  readonly watchedAt: number;
  /** When this record was written (epoch ms). */
  readonly savedAt: number;
}

/** What a store holds: the verifications and the sources' cursors. */
export interface StoredVerifierData {
  readonly verifications: readonly StoredVerification[];
  /** The events cursor, the relay's last event ids, ...: keys owned by the verifier. */
  readonly meta: Readonly<Record<string, unknown>>;
}

/** A batch of changes, written together (one IndexedDB transaction). */
export interface StoreChanges {
  readonly put?: readonly StoredVerification[];
  readonly delete?: readonly string[];
  /** Meta keys to set; a value of `undefined` deletes the key. */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/**
 * Where pending verifications persist, so that a reload, a crashed tab or a restarted extension
 * service worker resumes them. `createMemoryStore()` keeps them for the life of the page;
 * `createIdbStore()` (from `@seam-codes/core/idb`) in IndexedDB.
 */
export interface PendingStore {
  /** Everything stored; called once when a verifier starts. */
  load(): Promise<StoredVerifierData>;
  /** Applies the changes atomically. */
  save(changes: StoreChanges): Promise<void>;
  /** Releases the store (closes the database). */
  close?(): void | Promise<void>;
  /**
   * Names what the store shares with other pages and workers of the origin (`createIdbStore`
   * gives `idb:<database name>`). Verifiers whose stores have the same key coordinate (see
   * `VerifierOptions.coordination`); a store without one (in memory) belongs to one verifier.
   */
  readonly coordinationKey?: string;
}

/**
 * Whether verifiers that share a store across pages, workers and service workers elect one of them
 * to poll for all: `auto` (the default) where the Web Locks API and BroadcastChannel exist and the
 * store has a `coordinationKey`; `none` to let every verifier run its own sources.
 */
export type VerifierCoordination = 'auto' | 'none';

/**
 * This verifier's part in its store's group: `leader` runs the sources for every member,
 * `follower` runs none and shows what the leader observes (taking over when the leader goes away),
 * `solo` coordinates with nobody (coordination off, unavailable here, or a store of its own).
 */
export type VerifierRole = 'leader' | 'follower' | 'solo';

/** What `subscribe(listener)` listeners receive. */
export interface VerifierUpdate {
  readonly accessCodeId: string;
  /** The new snapshot; null when the code stopped being watched. */
  readonly state: CodeState | null;
  /** The phase before this update; null when the code was not known before. */
  readonly previousPhase: DerivedPhase | null;
}

/** Where a reported problem happened. */
export type VerifierErrorSource = 'poll' | 'events' | 'push' | 'store' | 'observation' | 'request';

/** Options of {@link createVerifier}. */
export interface VerifierOptions {
  /** The Seam client every request goes through (its credentials, timeouts, retries). */
  client: SeamClient;
  /** Where pending verifications persist; default an in-memory store (lost on reload). */
  store?: PendingStore;
  /** Which sources run; default `{ poll: true }`. */
  sources?: VerifierSources;
  /** Time and timers; default the real clock. */
  clock?: VerifierClock;
  /** Page visibility; polling pauses while hidden. Default: always visible. */
  visibility?: VisibilityAdapter;
  /** Jitter in [0, 1) for backoffs; default `Math.random`. */
  random?: () => number;
  /**
   * Told about problems that do not belong to one code's state: a store that cannot be read or
   * written, a malformed observation, a refused relay token, a transport failure. Messages never
   * contain credentials. Default: store and observation problems go to `console.warn`.
   */
  onError?: (error: unknown, source: VerifierErrorSource) => void;
  /**
   * Several pages (tabs, frames, workers) with stores of one `coordinationKey` (the same IndexedDB
   * database) would each poll the same codes. With `auto` (the default) one of them leads: it runs
   * the sources for the codes of every member and shares what it observes; the others make no
   * reads of their own and take over when the leader goes away. Where the Web Locks API or
   * BroadcastChannel is missing (Node), or the store has no key, each verifier runs alone.
   */
  coordination?: VerifierCoordination;
}

/**
 * Follows access codes until they are on the lock (or fail, or are removed), for every component
 * of a page at once. Build it with {@link createVerifier}.
 */
export interface Verifier {
  /**
   * Follows a code. Pass the `access_code` you have (e.g. from a create) so its state shows at
   * once (it counts as observed now), or its id. Calls count: the code is followed until as many
   * `unwatch` calls (or calls of the returned function) release it; after a terminal phase its
   * final state stays readable until then, but no source looks at it any more.
   */
  watch(accessCode: string | AccessCode, options?: WatchOptions): () => void;
  /** Releases one `watch` of the code; the last release stops following it and forgets it. */
  unwatch(accessCodeId: string): void;
  /** Calls `listener` after each change of what a code shows (phase, flags, issues). */
  subscribe(listener: (update: VerifierUpdate) => void): () => void;
  /** Calls `listener` with the new state of one code after each change it shows. */
  subscribe(accessCodeId: string, listener: (state: CodeState) => void): () => void;
  /** The current state of a watched code (the same object until what it shows changes), or null. */
  getSnapshot(accessCodeId: string): CodeState | null;
  /** The ids of the codes being followed or kept after a terminal phase. */
  watchedIds(): string[];
  /** Fetches these codes (default: every followed code) in the next batch, whatever the schedule. */
  refresh(accessCodeId?: string | readonly string[]): void;
  /**
   * Applies an observation made elsewhere (a webhook your backend relayed by `postMessage`, the
   * result of a request you sent yourself) to a followed code. Returns false when the code is not
   * followed.
   */
  observe(accessCodeId: string, observation: Observation): boolean;
  /**
   * Fetches the code's PIN from Seam, for when the user asks to see it: states kept in the store
   * or shared with other tabs hold `PIN_WITHHELD` instead (no PIN at rest). Show the result while
   * the user asks and keep it nowhere else. Null while Seam has not chosen the PIN.
   */
  revealPin(accessCodeId: string): Promise<string | null>;
  /**
   * Deletes the code through the client and follows the removal until Seam confirms it. Rejects
   * with the client's error when Seam refuses; the refusal also shows on the code's state.
   */
  deleteAccessCode(accessCodeId: string): Promise<void>;
  /**
   * Updates the code through the client and follows the change until it is on the lock again. A
   * code nobody watches is followed until then and forgotten.
   */
  updateAccessCode(params: AccessCodesUpdateParams): Promise<void>;
  /** Resolves once the stored verifications were loaded and resumed (and the role is known). */
  readonly ready: Promise<void>;
  /** This verifier's part among those sharing its store (see `VerifierOptions.coordination`). */
  readonly role: VerifierRole;
  /** Resolves when no request of the poll and events sources, and no store write, is in flight. */
  idle(): Promise<void>;
  /** Stops every source, closes the relay streams and writes what is pending to the store. */
  dispose(): Promise<void>;
}
