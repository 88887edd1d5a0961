/**
 * <seam-code-creator> in the situations a host meets: each code rule of a lock broken by a
 * preset, each reason a lock refuses, time zones and daylight-saving changes, several locks with
 * one PIN, a reservation prefilled, and configuration mistakes.
 */
import type { Meta } from '@storybook/web-components-vite';
import { SANDBOX_CATALOGUE } from '@seam-codes/sandbox';
import { html } from 'lit';
import { live } from '../src/live.js';

const meta: Meta = { title: 'Creator/Situations', component: 'seam-code-creator' };
export default meta;

const devices = SANDBOX_CATALOGUE.devices;

// Constraints: a preset that breaks one rule of the lock; the field says which and why.
export const NukiPinMayNotStartWith12 = live({
  role: 'nuki',
  render: (w) =>
    html`<seam-code-creator
      device-id=${w.deviceId}
      name="Guest"
      code="123456"
    ></seam-code-creator>`,
});
export const NukiPinWithZero = live({
  role: 'nuki',
  render: (w) =>
    html`<seam-code-creator
      device-id=${w.deviceId}
      name="Guest"
      code="405060"
    ></seam-code-creator>`,
});
export const NukiNameTooLong = live({
  role: 'nuki',
  render: (w) =>
    html`<seam-code-creator
      device-id=${w.deviceId}
      name="Guest with a name far longer than twenty characters"
      code="456789"
    ></seam-code-creator>`,
});
export const SchlageFirstFourDigitsMustDiffer = live({
  role: 'schlage',
  render: (w) =>
    html`<seam-code-creator device-id=${w.deviceId} name="Guest" code="1123"></seam-code-creator>`,
});
export const TTLockDigitsNotAllowed = live({
  role: 'ttlock',
  render: (w) =>
    html`<seam-code-creator device-id=${w.deviceId} name="Guest" code="1890"></seam-code-creator>`,
});
export const TedeeNoRuns = live({
  role: 'nativeScheduling',
  render: (w) =>
    html`<seam-code-creator device-id=${w.deviceId} name="Guest" code="12345"></seam-code-creator>`,
});
export const PinTooShort = live({
  role: 'justInTime',
  render: (w) =>
    html`<seam-code-creator device-id=${w.deviceId} name="Guest" code="1234"></seam-code-creator>`,
});
export const KwiksetStartInThePast = live({
  role: 'kwikset',
  render: (w) =>
    html`<seam-code-creator
      device-id=${w.deviceId}
      name="Guest"
      starts-at="2026-01-13T15:00"
      ends-at="2026-01-16T11:00"
    ></seam-code-creator>`,
});
export const EndBeforeStart = live({
  render: (w) =>
    html`<seam-code-creator
      device-id=${w.deviceId}
      name="Guest"
      starts-at="2026-01-20T15:00"
      ends-at="2026-01-18T11:00"
    ></seam-code-creator>`,
});
export const DuplicatePinOfAnUnmanagedCode = live({
  render: (w) =>
    html`<seam-code-creator device-id=${w.deviceId} name="Guest" code="5550"></seam-code-creator>`,
});
export const LastFreeSlot = live({
  role: 'nearlyFull',
  render: (w) => html`<seam-code-creator device-id=${w.deviceId} name="Guest"></seam-code-creator>`,
});

// Refusals: the lock cannot take a code, and the element says why and what to do instead.
export const RefusedNoKeypadPossible = live({
  role: 'noAccessCodes',
  render: (w) => html`<seam-code-creator device-id=${w.deviceId}></seam-code-creator>`,
});
export const RefusedKeypadDisconnected = live({
  role: 'keypadDisconnected',
  render: (w) => html`<seam-code-creator device-id=${w.deviceId}></seam-code-creator>`,
});
export const RefusedLockFull = live({
  role: 'nearlyFull',
  sandboxOnly: true,
  setup: async (w) => {
    await w.client.accessCodes.create({ device_id: w.deviceId, name: 'Filler', code: '2468' });
  },
  render: (w) => html`<seam-code-creator device-id=${w.deviceId}></seam-code-creator>`,
});
export const RefusedAccountDisconnected = live({
  role: 'accountDisconnected',
  render: (w) => html`<seam-code-creator device-id=${w.deviceId}></seam-code-creator>`,
});
export const RefusedNotInThisSession = live({
  role: 'ownerOnly',
  render: (w) => html`<seam-code-creator device-id=${w.deviceId}></seam-code-creator>`,
});
export const RefusedUnknownLock = live({
  render: () =>
    html`<seam-code-creator device-id="00000000-0000-4000-8000-000000000000"></seam-code-creator>`,
});

// Time zones: wall times are the lock's; the viewer's time is shown beside them.
export const LockInBerlinViewerInLosAngeles = live({
  role: 'nuki',
  render: (w) =>
    html`<seam-code-creator
      device-id=${w.deviceId}
      viewer-time-zone="America/Los_Angeles"
      name="Guest"
      starts-at="2026-01-20T15:00"
      ends-at="2026-01-23T11:00"
    ></seam-code-creator>`,
});
export const SpringForwardSkippedHour = live({
  role: 'nuki',
  start: '2026-03-20T09:00:00.000Z',
  render: (w) =>
    html`<seam-code-creator
      device-id=${w.deviceId}
      name="Guest"
      starts-at="2026-03-29T02:30"
      ends-at="2026-03-31T11:00"
    ></seam-code-creator>`,
});
export const FallBackRepeatedHour = live({
  role: 'nuki',
  start: '2026-10-20T09:00:00.000Z',
  render: (w) =>
    html`<seam-code-creator
      device-id=${w.deviceId}
      name="Guest"
      starts-at="2026-10-25T02:30"
      ends-at="2026-10-27T11:00"
    ></seam-code-creator>`,
});
export const UnknownZoneFromAttribute = live({
  role: 'failing',
  render: (w) =>
    html`<seam-code-creator
      device-id=${w.deviceId}
      time-zone="Europe/Paris"
      name="Guest"
      starts-at="2026-01-20T15:00"
      ends-at="2026-01-23T11:00"
    ></seam-code-creator>`,
});
export const UnknownZoneBrowserFallback = live({
  role: 'failing',
  render: (w) => html`<seam-code-creator device-id=${w.deviceId} name="Guest"></seam-code-creator>`,
});

// Several locks, one PIN (Seam's create_multiple).
export const OnePinOnSeveralLocks = live({
  render: () =>
    html`<seam-code-creator
      device-ids="${devices.builtInKeypad} ${devices.lowKeypadBattery} ${devices.schlage}"
      name="Guest: family Müller"
    ></seam-code-creator>`,
});

// A reservation prefilled: name, check-in and check-out, the PIN left to Seam with a length.
export const ReservationPrefilled = live({
  render: (w) =>
    html`<seam-code-creator
      device-id=${w.deviceId}
      name="Guest: Ana Silva (HMA2K9)"
      starts-at="2026-01-16T15:00"
      ends-at="2026-01-19T11:00"
      preferred-code-length="6"
    ></seam-code-creator>`,
});

// Configuration mistakes a developer makes, explained in the element.
export const ApiKeyRefusedInAPage = live({
  render: (w) =>
    html`<seam-code-creator
      device-id=${w.deviceId}
      api-key="seam_live_not_in_a_page"
      endpoint="https://connect.getseam.com"
    ></seam-code-creator>`,
});
export const PublishableKeyWithoutUser = live({
  render: (w) =>
    html`<seam-code-creator
      device-id=${w.deviceId}
      publishable-key="seam_pk_example"
    ></seam-code-creator>`,
});
