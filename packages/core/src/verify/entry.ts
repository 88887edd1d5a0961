/**
 * One followed code as the verifier keeps it (its state, its watches, what its sources plan), and
 * the small readings of a state the verifier's loops use.
 */
import { stableStringify } from '../lifecycle/order.js';
import { initialCodeState } from '../lifecycle/transition.js';
import type { CodeState, Observation } from '../lifecycle/types.js';
import type { ResolvedPushOptions } from './push-options.js';

/** What sources follow one code, with the push relay resolved. */
export interface ResolvedWatch {
  readonly poll: boolean;
  readonly events: boolean;
  readonly push: ResolvedPushOptions | null;
}

/** One followed code: its state and what the sources plan for it. */
export class Entry {
  readonly id: string;
  /** The latest state, after every observation. */
  state: CodeState;
  /** What `getSnapshot` returns: replaced only when what the code shows changed. */
  published: CodeState | null = null;
  /** One per `watch` not yet released, with the sources it asked for. */
  readonly holds: ResolvedWatch[] = [];
  /** When the code was first watched (epoch ms). */
  readonly watchedAt: number;
  /** When a list or get last brought this code's snapshot (ms), or null. */
  lastLookAt: number | null = null;
  /** Looks in a row that showed nothing new. */
  unchangedLooks = 0;
  /** A quiet code that passed a due moment is polled fast until then. */
  burstUntil = 0;
  /** Fetch it in the next batch, whatever the schedule. */
  refetch = false;
  /** It was missing from a listing: confirm with a get. */
  missing = false;
  /** Terminal: no source follows it any more. */
  stopped = false;
  /**
   * Followed only for a request sent through the verifier (nobody watches it): forgotten once the
   * change is on the lock (a quiet phase) or the code is gone.
   */
  transient = false;
  /** Observations applied before the store was loaded (replayed onto the stored state). */
  preReady: Observation[] | null;
  /** The state changed since it was last written to the store. */
  dirty = false;
  /** ...in a way worth writing at once (what it shows, a watch); else at most every 30 s. */
  important = false;
  /** When it was last written (epoch ms). */
  savedAt = Number.NEGATIVE_INFINITY;
  /** A leader follows it for another member of the store (see `coordination`). */
  remote = false;
  /**
   * The last observations applied, newest last: a follower replays them onto a state it adopts
   * from the leader, so what only it has seen (its own request, a message in flight) is kept.
   */
  readonly recent: Observation[] = [];

  constructor(id: string, watchedAt: number, ready: boolean) {
    this.id = id;
    this.state = initialCodeState(id);
    this.watchedAt = watchedAt;
    this.preReady = ready ? null : [];
  }
}

/** Whether one of our requests about the code has no outcome yet. */
export function hasRequestInFlight(state: CodeState): boolean {
  return state.requests.some((request) => request.outcome === null);
}

/** What a subscriber sees of a state: it is published again only when this changes. */
export function viewOf(state: CodeState): string {
  return stableStringify([state.phase, state.terminal, state.flags, state.issues]);
}

/** What counts as progress for backoff: the phase and which issues are shown. */
export function progressKey(state: CodeState): string {
  const issues = state.issues.map((issue) => `${issue.kind}:${issue.code}`).sort();
  return `${state.phase}|${issues.join(',')}`;
}

/** The state's next due moment in epoch ms, or null. */
export function nextCheckOf(state: CodeState): number | null {
  if (state.nextCheckAt === null) return null;
  const at = Date.parse(state.nextCheckAt);
  return Number.isFinite(at) ? at : null;
}

/** The state changed since it was written; `important` writes it at once (see Entry.important). */
export function markDirty(entry: Entry, important: boolean): void {
  entry.dirty = true;
  if (important) entry.important = true;
}
