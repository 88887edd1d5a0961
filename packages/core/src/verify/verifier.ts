/**
 * The verifier: the runtime of the lifecycle machine. It watches codes, gathers observations from
 * its sources (batched polling, the events list, the relay's stream), passes each one through the
 * pure `transition`, carries out the effects, tells subscribers, and persists what is pending.
 *
 * This module is the composition root: it builds the parts (codes.ts, poll-loop.ts,
 * events-loop.ts, push-manager.ts, leadership.ts, persistence.ts, mutations.ts), gives them one
 * host object that each sees only through its own interface, and implements the public
 * `Verifier` by delegating to them. The core's README has a map of the parts.
 */
import type { AccessCode } from '@seamapi/types/connect';
import type { AccessCodesUpdateParams } from '../client/resources.js';
import type { CodeState, Observation } from '../lifecycle/types.js';
import { accessCodeIdOf, fail } from './checks.js';
import { Codes, type CodesHost } from './codes.js';
import { markDirty, type Entry } from './entry.js';
import { EventsLoop } from './events-loop.js';
import { transportFailureOf } from './failures.js';
import { Leadership, type LeadershipHost } from './leadership.js';
import { iso, type LoopHost } from './loop.js';
import { Mutations, type MutationHost } from './mutations.js';
import {
  resolveVerifierOptions,
  resolveWatch,
  sourcesOf,
  type CodeSources,
  type VerifierConfig,
} from './options.js';
import { Persistence, readPositions, type PersistenceHost } from './persistence.js';
import { PollLoop } from './poll-loop.js';
import { PushManager, type PushHost } from './push-manager.js';
import type {
  Verifier,
  VerifierClock,
  VerifierErrorSource,
  VerifierOptions,
  VerifierRole,
  VerifierUpdate,
  WatchOptions,
} from './types.js';

export { VerifierObservationError, requestFailureOf, transportFailureOf } from './failures.js';
export { MAX_CONFIRMATIONS_PER_TICK } from './poll-loop.js';

/**
 * Creates a verifier: one per page (or per extension service worker), shared by every component.
 *
 * - **poll**: one `/access_codes/list` with `access_code_ids` per tick for every code due (up to
 *   {@link MAX_IDS_PER_REQUEST} per request), fast while a code is on its way and backing off
 *   while nothing changes, asleep until a time-bound code's next due moment, paused while the page
 *   is hidden, and waiting out `Retry-After` on 429.
 * - **events**: `/events/list` for the watched codes with a cursor (`since` plus the ids seen).
 * - **push**: the relay's SSE stream; no requests to Seam while it flows.
 *
 * Sources can run alone or together; every observation goes through the lifecycle's `transition`,
 * which drops duplicates (the same event from two sources, an older snapshot after a newer one).
 * A code missing from a listing is confirmed with `/access_codes/get` before it counts as removed:
 * a listing can lag behind a create, and removal cannot be undone. Transport failures never stop
 * the loop: they mark the codes' state degraded and back off.
 *
 * Pages and workers whose stores share a `coordinationKey` (one IndexedDB database) elect one
 * leader with the Web Locks API (`coordination: 'auto'`, the default): it runs the sources for the
 * codes of all of them and shares each observation over BroadcastChannel; the others make no reads
 * and take over when it goes away. Without those APIs (Node) each verifier runs alone.
 *
 * @example
 * const verifier = createVerifier({
 *   client: SeamClient.fromClientSessionToken(token),
 *   store: createIdbStore(), // from '@seam-codes/core/idb'
 *   sources: { poll: true, push: { url: relayUrl, token: () => fetchRelayToken() } },
 *   visibility: documentVisibility,
 * });
 * verifier.watch(createdAccessCode);
 * verifier.subscribe(createdAccessCode.access_code_id, (state) => render(state.phase));
 */
export function createVerifier(options: VerifierOptions): Verifier {
  return new VerifierRuntime(options);
}

class VerifierRuntime implements Verifier {
  readonly ready: Promise<void>;

  readonly #config: VerifierConfig;
  readonly #clock: VerifierClock;
  readonly #onError: (error: unknown, source: VerifierErrorSource) => void;

  readonly #entries = new Map<string, Entry>();
  readonly #abort = new AbortController();
  readonly #inflight = new Set<Promise<void>>();
  #isReady = false;
  #disposed = false;
  #stopVisibility: (() => void) | null = null;

  readonly #codes: Codes;
  readonly #pollLoop: PollLoop;
  readonly #eventsLoop: EventsLoop | null;
  readonly #pushManager: PushManager;
  readonly #persistence: Persistence;

  readonly #mutations: Mutations;

  readonly #leadership: Leadership;

  constructor(options: VerifierOptions) {
    const config = resolveVerifierOptions(options);
    this.#config = config;
    this.#clock = config.clock;
    this.#onError = config.onError;
    // One object serves as every part's host; each part sees it only through its own interface.
    const host: CodesHost & LoopHost & PushHost & PersistenceHost & LeadershipHost & MutationHost =
      {
        ...config,
        signal: this.#abort.signal,
        entries: this.#entries,
        isReady: () => this.#isReady,
        disposed: () => this.#disposed,
        role: () => (this.#disposed || !this.#isReady ? null : this.#leadership.role),
        hidden: () => this.#leadership.hidden(),
        pageHidden: () => this.#pageHidden(),
        sources: (entry) => this.#sourcesOf(entry),
        add: (id) => this.#codes.add(id),
        apply: (entry, observation, shared?: boolean) =>
          this.#codes.apply(entry, observation, shared),
        publish: (entry, previousPhase) => this.#codes.publish(entry, previousPhase),
        deliver: (event) => this.#codes.deliver(event),
        observed: (entry, observation, shared) =>
          this.#leadership.observed(entry, observation, shared),
        keep: (id) => this.#persistence.keep(id),
        forget: (id) => this.#persistence.forget(id),
        moved: () => this.#eventsLoop?.stir(),
        refresh: (ids) => this.refresh(ids),
        refetch: (ids) => this.#requestRefetch(ids),
        rearm: () => {
          this.#pollLoop.rearm();
          this.#eventsLoop?.rearm();
        },
        failed: (ids, error, source) => this.#transportFailed(ids, error, source),
        degraded: (ids, failure) => this.#codes.degrade(ids, failure),
        changed: () => this.#afterChange(),
        ticked: () => this.#ticked(),
        checkMembers: (now) => this.#leadership.checkMembers(now),
        saveCursor: (cursor) => this.#persistence.saveCursor(cursor),
        saveLastId: (url, lastEventId) => this.#persistence.saveLastId(url, lastEventId),
        reload: async () => {
          const { meta } = await this.#persistence.read();
          if (meta !== undefined && meta !== null) this.#restorePositions(meta, true);
        },
        // Called as the verifier always called it (`this` is the verifier).
        report: (error, source) => this.#onError(error, source),
        track: (promise) => this.#track(promise),
      };
    this.#codes = new Codes(host);
    this.#leadership = new Leadership(host, config.apis);
    this.#pollLoop = new PollLoop(host);
    this.#eventsLoop = config.events === null ? null : new EventsLoop(host, config.events);
    this.#pushManager = new PushManager(host);
    this.#persistence = new Persistence(host);
    this.#mutations = new Mutations(host);

    if (config.visibility !== null) {
      this.#stopVisibility = config.visibility.onChange(() => this.#visibilityChanged());
    }
    this.ready = this.#track(this.#start());
  }

  get role(): VerifierRole {
    return this.#leadership.role;
  }

  // -------------------------------------------------------------------------------------------
  // Public API

  watch(accessCode: string | AccessCode, options: WatchOptions = {}): () => void {
    if (this.#disposed) fail('verifier.watch: this verifier was disposed; create a new one.');
    const id = accessCodeIdOf(accessCode);
    const resolved = resolveWatch(options, this.#config);
    const entry = this.#entries.get(id) ?? this.#codes.add(id);
    entry.holds.push(resolved);
    entry.transient = false;
    entry.unchangedLooks = 0;
    // Seam may act at once (a native lock preloads a code due within 72 h): look fast a while.
    entry.burstUntil = this.#clock.now() + this.#config.timing.dueWindowMs;
    this.#eventsLoop?.stir();
    const now = this.#clock.now();
    if (typeof accessCode === 'object') {
      this.#codes.apply(entry, { type: 'code.observed', accessCode, observedAt: iso(now) });
      entry.lastLookAt = Math.max(entry.lastLookAt ?? now, now);
    } else if (entry.state.snapshot === null) {
      entry.refetch = true;
    }
    if (entry.published === null && entry.state.asOf !== null) this.#codes.publish(entry, null);
    markDirty(entry, true);
    this.#afterChange();
    let released = false;
    const held = entry;
    return () => {
      if (released) return;
      released = true;
      const index = held.holds.indexOf(resolved);
      if (index !== -1) held.holds.splice(index, 1);
      if (held.holds.length === 0 && this.#entries.get(held.id) === held) this.#drop(held);
      else this.#afterChange();
    };
  }

  unwatch(accessCodeId: string): void {
    const entry = this.#entries.get(accessCodeId);
    if (entry === undefined) return;
    entry.holds.pop();
    if (entry.holds.length === 0) this.#drop(entry);
    else this.#afterChange();
  }

  subscribe(listener: (update: VerifierUpdate) => void): () => void;
  subscribe(accessCodeId: string, listener: (state: CodeState) => void): () => void;
  subscribe(
    first: string | ((update: VerifierUpdate) => void),
    second?: (state: CodeState) => void,
  ): () => void {
    let listener: (update: VerifierUpdate) => void;
    if (typeof first === 'function') {
      listener = first;
    } else if (typeof first === 'string' && typeof second === 'function') {
      const id = first;
      const callback = second;
      listener = (update) => {
        if (update.accessCodeId === id && update.state !== null) callback(update.state);
      };
    } else {
      fail('verifier.subscribe takes a listener, or an access code id and a listener.');
    }
    this.#codes.listeners.add(listener);
    return () => {
      this.#codes.listeners.delete(listener);
    };
  }

  getSnapshot(accessCodeId: string): CodeState | null {
    return this.#entries.get(accessCodeId)?.published ?? null;
  }

  watchedIds(): string[] {
    return [...this.#entries.keys()];
  }

  refresh(accessCodeId?: string | readonly string[]): void {
    const ids =
      accessCodeId === undefined
        ? [...this.#entries.keys()]
        : typeof accessCodeId === 'string'
          ? [accessCodeId]
          : accessCodeId;
    // Someone wants to know now: look, and look fast again while the code is on its way.
    for (const id of ids) {
      const entry = this.#entries.get(id);
      if (entry !== undefined) entry.unchangedLooks = 0;
    }
    // A follower asks the leader, which looks for everyone.
    if (this.#leadership.askLeader(ids)) return;
    this.#requestRefetch(ids);
  }

  /** Fetches these codes in the next batch (after a resync, a stream outage, a first open). */
  #requestRefetch(ids: readonly string[]): void {
    for (const id of ids) {
      const entry = this.#entries.get(id);
      if (entry === undefined || entry.stopped) continue;
      entry.refetch = true;
    }
    this.#pollLoop.schedule();
  }

  observe(accessCodeId: string, observation: Observation): boolean {
    const entry = this.#entries.get(accessCodeId);
    if (entry === undefined) return false;
    this.#codes.apply(entry, observation);
    this.#afterChange();
    return true;
  }

  async revealPin(accessCodeId: string): Promise<string | null> {
    // Only read: the PIN goes to the caller, and the states keep what they had.
    if (this.#disposed) fail('verifier.revealPin: this verifier was disposed; create a new one.');
    if (typeof accessCodeId !== 'string' || accessCodeId === '') {
      fail('verifier.revealPin needs an access code id (a string).');
    }
    // Stored and shared states hold no PIN (pin-free.ts): ask Seam, now that the user asks.
    const accessCode = await this.#config.client.accessCodes.get(
      { access_code_id: accessCodeId },
      { signal: this.#abort.signal },
    );
    return accessCode.code;
  }

  deleteAccessCode(accessCodeId: string): Promise<void> {
    return this.#mutations.delete(accessCodeId);
  }

  updateAccessCode(params: AccessCodesUpdateParams): Promise<void> {
    return this.#mutations.update(params);
  }

  async idle(): Promise<void> {
    while (this.#inflight.size > 0) {
      await Promise.allSettled([...this.#inflight]);
    }
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#stopVisibility?.();
    this.#pollLoop.stop();
    this.#eventsLoop?.stop();
    this.#pushManager.close();
    // Releases the leader lock: a follower takes over.
    this.#leadership.close();
    this.#abort.abort();
    await this.idle();
    // Write what is pending one last time (disposal is not the end of a verification).
    for (const entry of this.#entries.values()) if (entry.dirty) entry.important = true;
    await this.#persistence.flush();
    this.#codes.listeners.clear();
    try {
      await this.#config.store.close?.();
    } catch (error) {
      this.#onError(error, 'store');
    }
  }

  // -------------------------------------------------------------------------------------------
  // Watching

  /** The sources of an entry: the union of its watches, or the verifier's for a resumed code. */
  #sourcesOf(entry: Entry): CodeSources {
    return sourcesOf(entry, this.#config.defaultWatch, (push) => this.#pushManager.key(push));
  }

  #drop(entry: Entry): void {
    this.#codes.drop(entry);
    this.#afterChange();
  }

  /** After anything changed: persist, and re-plan every source. */
  #afterChange(): void {
    if (this.#disposed) return;
    this.#persistence.queue();
    if (!this.#isReady) return;
    this.#leadership.changed();
    this.#pollLoop.schedule();
    this.#eventsLoop?.schedule();
    this.#pushManager.schedule();
  }

  /** A poll or events tick ended: persist, and re-plan both loops. */
  #ticked(): void {
    this.#persistence.queue();
    this.#pollLoop.schedule();
    this.#eventsLoop?.schedule();
  }

  // -------------------------------------------------------------------------------------------
  // Loading (resuming) from the store

  async #start(): Promise<void> {
    if (this.#leadership.coordinating && !(await this.#leadership.start())) return;
    await this.#load();
    this.#leadership.loaded();
  }

  async #load(): Promise<void> {
    const data = await this.#persistence.read();
    if (this.#disposed) return;
    this.#persistence.resume(data.verifications ?? []);
    this.#restorePositions(data.meta ?? {});
    this.#isReady = true;
    for (const entry of [...this.#entries.values()]) {
      if (entry.stopped && entry.holds.length === 0) this.#codes.publish(entry, null);
    }
    this.#afterChange();
  }

  /** Where the sources stood when the store was written (by this page or the old leader). */
  #restorePositions(meta: Readonly<Record<string, unknown>>, keepCursor = false): void {
    const { eventsCursor, lastEventIds } = readPositions(meta);
    if (!keepCursor || eventsCursor !== null) this.#eventsLoop?.restore(eventsCursor);
    this.#pushManager.restore(lastEventIds);
  }

  #track(promise: Promise<void>): Promise<void> {
    this.#inflight.add(promise);
    void promise.finally(() => this.#inflight.delete(promise));
    return promise;
  }

  // -------------------------------------------------------------------------------------------
  // Visibility

  #pageHidden(): boolean {
    try {
      return this.#config.visibility?.isHidden() === true;
    } catch {
      return false;
    }
  }

  #visibilityChanged(): void {
    if (this.#disposed || !this.#isReady || this.#leadership.visibilityChanged()) return;
    // Coming back: what fell due while hidden runs now. Going away: only refetches still run.
    this.#pollLoop.rearm();
    this.#eventsLoop?.rearm();
    this.#pollLoop.schedule();
    this.#eventsLoop?.schedule();
  }

  /** A read failed: what is shown may be out of date (`connectionDegraded`). */
  #transportFailed(ids: readonly string[], error: unknown, source: 'poll' | 'events'): void {
    this.#codes.degrade(ids, transportFailureOf(error));
    this.#onError(error, source);
  }
}
