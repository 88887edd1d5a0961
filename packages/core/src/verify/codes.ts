/**
 * The followed codes and what their subscribers see: the registry of entries, every observation
 * run through the lifecycle's pure `transition` with its effects carried out, and publishing a
 * state to listeners when what the code shows changed. Every source ends here; none of them
 * decides a state itself.
 */
import type { SeamEvent } from '@seamapi/types/connect';
import { transition } from '../lifecycle/transition.js';
import type { DerivedPhase, Observation, TransportFailure } from '../lifecycle/types.js';
import { Entry, hasRequestInFlight, markDirty, progressKey } from './entry.js';
import { VerifierObservationError } from './failures.js';
import { iso } from './loop.js';
import { phaseClass } from './schedule.js';
import type { VerifierClock, VerifierErrorSource, VerifierUpdate } from './types.js';

/** What the registry needs from the verifier. */
export interface CodesHost {
  readonly clock: VerifierClock;
  /** The followed codes, by id. */
  readonly entries: Map<string, Entry>;
  /** Whether the store was loaded (before, nothing is forgotten and observations are kept). */
  isReady(): boolean;
  /** Coordination keeps and shares each observation (`shared`: it came from another member). */
  observed(entry: Entry, observation: Observation, shared: boolean): void;
  /** The code is followed (again): keep its stored record. */
  keep(accessCodeId: string): void;
  /** The code is no longer followed: delete its stored record. */
  forget(accessCodeId: string): void;
  /** A code moved: the events loop looks fast again. */
  moved(): void;
  report(error: unknown, source: VerifierErrorSource): void;
}

export class Codes {
  readonly entries: Map<string, Entry>;
  readonly listeners = new Set<(update: VerifierUpdate) => void>();
  readonly #host: CodesHost;

  constructor(host: CodesHost) {
    this.#host = host;
    this.entries = host.entries;
  }

  /** Follows a code not followed yet. */
  add(id: string): Entry {
    const entry = new Entry(id, this.#host.clock.now(), this.#host.isReady());
    this.entries.set(id, entry);
    this.#host.keep(id);
    return entry;
  }

  /** Stops following a code; its subscribers get a null state. */
  drop(entry: Entry): void {
    this.entries.delete(entry.id);
    this.#host.forget(entry.id);
    const previousPhase = entry.published?.phase ?? null;
    this.#emit({ accessCodeId: entry.id, state: null, previousPhase });
  }

  /**
   * Runs one observation through the machine and carries out its effects. Returns whether the code
   * progressed: its phase or its issues changed (not merely their times), which resets backoff.
   */
  apply(entry: Entry, observation: Observation, shared = false): boolean {
    const host = this.#host;
    if (entry.preReady !== null) entry.preReady.push(observation);
    host.observed(entry, observation, shared);
    const previous = entry.state;
    const [next, effects] = transition(previous, observation);
    entry.state = next;
    let notified = false;
    for (const effect of effects) {
      switch (effect.type) {
        case 'refetch':
          entry.refetch = true;
          break;
        case 'scheduleCheck':
          // The poll schedule reads `state.nextCheckAt` itself.
          break;
        case 'stopWatching':
          entry.stopped = true;
          entry.refetch = false;
          entry.missing = false;
          break;
        case 'notify':
          notified = true;
          break;
        case 'invalidObservation':
          host.report(new VerifierObservationError(effect.message), 'observation');
          break;
      }
    }
    if (next !== previous) markDirty(entry, notified || entry.stopped);
    const progressed = progressKey(next) !== progressKey(previous);
    if (progressed) {
      entry.unchangedLooks = 0;
      // What a quiet code waited for happened (set, preloaded): the fast look-around is over.
      // Not for `pending`: that is where a new code starts, and Seam may act on it at once.
      if (phaseClass(next, host.clock.now()) === 'quiet' && next.phase !== 'pending') {
        entry.burstUntil = 0;
      } else host.moved();
    }
    if (notified || (entry.published === null && next.asOf !== null)) {
      this.publish(entry, entry.published?.phase ?? null);
    }
    return progressed;
  }

  /** Tells subscribers of the code's state; forgets a code nobody holds that reached its end. */
  publish(entry: Entry, previousPhase: DerivedPhase | null): void {
    const host = this.#host;
    entry.published = entry.state;
    this.#emit({ accessCodeId: entry.id, state: entry.state, previousPhase });
    const done =
      entry.stopped ||
      (entry.transient &&
        phaseClass(entry.state, host.clock.now()) === 'quiet' &&
        !hasRequestInFlight(entry.state));
    if (done && entry.holds.length === 0 && host.isReady()) {
      // Nobody holds a code that reached its end (a resumed or auto-followed one): forget it.
      this.entries.delete(entry.id);
      host.forget(entry.id);
    }
  }

  #emit(update: VerifierUpdate): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(update);
      } catch (error) {
        this.#host.report(error, 'observation');
      }
    }
  }

  /** Routes an event to its code; false when no followed code is concerned. */
  deliver(event: SeamEvent): boolean {
    const id = (event as { access_code_id?: unknown }).access_code_id;
    if (typeof id !== 'string') return false;
    const entry = this.entries.get(id);
    if (entry === undefined) return false;
    this.apply(entry, { type: 'event.received', event });
    return true;
  }

  /** A read or a stream failed: what these codes show may be out of date (`connectionDegraded`). */
  degrade(ids: readonly string[], failure: TransportFailure): void {
    const observedAt = iso(this.#host.clock.now());
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry !== undefined && !entry.stopped) {
        this.apply(entry, { type: 'transport.failed', observedAt, error: failure });
      }
    }
  }
}
