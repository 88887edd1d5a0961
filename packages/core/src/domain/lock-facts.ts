/**
 * Two facts about a lock that a view of its codes needs without the rest of the rules: its time
 * zone and whether Seam preloads its codes. Their own module, so a status view loads only these.
 */
import type { Device } from '@seamapi/types/connect';
import { isRecord } from './is-record.js';

/** Whether Seam can preload codes with the lock's own schedule (spec §B8). */
export interface NativeScheduling {
  /** True or false from Seam's provider list; null when the provider is not on it. */
  supported: boolean | null;
  /** What the answer rests on: the device's provider, its device type, or nothing known. */
  basis: 'provider' | 'device_type' | 'unknown';
}

/**
 * Providers (`device_provider.device_provider_name`) and device types with and without native
 * scheduling, from spec §B8. The provider wins: a Yale lock behind SmartThings is scheduled by
 * SmartThings, just in time. No device flag for this exists in @seamapi/types 1.721.0.
 */
const NATIVE_SCHEDULING_BY_PROVIDER: Readonly<Record<string, boolean>> = {
  my_2n: true,
  august: true,
  yale: true,
  igloohome: true,
  kwikset: true,
  kwikset2: true,
  nuki: true,
  salto: true,
  salto_ks: true,
  schlage: true,
  tedee: true,
  ttlock: true,
  wyze: true,
  dormakaba_oracode: false,
  lockly: false,
  smartthings: false,
};

const NATIVE_SCHEDULING_BY_DEVICE_TYPE: Readonly<Record<string, boolean>> = {
  two_n_intercom: true,
  august_lock: true,
  yale_lock: true,
  igloohome_lock: true,
  kwikset_lock: true,
  nuki_lock: true,
  salto_lock: true,
  schlage_lock: true,
  tedee_lock: true,
  ttlock_lock: true,
  wyze_lock: true,
  dormakaba_oracode_door: false,
  lockly_lock: false,
  smartthings_lock: false,
};

/** Whether Seam can preload codes with this lock's own schedule, and what that rests on. */
export function nativeSchedulingOf(device: Device): NativeScheduling {
  const record: Record<string, unknown> = isRecord(device) ? device : {};
  const provider = isRecord(record.device_provider)
    ? record.device_provider.device_provider_name
    : undefined;
  if (typeof provider === 'string' && provider in NATIVE_SCHEDULING_BY_PROVIDER) {
    return { supported: NATIVE_SCHEDULING_BY_PROVIDER[provider] ?? null, basis: 'provider' };
  }
  const type = record.device_type;
  if (typeof type === 'string' && type in NATIVE_SCHEDULING_BY_DEVICE_TYPE) {
    return { supported: NATIVE_SCHEDULING_BY_DEVICE_TYPE[type] ?? null, basis: 'device_type' };
  }
  return { supported: null, basis: 'unknown' };
}

/** `location.time_zone` (Seam's current name), else the deprecated `location.timezone`. */
export function deviceTimeZone(device: Device): string | null {
  const location = isRecord(device) && isRecord(device.location) ? device.location : null;
  for (const zone of [location?.time_zone, location?.timezone]) {
    if (typeof zone === 'string' && zone !== '') return zone;
  }
  return null;
}
