/**
 * Push management: which relay streams should be open for the codes followed by push, and
 * opening, re-targeting and closing them. Codes sharing a relay and a token share streams (500
 * codes each); watches made in one go share one (re)connection. The stream itself is
 * `push-source.ts`, fetched with `import()` the first time a code is followed by push, so a page
 * without push never downloads it.
 */
import type { SeamEvent } from '@seamapi/types/connect';
import type { TransportFailure } from '../lifecycle/types.js';
import type { Entry } from './entry.js';
import type { ResolvedPushOptions } from './push-options.js';
import type * as PushSourceModule from './push-source.js';
import type { PushStream, PushStreamHost } from './push-source.js';
import { MAX_IDS_PER_REQUEST, chunk } from './schedule.js';
import type { VerifierClock, VerifierErrorSource, VerifierRole } from './types.js';

/** What push management needs from the verifier. */
export interface PushHost {
  readonly clock: VerifierClock;
  readonly random: () => number;
  readonly entries: ReadonlyMap<string, Entry>;
  /** The verifier's role, or null before the store is loaded and after disposal. */
  role(): VerifierRole | null;
  /** The sources that follow the code (the union of its watches): here, its relays. */
  sources(entry: Entry): { readonly push: readonly ResolvedPushOptions[] };
  /** Routes an event to its code; false when no followed code is concerned. */
  deliver(event: SeamEvent): boolean;
  /** Fetches these codes in the next batch (events may have been missed). */
  refetch(ids: readonly string[]): void;
  /** A stream failed: what these codes show may be out of date until it recovers. */
  degraded(ids: readonly string[], failure: TransportFailure): void;
  /** After anything changed: persist, and re-plan every source. */
  changed(): void;
  saveLastId(relayUrl: string, lastEventId: string): void;
  report(error: unknown, source: VerifierErrorSource): void;
  track(promise: Promise<void>): Promise<void>;
}

/** The streams of one relay and token. */
interface PushGroup {
  readonly options: ResolvedPushOptions;
  streams: PushStream[];
  lastEventId: string;
}

export class PushManager {
  readonly #host: PushHost;
  readonly #groups = new Map<string, PushGroup>();
  /** The last event id per relay URL, from the store. */
  readonly #storedLastEventIds = new Map<string, string>();
  #syncTimer: unknown = null;
  /** The stream module, fetched the first time a code is followed by push. */
  #module: typeof PushSourceModule | null = null;
  #loading = false;
  readonly #tokenKeys = new WeakMap<object, number>();
  #tokenKeyCounter = 0;

  constructor(host: PushHost) {
    this.#host = host;
  }

  /** Carries on from stored positions (after loading, or from the old leader's). */
  restore(lastEventIds: ReadonlyMap<string, string>): void {
    for (const [url, id] of lastEventIds) this.#storedLastEventIds.set(url, id);
  }

  /** Which streams a relay's options share: same events URL and same token (or token function). */
  key(options: ResolvedPushOptions): string {
    const token = options.token;
    let tokenKey: string;
    if (typeof token === 'string') {
      tokenKey = `s:${token}`;
    } else {
      let key = this.#tokenKeys.get(token);
      if (key === undefined) {
        key = ++this.#tokenKeyCounter;
        this.#tokenKeys.set(token, key);
      }
      tokenKey = `f:${key}`;
    }
    return `${options.eventsUrl}\n${tokenKey}`;
  }

  /** Re-plans the streams after the current task. */
  schedule(): void {
    if (this.#syncTimer !== null || this.#host.role() === null) return;
    // Watches made in one go (a page of components) share one (re)connection.
    this.#syncTimer = this.#host.clock.setTimeout(() => {
      this.#syncTimer = null;
      this.#sync();
    }, 0);
  }

  /** Closes every stream (disposal). */
  close(): void {
    if (this.#syncTimer !== null) this.#host.clock.clearTimeout(this.#syncTimer);
    for (const group of this.#groups.values()) {
      for (const stream of group.streams) stream.close();
    }
    this.#groups.clear();
  }

  #sync(): void {
    const host = this.#host;
    const role = host.role();
    if (role === null) return;
    const wanted = new Map<string, { options: ResolvedPushOptions; ids: string[] }>();
    for (const entry of host.entries.values()) {
      // A follower opens no stream: the leader's news reaches it by message.
      if (entry.stopped || role === 'follower') continue;
      for (const options of host.sources(entry).push) {
        const key = this.key(options);
        const group = wanted.get(key) ?? { options, ids: [] };
        group.ids.push(entry.id);
        wanted.set(key, group);
      }
    }
    const streams = this.#module;
    if (streams === null) {
      if (wanted.size > 0) this.#load();
      return;
    }
    for (const [key, group] of this.#groups) {
      if (!wanted.has(key)) {
        for (const stream of group.streams) stream.close();
        this.#groups.delete(key);
      }
    }
    for (const [key, { options, ids }] of wanted) {
      let group = this.#groups.get(key);
      if (group === undefined) {
        group = {
          options,
          streams: [],
          lastEventId: this.#storedLastEventIds.get(options.url) ?? '',
        };
        this.#groups.set(key, group);
      }
      const parts = chunk([...ids].sort(), MAX_IDS_PER_REQUEST);
      const current = group;
      parts.forEach((part, index) => {
        const existing = current.streams[index];
        if (existing !== undefined) {
          existing.setAccessCodeIds(part);
        } else {
          const stream = new streams.PushStream(
            options,
            this.#streamHost(current),
            part,
            current.lastEventId,
          );
          current.streams.push(stream);
          stream.open();
        }
      });
      for (const stream of group.streams.splice(parts.length)) stream.close();
    }
  }

  #load(): void {
    if (this.#loading) return;
    this.#loading = true;
    void this.#host.track(
      import('./push-source.js').then(
        (module) => {
          this.#module = module;
          this.#sync();
        },
        (error: unknown) => {
          // The next change of watched codes tries again.
          this.#loading = false;
          this.#host.report(error, 'push');
        },
      ),
    );
  }

  #streamHost(group: PushGroup): PushStreamHost {
    const host = this.#host;
    return {
      clock: host.clock,
      random: host.random,
      onEvent: (event) => {
        if (host.deliver(event)) host.changed();
      },
      onOpen: (ids, resumed) => {
        if (resumed) return;
        // Without a Last-Event-ID the relay sends only what comes next: events between our last
        // look and now would be missed, so take one look at the codes.
        host.refetch(ids);
      },
      onResync: (ids) => host.refetch(ids),
      onFailure: (ids, failure) => {
        host.degraded(ids, failure);
        host.changed();
      },
      onRecovered: (ids) => host.refetch(ids),
      onLastEventId: (lastEventId) => {
        group.lastEventId = lastEventId;
        host.saveLastId(group.options.url, lastEventId);
      },
      report: (error) => host.report(error, 'push'),
    };
  }
}
