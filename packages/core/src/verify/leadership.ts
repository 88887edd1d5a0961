/**
 * This verifier's part in coordinating with the other verifiers of its store (other tabs, frames,
 * workers): its role, the leader's members and the codes it follows for them, the follower's
 * announcements, sharing observations, adopting the leader's states and taking over. The
 * mechanics (the Web Lock, the channel) are `coordination.ts`, fetched with `import()` only where
 * the store is shared and the platform has both APIs; this module holds no reference to it but
 * its types.
 */
import { parseCodeState, transition } from '../lifecycle/transition.js';
import type { CodeState, DerivedPhase, Observation } from '../lifecycle/types.js';
import { UUID } from './checks.js';
import type { CoordinationApis } from './coordination-apis.js';
import type * as CoordinationModule from './coordination.js';
import type { Coordinator, CoordinationMessage, SharedObservation } from './coordination.js';
import { markDirty, viewOf, type Entry } from './entry.js';
import { withoutPins } from './pin-free.js';
import type { PendingStore, VerifierClock, VerifierErrorSource, VerifierRole } from './types.js';

/** How often a leader checks that the members it follows codes for are still alive. */
const MEMBER_CHECK_INTERVAL_MS = 30_000;
/** Observations a follower keeps per code to replay onto a state adopted from the leader. */
const RECENT_OBSERVATIONS = 32;

/** What coordination needs from the verifier. */
export interface LeadershipHost {
  readonly clock: VerifierClock;
  readonly entries: Map<string, Entry>;
  /** The verifiers of one `store.coordinationKey` coordinate. */
  readonly store: PendingStore;
  isReady(): boolean;
  disposed(): boolean;
  /** Whether this verifier's own page is hidden. */
  pageHidden(): boolean;
  /** Follows a code that is not followed yet (for a member). */
  add(accessCodeId: string): Entry;
  /** Applies an observation; `shared`: another member made it (it is not shared again). */
  apply(entry: Entry, observation: Observation, shared: boolean): void;
  /** Tells subscribers of the code's state. */
  publish(entry: Entry, previousPhase: DerivedPhase | null): void;
  /** The verifier's `refresh` (a follower asked the leader to look). */
  refresh(ids: readonly string[]): void;
  /** Fetches these codes in the next batch. */
  refetch(ids: readonly string[]): void;
  /** A member's page became visible: what waited for visibility runs at the next plan. */
  rearm(): void;
  /** After anything changed: persist, and re-plan every source. */
  changed(): void;
  /** Reads where the old leader left the sources (events cursor, relay positions). */
  reload(): Promise<void>;
  report(error: unknown, source: VerifierErrorSource): void;
  track(promise: Promise<void>): Promise<void>;
}

export class Leadership {
  readonly #host: LeadershipHost;
  /** Web Locks and BroadcastChannel when this verifier coordinates with others of its store. */
  #apis: CoordinationApis | null;
  /** Created by `start` from its own module (see `coordination.ts`). */
  #coordinator: Coordinator | null = null;
  #role: VerifierRole = 'solo';
  /** Leader: the codes each member follows, and whether its page is visible. */
  readonly #members = new Map<string, { ids: Set<string>; visible: boolean }>();
  #outbox: SharedObservation[] = [];
  #announceQueued = false;
  #lastAnnounce = '';
  #membersCheckedAt = Number.NEGATIVE_INFINITY;

  constructor(host: LeadershipHost, apis: CoordinationApis | null) {
    this.#host = host;
    this.#apis = apis;
  }

  get role(): VerifierRole {
    return this.#role;
  }

  /** Whether this verifier may coordinate (before `start`, or after it found a group). */
  get coordinating(): boolean {
    return this.#apis !== null;
  }

  /**
   * Loads the coordination module and joins the store's group (leader or follower); without the
   * module the verifier runs alone. False when the verifier was disposed meanwhile.
   */
  async start(): Promise<boolean> {
    const host = this.#host;
    const apis = this.#apis;
    if (apis === null) return true;
    let coordination: typeof CoordinationModule | null = null;
    try {
      coordination = await import('./coordination.js');
    } catch (error) {
      // Without it this verifier runs its sources alone, as where the APIs are missing.
      this.#apis = null;
      this.#outbox = [];
      host.report(error, 'store');
    }
    if (host.disposed()) return false;
    if (coordination !== null) {
      const coordinator = new coordination.Coordinator(apis, host.store.coordinationKey as string, {
        onLeadership: () => this.#takeOver(),
        onMessage: (message) => this.#onMessage(message),
        report: (error) => host.report(error, 'store'),
      });
      this.#coordinator = coordinator;
      // Observations made while the module loaded waited in the outbox.
      this.#flushOutbox();
      await coordinator.start();
      if (host.disposed()) return false;
      this.#role = coordinator.isLeader ? 'leader' : 'follower';
    }
    return !host.disposed();
  }

  /** After loading: a leader tells the followers, which say what they follow. */
  loaded(): void {
    if (this.#role === 'leader') this.#send({ v: 1, kind: 'leader', from: this.#memberId });
  }

  /** Disposal: share what is left, say goodbye, and free the leader lock for a follower. */
  close(): void {
    if (this.#coordinator === null) return;
    this.#flushOutbox();
    if (this.#role === 'follower') this.#send({ v: 1, kind: 'bye', from: this.#memberId });
    this.#coordinator.close();
  }

  /** Keeps an observation to replay onto adopted states, and shares one made here. */
  observed(entry: Entry, observation: Observation, shared: boolean): void {
    if (this.#apis === null) return;
    entry.recent.push(observation);
    if (entry.recent.length > RECENT_OBSERVATIONS) entry.recent.shift();
    if (!shared) this.#share(entry.id, observation);
  }

  /** After anything changed: a follower tells the leader what it follows now. */
  changed(): void {
    if (this.#role === 'follower') this.#queueAnnounce();
  }

  /** A follower asks the leader to look (true), since the leader looks for everyone. */
  askLeader(ids: readonly string[]): boolean {
    if (this.#role !== 'follower') return false;
    const known = ids.filter((id) => this.#host.entries.has(id));
    if (known.length > 0) this.#send({ v: 1, kind: 'refresh', from: this.#memberId, ids: known });
    return true;
  }

  /** The page's visibility changed: a follower tells the leader (true); others re-plan. */
  visibilityChanged(): boolean {
    if (this.#role !== 'follower') return false;
    this.#queueAnnounce();
    return true;
  }

  /** Whether nobody can see the pages this verifier works for (its own and its followers'). */
  hidden(): boolean {
    if (!this.#host.pageHidden()) return false;
    for (const member of this.#members.values()) if (member.visible) return false;
    return true;
  }

  /** The leader forgets members that went away (a promise when it looks, at most every 30 s). */
  checkMembers(now: number): Promise<void> | undefined {
    if (this.#role !== 'leader' || now - this.#membersCheckedAt < MEMBER_CHECK_INTERVAL_MS) {
      return undefined;
    }
    this.#membersCheckedAt = now;
    return this.#forgetGoneMembers();
  }

  get #memberId(): string {
    return this.#coordinator?.memberId ?? '';
  }

  #send(message: CoordinationMessage): void {
    // No PIN crosses to other tabs: any same-origin context can listen on the channel.
    this.#coordinator?.send(withoutPins(message));
  }

  /** Shares an observation made here with the store's other verifiers (batched per task). */
  #share(accessCodeId: string, observation: Observation): void {
    this.#outbox.push({ accessCodeId, observation });
    if (this.#outbox.length > 1) return;
    queueMicrotask(() => this.#flushOutbox());
  }

  #flushOutbox(): void {
    // Until the coordinator exists (its module is loading) the outbox keeps what to share.
    if (this.#outbox.length === 0 || this.#coordinator === null) return;
    const items = this.#outbox;
    this.#outbox = [];
    this.#send({ v: 1, kind: 'observations', from: this.#memberId, items });
  }

  #queueAnnounce(): void {
    if (this.#announceQueued) return;
    this.#announceQueued = true;
    queueMicrotask(() => {
      this.#announceQueued = false;
      this.#announce(false);
    });
  }

  /** A follower tells the leader which codes it follows (when that or its visibility changed). */
  #announce(force: boolean): void {
    if (this.#host.disposed() || this.#role !== 'follower') return;
    const ids = [...this.#host.entries.values()]
      .filter((entry) => !entry.stopped)
      .map((entry) => entry.id)
      .sort();
    const visible = !this.#host.pageHidden();
    const key = `${visible}|${ids.join(',')}`;
    if (!force && key === this.#lastAnnounce) return;
    this.#lastAnnounce = key;
    this.#send({ v: 1, kind: 'want', from: this.#memberId, ids, visible });
  }

  #onMessage(message: CoordinationMessage): void {
    const host = this.#host;
    // Before loading, nothing is ready to receive: a new leader asks again, a follower announces.
    if (host.disposed() || !host.isReady()) return;
    const leading = this.#role === 'leader';
    switch (message.kind) {
      case 'leader':
        if (this.#role === 'follower') this.#announce(true);
        return;
      case 'want':
        if (leading && Array.isArray(message.ids)) {
          this.#followFor(message.from, message.ids, message.visible === true);
        }
        return;
      case 'states':
        if (this.#role === 'follower' && message.to === this.#memberId) {
          for (const state of message.states) this.#adopt(state);
        }
        return;
      case 'observations': {
        let applied = false;
        for (const item of message.items) {
          const entry = host.entries.get(item?.accessCodeId);
          if (entry === undefined) continue;
          host.apply(entry, item.observation, true);
          applied = true;
        }
        if (applied) host.changed();
        return;
      }
      case 'refresh':
        if (leading && Array.isArray(message.ids)) host.refresh(message.ids);
        return;
      case 'bye':
        if (leading && this.#members.delete(message.from)) this.#releaseRemote();
        return;
    }
  }

  /** The leader follows a member's codes too, and sends it what it already knows of them. */
  #followFor(memberId: string, ids: readonly string[], visible: boolean): void {
    const host = this.#host;
    const before = this.#members.get(memberId)?.ids ?? new Set<string>();
    const wanted = new Set(ids.filter((id) => typeof id === 'string' && UUID.test(id)));
    this.#members.set(memberId, { ids: wanted, visible });
    const known: CodeState[] = [];
    for (const id of wanted) {
      let entry = host.entries.get(id);
      if (entry === undefined) {
        entry = host.add(id);
        entry.refetch = true;
      }
      entry.remote = true;
      if (!before.has(id) && entry.state.asOf !== null) known.push(entry.state);
    }
    if (known.length > 0) {
      this.#send({ v: 1, kind: 'states', from: this.#memberId, to: memberId, states: known });
    }
    this.#releaseRemote();
    // A member's page became visible: what waited for visibility runs now.
    host.rearm();
    host.changed();
  }

  /**
   * Stops following codes that only members no longer want. They leave memory only: a member that
   * unwatched a code deleted it from the store itself, and one that crashed keeps its codes stored
   * for the next page to resume.
   */
  #releaseRemote(): void {
    const wanted = new Set<string>();
    for (const member of this.#members.values()) for (const id of member.ids) wanted.add(id);
    const entries = this.#host.entries;
    for (const entry of [...entries.values()]) {
      if (!entry.remote || wanted.has(entry.id)) continue;
      entry.remote = false;
      if (entry.holds.length === 0) entries.delete(entry.id);
    }
  }

  /** The leader forgets members whose page or worker went away without saying so (a crash). */
  async #forgetGoneMembers(): Promise<void> {
    if (this.#coordinator === null || this.#members.size === 0) return;
    let live: Set<string>;
    try {
      live = await this.#coordinator.liveMembers();
    } catch (error) {
      this.#host.report(error, 'store');
      return;
    }
    let changed = false;
    for (const memberId of [...this.#members.keys()]) {
      if (!live.has(memberId)) changed = this.#members.delete(memberId) || changed;
    }
    if (changed) this.#releaseRemote();
  }

  /**
   * A follower takes the leader's state of a code it knows less recently, replaying what it
   * observed itself on top (every observation joins, so a repeat changes nothing).
   */
  #adopt(value: unknown): void {
    const host = this.#host;
    let state: CodeState;
    try {
      state = parseCodeState(value);
    } catch (error) {
      host.report(error, 'observation');
      return;
    }
    const entry = state.accessCodeId === null ? undefined : host.entries.get(state.accessCodeId);
    if (entry === undefined || state.asOf === null) return;
    const own = entry.state;
    if (own.asOf !== null && Date.parse(state.asOf) <= Date.parse(own.asOf)) return;
    for (const observation of entry.recent) state = transition(state, observation)[0];
    entry.state = state;
    if (state.terminal) {
      entry.stopped = true;
      entry.refetch = false;
      entry.missing = false;
    }
    markDirty(entry, true);
    if (entry.published === null || viewOf(entry.published) !== viewOf(state)) {
      host.publish(entry, entry.published?.phase ?? null);
    }
    host.changed();
  }

  /** The leader went away and this follower got the lock: run the sources for everyone. */
  #takeOver(): void {
    const host = this.#host;
    if (host.disposed()) return;
    this.#role = 'leader';
    // Before loading, the verifier's start finishes the job (loading, then telling the followers).
    if (!host.isReady()) return;
    void host.track(this.#resumeLeadership());
  }

  async #resumeLeadership(): Promise<void> {
    const host = this.#host;
    // The old leader moved the events cursor and the relay positions on: continue from there.
    await host.reload();
    if (host.disposed()) return;
    // What happened since the old leader's last message: one batch brings every code up to date.
    host.refetch([...host.entries.keys()]);
    this.#send({ v: 1, kind: 'leader', from: this.#memberId });
    host.changed();
  }
}
