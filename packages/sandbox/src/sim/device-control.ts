/**
 * Things that happen to locks and accounts: going offline, a keypad unplugged, an account losing
 * its authorisation, a guest typing a PIN. Each emits Seam's events and re-runs the lifecycle of
 * the codes concerned.
 */
import { SandboxInputError } from '../input-error.js';
import type { DeviceWarning } from '@seamapi/types/connect';
import { deviceWarningMessages } from '../catalogue.js';
import type { ConnectedAccountRecord, DeviceRecord } from '../state.js';
import type { World } from '../world.js';
import { refillBackupPool } from './codes.js';
import { recordAccountEvent, recordDeviceEvent } from './events.js';
import { reconcileDevice, restartStuckOperations } from './lifecycle.js';
import { messages } from './messages.js';

/** Brings a lock online or takes it offline (Seam's `/devices/simulate/connect|disconnect`). */
export function setDeviceOnline(world: World, device: DeviceRecord, online: boolean): void {
  if (device.online === online) return;
  device.online = online;
  if (online) {
    device.offline_since = null;
    recordDeviceEvent(world, 'device.connected', device);
    restartStuckOperations(world, device);
  } else {
    device.offline_since = world.isoNow();
    recordDeviceEvent(world, 'device.disconnected', device, { error_code: 'device_disconnected' });
  }
  reconcileDevice(world, device);
  if (online) refillBackupPool(world, device);
}

/** Connects or disconnects a lock's accessory keypad. Throws for locks without one. */
export function setKeypadConnected(world: World, device: DeviceRecord, connected: boolean): void {
  if (!device.needs_accessory_keypad) {
    throw new SandboxInputError(
      `Device ${device.device_id} has no accessory keypad (its keypad is built in, or it has none).`,
    );
  }
  if (device.keypad_connected === connected) return;
  device.keypad_connected = connected;
  recordDeviceEvent(
    world,
    connected ? 'device.accessory_keypad_connected' : 'device.accessory_keypad_disconnected',
    device,
  );
  if (connected) restartStuckOperations(world, device);
  reconcileDevice(world, device);
}

/** Sets the accessory keypad's battery level (0..1). */
export function setKeypadBattery(world: World, device: DeviceRecord, level: number): void {
  if (!device.needs_accessory_keypad) {
    throw new SandboxInputError(`Device ${device.device_id} has no accessory keypad.`);
  }
  if (!Number.isFinite(level) || level < 0 || level > 1) {
    throw new SandboxInputError(`A battery level is a number from 0 to 1, got ${level}.`);
  }
  device.keypad_battery_level = level;
}

/** Disconnects (revokes) or reconnects a connected account; its locks follow. */
export function setAccountConnected(
  world: World,
  account: ConnectedAccountRecord,
  connected: boolean,
): void {
  if ((account.disconnected_at === null) === connected) return;
  const devices = [...world.devices.values()].filter(
    (device) => device.connected_account_id === account.connected_account_id,
  );
  if (connected) {
    account.disconnected_at = null;
    recordAccountEvent(world, 'connected_account.connected', account);
    for (const device of devices) {
      recordDeviceEvent(world, 'device.connected', device);
      restartStuckOperations(world, device);
    }
  } else {
    account.disconnected_at = world.isoNow();
    recordAccountEvent(world, 'connected_account.disconnected', account, {
      connected_account_errors: [
        {
          error_code: 'account_disconnected',
          message: messages.accountDisconnected,
          is_connected_account_error: true,
          created_at: account.disconnected_at,
        },
      ],
    });
    for (const device of devices) {
      recordDeviceEvent(world, 'device.disconnected', device, {
        error_code: 'account_disconnected',
      });
    }
  }
  for (const device of devices) {
    reconcileDevice(world, device);
    if (connected) refillBackupPool(world, device);
  }
}

/** Raises or clears a device warning (e.g. `third_party_integration_detected`). */
export function setDeviceWarning(
  world: World,
  device: DeviceRecord,
  warning_code: DeviceWarning['warning_code'],
  present: boolean,
): void {
  const has = device.extra_warnings.some((warning) => warning.warning_code === warning_code);
  if (present === has) return;
  if (present) {
    device.extra_warnings.push({
      warning_code,
      message: deviceWarningMessages[warning_code] ?? warning_code.replaceAll('_', ' '),
      created_at: world.isoNow(),
    } as DeviceWarning);
    if (warning_code === 'third_party_integration_detected') {
      recordDeviceEvent(world, 'device.third_party_integration_detected', device);
    } else if (warning_code === 'device_has_flaky_connection') {
      recordDeviceEvent(world, 'device.connection_became_flaky', device);
    }
  } else {
    device.extra_warnings = device.extra_warnings.filter(
      (warning) => warning.warning_code !== warning_code,
    );
    if (warning_code === 'third_party_integration_detected') {
      recordDeviceEvent(world, 'device.third_party_integration_no_longer_detected', device);
    } else if (warning_code === 'device_has_flaky_connection') {
      recordDeviceEvent(world, 'device.connection_stabilized', device);
    }
  }
}

/** Removes a device from Seam, as if deleted in the provider's app (`/devices/simulate/remove`). */
export function removeDevice(world: World, device: DeviceRecord): void {
  recordDeviceEvent(world, 'device.removed', device);
  for (const code of [...world.codes.values()]) {
    if (code.device_id === device.device_id) {
      world.clock.cancel(`code:${code.access_code_id}`);
      world.codes.delete(code.access_code_id);
    }
  }
  for (const code of [...world.unmanaged.values()]) {
    if (code.device_id === device.device_id) world.unmanaged.delete(code.access_code_id);
  }
  world.devices.delete(device.device_id);
}

/**
 * A PIN typed on the lock's keypad (Seam's `/locks/simulate/keypad_code_entry`): unlocks with
 * `lock.unlocked` (method `keycode`, naming the code) when a set code matches, otherwise
 * `lock.access_denied`. Returns whether the door unlocked.
 */
export function enterCode(world: World, device: DeviceRecord, pin: string): boolean {
  const managed = [...world.codes.values()].find(
    (code) =>
      code.device_id === device.device_id &&
      code.code === pin &&
      code.status === 'set' &&
      !code.in_backup_pool,
  );
  const unmanaged = [...world.unmanaged.values()].find(
    (code) => code.device_id === device.device_id && code.code === pin,
  );
  const match = managed ?? unmanaged;
  if (match === undefined || !device.online) {
    recordDeviceEvent(world, 'lock.access_denied', device);
    return false;
  }
  device.locked = false;
  recordDeviceEvent(world, 'lock.unlocked', device, {
    access_code_id: match.access_code_id,
    access_code_is_managed: managed !== undefined,
    method: 'keycode',
  });
  if (managed?.is_one_time_use === true) managed.deleting = true;
  return true;
}
