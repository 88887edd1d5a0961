/**
 * Devices as Seam returns them: the static part from the catalogue with the simulated hardware
 * state laid over it (online, keypad, account), plus the errors and warnings that follow.
 */
import type { Device, DeviceError, DeviceWarning } from '@seamapi/types/connect';
import type { DeviceRecord } from '../state.js';
import type { World } from '../world.js';
import { messages } from './messages.js';

/** Whether the device's connected account is authorised. */
export function accountConnected(world: World, device: DeviceRecord): boolean {
  return world.accounts.get(device.connected_account_id)?.disconnected_at == null;
}

/** Whether Seam can reach the lock right now (online and its account authorised). */
export function deviceReachable(world: World, device: DeviceRecord): boolean {
  return device.online && accountConnected(world, device);
}

/** Whether the device has the online access-code capability at all (flag present). */
export function takesOnlineCodes(device: DeviceRecord): boolean {
  return device.base.can_program_online_access_codes !== undefined;
}

/** Whether the device can take offline (algorithmic) codes. */
export function takesOfflineCodes(device: DeviceRecord): boolean {
  return device.base.can_program_offline_access_codes !== undefined;
}

/** Whether the device is a lock (served by `/locks/*`). */
export function isLock(device: DeviceRecord): boolean {
  return device.base.capabilities_supported.includes('lock');
}

/** The keypad a PIN needs is missing: an accessory keypad that is not connected. */
export function keypadMissing(device: DeviceRecord): boolean {
  return device.needs_accessory_keypad && device.keypad_connected !== true;
}

/** Backup pool codes that sit on the lock ready to be pulled. */
export function readyBackupCount(world: World, device: DeviceRecord): number {
  let count = 0;
  for (const code of world.codes.values()) {
    if (code.device_id === device.device_id && code.in_backup_pool && code.on_device) count++;
  }
  return count;
}

/** Device and connected-account errors of a device (also merged into its codes' errors). */
export function deviceErrors(world: World, device: DeviceRecord): DeviceError[] {
  const errors: DeviceError[] = [];
  const account = world.accounts.get(device.connected_account_id);
  if (account?.disconnected_at != null) {
    errors.push({
      error_code: 'account_disconnected',
      message: messages.accountDisconnected,
      is_connected_account_error: true,
      is_device_error: false,
      created_at: account.disconnected_at,
    });
  }
  if (!device.online && device.offline_since !== null) {
    errors.push({
      error_code: 'device_offline',
      message: messages.deviceOffline,
      is_device_error: true,
      created_at: device.offline_since,
    });
  }
  if (device.backup_pool_active && readyBackupCount(world, device) === 0) {
    errors.push({
      error_code: 'empty_backup_access_code_pool',
      message: messages.emptyBackupPool,
      is_device_error: true,
      created_at: world.isoNow(),
    });
  }
  return errors;
}

/** Device warnings: configured ones plus the backup pool's health. */
export function deviceWarnings(world: World, device: DeviceRecord): DeviceWarning[] {
  const warnings = [...device.extra_warnings];
  if (device.backup_pool_active) {
    const ready = readyBackupCount(world, device);
    if (ready > 0 && ready < device.backup_pool_size) {
      warnings.push({
        warning_code: 'partial_backup_access_code_pool',
        message: messages.partialBackupPool,
        created_at: world.isoNow(),
      });
    }
  }
  return warnings;
}

/** Renders the device as `/devices/get` returns it. */
export function renderDevice(world: World, device: DeviceRecord): Device {
  const base = device.base;
  const properties: Record<string, unknown> = {
    ...base.properties,
    online: device.online,
    locked: device.locked,
  };
  if (device.needs_accessory_keypad) {
    const keypad: Record<string, unknown> = { is_connected: device.keypad_connected === true };
    if (device.keypad_battery_level !== null && device.keypad_connected === true) {
      keypad['battery'] = { level: device.keypad_battery_level };
      properties['keypad_battery'] = { level: device.keypad_battery_level };
    }
    properties['accessory_keypad'] = keypad;
    const august = properties['august_metadata'] as Record<string, unknown> | undefined;
    if (august !== undefined) {
      properties['august_metadata'] = { ...august, has_keypad: device.keypad_connected === true };
    }
    const nuki = properties['nuki_metadata'] as Record<string, unknown> | undefined;
    if (nuki !== undefined) {
      properties['nuki_metadata'] = { ...nuki, keypad_paired: device.keypad_connected === true };
    }
  }
  const rendered: Record<string, unknown> = {
    ...base,
    properties,
    errors: deviceErrors(world, device),
    warnings: deviceWarnings(world, device),
  };
  if (takesOnlineCodes(device)) {
    // Seam keeps this true while a lock is only temporarily offline (spec §B6); it turns false
    // when codes cannot be programmed until someone acts (keypad, account).
    const working = accountConnected(world, device) && !keypadMissing(device);
    rendered['can_program_online_access_codes'] = working;
    properties['online_access_codes_enabled'] = working;
  }
  if (takesOfflineCodes(device)) {
    rendered['can_program_offline_access_codes'] = accountConnected(world, device);
  }
  return rendered as unknown as Device;
}
