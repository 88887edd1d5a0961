/**
 * The world a story runs in: a Seam client, a verifier and a clock, on one of three backends.
 *
 * - `inpage` (default): `createSandbox()` in the page, its fetch handler as the transport, its
 *   clock stopped and driven by one `ManualClock` that also runs the verifier's polls, so the
 *   static build needs no server and "advance 1 h" runs every poll on the way, in order.
 * - `local`: `seam-sandbox serve` over HTTP (what `npm start` runs), with its demo client session
 *   token and its control routes.
 * - `seam`: real Seam, with a client session token the reader pasted. The token lives in this
 *   module only: never in the URL, storage or a log.
 */
import {
  SeamClient,
  createManualClock,
  createVerifier,
  type ManualClock,
  type Verifier,
} from '@seam-codes/core';
import {
  FAULTABLE_READ_ROUTES,
  SANDBOX_CATALOGUE,
  createSandbox,
  type Sandbox,
  type SandboxDeviceRole,
} from '@seam-codes/sandbox';
import type { Device } from '@seamapi/types/connect';

export type Backend = 'inpage' | 'local' | 'seam';
export type Fault = 'none' | 'offline' | 'keypad' | 'failNextSet' | 'account' | 'storm';

/** The toolbar's choices (Storybook globals; none of them is a secret). */
export interface WorldGlobals {
  backend?: Backend;
  lock?: string;
  speed?: string;
  fault?: Fault;
}

/** What a story asks of its world. */
export interface WorldOptions {
  /** The story's own lock; the toolbar's `lock` overrides it unless it is `story`. */
  role?: SandboxDeviceRole;
  /** Virtual start time (in-page only); default a fixed Wednesday so stories look the same. */
  start?: string;
}

/** The sandbox's control routes, the same in the page and over HTTP; null on real Seam. */
export interface Control {
  setDeviceOnline(deviceId: string, online: boolean): Promise<void>;
  setKeypadConnected(deviceId: string, connected: boolean): Promise<void>;
  setAccountConnected(accountId: string, connected: boolean): Promise<void>;
  failNextSet(deviceId: string, count: number): Promise<void>;
  failNextRemove(deviceId: string, count: number): Promise<void>;
  enterCode(deviceId: string, pin: string): Promise<void>;
  stormReads(): Promise<void>;
}

export interface World {
  readonly backend: Backend;
  readonly client: SeamClient;
  readonly verifier: Verifier;
  /** The time the locks live in (virtual on a sandbox). */
  readonly now: () => number;
  /** The lock the story shows. */
  readonly deviceId: string;
  readonly role: SandboxDeviceRole | null;
  readonly control: Control | null;
  /** The in-page sandbox, when that is the backend. */
  readonly sandbox: Sandbox | null;
  /** Moves the locks and the verifier on by `ms` (virtual); null where time cannot be moved. */
  readonly advance: ((ms: number) => Promise<void>) | null;
  /** Virtual ms per real ms while the world runs on its own (0 = stopped). */
  speed: number;
  /** Stops the clock loop and the verifier. */
  dispose(): Promise<void>;
}

/** A fixed start (a Wednesday in the northern winter) so screenshots are stable. */
export const DEFAULT_START = '2026-01-14T17:00:00.000Z';
const DEFAULT_LOCAL_URL = 'http://127.0.0.1:8787';
const credentials = SANDBOX_CATALOGUE.credentials;

let pastedToken = '';
/** Keeps a real Seam client session token for this page's life, in memory only. */
export function setSeamToken(token: string): void {
  pastedToken = token.trim();
}
export function hasSeamToken(): boolean {
  return pastedToken !== '';
}
let seamDevice = '';
/** The real lock the reader picked on real Seam. */
export function setSeamDevice(deviceId: string): void {
  seamDevice = deviceId;
}
export function seamDeviceId(): string {
  return seamDevice;
}

let localUrl: Promise<string> | undefined;
/**
 * Where `seam-sandbox serve` listens: `npm start` serves `seam-local.json` next to the static
 * site, and passes STORYBOOK_SEAM_SANDBOX_URL to `storybook dev` (`npm start -- --dev`);
 * elsewhere the CLI's default port.
 */
export function localSandboxUrl(): Promise<string> {
  const fromEnv = (import.meta.env as Record<string, string | undefined>)
    .STORYBOOK_SEAM_SANDBOX_URL;
  const fallback = fromEnv || DEFAULT_LOCAL_URL;
  localUrl ??= fetch(new URL('seam-local.json', document.baseURI))
    .then(async (response) =>
      response.ok ? ((await response.json()) as { sandbox: string }).sandbox : fallback,
    )
    .catch(() => fallback);
  return localUrl;
}

/** The lock a story shows: the toolbar's choice, else the story's, else the happy path. */
export function roleFor(globals: WorldGlobals, options: WorldOptions): SandboxDeviceRole {
  const chosen = globals.lock;
  if (chosen && chosen !== 'story' && chosen in SANDBOX_CATALOGUE.devices) {
    return chosen as SandboxDeviceRole;
  }
  return options.role ?? 'builtInKeypad';
}

function httpControl(baseUrl: string): Control {
  const post = async (route: string, body: Record<string, unknown>): Promise<void> => {
    const response = await fetch(`${baseUrl}/_sandbox/${route}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${credentials.controlToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`the sandbox refused ${route}: ${await response.text()}`);
  };
  return {
    setDeviceOnline: (device_id, online) => post('devices/set_online', { device_id, online }),
    setKeypadConnected: (device_id, connected) =>
      post('devices/set_keypad', { device_id, connected }),
    setAccountConnected: (connected_account_id, connected) =>
      post('connected_accounts/set_connected', { connected_account_id, connected }),
    failNextSet: (device_id, count) => post('devices/fail_next_set', { device_id, count }),
    failNextRemove: (device_id, count) => post('devices/fail_next_remove', { device_id, count }),
    enterCode: (device_id, code) => post('devices/enter_code', { device_id, code }),
    stormReads: () =>
      post('reads/fault', {
        routes: [...FAULTABLE_READ_ROUTES],
        status: 429,
        retry_after_s: 20,
        count: 30,
      }),
  };
}

function pageControl(sandbox: Sandbox): Control {
  const c = sandbox.control;
  return {
    setDeviceOnline: async (id, online) => c.setDeviceOnline(id, online),
    setKeypadConnected: async (id, connected) => c.setKeypadConnected(id, connected),
    setAccountConnected: async (id, connected) => c.setAccountConnected(id, connected),
    failNextSet: async (id, count) => c.failNextSet(id, count),
    failNextRemove: async (id, count) => c.failNextRemove(id, count),
    enterCode: async (id, pin) => {
      c.enterCode(id, pin);
    },
    stormReads: async () => {
      c.faultReads({ routes: [...FAULTABLE_READ_ROUTES], status: 429, retryAfterS: 20, count: 30 });
    },
  };
}

/** Applies the toolbar's fault to the story's lock. */
async function applyFault(world: World, fault: Fault | undefined): Promise<void> {
  const control = world.control;
  if (control === null || fault === undefined || fault === 'none') return;
  switch (fault) {
    case 'offline':
      return control.setDeviceOnline(world.deviceId, false);
    case 'keypad':
      return control.setKeypadConnected(world.deviceId, false);
    case 'failNextSet':
      return control.failNextSet(world.deviceId, 3);
    case 'account': {
      const device: Device = await world.client.devices.get({ device_id: world.deviceId });
      return control.setAccountConnected(device.connected_account_id, false);
    }
    case 'storm':
      return control.stormReads();
  }
}

/** Virtual ms that pass per tick of real time: `speed` × the tick. */
const TICK_MS = 250;
const HOUR_MS = 3_600_000;

function inPageWorld(role: SandboxDeviceRole, options: WorldOptions, speed: number): World {
  const sandbox = createSandbox({
    speed: 0,
    start: options.start ?? DEFAULT_START,
    rateLimits: false,
  });
  const client = SeamClient.fromClientSessionToken(sandbox.credentials.clientSessionToken, {
    endpoint: 'https://sandbox.invalid',
    fetch: sandbox.fetch,
  });
  // One manual clock drives the locks and the verifier's timers, in time order.
  const clock: ManualClock = createManualClock({
    now: () => sandbox.clock.now(),
    advanceTo: (time) => sandbox.clock.advanceTo(time),
    settle: async () => {
      for (let turn = 0; turn < 3; turn += 1) await new Promise((r) => setTimeout(r, 0));
      await verifier.idle();
    },
  });
  const verifier = createVerifier({ client, clock, sources: { poll: true, events: true } });
  // Advances never overlap: each waits for the one before.
  let queue: Promise<void> = Promise.resolve();
  // Up to an hour, every timer on the way runs in time order (each poll of the verifier). Longer
  // steps move the locks first (the sandbox still runs every transition in order) and then run the
  // verifier's due timers once: its events cursor still sees every event of the gap (an unlock).
  const advance = (ms: number): Promise<void> => {
    queue = queue
      .then(async () => {
        if (ms <= HOUR_MS) return clock.advance(ms);
        sandbox.clock.advance(ms);
        await clock.runDue();
      })
      .catch((error: unknown) => console.warn(error));
    return queue;
  };
  let busy = false;
  const world: World = {
    backend: 'inpage',
    client,
    verifier,
    now: () => sandbox.clock.now(),
    deviceId: sandbox.catalogue.devices[role],
    role,
    control: pageControl(sandbox),
    sandbox,
    advance,
    speed,
    async dispose() {
      clearInterval(ticker);
      await verifier.dispose();
    },
  };
  const ticker = setInterval(() => {
    if (busy) return;
    busy = true;
    // A stopped clock still runs what is due now (a first fetch), so elements load.
    const step = world.speed > 0 ? TICK_MS * world.speed : 0;
    queue = queue
      .then(() => (step > 0 ? clock.advance(step) : clock.runDue()))
      .catch((error: unknown) => console.warn(error));
    void queue.finally(() => {
      busy = false;
    });
  }, TICK_MS);
  return world;
}

async function localWorld(role: SandboxDeviceRole): Promise<World> {
  const endpoint = await localSandboxUrl();
  const client = SeamClient.fromClientSessionToken(credentials.clientSessionToken, { endpoint });
  const verifier = createVerifier({ client, sources: { poll: true, events: true } });
  const control = httpControl(endpoint);
  // The server's clock runs at its own --speed; this page follows it from /_sandbox/clock/get.
  let synced = { at: Date.now(), now: Date.now(), speed: 1 };
  const world: World = {
    backend: 'local',
    client,
    verifier,
    now: () => synced.now + (Date.now() - synced.at) * synced.speed,
    deviceId: SANDBOX_CATALOGUE.devices[role],
    role,
    control,
    sandbox: null,
    advance: async (ms) => {
      const response = await fetch(`${endpoint}/_sandbox/clock/advance`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${credentials.controlToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ ms }),
      });
      if (!response.ok) throw new Error(`the sandbox refused to advance: ${response.status}`);
      await syncClock();
      verifier.refresh();
    },
    speed: 0,
    dispose: () => verifier.dispose(),
  };
  async function syncClock(): Promise<void> {
    const response = await fetch(`${endpoint}/_sandbox/clock/get`, {
      method: 'POST',
      headers: { authorization: `Bearer ${credentials.controlToken}` },
    });
    if (!response.ok) return;
    const { clock } = (await response.json()) as { clock: { now_ms: number; speed: number } };
    synced = { at: Date.now(), now: clock.now_ms, speed: clock.speed };
    world.speed = clock.speed;
  }
  await syncClock().catch(() => undefined);
  return world;
}

function seamWorld(): World {
  const client = SeamClient.fromClientSessionToken(pastedToken);
  const verifier = createVerifier({ client, sources: { poll: true, events: true } });
  return {
    backend: 'seam',
    client,
    verifier,
    now: () => Date.now(),
    deviceId: seamDevice,
    role: null,
    control: null,
    sandbox: null,
    advance: null,
    speed: 1,
    dispose: () => verifier.dispose(),
  };
}

/** Builds the world for a story from the toolbar's globals, with the toolbar's fault applied. */
export async function createWorld(
  globals: WorldGlobals,
  options: WorldOptions = {},
): Promise<World> {
  const role = roleFor(globals, options);
  const backend = globals.backend ?? 'inpage';
  const speed = Number(globals.speed ?? '0');
  let world: World;
  if (backend === 'seam') {
    if (!hasSeamToken()) throw new MissingTokenError();
    world = seamWorld();
  } else if (backend === 'local') {
    world = await localWorld(role);
  } else {
    world = inPageWorld(role, options, Number.isFinite(speed) ? speed : 0);
  }
  await applyFault(world, globals.fault);
  return world;
}

/** Real Seam was chosen before a token was pasted. */
export class MissingTokenError extends Error {
  constructor() {
    super('Paste a client session token in the sandbox bar to use real Seam.');
  }
}
