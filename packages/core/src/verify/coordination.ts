/**
 * Coordination of the verifiers that share one store across pages, workers and service workers of
 * an origin: one leader per store (a Web Lock), the others follow by messages (a
 * BroadcastChannel). Only the mechanics live here (election, takeover, messages, membership); the
 * verifier decides what the messages mean. Core has no DOM: both APIs are read from `globalThis`,
 * where pages, dedicated and shared workers and service workers all have them.
 */
import type { CodeState, Observation } from '../lifecycle/types.js';
import type { BroadcastChannelLike, CoordinationApis } from './coordination-apis.js';

/** One observation about one code, as sent between the verifiers of a store. */
export interface SharedObservation {
  readonly accessCodeId: string;
  readonly observation: Observation;
}

/** The messages between the verifiers of one store. `from` is the sender's member id. */
export type CoordinationMessage =
  /** A leader took office (at start or on takeover): followers say what they follow. */
  | { readonly v: 1; readonly kind: 'leader'; readonly from: string }
  /** A follower's whole set of followed codes, and whether anyone can see its page. */
  | {
      readonly v: 1;
      readonly kind: 'want';
      readonly from: string;
      readonly ids: readonly string[];
      readonly visible: boolean;
    }
  /** The leader's states of codes a follower just asked for (only those it knows something of). */
  | {
      readonly v: 1;
      readonly kind: 'states';
      readonly from: string;
      readonly to: string;
      readonly states: readonly CodeState[];
    }
  /** What a member observed (its polls, events, pushes, requests), for the others to apply. */
  | {
      readonly v: 1;
      readonly kind: 'observations';
      readonly from: string;
      readonly items: readonly SharedObservation[];
    }
  /** A follower wants these codes looked at now (its `refresh`). */
  | {
      readonly v: 1;
      readonly kind: 'refresh';
      readonly from: string;
      readonly ids: readonly string[];
    }
  /** A follower is going away (disposed): the leader stops following codes for it. */
  | { readonly v: 1; readonly kind: 'bye'; readonly from: string };

/** What the verifier does with coordination. */
export interface CoordinatorHost {
  /** This member is the leader now (at start, or taking over from one that went away). */
  onLeadership(): void;
  /** A message from another member of the store. */
  onMessage(message: CoordinationMessage): void;
  /** A failure of the platform's APIs; coordination carries on where it can. */
  report(error: unknown): void;
}

const PREFIX = 'seam-codes-verifier';

function randomId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function isMessage(value: unknown): value is CoordinationMessage {
  if (value === null || typeof value !== 'object') return false;
  const message = value as { v?: unknown; kind?: unknown; from?: unknown };
  return message.v === 1 && typeof message.kind === 'string' && typeof message.from === 'string';
}

/**
 * One member of a store's group: takes the leader lock when it is free (at once, or when the
 * leader goes away: its page closes, crashes or disposes its verifier, which releases the lock),
 * holds a member lock for its whole life so that the leader can tell the living from the gone,
 * and sends and receives messages on the store's channel.
 */
export class Coordinator {
  /** This member's id (also in the name of its member lock). */
  readonly memberId = randomId();
  readonly #apis: CoordinationApis;
  readonly #host: CoordinatorHost;
  readonly #leaderLock: string;
  readonly #memberPrefix: string;
  readonly #channel: BroadcastChannelLike;
  readonly #abort = new AbortController();
  #release: () => void = () => undefined;
  #leader = false;
  #closed = false;

  constructor(apis: CoordinationApis, key: string, host: CoordinatorHost) {
    this.#apis = apis;
    this.#host = host;
    this.#leaderLock = `${PREFIX}/${key}/leader`;
    this.#memberPrefix = `${PREFIX}/${key}/member/`;
    this.#channel = apis.openChannel(`${PREFIX}/${key}`);
    this.#channel.onmessage = (event) => {
      if (this.#closed || !isMessage(event.data) || event.data.from === this.memberId) return;
      this.#host.onMessage(event.data);
    };
  }

  /** Whether this member holds the leader lock. */
  get isLeader(): boolean {
    return this.#leader;
  }

  /**
   * Joins the group: resolves once this member knows whether it leads. A follower stays queued
   * for the leader lock and calls `onLeadership` when it gets it.
   */
  async start(): Promise<void> {
    const held = new Promise<void>((resolve) => {
      this.#release = resolve;
    });
    const signal = this.#abort.signal;
    // The member lock: held until close, released by the browser if the context goes away.
    this.#apis.locks
      .request(`${this.#memberPrefix}${this.memberId}`, { signal }, () => held)
      .catch((error: unknown) => this.#reportUnlessClosed(error));
    const gotIt = await new Promise<boolean>((resolve, reject) => {
      this.#apis.locks
        .request(this.#leaderLock, { ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          return lock === null ? undefined : held;
        })
        .catch(reject);
    }).catch((error: unknown) => {
      this.#host.report(error);
      return false;
    });
    if (this.#closed) return;
    if (gotIt) {
      this.#leader = true;
      return;
    }
    // Queue for the lock: granted when the leader goes away.
    this.#apis.locks
      .request(this.#leaderLock, { signal }, () => {
        if (this.#closed) return undefined;
        this.#leader = true;
        this.#host.onLeadership();
        return held;
      })
      .catch((error: unknown) => this.#reportUnlessClosed(error));
  }

  /** Sends a message to every other member of the store (never back to this one). */
  send(message: CoordinationMessage): void {
    if (this.#closed) return;
    try {
      this.#channel.postMessage(message);
    } catch (error) {
      this.#host.report(error);
    }
  }

  /** The ids of the members whose context is still alive (their member lock is held). */
  async liveMembers(): Promise<Set<string>> {
    const snapshot = await this.#apis.locks.query();
    const live = new Set<string>();
    for (const lock of snapshot.held ?? []) {
      const name = lock.name ?? '';
      if (name.startsWith(this.#memberPrefix)) live.add(name.slice(this.#memberPrefix.length));
    }
    return live;
  }

  /** Leaves the group: releases both locks (a follower queued for leadership leaves the queue). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#leader = false;
    this.#channel.onmessage = null;
    this.#release();
    this.#abort.abort();
    this.#channel.close();
  }

  #reportUnlessClosed(error: unknown): void {
    if (!this.#closed) this.#host.report(error);
  }
}
