/** Helpers shared by the browser tests. */
import type { AccessCode } from '@seamapi/types/connect';
import type { Sandbox } from '../../sandbox/src/index.js';
import { createManualClock, type ManualClock } from '../src/verify/index.js';

/**
 * A verifier's manual clock that moves the sandbox's: `advance` runs the locks and the polls in
 * order. `idle` is the verifier's (it is asked only after the verifier exists).
 */
export function sandboxClock(sandbox: Sandbox, idle: () => Promise<void>): ManualClock {
  return createManualClock({
    now: () => sandbox.clock.now(),
    advanceTo: (time) => sandbox.clock.advanceTo(time),
    settle: async () => {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      await idle();
    },
  });
}

/** Creates a code on the in-page sandbox with its API key, as a backend would. */
export async function create(
  sandbox: Sandbox,
  params: Record<string, unknown>,
): Promise<AccessCode> {
  const response = await sandbox.fetch('https://sandbox.test/access_codes/create', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${sandbox.credentials.apiKey}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(params),
  });
  const json = (await response.json()) as { access_code: AccessCode };
  if (response.status !== 200) throw new Error(`create answered ${response.status}`);
  return json.access_code;
}

/** Waits (in real time) until `predicate` holds, or fails naming `what`. */
export async function eventually(
  predicate: () => boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline)
      throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
