/**
 * The one place the sandbox reaches for the access-code rules: core's `validateCodeDraft` and
 * `suggestCode`. The server is the last line of defence, so it judges drafts with exactly the
 * rules the browser uses; there is no second copy of them here.
 */
import {
  suggestCode,
  validateCodeDraft,
  type DraftIssue,
  type DraftValidation,
  type ExistingCode,
} from '@seam-codes/core';
import type { Device } from '@seamapi/types/connect';
import type { AccessCodeRecord, DeviceRecord } from './state.js';
import { nextFloat } from './util/random.js';
import type { World } from './world.js';
import { renderDevice } from './sim/device-view.js';

export type { DraftIssue, DraftValidation, ExistingCode };

/** The codes on or bound for a lock, as the rules see them (managed and unmanaged). */
export function existingCodesOf(world: World, deviceId: string): ExistingCode[] {
  const codes: ExistingCode[] = [];
  for (const code of world.codes.values()) {
    if (code.device_id !== deviceId) continue;
    codes.push({
      access_code_id: code.access_code_id,
      code: code.code,
      name: code.name,
      status: code.status,
      type: code.type,
      starts_at: code.starts_at,
      ends_at: code.ends_at,
      is_managed: true,
    });
  }
  for (const code of world.unmanaged.values()) {
    if (code.device_id !== deviceId) continue;
    codes.push({
      access_code_id: code.access_code_id,
      code: code.code,
      name: code.name,
      status: 'set',
      type: 'ongoing',
      is_managed: false,
    });
  }
  return codes;
}

/** Validates a draft against a lock as the real API would: core's rules, no start margin. */
export function validateDraft(
  world: World,
  device: DeviceRecord,
  draft: Record<string, unknown>,
  ignoreAccessCodeId?: string,
): DraftValidation {
  return validateCodeDraft(draft, {
    device: renderDevice(world, device),
    existingCodes: existingCodesOf(world, device.device_id),
    now: world.now(),
    // Seam itself only needs the start to be in the future; the 15-minute margin is UI advice.
    startDateMarginMs: 0,
    ...(ignoreAccessCodeId === undefined ? {} : { ignoreAccessCodeId }),
  });
}

/** A seeded `() => number` drawing from the device's own random stream. */
function deviceRandom(device: DeviceRecord): () => number {
  return () => nextFloat(device.random);
}

/**
 * A PIN Seam would generate for this lock when the caller gives none: core's `suggestCode` over
 * the lock's rules and codes, drawing from the device's seeded stream. Null when none fits.
 */
export function generatePin(
  world: World,
  device: DeviceRecord,
  options: { length?: number; ignoreAccessCodeId?: string } = {},
): string | null {
  return suggestCode(
    renderDevice(world, device),
    existingCodesOf(world, device.device_id),
    deviceRandom(device),
    options,
  );
}

/**
 * The PIN a provider assigns itself: for locks with `cannot_specify_pin_code` (Salto) and for
 * offline codes, the provider picks a PIN that meets the lock's other rules. Core's suggestion
 * refuses to choose for such locks (callers may not), so the rules are applied to a view of the
 * device without that one constraint.
 */
export function assignProviderPin(
  world: World,
  device: DeviceRecord,
  code: AccessCodeRecord,
  lengths?: number[],
): string | null {
  const view = renderDevice(world, device);
  const properties = view.properties;
  const providerView = {
    ...view,
    can_program_online_access_codes: true,
    properties: {
      ...properties,
      ...(lengths === undefined ? {} : { supported_code_lengths: lengths }),
      code_constraints: (properties.code_constraints ?? []).filter(
        (constraint) => constraint.constraint_type !== 'cannot_specify_pin_code',
      ),
      // The provider assigns within its own pool; slot accounting is not its concern here.
      max_active_codes_supported: undefined,
    },
  } as Device;
  return suggestCode(providerView, existingCodesOf(world, device.device_id), deviceRandom(device), {
    ignoreAccessCodeId: code.access_code_id,
  });
}
