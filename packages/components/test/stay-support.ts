/**
 * Helpers of the issue-8 tests ("a code for exactly the stay"): the real elements on the
 * sandbox, keys typed with web-test-runner's sendKeys, codes counted through the sandbox's API.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { SeamClient } from '@seam-codes/core';
import type { SandboxDeviceRole } from '@seam-codes/sandbox';
import type { AccessCode } from '@seamapi/types/connect';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { SeamCodeCreator } from '../src/code-creator/code-creator.js';
import type { SeamCodeStatus } from '../src/code-status/code-status.js';
import { $, $$, type TestWorld } from './support.js';

export async function creator(
  w: TestWorld,
  role: SandboxDeviceRole,
  attributes: Record<string, string> = {},
): Promise<SeamCodeCreator> {
  const el = await fixture<SeamCodeCreator>(
    html`<seam-code-creator
      lang=${attributes.lang ?? 'en'}
      viewer-time-zone="UTC"
    ></seam-code-creator>`,
  );
  for (const [name, value] of Object.entries(attributes)) {
    if (name !== 'lang') el.setAttribute(name, value);
  }
  el.now = w.now;
  el.client = w.client;
  el.verifier = w.verifier;
  el.deviceId = w.sandbox.catalogue.devices[role];
  await ready(el);
  return el;
}

export async function ready(el: SeamCodeCreator): Promise<void> {
  await el.updateComplete;
  await waitUntil(
    () =>
      !el.matches(':state(loading)') &&
      (el.matches(':state(ready)') || el.matches(':state(cannot)') || el.matches(':state(error)')),
    'the creator never finished loading',
    { timeout: 4000 },
  );
  await el.updateComplete;
}

/** Every code on the lock, as Seam lists it. */
export async function codesOn(client: SeamClient, deviceId: string): Promise<AccessCode[]> {
  return await client.accessCodes.list({ device_id: deviceId });
}

/** Focuses a control in the shadow root, as a click or Tab would. */
export async function focus(el: Element, selector: string): Promise<HTMLInputElement> {
  const input = $(el, selector) as HTMLInputElement;
  input.focus();
  return input;
}

/** Clears a datetime-local field by keyboard: Backspace on each segment (month … AM/PM). */
export async function clearByKeyboard(el: Element, selector: string): Promise<void> {
  await focus(el, selector);
  for (let segment = 0; segment < 6; segment++) {
    await sendKeys({ press: 'Backspace' });
    if (segment < 5) await sendKeys({ press: 'Tab' });
  }
}

/** What Seam says of a code now: its status, or 'gone' on a 404. */
export async function seamStatus(client: SeamClient, accessCodeId: string): Promise<string> {
  try {
    return (await client.accessCodes.get({ access_code_id: accessCodeId })).status;
  } catch {
    return 'gone';
  }
}

export async function statusOf(
  w: TestWorld,
  accessCode: AccessCode,
  lang = 'en',
): Promise<SeamCodeStatus> {
  const el = await fixture<SeamCodeStatus>(
    html`<seam-code-status
      lang=${lang}
      viewer-time-zone="UTC"
      .client=${w.client}
      .verifier=${w.verifier}
      .now=${w.now}
      .accessCode=${accessCode}
    ></seam-code-status>`,
  );
  await w.advance(0);
  await el.updateComplete;
  return el;
}

/** Moves the sandbox and the verifier on, 5 s at a time, until `done` (at most 5 min). */
export async function until(w: TestWorld, done: () => boolean, message: string): Promise<void> {
  for (let i = 0; i < 60 && !done(); i++) await w.advance(5_000);
  if (!done()) throw new Error(message);
}

/** A window from `fromNowMs` on, for `lengthMs`, as instants on the sandbox's clock. */
export function windowFrom(w: TestWorld, fromNowMs: number, lengthMs = 48 * 3_600_000) {
  return {
    starts_at: new Date(w.now() + fromNowMs).toISOString(),
    ends_at: new Date(w.now() + fromNowMs + lengthMs).toISOString(),
  };
}

/** The form as a user sees it: each control's id, value or checked state, and disabled. */
export function formShape(el: Element): string[] {
  return $$(el, 'form input, form select').map((control) => {
    const input = control as HTMLInputElement;
    const value = input.type === 'radio' || input.type === 'checkbox' ? input.checked : input.value;
    return `${input.id}=${String(value)}${input.disabled ? ' (disabled)' : ''}`;
  });
}
