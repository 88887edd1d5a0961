/**
 * What the two reading loops (poll and events) share: what they need from the verifier (one
 * `LoopHost`), a timer that is re-armed only when its time changes, and the wait after a failed
 * request. Each loop owns its timer, its backoff and what it remembers between ticks.
 */
import type { SeamEvent } from '@seamapi/types/connect';
import { isSeamApiError, isSeamRateLimitError, isSeamUnauthorizedError } from '../client/errors.js';
import type { SeamClient } from '../client/seam-client.js';
import type { Observation } from '../lifecycle/types.js';
import type { Entry } from './entry.js';
import type { EventsCursor } from './events-cursor.js';
import { backoffMs, type ResolvedPollOptions } from './schedule.js';
import type { VerifierClock, VerifierRole } from './types.js';

/** The longest backoff after repeated transport failures of polling or events. */
const MAX_TRANSPORT_BACKOFF_MS = 5 * 60_000;

/** What the poll and events loops need from the verifier. */
export interface LoopHost {
  readonly client: SeamClient;
  readonly clock: VerifierClock;
  readonly random: () => number;
  /** Aborted when the verifier is disposed. */
  readonly signal: AbortSignal;
  /** The poll timing (also the base of the events loop's backoff). */
  readonly timing: ResolvedPollOptions;
  /** The followed codes. */
  readonly entries: ReadonlyMap<string, Entry>;
  /** The verifier's role, or null before the store is loaded and after disposal. */
  role(): VerifierRole | null;
  /** Whether nobody can see the pages this verifier works for. */
  hidden(): boolean;
  /** The sources that follow the code (the union of its watches). */
  sources(entry: Entry): { readonly poll: boolean; readonly events: boolean };
  /** Runs an observation through the machine; true when the code progressed. */
  apply(entry: Entry, observation: Observation): boolean;
  /** Routes an event to its code; false when no followed code is concerned. */
  deliver(event: SeamEvent): boolean;
  /** A read failed: marks these codes' states degraded and reports the error. */
  failed(ids: readonly string[], error: unknown, source: 'poll' | 'events'): void;
  /** A tick ended: persist, and re-plan both loops. */
  ticked(): void;
  /** The leader forgets members that went away (a promise when it looks, at most every 30 s). */
  checkMembers(now: number): Promise<void> | undefined;
  saveCursor(cursor: EventsCursor): void;
  track(promise: Promise<void>): Promise<void>;
}

/** One timer, re-armed only when its time changes. */
export class LoopTimer {
  readonly #clock: VerifierClock;
  readonly #fire: () => void;
  #handle: unknown = null;
  #at = Number.NaN;

  constructor(clock: VerifierClock, fire: () => void) {
    this.#clock = clock;
    this.#fire = fire;
  }

  /** Fires at `at` (epoch ms); null or a time that never comes stops it. */
  set(at: number | null): void {
    if (at === this.#at) return;
    this.clear();
    if (at === null || !Number.isFinite(at)) return;
    this.#handle = this.#clock.setTimeout(
      () => {
        this.#handle = null;
        this.#at = Number.NaN;
        this.#fire();
      },
      Math.max(0, at - this.#clock.now()),
    );
    this.#at = at;
  }

  clear(): void {
    if (this.#handle !== null) this.#clock.clearTimeout(this.#handle);
    this.#handle = null;
    this.#at = Number.NaN;
  }

  /** The next `set` re-arms the timer even for the same time (visibility changed meanwhile). */
  rearm(): void {
    this.#at = Number.NaN;
  }
}

/**
 * A reading loop: one timer, one tick at a time, and a wait after failures (at least
 * `Retry-After`). A loop plans its next tick (`next`) and does the reading (`once`); it makes no
 * reads where it is a follower (the leader reads for it) and none before the store is loaded.
 */
export abstract class Loop {
  protected readonly host: LoopHost;
  readonly #source: 'poll' | 'events';
  readonly #timer: LoopTimer;
  #running = false;
  #failures = 0;
  #notBefore = 0;

  constructor(host: LoopHost, source: 'poll' | 'events') {
    this.host = host;
    this.#source = source;
    this.#timer = new LoopTimer(host.clock, () => void host.track(this.#tick()));
  }

  /** Stops the timer (disposal). */
  stop(): void {
    this.#timer.clear();
  }

  /** What waited for visibility runs at the next `schedule`. */
  rearm(): void {
    this.#timer.rearm();
  }

  /** Plans the next tick. */
  schedule(): void {
    const role = this.host.role();
    if (role === null) return;
    // A running tick plans the next one when it ends.
    if (role !== 'follower' && this.#running) return;
    const next = role === 'follower' ? null : this.next();
    this.#timer.set(next === null ? null : Math.max(next, this.#notBefore));
  }

  /** When the next tick is due (epoch ms), or null when nothing is to be read. */
  protected abstract next(): number | null;

  /** One tick's reading. */
  protected abstract once(now: number): Promise<void>;

  /** What to wait for before a tick (the poll loop: the leader's check of its members). */
  protected prepare(_now: number): Promise<void> | undefined {
    return undefined;
  }

  /** A read succeeded: the backoff starts over. */
  protected succeeded(): void {
    this.#failures = 0;
  }

  /** A read failed: these codes are degraded, the error reported, and the loop backs off. */
  protected failed(ids: readonly string[], error: unknown): void {
    const host = this.host;
    const now = host.clock.now();
    host.failed(ids, error, this.#source);
    this.#notBefore =
      now + failureWaitMs(error, ++this.#failures, host.timing.fastIntervalMs, host.random);
  }

  async #tick(): Promise<void> {
    const host = this.host;
    const role = host.role();
    if (role === null || role === 'follower' || this.#running) return;
    const now = host.clock.now();
    const preparing = this.prepare(now);
    if (preparing !== undefined) await preparing;
    if (now < this.#notBefore) {
      this.schedule();
      return;
    }
    this.#running = true;
    try {
      await this.once(now);
    } finally {
      this.#running = false;
      host.ticked();
    }
  }
}

/** How long a loop waits after `failures` failed reads in a row ending with `error`. */
function failureWaitMs(
  error: unknown,
  failures: number,
  fastIntervalMs: number,
  random: () => number,
): number {
  // Unauthorized will not heal by itself soon: wait the longest (the client may renew meanwhile).
  const count = isSeamUnauthorizedError(error) ? 30 : failures;
  const wait = backoffMs(count, fastIntervalMs, MAX_TRANSPORT_BACKOFF_MS, random);
  if (isSeamRateLimitError(error) && isSeamApiError(error) && error.retryAfterMs !== null) {
    return Math.max(wait, error.retryAfterMs);
  }
  return wait;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === 'AbortError');
}
