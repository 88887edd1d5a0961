/**
 * In headless Chromium: 500 `<seam-code-status>` elements on one page, sharing one client and
 * one verifier through the context (codes spread over three locks of 250 slots), against the in-page sandbox. Measures the time to the first
 * render of all of them, the time until all show their code's state, and the requests each poll
 * tick makes. Posts the figures to the bench runner.
 */
import {
  SeamClient,
  createManualClock,
  createVerifier,
  type Verifier,
  type VerifierSources,
} from '@seam-codes/core';
import { createSandbox } from '@seam-codes/sandbox';
import '../src/define.js';
import { provideSeamContext } from '../src/context.js';
import type { SeamCodeStatus } from '../src/code-status/code-status.js';

const COUNT = 500;
const ROLES = ['builtInKeypad', 'lowKeypadBattery', 'slow'] as const;

function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

async function scenario(sources: VerifierSources) {
  const sandbox = createSandbox({ speed: 0, start: '2026-01-14T17:00:00Z', rateLimits: false });
  const routes: string[] = [];
  const client = SeamClient.fromClientSessionToken(sandbox.credentials.clientSessionToken, {
    endpoint: 'https://sandbox.invalid',
    retry: false,
    fetch: (request) => {
      routes.push(new URL(request.url).pathname);
      return sandbox.fetch(request);
    },
  });
  // 500 codes over four locks, created and set before the page shows them.
  const ids: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const role = ROLES[i % ROLES.length]!;
    const code = await client.accessCodes.create({
      device_id: sandbox.catalogue.devices[role],
      name: `Guest ${i}`,
    });
    ids.push(code.access_code_id);
  }
  sandbox.clock.advance(60 * 60_000);

  let verifier: Verifier | null = null;
  const clock = createManualClock({
    now: () => sandbox.clock.now(),
    advanceTo: (time) => sandbox.clock.advanceTo(time),
    settle: async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await verifier?.idle();
    },
  });
  verifier = createVerifier({ client, clock, sources });
  const container = document.createElement('div');
  document.body.append(container);
  provideSeamContext(container, { client, verifier, now: () => sandbox.clock.now() });

  routes.length = 0;
  const started = performance.now();
  const elements = ids.map((id) => {
    const element = document.createElement('seam-code-status') as SeamCodeStatus;
    element.setAttribute('access-code-id', id);
    element.setAttribute('time-zone', 'America/Los_Angeles');
    element.setAttribute('lang', 'en');
    return element;
  });
  container.append(...elements);
  await Promise.all(elements.map((element) => element.updateComplete));
  await frame();
  const firstRenderMs = performance.now() - started;

  await clock.runDue();
  await Promise.all(elements.map((element) => element.updateComplete));
  const shown = elements.filter((element) => element.matches(':state(active)')).length;
  await frame();
  const firstStateMs = performance.now() - started;
  const firstTickRequests = routes.length;

  // Steady state: the requests of each following tick, for every code at once.
  const perTick: number[] = [];
  for (let tick = 0; tick < 5; tick++) {
    const next = clock.nextTimerAt();
    if (next === null) break;
    routes.length = 0;
    await clock.advanceTo(next);
    perTick.push(routes.length);
  }
  await verifier.dispose();
  container.remove();
  sandbox.dispose();
  return { firstRenderMs, firstStateMs, shown, firstTickRequests, perTick };
}

it(`renders ${COUNT} status elements on one verifier`, async function () {
  this.timeout(120_000);
  const results = {
    count: COUNT,
    poll: await scenario({ poll: true }),
    pollAndEvents: await scenario({ poll: true, events: true }),
  };
  const response = await fetch('/__bench-results', {
    method: 'POST',
    body: JSON.stringify(results),
  });
  if (!response.ok) throw new Error(`the bench runner refused the figures: ${response.status}`);
});
