/**
 * A guest's stay from the host's side, on the virtual clock: a reservation, the code created
 * from it, verified on the lock, used by the guest at the door, and expired after check-out.
 * Every step goes through the real elements and the sandbox; "Play the whole stay" does them all.
 */
import type { Meta } from '@storybook/web-components-vite';
import type { SeamCodeCreator, SeamStatusChangeDetail } from '@seam-codes/components';
import type { AccessCode } from '@seamapi/types/connect';
import { html, render } from 'lit';
import { live } from '../src/live.js';
import type { World } from '../src/world.js';

const meta: Meta = { title: 'Walkthroughs/Guest stay' };
export default meta;

// Check-in and check-out in the lock's zone (the builtInKeypad lock is in Los Angeles).
const CHECK_IN = '2026-01-16T15:00';
const CHECK_OUT = '2026-01-19T11:00';
const CHECK_IN_UTC = Date.parse('2026-01-16T23:00:00Z');
const CHECK_OUT_UTC = Date.parse('2026-01-19T19:00:00Z');

const STEPS = [
  ['reservation', 'A reservation arrives: Ana Silva, 16–19 January, Apartment 3B.'],
  ['created', 'The host creates her code from it (name and window prefilled).'],
  ['verified', 'The code is verified on the lock (scheduled for check-in, then active).'],
  ['used', 'Ana types the PIN at the door: the lock reports the unlock.'],
  ['expired', 'After check-out the code is removed from the lock.'],
] as const;
type Step = (typeof STEPS)[number][0];

interface Stay {
  done: Set<Step>;
  code: AccessCode | null;
  phase: string;
  list: HTMLElement;
  creator: () => SeamCodeCreator | null;
}

function drawSteps(stay: Stay): void {
  render(
    html`<ol class="seam-note" aria-label="The stay, step by step">
        ${STEPS.map(
          ([step, text]) =>
            html`<li data-step=${step} data-done=${stay.done.has(step) ? 'yes' : 'no'}>
              <span aria-hidden="true">${stay.done.has(step) ? '✓' : '○'}</span>
              ${text}${stay.done.has(step) ? html`<span class="seam-visually-hidden"> (done)</span>` : ''}
            </li>`,
        )}
      </ol>
      <p class="seam-note">Phase now: <strong data-phase>${stay.phase}</strong></p>`,
    stay.list,
  );
}

async function to(world: World, time: number): Promise<void> {
  const ms = time - world.now();
  if (ms > 0) await world.advance?.(ms);
}

async function createCode(stay: Stay): Promise<void> {
  if (stay.code !== null) return;
  const creator = stay.creator();
  if (creator === null) return;
  await creator.submit();
}

async function guestTypesPin(world: World, stay: Stay): Promise<void> {
  if (stay.code?.code == null) return;
  await to(world, CHECK_IN_UTC + 60 * 60_000);
  await world.control?.enterCode(world.deviceId, stay.code.code);
  await world.advance?.(2 * 60_000);
}

export const GuestStay = live({
  sandboxOnly: true,
  setup: async () => {
    const stay: Stay = {
      done: new Set<Step>(['reservation']),
      code: null,
      phase: '—',
      list: document.createElement('div'),
      creator: () => null,
    };
    return stay;
  },
  render: (world, stay) => {
    drawSteps(stay);
    return html`<div class="seam-columns">
      <section aria-labelledby="stay-reservation">
        <h2 id="stay-reservation">Reservation HMA2K9</h2>
        <p class="seam-note">
          Ana Silva · 2 guests · Apartment 3B (Yale lock, Los Angeles) · check-in 16 Jan 15:00 ·
          check-out 19 Jan 11:00
        </p>
        ${stay.list}
      </section>
      <section aria-labelledby="stay-code">
        <h2 id="stay-code">Her door code</h2>
        <seam-code-creator
          device-id=${world.deviceId}
          name="Guest: Ana Silva (HMA2K9)"
          starts-at=${CHECK_IN}
          ends-at=${CHECK_OUT}
          code="482715"
          @seam-code-created=${(event: CustomEvent<{ accessCode: AccessCode }>) => {
            stay.code = event.detail.accessCode;
            stay.done.add('created');
            drawSteps(stay);
          }}
          @seam-status-change=${(event: CustomEvent<SeamStatusChangeDetail>) => {
            stay.phase = event.detail.phase;
            if (['scheduled', 'active'].includes(event.detail.phase)) stay.done.add('verified');
            if (event.detail.state.flags.used) stay.done.add('used');
            if (event.detail.phase === 'removed' && stay.done.has('verified'))
              stay.done.add('expired');
            drawSteps(stay);
          }}
        ></seam-code-creator>
      </section>
    </div>`;
  },
  after: async (_world, root, stay) => {
    stay.creator = () => root.querySelector('seam-code-creator');
  },
  actions: (world, stay) => [
    { label: '1. Create the code', run: () => createCode(stay) },
    { label: '2. Go to check-in', run: () => to(world, CHECK_IN_UTC) },
    { label: '3. Ana types the PIN', run: () => guestTypesPin(world, stay) },
    { label: '4. Go past check-out', run: () => to(world, CHECK_OUT_UTC + 60 * 60_000) },
    {
      label: 'Play the whole stay',
      run: async () => {
        await createCode(stay);
        await world.advance?.(60_000);
        await to(world, CHECK_IN_UTC);
        await guestTypesPin(world, stay);
        await to(world, CHECK_OUT_UTC + 60 * 60_000);
      },
    },
  ],
});
