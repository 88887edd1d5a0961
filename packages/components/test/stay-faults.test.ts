/**
 * Issue 8, the fault run: a slow lock, a failing lock, a 429 storm, a connection dropped during
 * the create, a reload while removing. Each through the real elements on the sandbox, keys typed
 * as a user would; after each: no duplicate, no code of another kind than chosen, and never a
 * phase shown ahead of what Seam reports.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { derivePhase, type DerivedPhase } from '@seam-codes/core';
import { createSandbox, type SandboxDeviceRole } from '@seam-codes/sandbox';
import type { AccessCode } from '@seamapi/types/connect';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { SeamCodeCreator } from '../src/code-creator/code-creator.js';
import type { SeamCodeStatus } from '../src/code-status/code-status.js';
import { $, $$, START, check, world, type TestWorld } from './support.js';
import { ready } from './stay-support.js';

/** How far along a phase is: a phase shown must never be further than Seam's. */
const PROGRESS: Record<DerivedPhase, number> = {
  submitting: 0,
  rejected: 0,
  unknown: 0,
  pending: 1,
  scheduled: 2,
  programming: 2,
  delayed: 2,
  failed: 2,
  awaiting_code: 2,
  active: 3,
  removing: 4,
  removing_failed: 4,
  removed: 5,
};

interface FaultWorld extends TestWorld {
  /** Answers a request instead of the sandbox, or 'drop' (sent, answer lost), or undefined. */
  intercept: (route: string) => 'drop' | undefined;
}

/** A sandbox world whose transport can lose answers; a fresh verifier stands for a reload. */
function faultWorld(sandbox = createSandbox({ speed: 0, start: START, rateLimits: false })) {
  const w: FaultWorld = {
    ...world({}, { sandbox, loseAnswer: (route) => w.intercept(route) === 'drop' }),
    intercept: () => undefined,
  };
  return w;
}

/** What Seam reports of a code now, as a phase. */
async function seamPhase(w: FaultWorld, id: string): Promise<DerivedPhase> {
  try {
    const code = await w.sandbox
      .fetch(
        new Request('https://sandbox.invalid/access_codes/get', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${w.sandbox.credentials.clientSessionToken}`,
            'client-session-token': w.sandbox.credentials.clientSessionToken,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ access_code_id: id }),
        }),
      )
      .then(async (response) => {
        if (response.status === 404) return null;
        return ((await response.json()) as { access_code: AccessCode }).access_code;
      });
    return code === null ? 'removed' : derivePhase(code, w.sandbox.clock.now());
  } catch {
    return 'unknown';
  }
}

/** The managed codes on a lock, read through the sandbox's API. */
async function managedCodes(w: FaultWorld, role: SandboxDeviceRole): Promise<AccessCode[]> {
  const codes = await w.sandbox
    .fetch(
      new Request('https://sandbox.invalid/access_codes/list', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${w.sandbox.credentials.clientSessionToken}`,
          'client-session-token': w.sandbox.credentials.clientSessionToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ device_id: w.sandbox.catalogue.devices[role] }),
      }),
    )
    .then(
      async (response) => ((await response.json()) as { access_codes: AccessCode[] }).access_codes,
    );
  return codes.filter((code) => code.is_managed);
}

/** Advances in steps; after each, the shown phase is not ahead of Seam's. */
async function follow(w: FaultWorld, status: SeamCodeStatus, steps: number, stepMs: number) {
  const shown: string[] = [];
  for (let i = 0; i < steps; i++) {
    await w.advance(stepMs);
    await status.updateComplete;
    const phase = status.codeStateShown?.phase;
    const id = status.codeStateShown?.accessCodeId;
    if (phase === undefined || id == null) continue;
    const seam = await seamPhase(w, id);
    shown.push(`${phase}/${seam}`);
    expect(PROGRESS[phase], `shown ${phase} while Seam says ${seam}`).to.be.at.most(PROGRESS[seam]);
  }
  return shown;
}

/** A time-bound code through the creator, typed and submitted twice by keyboard. */
async function createTimeBound(w: FaultWorld, role: SandboxDeviceRole, pin: string) {
  const el = await fixture<SeamCodeCreator>(
    html`<seam-code-creator lang="en" viewer-time-zone="UTC"></seam-code-creator>`,
  );
  el.client = w.client;
  el.verifier = w.verifier;
  el.now = () => w.sandbox.clock.now();
  el.deviceId = w.sandbox.catalogue.devices[role];
  await ready(el);
  ($(el, '#name') as HTMLInputElement).focus();
  await sendKeys({ type: 'Guest Ana' });
  check(el, '#timing-time_bound');
  await el.updateComplete;
  ($(el, '#code') as HTMLInputElement).focus();
  await sendKeys({ type: pin });
  $(el, '#submit').focus();
  await sendKeys({ press: 'Enter' });
  await sendKeys({ press: 'Enter' });
  await waitUntil(
    () => el.matches(':state(created)') || el.matches(':state(error)'),
    'the create never ended',
    { timeout: 5000 },
  );
  await el.updateComplete;
  return el;
}

function statusIn(el: SeamCodeCreator): SeamCodeStatus {
  return $(el, 'seam-code-status') as SeamCodeStatus;
}

async function expectOneTimeBound(w: FaultWorld, role: SandboxDeviceRole, pin: string) {
  const codes = (await managedCodes(w, role)).filter(
    (code) => code.code === pin || code.code === null,
  );
  expect(codes.map((code) => code.type)).to.deep.equal(['time_bound']);
}

describe('the fault run (issue 8)', () => {
  it('slow lock: one time-bound code; the status never runs ahead of Seam', async () => {
    const w = faultWorld();
    const el = await createTimeBound(w, 'slow', '5182');
    await follow(w, statusIn(el), 30, 60_000);
    await expectOneTimeBound(w, 'slow', '5182');
  });

  it('failing lock: one time-bound code; failed, never active ahead of Seam', async () => {
    const w = faultWorld();
    const el = await createTimeBound(w, 'failing', '5183');
    await follow(w, statusIn(el), 20, 30_000);
    await expectOneTimeBound(w, 'failing', '5183');
  });

  it('429 storm on every read while creating and following: one code, nothing ahead', async () => {
    const w = faultWorld();
    w.sandbox.control.faultReads({
      routes: ['/access_codes/list', '/access_codes/get', '/events/list', '/devices/get'],
      status: 429,
      retryAfterS: 5,
      untilMs: w.sandbox.clock.now() + 3 * 60_000,
    });
    w.sandbox.control.clearReadFaults(['/devices/get']);
    const el = await createTimeBound(w, 'builtInKeypad', '5184');
    expect(el.matches(':state(created)')).to.equal(true);
    await follow(w, statusIn(el), 30, 10_000);
    await expectOneTimeBound(w, 'builtInKeypad', '5184');
  });

  it('connection dropped during the create: the code is found, not made twice', async () => {
    const w = faultWorld();
    let dropped = 0;
    w.intercept = (route) =>
      route === '/access_codes/create' && dropped++ === 0 ? 'drop' : undefined;
    const el = await createTimeBound(w, 'builtInKeypad', '5185');
    expect(dropped).to.be.at.least(1);
    if (el.matches(':state(error)')) {
      // Told the outcome is unknown; a second Create must find the first code.
      $(el, '#submit').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.matches(':state(created)'), 'the retry never ended', {
        timeout: 5000,
      });
    }
    await follow(w, statusIn(el), 10, 5_000);
    await expectOneTimeBound(w, 'builtInKeypad', '5185');
  });

  it('reload while removing: the new page shows removing until Seam’s 404', async () => {
    const first = faultWorld();
    const el = await createTimeBound(first, 'slow', '5186');
    const status = statusIn(el);
    await follow(first, status, 25, 60_000);
    const id = status.codeStateShown?.accessCodeId as string;
    await first.verifier.deleteAccessCode(id);
    await first.advance(2_000);
    await first.verifier.dispose();
    el.remove();
    // The reload: a new verifier and element on the same sandbox, by id only.
    const second = faultWorld(first.sandbox);
    const again = await fixture<SeamCodeStatus>(
      html`<seam-code-status
        lang="en"
        .client=${second.client}
        .verifier=${second.verifier}
        .now=${() => second.sandbox.clock.now()}
        access-code-id=${id}
      ></seam-code-status>`,
    );
    const shown = await follow(second, again, 40, 60_000);
    expect(shown.some((pair) => pair.startsWith('removing/removing'))).to.equal(true);
    await waitUntil(() => again.matches(':state(removed)'), 'never removed after the 404');
    expect($$(again, '[part=phase]')[0]?.textContent?.trim()).to.equal('Removed');
  });
});
