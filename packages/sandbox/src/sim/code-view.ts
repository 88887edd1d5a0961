/**
 * Access codes as Seam returns them. A code's `errors` carry its own access-code errors plus the
 * errors of its device and connected account (spec §B2), which is why a code on an offline lock
 * shows `device_offline`.
 */
import type { AccessCode, UnmanagedAccessCode } from '@seamapi/types/connect';
import type { AccessCodeRecord, UnmanagedCodeRecord } from '../state.js';
import type { World } from '../world.js';
import { deviceErrors, readyBackupCount } from './device-view.js';
import { pendingMutations } from './lifecycle.js';

/** Whether a backup code could be pulled for this code right now (spec §B13). */
export function backupAvailable(world: World, code: AccessCodeRecord): boolean {
  if (code.type !== 'time_bound' || code.is_backup || !code.use_backup_access_code_pool) {
    return false;
  }
  const device = world.devices.get(code.device_id);
  if (device === undefined || !device.backup_pool_active) return false;
  return code.pulled_backup_access_code_id !== null || readyBackupCount(world, device) > 0;
}

/** Renders a managed access code as `/access_codes/get` returns it. */
export function renderAccessCode(world: World, code: AccessCodeRecord): AccessCode {
  const device = world.devices.get(code.device_id);
  const inherited = device === undefined ? [] : deviceErrors(world, device);
  const scheduled =
    code.type === 'time_bound' &&
    code.on_device &&
    device !== undefined &&
    device.scheduling === 'native' &&
    code.prefer_native_scheduling;
  const view: Record<string, unknown> = {
    access_code_id: code.access_code_id,
    device_id: code.device_id,
    workspace_id: code.workspace_id,
    name: code.name,
    code: code.code,
    type: code.type,
    status: code.status,
  };
  if (code.type === 'time_bound') {
    view['starts_at'] = code.starts_at;
    view['ends_at'] = code.ends_at;
  }
  Object.assign(view, {
    created_at: code.created_at,
    errors: [...code.errors, ...inherited],
    warnings: [...code.warnings],
    is_managed: true,
    common_code_key: code.common_code_key,
    is_scheduled_on_device: scheduled,
    is_waiting_for_code_assignment: code.waiting_for_code_assignment,
    is_backup_access_code_available: backupAvailable(world, code),
    is_backup: code.is_backup,
    pulled_backup_access_code_id: code.pulled_backup_access_code_id,
    is_external_modification_allowed: code.is_external_modification_allowed,
    is_one_time_use: code.is_one_time_use,
    is_offline_access_code: code.is_offline_access_code,
    pending_mutations: device === undefined ? [] : pendingMutations(code, device, world.now()),
  });
  return structuredClone(view) as unknown as AccessCode;
}

/** Renders an unmanaged code as `/access_codes/unmanaged/list` returns it. */
export function renderUnmanagedCode(world: World, code: UnmanagedCodeRecord): UnmanagedAccessCode {
  const device = world.devices.get(code.device_id);
  return structuredClone({
    access_code_id: code.access_code_id,
    device_id: code.device_id,
    workspace_id: code.workspace_id,
    name: code.name,
    code: code.code,
    type: 'ongoing',
    status: 'set',
    created_at: code.created_at,
    errors: device === undefined ? [] : deviceErrors(world, device),
    warnings: [],
    is_managed: false,
  }) as UnmanagedAccessCode;
}
