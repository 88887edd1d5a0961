/**
 * <seam-code-status> in every phase, each reached the real way: a code created on a sandbox lock
 * and the virtual clock moved on (or a fault injected), so what is shown is what the verifier
 * derived from Seam's answers. Submitting and rejected come from a `CodeState` pushed through the
 * `state` property, as a verifier elsewhere (the extension's background) would.
 */
import type { Meta } from '@storybook/web-components-vite';
import { SeamClient, initialCodeState, transition, type CodeState } from '@seam-codes/core';
import type { AccessCode } from '@seamapi/types/connect';
import { html } from 'lit';
import { live as liveStory, type LiveOptions } from '../src/live.js';
import type { World } from '../src/world.js';

const meta: Meta = { title: 'Status/Phases', component: 'seam-code-status' };
export default meta;

/** Every story here creates codes to reach its phase: sandbox only, never a real lock. */
const live = <T>(options: LiveOptions<T>) => liveStory({ ...options, sandboxOnly: true });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const iso = (ms: number) => new Date(ms).toISOString();

async function ongoing(world: World, code = '4827'): Promise<AccessCode> {
  return world.client.accessCodes.create({ device_id: world.deviceId, name: 'Guest Ana', code });
}

async function timeBound(world: World, startsIn: number, lasts: number): Promise<AccessCode> {
  const now = world.now();
  return world.client.accessCodes.create({
    device_id: world.deviceId,
    name: 'Guest Ana',
    starts_at: iso(now + startsIn),
    ends_at: iso(now + startsIn + lasts),
  });
}

const status = (_w: World, code: AccessCode) =>
  html`<seam-code-status access-code-id=${code.access_code_id}></seam-code-status>`;

/** Moves the clock on once the element follows the code. */
const advance = (ms: number) => async (world: World) => {
  await world.advance?.(ms);
};

export const Programming = live({
  setup: (w) => ongoing(w),
  render: status,
  after: advance(2 * 1000),
});
export const Active = live({ setup: (w) => ongoing(w), render: status, after: advance(MINUTE) });
export const Pending = live({
  role: 'justInTime',
  setup: (w) => timeBound(w, 2 * DAY, 3 * DAY),
  render: status,
  after: advance(MINUTE),
});
export const Scheduled = live({
  role: 'nativeScheduling',
  setup: (w) => timeBound(w, DAY, 3 * DAY),
  render: status,
  after: advance(5 * MINUTE),
});
export const Delayed = live({
  role: 'slow',
  setup: (w) => ongoing(w, '482715'),
  render: status,
  after: advance(7 * MINUTE),
});
export const Failed = live({
  role: 'failing',
  setup: (w) => ongoing(w),
  render: status,
  after: advance(2 * MINUTE),
});
export const AwaitingCode = live({
  role: 'salto',
  setup: (w) => w.client.accessCodes.create({ device_id: w.deviceId, name: 'Guest Ana' }),
  render: status,
  after: advance(2 * 1000),
});
export const Unknown = live({
  role: 'accountDisconnected',
  setup: async (w) => {
    const [code] = await w.client.accessCodes.list({ device_id: w.deviceId });
    if (code === undefined) throw new Error('the accountDisconnected lock has no code to show');
    return code;
  },
  render: status,
  after: advance(MINUTE),
});
export const Removing = live({
  setup: async (w) => {
    const code = await ongoing(w);
    await w.advance?.(MINUTE);
    return code;
  },
  render: status,
  after: async (w, _root, code) => {
    await w.advance?.(1000);
    void w.verifier.deleteAccessCode(code.access_code_id);
  },
});
export const RemovingFailed = live({
  setup: async (w) => {
    const code = await ongoing(w);
    await w.advance?.(MINUTE);
    await w.control?.failNextRemove(w.deviceId, 5);
    return code;
  },
  render: status,
  after: async (w, _root, code) => {
    await w.advance?.(1000);
    await w.verifier.deleteAccessCode(code.access_code_id).catch(() => undefined);
    await w.advance?.(3 * MINUTE);
  },
});
export const Removed = live({
  setup: async (w) => {
    const code = await ongoing(w);
    await w.advance?.(MINUTE);
    return code;
  },
  render: status,
  after: async (w, _root, code) => {
    await w.advance?.(1000);
    await w.verifier.deleteAccessCode(code.access_code_id);
    await w.advance?.(2 * MINUTE);
  },
});
export const Used = live({
  setup: async (w) => ongoing(w),
  render: status,
  after: async (w) => {
    await w.advance?.(MINUTE);
    await w.control?.enterCode(w.deviceId, '4827');
    await w.advance?.(MINUTE);
  },
});
export const Expired = live({
  setup: (w) => timeBound(w, 10 * MINUTE, HOUR),
  render: status,
  after: advance(2 * HOUR),
});
export const DegradedDuringA429Storm = live({
  setup: async (w) => {
    const code = await ongoing(w);
    return code;
  },
  render: status,
  after: async (w) => {
    await w.advance?.(MINUTE);
    await w.control?.stormReads();
    await w.advance?.(2 * MINUTE);
  },
});

// Loading: the first answer has not come yet. A client whose requests never answer (a very slow
// network) holds the element there.
const silent = SeamClient.fromClientSessionToken('seam_cst_docs_never_answers', {
  endpoint: 'https://sandbox.invalid',
  fetch: () => new Promise<Response>(() => undefined),
});
export const Loading = live({
  render: () =>
    html`<seam-code-status
      .client=${silent}
      access-code-id="00000000-0000-4000-8000-000000000001"
    ></seam-code-status>`,
});

function pushed(fail: boolean): CodeState {
  const at = '2026-01-14T17:00:00.000Z';
  let [state] = transition(initialCodeState(), {
    type: 'request.started',
    requestId: 'docs-request',
    operation: 'create',
    observedAt: at,
  });
  if (fail) {
    [state] = transition(state, {
      type: 'request.failed',
      requestId: 'docs-request',
      operation: 'create',
      observedAt: '2026-01-14T17:00:01.000Z',
      error: {
        type: 'invalid_input',
        message: 'The PIN must be 4 to 8 digits.',
        status: 400,
        fieldErrors: { code: ['The PIN must be 4 to 8 digits.'] },
      },
    });
  }
  return state;
}

export const Submitting = live({
  render: () => html`<seam-code-status .state=${pushed(false)}></seam-code-status>`,
});
export const Rejected = live({
  render: () => html`<seam-code-status .state=${pushed(true)}></seam-code-status>`,
});
