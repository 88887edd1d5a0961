/**
 * `createSandbox()`: the simulator as an object with a standard `fetch` handler, a virtual
 * clock and a control API. It runs wherever `fetch`, `Request` and `Response` exist (a page, a
 * worker, Node) and imports nothing from Node.
 */
import { ReadFaults } from './read-faults.js';
import type { SeamEvent } from '@seamapi/types/connect';
import {
  assertSeed,
  buildInitialState,
  DEFAULT_SEED,
  describeCatalogue,
  type SandboxCatalogue,
  type SandboxCredentials,
} from './catalogue.js';
import { toEpoch, VirtualClock, type SandboxClock } from './clock.js';
import { SandboxControl } from './control.js';
import { createHandler, toResponse, type RawRequest, type RawResponse } from './http/handler.js';
import type { RateLimits, Services } from './http/router.js';
import { SandboxInputError } from './input-error.js';
import { accessCodeRoutes } from './routes/access-codes.js';
import { connectedAccountRoutes } from './routes/connected-accounts.js';
import { controlRoutes } from './routes/control.js';
import { deviceRoutes } from './routes/devices.js';
import { workspaceRoutes } from './routes/workspace.js';
import { reconcile } from './sim/lifecycle.js';
import { WebhookDispatcher } from './sim/webhooks.js';
import type { DeliveryRecord, SandboxState } from './state.js';
import { World } from './world.js';

/** Seam's per-device limits per minute (spec §B16). */
export const SEAM_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  create: 10,
  update: 10,
  delete: 20,
});

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /** Seed of every id, credential and random draw (default 1: the documented catalogue). */
  seed?: number;
  /** Virtual time at the start: epoch ms, a Date or ISO 8601 (default: the real time now). */
  start?: number | string | Date;
  /**
   * 0 stops virtual time until `clock.advance()` (tests, replays); a positive factor makes it
   * flow that many times faster than real time. Default 1 (real time).
   */
  speed?: number;
  /** Restores a snapshot (from `snapshot()` or the CLI's state file) instead of seeding. */
  state?: SandboxState;
  /**
   * Serves the `/_sandbox/*` control routes and Seam's `/…/simulate/*` routes. Off by default:
   * in a page, use the `control` methods instead. The CLI turns it on unless `--no-control`.
   */
  control?: boolean;
  /** Bearer token of the control routes (default: `catalogue.credentials.controlToken`). */
  controlToken?: string;
  /** Per-device limits per minute; `false` turns rate limiting off. Default Seam's 10/10/20. */
  rateLimits?: Partial<RateLimits> | false;
  /** The fetch webhook deliveries use (default `globalThis.fetch`). */
  webhookFetch?: typeof fetch;
  /** Real ms before a webhook delivery attempt counts as failed (default 10 000). */
  webhookTimeoutMs?: number;
  /** Wall-clock source, for real-time mode and `svix-timestamp` (default `Date.now`). */
  realNow?: () => number;
  /** Receives errors thrown while the clock runs on its own in real-time mode. */
  onError?: (error: unknown) => void;
}

/** A running sandbox. */
export interface Sandbox {
  /** The Seam API as a standard fetch handler: pass it wherever a `fetch` is expected. */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /**
   * The same handler without `Request`/`Response` objects, for servers that already hold the
   * parts (the Node server uses it). Most callers want `fetch`.
   */
  readonly handle: (request: RawRequest) => Promise<RawResponse>;
  /** The virtual clock every transition runs on. */
  readonly clock: SandboxClock;
  /** The current seed (changes after `reset(seed)`). */
  readonly seed: number;
  /** Ids by role and credentials of the current seed. */
  readonly catalogue: SandboxCatalogue;
  /** Shortcut for `catalogue.credentials`. */
  readonly credentials: SandboxCredentials;
  /** Faults and scripts: offline locks, keypads, accounts, failing attempts, lock-app edits. */
  readonly control: SandboxControl;
  /** Whether the control and simulate routes are served over `fetch`. */
  readonly controlEnabled: boolean;
  /** Bearer token of the control routes. */
  readonly controlToken: string;
  /** Every event recorded so far, oldest first (copies). */
  events(): SeamEvent[];
  /** Webhook deliveries with their attempts (copies). */
  deliveries(): DeliveryRecord[];
  /** The whole state as JSON-safe data; `createSandbox({ state })` restores it. */
  snapshot(): SandboxState;
  /** Rebuilds the seeded world (optionally with another seed); the clock keeps its time. */
  reset(seed?: number): void;
  /** Resolves when no webhook delivery is in flight. */
  whenIdle(): Promise<void>;
  /** Calls `listener` after anything may have changed (requests, control calls, clock runs). */
  onChange(listener: () => void): () => void;
  /** Stops the real-time timer and webhook delivery. The sandbox must not be used afterwards. */
  dispose(): void;
}

function resolveRateLimits(option: SandboxOptions['rateLimits']): RateLimits | null {
  if (option === false) return null;
  const limits = { ...SEAM_RATE_LIMITS, ...option };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new SandboxInputError(`rateLimits.${name} must be a whole number of 1 or more.`);
    }
  }
  return limits;
}

function checkState(state: SandboxState): void {
  if (typeof state !== 'object' || state === null || state.version !== 1) {
    throw new SandboxInputError(
      'state must be a snapshot taken with sandbox.snapshot() (version 1); this one is not.',
    );
  }
  assertSeed(state.seed);
}

/**
 * Creates a sandbox: a seeded world of locks behind Seam's access-code API.
 *
 * @example
 * const sandbox = createSandbox({ speed: 0, start: '2026-03-01T12:00:00Z' });
 * const response = await sandbox.fetch('https://sandbox.invalid/devices/list', {
 *   method: 'POST',
 *   headers: { authorization: `Bearer ${sandbox.credentials.apiKey}` },
 * });
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  if (options.state !== undefined) checkState(options.state);
  const seed = options.state?.seed ?? options.seed ?? DEFAULT_SEED;
  assertSeed(seed);
  const realNow = options.realNow ?? (() => Date.now());
  const start =
    options.start !== undefined
      ? toEpoch(options.start, 'start')
      : (options.state?.now ?? Math.floor(realNow() / 1000) * 1000);
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const clock = new VirtualClock({
    start,
    speed: options.speed ?? 1,
    realNow,
    onRun: notify,
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });
  const controlEnabled = options.control === true;
  const rateLimits = resolveRateLimits(options.rateLimits);
  const transport = {
    fetch:
      options.webhookFetch ??
      ((input: Request | string | URL, init?: RequestInit) => fetch(input, init)),
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    realNow,
  };

  let world: World;
  let dispatcher: WebhookDispatcher;
  const load = (state: SandboxState) => {
    clock.clear();
    dispatcher?.dispose();
    world = new World(state, clock);
    dispatcher = new WebhookDispatcher(world, transport);
    // Timers are not saved: every one of them follows from the records.
    for (const code of [...world.codes.values()]) {
      const current = world.codes.get(code.access_code_id);
      if (current !== undefined) reconcile(world, current);
    }
  };
  load(structuredClone(options.state ?? buildInitialState(seed, start)));

  const after = () => {
    clock.runDue();
    notify();
  };
  const readFaults = new ReadFaults();
  const control = new SandboxControl(() => world, after, readFaults);
  const controlToken = options.controlToken ?? describeCatalogue(seed).credentials.controlToken;
  const reset = (nextSeed?: number) => {
    const chosen = nextSeed ?? world.seed;
    assertSeed(chosen);
    load(buildInitialState(chosen, clock.now()));
    readFaults.clear();
    notify();
  };
  const services: Services = {
    get world() {
      return world;
    },
    rateLimits,
    reset,
    control,
    controlEnabled,
    controlToken,
    readFaults,
  };
  const handler = createHandler(
    services,
    [
      ...deviceRoutes,
      ...accessCodeRoutes,
      ...connectedAccountRoutes,
      ...workspaceRoutes,
      ...controlRoutes,
    ],
    { before: () => clock.runDue(), after, requestId: () => world.nextId('request') },
  );

  return {
    fetch: async (input, init) => toResponse(await handler(new Request(input, init))),
    handle: handler,
    clock,
    get seed() {
      return world.seed;
    },
    get catalogue() {
      return describeCatalogue(world.seed);
    },
    get credentials() {
      return describeCatalogue(world.seed).credentials;
    },
    control,
    controlEnabled,
    controlToken,
    events: () => structuredClone(world.events),
    deliveries: () => structuredClone([...world.deliveries.values()]),
    snapshot: () => world.snapshot(),
    reset,
    whenIdle: () => dispatcher.idle(),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      clock.dispose();
      dispatcher.dispose();
      listeners.clear();
    },
  };
}
