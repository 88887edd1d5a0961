/**
 * Shared helpers of the browser tests: a sandbox running in the page with a stopped virtual
 * clock, a client on its fetch handler (with the demo client session token, the page credential),
 * and small DOM helpers that reach into shadow roots.
 */
import { waitUntil } from '@open-wc/testing';
import {
  SeamClient,
  createManualClock,
  createVerifier,
  type ManualClock,
  type Verifier,
} from '@seam-codes/core';
import { createSandbox, type Sandbox, type SandboxOptions } from '@seam-codes/sandbox';

/** A fixed start so dates in the tests are stable: a Wednesday in the northern winter. */
export const START = '2026-01-14T17:00:00.000Z';

export interface TestWorld {
  readonly sandbox: Sandbox;
  readonly client: SeamClient;
  readonly now: () => number;
  /** Every request the client sent, as routes, in order. */
  readonly requests: string[];
  /** A verifier on the sandbox's clock: polls and events run as `advance` moves time. */
  readonly verifier: Verifier;
  /** The verifier's clock, tied to the sandbox's. */
  readonly clock: ManualClock;
  /** Moves the locks and the verifier forward together, running every poll on the way. */
  advance(ms: number): Promise<void>;
}

/** How a world's client reaches its sandbox. */
export interface WorldTransport {
  /** An existing sandbox (a fresh world on it stands for a reloaded page). */
  readonly sandbox?: Sandbox;
  /** True to lose the answer to a request: Seam got it, the page never hears back. */
  readonly loseAnswer?: (route: string) => boolean;
}

/**
 * A sandbox with a stopped clock, a client on its in-page fetch handler and a verifier whose
 * manual clock moves the sandbox's: one `advance` drives the locks and the polls in order.
 */
export function world(options: SandboxOptions = {}, transport: WorldTransport = {}): TestWorld {
  const sandbox =
    transport.sandbox ?? createSandbox({ speed: 0, start: START, rateLimits: false, ...options });
  const requests: string[] = [];
  const fetch = async (request: Request) => {
    const route = new URL(request.url).pathname;
    requests.push(route);
    const lost = transport.loseAnswer?.(route) === true;
    const response = await sandbox.fetch(request);
    if (lost) throw new TypeError('Failed to fetch (connection dropped)');
    return response;
  };
  const client = SeamClient.fromClientSessionToken(sandbox.credentials.clientSessionToken, {
    endpoint: 'https://sandbox.invalid',
    fetch,
    retry: false,
  });
  const clock = createManualClock({
    now: () => sandbox.clock.now(),
    advanceTo: (time) => sandbox.clock.advanceTo(time),
    settle: async () => {
      await settle(3);
      await verifier.idle();
    },
  });
  const verifier = createVerifier({ client, clock, sources: { poll: true, events: true } });
  return {
    sandbox,
    client,
    now: () => sandbox.clock.now(),
    requests,
    verifier,
    clock,
    advance: (ms) => clock.advance(ms),
  };
}

/** The element's shadow root. */
export function shadow(element: Element): ShadowRoot {
  const root = element.shadowRoot;
  if (root === null) throw new Error(`<${element.localName}> has no shadow root`);
  return root;
}

/** One element in the shadow root, or a failure naming the selector. */
export function $(element: Element, selector: string): HTMLElement {
  const found = shadow(element).querySelector<HTMLElement>(selector);
  if (found === null) throw new Error(`no ${selector} in <${element.localName}>`);
  return found;
}

/** Every match in the shadow root. */
export function $$(element: Element, selector: string): HTMLElement[] {
  return [...shadow(element).querySelectorAll<HTMLElement>(selector)];
}

/** The text of the shadow root, whitespace collapsed. */
export function text(element: Element, selector = '.base'): string {
  return ($(element, selector).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Types into an input of the shadow root the way a user does (fires `input`). */
export function type(element: Element, selector: string, value: string): void {
  const input = $(element, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Checks a radio or checkbox (fires `change`). */
export function check(element: Element, selector: string, checked = true): void {
  const input = $(element, selector) as HTMLInputElement;
  input.checked = checked;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Waits until the element matches a custom state, e.g. `ready`. */
export async function untilState(element: Element, state: string, timeout = 4000): Promise<void> {
  await waitUntil(
    () => element.matches(`:state(${state})`),
    `<${element.localName}> never reached :state(${state})`,
    { timeout },
  );
}

/** Lets queued promise work (fetch handler, verifier ticks) run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
