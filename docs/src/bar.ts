/**
 * The sandbox bar above every live story: the virtual time, buttons that step the clock, the
 * story's own actions, and (on real Seam) the field for a client session token, which goes to
 * world.ts's memory and nowhere else.
 */
import type { Device } from '@seamapi/types/connect';
import { SeamClient } from '@seam-codes/core';
import { html, nothing, render } from 'lit';
import { seamDeviceId, setSeamDevice, setSeamToken, type World } from './world.js';

export interface BarAction {
  label: string;
  run: () => Promise<void>;
}

const STEPS: readonly [string, number][] = [
  ['+1 min', 60_000],
  ['+10 min', 600_000],
  ['+1 h', 3_600_000],
  ['+1 day', 86_400_000],
];

const BACKEND_NAMES = {
  inpage: 'in-page sandbox',
  local: 'local sandbox server',
  seam: 'real Seam',
} as const;

let ticker: ReturnType<typeof setInterval> | undefined;

function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** The token form shown when real Seam was chosen and no token is in memory. */
function tokenForm(host: HTMLElement, retry: () => void): void {
  let devices: Device[] = [];
  let message = '';
  const draw = (): void => {
    render(
      html`<form
        class="seam-bar-token"
        @submit=${async (event: SubmitEvent) => {
          event.preventDefault();
          const form = event.currentTarget as HTMLFormElement;
          const token = (form.elements.namedItem('token') as HTMLInputElement).value;
          const device = form.elements.namedItem('device') as HTMLSelectElement | null;
          if (device !== null && device.value !== '') {
            setSeamToken(token);
            setSeamDevice(device.value);
            retry();
            return;
          }
          try {
            devices = await SeamClient.fromClientSessionToken(token.trim()).devices.list();
            message = devices.length === 0 ? 'This token sees no locks.' : '';
          } catch (error) {
            message = `Seam refused the token: ${error instanceof Error ? error.message : error}`;
          }
          draw();
        }}
      >
        <p>
          Real Seam needs a <strong>client session token</strong> minted by your backend (see the
          guide "Minting client session tokens"). It stays in this page's memory: not in the URL,
          not in storage, gone on reload. Never paste an API key.
        </p>
        <label
          >Client session token
          <input name="token" type="password" autocomplete="off" spellcheck="false" required
        /></label>
        ${
          devices.length > 0
            ? html`<label
                >Lock
                <select name="device">
                  ${devices.map(
                    (device) =>
                      html`<option
                        value=${device.device_id}
                        ?selected=${device.device_id === seamDeviceId()}
                      >
                        ${device.display_name}
                      </option>`,
                  )}
                </select></label
              >`
            : nothing
        }
        <button type="submit">${devices.length > 0 ? 'Use this lock' : 'List my locks'}</button>
        ${message ? html`<p role="alert">${message}</p>` : nothing}
      </form>`,
      host,
    );
  };
  draw();
}

/** Draws the bar for a world (or the token form when there is none yet). */
export function renderBar(
  host: HTMLElement,
  world: World | null,
  actions: readonly BarAction[],
  reset: () => void,
): void {
  clearInterval(ticker);
  if (world === null) {
    tokenForm(host, reset);
    return;
  }
  const draw = (): void => {
    render(
      html`<div class="seam-bar-row" role="group" aria-label="Sandbox">
        <span class="seam-bar-backend">${BACKEND_NAMES[world.backend]}</span>
        <span class="seam-bar-clock" aria-live="off"
          >${formatTime(world.now())}${
            world.backend !== 'seam'
              ? html` · ${world.speed > 0 ? `×${world.speed}` : 'clock stopped'}`
              : nothing
          }</span
        >
        ${
          world.advance
            ? STEPS.map(
                ([label, ms]) =>
                  html`<button
                    type="button"
                    data-step=${ms}
                    @click=${async () => {
                      await world.advance!(ms);
                      draw();
                    }}
                  >
                    ${label}
                  </button>`,
              )
            : nothing
        }
        ${actions.map(
          (action) =>
            html`<button
              type="button"
              @click=${async () => {
                await action.run();
                draw();
              }}
            >
              ${action.label}
            </button>`,
        )}
        <button type="button" @click=${reset}>Start over</button>
      </div>`,
      host,
    );
  };
  draw();
  ticker = setInterval(() => {
    if (!host.isConnected) clearInterval(ticker);
    else draw();
  }, 1000);
}
