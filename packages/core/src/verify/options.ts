/**
 * Reading what `createVerifier` and `watch` are given: every check, each with a message that says
 * what is wrong and how to fix it, and the defaults. Also which sources follow a code: the union
 * of its watches. Nothing here runs a source.
 */
import type { SeamClient } from '../client/seam-client.js';
import { checkClock, checkStore, checkVisibility, fail } from './checks.js';
import { realClock } from './clock.js';
import { platformCoordinationApis, type CoordinationApis } from './coordination-apis.js';
import type { Entry, ResolvedWatch } from './entry.js';
import { createMemoryStore } from './memory-store.js';
import { resolvePushOptions, type ResolvedPushOptions } from './push-options.js';
import {
  resolveEventsOptions,
  resolvePollOptions,
  type ResolvedEventsOptions,
  type ResolvedPollOptions,
} from './schedule.js';
import type {
  PendingStore,
  VerifierClock,
  VerifierErrorSource,
  VerifierOptions,
  VisibilityAdapter,
  WatchOptions,
  WatchSources,
} from './types.js';

/** `createVerifier`'s options, checked, with their defaults. */
export interface VerifierConfig {
  readonly client: SeamClient;
  readonly store: PendingStore;
  readonly clock: VerifierClock;
  readonly visibility: VisibilityAdapter | null;
  readonly random: () => number;
  readonly onError: (error: unknown, source: VerifierErrorSource) => void;
  /** The poll timing; refetches and due-moment wake-ups of codes followed otherwise use it too. */
  readonly timing: ResolvedPollOptions;
  /** The events source's options, or null when it is off. */
  readonly events: ResolvedEventsOptions | null;
  /** The verifier's relay, or null. */
  readonly push: ResolvedPushOptions | null;
  /** What `watch` follows a code with when it names no sources (and resumed codes). */
  readonly defaultWatch: ResolvedWatch;
  /** Web Locks and BroadcastChannel when this verifier may coordinate with others of its store. */
  readonly apis: CoordinationApis | null;
}

export function resolveVerifierOptions(options: VerifierOptions): VerifierConfig {
  if (options === null || typeof options !== 'object') {
    fail(
      'createVerifier needs an options object: { client, store?, sources?, clock?, visibility? }.',
    );
  }
  const client = options.client as unknown;
  if (
    client === null ||
    typeof client !== 'object' ||
    typeof (client as SeamClient).accessCodes?.list !== 'function'
  ) {
    fail(
      'createVerifier: `client` must be a SeamClient (e.g. SeamClient.fromClientSessionToken(token)).',
    );
  }
  const store = checkStore(options.store) ?? createMemoryStore();
  const clock = checkClock(options.clock) ?? realClock;
  const visibility = checkVisibility(options.visibility);
  if (options.random !== undefined && typeof options.random !== 'function') {
    fail('createVerifier: `random` must be a function returning a number in [0, 1).');
  }
  if (options.onError !== undefined && typeof options.onError !== 'function') {
    fail('createVerifier: `onError` must be a function (error, source) => void.');
  }
  const onError =
    options.onError ??
    ((error: unknown, source: VerifierErrorSource) => {
      if (source === 'store' || source === 'observation') {
        console.warn(`[seam-codes verifier] ${source}:`, error);
      }
    });

  const sources = options.sources ?? { poll: true };
  if (sources === null || typeof sources !== 'object') {
    fail(
      'createVerifier: `sources` must be an object like { poll: true, events: true, push: { url, token } }.',
    );
  }
  for (const key of Object.keys(sources)) {
    if (key !== 'poll' && key !== 'events' && key !== 'push') {
      fail(`createVerifier: unknown source \`${key}\`; the sources are poll, events and push.`);
    }
  }
  const poll = sources.poll ? resolvePollOptions(sources.poll) : null;
  const events = sources.events ? resolveEventsOptions(sources.events) : null;
  const push =
    sources.push === undefined ? null : resolvePushOptions(sources.push, 'createVerifier');
  if (poll === null && events === null && push === null) {
    fail(
      'createVerifier: turn on at least one source: { poll: true }, { events: true } or { push: { url, token } }.',
    );
  }

  const coordination = options.coordination ?? 'auto';
  if (coordination !== 'auto' && coordination !== 'none') {
    fail(
      `createVerifier: \`coordination\` must be 'auto' or 'none'; got ${JSON.stringify(coordination)}.`,
    );
  }
  const key = store.coordinationKey;
  return {
    client: options.client,
    store,
    clock,
    visibility,
    random: options.random ?? Math.random,
    onError,
    timing: poll ?? resolvePollOptions(true),
    events,
    push,
    defaultWatch: { poll: poll !== null, events: events !== null, push },
    apis:
      coordination === 'auto' && typeof key === 'string' && key !== ''
        ? platformCoordinationApis()
        : null,
  };
}

/** `watch`'s options, checked against what the verifier runs. */
export function resolveWatch(options: WatchOptions, config: VerifierConfig): ResolvedWatch {
  if (options === null || typeof options !== 'object') {
    fail('verifier.watch: the options must be an object like { sources: { poll: true } }.');
  }
  let sources: WatchSources | undefined = options.sources;
  if (sources === undefined && options.mode !== undefined && options.mode !== 'auto') {
    if (!['poll', 'events', 'push'].includes(options.mode)) {
      fail(
        `verifier.watch: unknown mode ${JSON.stringify(options.mode)}; use auto, poll, events or push.`,
      );
    }
    sources = { [options.mode]: true };
  }
  if (sources === undefined) return config.defaultWatch;
  if (sources === null || typeof sources !== 'object') {
    fail('verifier.watch: `sources` must be an object like { poll: true, push: { url, token } }.');
  }
  let push: ResolvedPushOptions | null = null;
  if (sources.push === true) {
    if (config.push === null) {
      fail(
        'verifier.watch: push needs a relay: give sources.push { url, token } to createVerifier or to watch.',
      );
    }
    push = config.push;
  } else if (typeof sources.push === 'object' && sources.push !== null) {
    push = resolvePushOptions(sources.push, 'verifier.watch');
  }
  const resolved: ResolvedWatch = {
    poll: sources.poll === true,
    events: sources.events === true,
    push,
  };
  if (resolved.events && config.events === null) {
    fail(
      'verifier.watch: the events source is off; turn it on with createVerifier({ sources: { events: true } }).',
    );
  }
  if (!resolved.poll && !resolved.events && resolved.push === null) {
    fail(
      'verifier.watch: `sources` turns every source off; give at least one of poll, events, push.',
    );
  }
  return resolved;
}

/** What follows a code: the union of its watches, or the verifier's sources for a resumed code. */
export interface CodeSources {
  readonly poll: boolean;
  readonly events: boolean;
  /** Its relays, one per stream group (`pushKey`). */
  readonly push: ResolvedPushOptions[];
}

export function sourcesOf(
  entry: Entry,
  defaultWatch: ResolvedWatch,
  pushKey: (options: ResolvedPushOptions) => string,
): CodeSources {
  const holds = entry.holds.length > 0 ? entry.holds : [defaultWatch];
  const push = new Map<string, ResolvedPushOptions>();
  let poll = false;
  let events = false;
  for (const hold of holds) {
    poll ||= hold.poll;
    events ||= hold.events;
    if (hold.push !== null) push.set(pushKey(hold.push), hold.push);
  }
  return { poll, events, push: [...push.values()] };
}
