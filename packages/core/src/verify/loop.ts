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
  saveEventsCursor(cursor: EventsCursor): void;
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

/** How long a loop waits after `failures` failed reads in a row ending with `error`. */
export function failureWaitMs(
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
