/**
 * <seam-code-creator> on every lock of the sandbox catalogue: what each one accepts, or why it
 * cannot take a code, as a host would see it. The toolbar's "Lock" overrides the story's lock.
 */
import type { Meta } from '@storybook/web-components-vite';
import { SANDBOX_CATALOGUE, type SandboxDeviceRole } from '@seam-codes/sandbox';
import { html } from 'lit';
import { live } from '../src/live.js';

const meta: Meta = { title: 'Creator/Each lock', component: 'seam-code-creator' };
export default meta;

const on = (role: SandboxDeviceRole) =>
  live({
    role,
    render: (world) =>
      html`${
          world.role
            ? html`<p class="seam-note">
                <strong>${world.role}</strong>: ${SANDBOX_CATALOGUE.descriptions[world.role]}
              </p>`
            : null
        }
        <seam-code-creator
          device-id=${world.deviceId}
          name="Guest: Ana Silva"
        ></seam-code-creator>`,
  });

export const BuiltInKeypad = on('builtInKeypad');
export const KeypadDisconnected = on('keypadDisconnected');
export const LowKeypadBattery = on('lowKeypadBattery');
export const Offline = on('offline');
export const AccountDisconnected = on('accountDisconnected');
export const Nuki = on('nuki');
export const Kwikset = on('kwikset');
export const Schlage = on('schlage');
export const SaltoProviderPicksThePin = on('salto');
export const TTLock = on('ttlock');
export const NativeScheduling = on('nativeScheduling');
export const JustInTime = on('justInTime');
export const OfflineCodes = on('offlineCodes');
export const NearlyFull = on('nearlyFull');
export const NoAccessCodes = on('noAccessCodes');
export const FailingLock = on('failing');
export const SlowLock = on('slow');
export const OwnerOnly = on('ownerOnly');
export const OtherWorkspace = on('otherWorkspace');
