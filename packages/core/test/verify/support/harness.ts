/**
 * The verifier against the real sandbox: a seeded world in manual time, a `SeamClient` over the
 * sandbox's in-page fetch handler (or its HTTP server), a manual clock that moves the sandbox's
 * virtual clock and the verifier's timers together, a log of every request, and dropped
 * connections injected at the network edge, the one fault no server can answer with (429s and
 * 503s come from the sandbox's own read faults: `sandbox.control.faultReads`).
 */
import type { AccessCode } from '@seamapi/types/connect';
import { SeamClient, type FetchLike } from '../../../src/client/index.js';
import type { CodeState, DerivedPhase } from '../../../src/lifecycle/index.js';
import {
  createManualClock,
  createMemoryStore,
  createVerifier,
  type ManualClock,
  type PendingStore,
  type Verifier,
  type VerifierOptions,
  type VisibilityAdapter,
} from '../../../src/verify/index.js';
import {
  createSandbox,
  type Sandbox,
  type SandboxOptions,
  type SandboxState,
} from '../../../../sandbox/src/index.js';

/** One minute, one hour, one day, in ms. */
export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Where the tests start: a fixed instant, so every run replays the same. */
export const START = '2026-03-02T15:00:00.000Z';

/** One request the client sent. */
export interface LoggedRequest {
  readonly route: string;
  /** Virtual time when it was sent (epoch ms). */
  readonly at: number;
  readonly body: Record<string, unknown>;
  /** The HTTP status, or null when a fault dropped it. */
  status: number | null;
}

/** A fault the network edge injects into the next matching requests: the connection fails. */
export type Fault = { readonly kind: 'network_down' };

/** Records requests and injects faults in front of any fetch. */
export class NetworkEdge {
  readonly requests: LoggedRequest[] = [];
  readonly #faults: { route: string | null; fault: Fault; remaining: number }[] = [];
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Makes the next `count` requests to `route` (any route when null) fail with `fault`. */
  inject(fault: Fault, count: number, route: string | null = null): void {
    this.#faults.push({ route, fault, remaining: count });
  }

  /** Drops every fault not yet used. */
  heal(): void {
    this.#faults.length = 0;
  }

  /** Requests to `route` so far (or all). */
  count(route?: string): number {
    return route === undefined
      ? this.requests.length
      : this.requests.filter((request) => request.route === route).length;
  }

  /** Wraps `fetch`: what passes through is logged; faults answer instead of the server. */
  wrap(fetch: (request: Request) => Promise<Response>): FetchLike {
    return async (request) => {
      const route = new URL(request.url).pathname;
      const text = request.method === 'GET' ? '' : await request.clone().text();
      const logged: LoggedRequest = {
        route,
        at: this.#now(),
        body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
        status: null,
      };
      this.requests.push(logged);
      const index = this.#faults.findIndex(
        (item) => item.remaining > 0 && (item.route === null || item.route === route),
      );
      if (index !== -1) {
        const item = this.#faults[index]!;
        item.remaining -= 1;
        if (item.remaining === 0) this.#faults.splice(index, 1);
        this.#answer(item.fault);
      }
      const response = await fetch(request);
      logged.status = response.status;
      return response;
    };
  }

  #answer(fault: Fault): never {
    switch (fault.kind) {
      case 'network_down':
        // What fetch does when the connection cannot be made or is reset (status stays null).
        throw new TypeError('fetch failed');
    }
  }
}

/** Extra locks cloned from a catalogue device, so that tests can spread codes over many. */
export function sandboxStateWithLocks(
  count: number,
  options: { seed?: number; start?: string; role?: string } = {},
): { state: SandboxState; deviceIds: string[] } {
  const seeded = createSandbox({
    seed: options.seed ?? 1,
    speed: 0,
    start: options.start ?? START,
  });
  const state = seeded.snapshot();
  seeded.dispose();
  const template = state.devices.find(
    (device) => device.role === (options.role ?? 'builtInKeypad'),
  );
  if (template === undefined) throw new Error(`no catalogue device has role ${options.role}`);
  const deviceIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const copy = structuredClone(template);
    const hex = (index + 1).toString(16).padStart(12, '0');
    copy.device_id = `0bad1dea-0000-4000-8000-${hex}`;
    copy.role = null;
    copy.base = { ...copy.base, device_id: copy.device_id, display_name: `Test lock ${index + 1}` };
    copy.random = [
      (template.random[0] + index * 2654435761) >>> 0,
      (template.random[1] ^ (index * 40503)) >>> 0,
      template.random[2],
      (template.random[3] + index) >>> 0,
    ];
    state.devices.push(copy);
    deviceIds.push(copy.device_id);
  }
  return { state, deviceIds };
}

/** Options of {@link setup}. */
export interface SetupOptions {
  sandbox?: SandboxOptions;
  verifier?: Partial<Omit<VerifierOptions, 'client' | 'clock'>>;
  /** Share a store between verifiers (a reload). */
  store?: PendingStore;
  /** Send requests to this endpoint with the global fetch (the sandbox's HTTP server). */
  endpoint?: string;
  /** Use an existing sandbox (e.g. one behind an HTTP server). */
  existingSandbox?: Sandbox;
  /** The client session token the verifier's client sends (default: the sandbox's demo one). */
  clientSessionToken?: string;
}

/** What {@link setup} gives a test. */
export interface Harness {
  readonly sandbox: Sandbox;
  readonly clock: ManualClock;
  readonly client: SeamClient;
  readonly network: NetworkEdge;
  readonly store: PendingStore;
  readonly verifier: Verifier;
  readonly devices: Sandbox['catalogue']['devices'];
  /** Phases each code went through, as subscribers saw them, with the virtual time. */
  readonly history: Map<string, { phase: DerivedPhase; at: number }[]>;
  /** Creates a code with the API key (as a host's backend would) and returns it. */
  create(params: Record<string, unknown>): Promise<AccessCode>;
  /** Calls any Seam route with the API key, outside the verifier's client and request log. */
  api(route: string, body: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Phases seen for a code (consecutive repeats collapsed). */
  phases(accessCodeId: string): DerivedPhase[];
  /** The code's published state (throws when there is none). */
  state(accessCodeId: string): CodeState;
  /** Advances in steps until `predicate` holds; fails after `limitMs` of virtual time. */
  advanceUntil(predicate: () => boolean, limitMs: number, stepMs?: number): Promise<number>;
  /**
   * A new verifier on the same sandbox, client and store, with a new clock: the old verifier is
   * left frozen (its clock is never advanced again) as a crashed or reloaded page is. Dispose it
   * first for a clean shutdown.
   */
  restart(options?: Partial<Omit<VerifierOptions, 'client' | 'clock'>>): Verifier;
  dispose(): Promise<void>;
}

/**
 * A sandbox in manual time and a verifier over it (client session token, no client retries: the
 * verifier owns backoff), tied by one manual clock.
 */
export function setup(options: SetupOptions = {}): Harness {
  const sandbox =
    options.existingSandbox ?? createSandbox({ speed: 0, start: START, ...options.sandbox });
  let verifier: Verifier;
  // One manual clock per verifier: a "crashed" verifier keeps its clock, which nobody advances
  // any more, so it is frozen like a closed tab while the sandbox's time goes on.
  const makeClock = (): ManualClock =>
    createManualClock({
      now: () => sandbox.clock.now(),
      advanceTo: (time) => sandbox.clock.advanceTo(time),
      settle: async () => {
        // In-page requests resolve through microtasks and stream reads; wait for the verifier.
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        await verifier.idle();
      },
    });
  let clock = makeClock();
  const network = new NetworkEdge(() => sandbox.clock.now());
  const endpoint = options.endpoint ?? 'https://sandbox.test';
  const fetcher =
    options.endpoint === undefined
      ? (request: Request) => sandbox.fetch(request)
      : (request: Request) => globalThis.fetch(request);
  const token = options.clientSessionToken ?? sandbox.credentials.clientSessionToken;
  const client = SeamClient.fromClientSessionToken(token, {
    endpoint,
    fetch: network.wrap(fetcher),
    retry: false,
  });
  const store = options.store ?? createMemoryStore();
  const history = new Map<string, { phase: DerivedPhase; at: number }[]>();
  const make = (extra: Partial<Omit<VerifierOptions, 'client' | 'clock'>> = {}): Verifier => {
    const created = createVerifier({
      client,
      clock,
      store,
      random: () => 0.5,
      onError: () => undefined,
      ...options.verifier,
      ...extra,
    });
    created.subscribe((update) => {
      if (update.state === null) return;
      const list = history.get(update.accessCodeId) ?? [];
      list.push({ phase: update.state.phase, at: sandbox.clock.now() });
      history.set(update.accessCodeId, list);
    });
    return created;
  };
  verifier = make();
  const api = async (route: string, body: Record<string, unknown>) => {
    const response = await sandbox.fetch(`https://sandbox.test${route}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandbox.credentials.apiKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (response.status !== 200) {
      throw new Error(`${route} answered ${response.status}: ${JSON.stringify(json)}`);
    }
    return json;
  };
  const harness: Harness = {
    sandbox,
    get clock() {
      return clock;
    },
    client,
    network,
    store,
    get verifier() {
      return verifier;
    },
    devices: sandbox.catalogue.devices,
    history,
    async create(params) {
      const json = await api('/access_codes/create', params);
      return json.access_code as AccessCode;
    },
    api,
    phases(accessCodeId) {
      const phases: DerivedPhase[] = [];
      for (const { phase } of history.get(accessCodeId) ?? []) {
        if (phases.at(-1) !== phase) phases.push(phase);
      }
      return phases;
    },
    state(accessCodeId) {
      const state = verifier.getSnapshot(accessCodeId);
      if (state === null) throw new Error(`the verifier has no state for ${accessCodeId}`);
      return state;
    },
    async advanceUntil(predicate, limitMs, stepMs = SECOND) {
      const began = sandbox.clock.now();
      while (!predicate()) {
        if (sandbox.clock.now() - began >= limitMs) {
          throw new Error(`not reached within ${limitMs / 1000} s of virtual time`);
        }
        await clock.advance(stepMs);
      }
      return sandbox.clock.now() - began;
    },
    restart(extra) {
      clock = makeClock();
      verifier = make(extra);
      return verifier;
    },
    async dispose() {
      await verifier.dispose();
      if (options.existingSandbox === undefined) sandbox.dispose();
    },
  };
  return harness;
}

/** A visibility adapter a test flips by hand. */
export function manualVisibility(): VisibilityAdapter & { set(hidden: boolean): void } {
  let hidden = false;
  const callbacks = new Set<() => void>();
  return {
    isHidden: () => hidden,
    onChange(callback) {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
    set(next) {
      hidden = next;
      for (const callback of callbacks) callback();
    },
  };
}
