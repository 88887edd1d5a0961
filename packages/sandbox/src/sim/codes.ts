/**
 * What requests do to access codes: create, update, delete, pull a backup, and what the world
 * does to them from outside (edits in the lock's app, unmanaged codes appearing). Validation of
 * the caller's draft happens in the routes (with core's rules); these functions apply it.
 */
import { instantToZonedWallTime, zonedWallTimeToInstant } from '@seam-codes/core';
import { SeamApiError } from '../http/errors.js';
import { generatePin } from '../rules.js';
import {
  newAccessCodeRecord,
  type AccessCodeRecord,
  type DeviceRecord,
  type UnmanagedCodeRecord,
} from '../state.js';
import type { World } from '../world.js';
import { readyBackupCount } from './device-view.js';
import { recordAccessCodeEvent } from './events.js';
import { reconcile, reconcileDevice, QUEUE_MS } from './lifecycle.js';
import { messages } from './messages.js';

/** The parameters of `/access_codes/create` the simulation uses (already validated). */
export interface CreateCodeInput {
  name?: string | undefined;
  code?: string | undefined;
  starts_at?: string | undefined;
  ends_at?: string | undefined;
  common_code_key?: string | undefined;
  prefer_native_scheduling?: boolean | undefined;
  use_backup_access_code_pool?: boolean | undefined;
  allow_external_modification?: boolean | undefined;
  is_external_modification_allowed?: boolean | undefined;
  preferred_code_length?: number | undefined;
  is_offline_access_code?: boolean | undefined;
  is_one_time_use?: boolean | undefined;
  max_time_rounding?: '1hour' | '1day' | '1h' | '1d' | undefined;
}

const hour = 60 * 60 * 1000;

/** Rounds an offline code's window outward to whole hours or days in the lock's time zone. */
function roundWindow(
  device: DeviceRecord,
  startsAt: string,
  endsAt: string,
  rounding: CreateCodeInput['max_time_rounding'],
): { starts_at: string; ends_at: string } {
  const zone = device.base.location?.time_zone ?? device.base.location?.timezone ?? 'UTC';
  const byDay = rounding === '1day' || rounding === '1d';
  const floor = (instant: string) => {
    const wall = instantToZonedWallTime(instant, zone);
    return Date.parse(
      zonedWallTimeToInstant(
        byDay ? `${wall.slice(0, 10)}T00:00` : `${wall.slice(0, 13)}:00`,
        zone,
      ),
    );
  };
  const start = floor(startsAt);
  let end = floor(endsAt);
  if (end < Date.parse(endsAt)) {
    end = byDay
      ? Date.parse(
          zonedWallTimeToInstant(
            `${instantToZonedWallTime(new Date(end + 36 * hour).toISOString(), zone).slice(0, 10)}T00:00`,
            zone,
          ),
        )
      : end + hour;
  }
  return { starts_at: new Date(start).toISOString(), ends_at: new Date(end).toISOString() };
}

function blankCode(world: World, device: DeviceRecord, id: string): AccessCodeRecord {
  return newAccessCodeRecord({
    access_code_id: id,
    device_id: device.device_id,
    workspace_id: device.workspace_id,
    created_at: world.isoNow(),
    programmable_at: world.now() + QUEUE_MS,
  });
}

/** Whether the lock picks the PIN itself (`cannot_specify_pin_code`). */
export function providerAssignsPin(device: DeviceRecord): boolean {
  return (device.base.properties.code_constraints ?? []).some(
    (constraint) => constraint.constraint_type === 'cannot_specify_pin_code',
  );
}

/** The PIN of another code in the workspace sharing `common_code_key`, if any. */
export function sharedPin(world: World, workspaceId: string, key: string): string | null {
  for (const code of world.codes.values()) {
    if (code.workspace_id === workspaceId && code.common_code_key === key && code.code !== null) {
      return code.code;
    }
  }
  return null;
}

/**
 * Creates a managed code from validated input and starts its lifecycle. Throws a 400 when the
 * lock has no PIN to give (every PIN it accepts is taken).
 */
export function createCode(
  world: World,
  device: DeviceRecord,
  input: CreateCodeInput,
  attemptId: string | null,
): AccessCodeRecord {
  const record = blankCode(world, device, world.nextId('access_code'));
  // Outcomes queued on the lock ("make the next set fail") are this code's: not a pool code's
  // Seam programs in the background, nor the retry of a code created before them.
  record.script.push(...device.behaviour.nextSetOutcomes.splice(0));
  const offline = input.is_offline_access_code === true;
  record.name = input.name ?? null;
  record.common_code_key = input.common_code_key ?? null;
  record.is_external_modification_allowed =
    input.allow_external_modification ?? input.is_external_modification_allowed ?? false;
  record.is_offline_access_code = offline;
  record.is_one_time_use = input.is_one_time_use ?? false;
  record.prefer_native_scheduling = input.prefer_native_scheduling ?? true;
  record.use_backup_access_code_pool = input.use_backup_access_code_pool ?? false;
  if (input.starts_at !== undefined && input.ends_at !== undefined) {
    record.type = 'time_bound';
    const window = offline
      ? roundWindow(device, input.starts_at, input.ends_at, input.max_time_rounding)
      : {
          starts_at: new Date(input.starts_at).toISOString(),
          ends_at: new Date(input.ends_at).toISOString(),
        };
    record.starts_at = window.starts_at;
    record.ends_at = window.ends_at;
  }
  if (offline || providerAssignsPin(device)) {
    record.waiting_for_code_assignment = true;
  } else if (input.code !== undefined) {
    record.code = input.code;
  } else {
    const shared =
      input.common_code_key === undefined
        ? null
        : sharedPin(world, device.workspace_id, input.common_code_key);
    record.code =
      shared ??
      generatePin(
        world,
        device,
        input.preferred_code_length === undefined ? {} : { length: input.preferred_code_length },
      );
    if (record.code === null) {
      throw new SeamApiError(
        400,
        'no_code_available',
        'Seam could not generate a PIN for this lock: every PIN its rules allow is already in use. Delete a code on the lock or pass a code of your own.',
        { data: { device_id: device.device_id } },
      );
    }
  }
  if (attemptId !== null) record.waiting_attempts.push(attemptId);
  world.codes.set(record.access_code_id, record);
  recordAccessCodeEvent(world, 'access_code.created', record);
  if (record.use_backup_access_code_pool && !device.backup_pool_active) {
    device.backup_pool_active = true;
    refillBackupPool(world, device);
  }
  reconcile(world, record);
  return record;
}

/** The parameters of `/access_codes/update` the simulation uses (already validated). */
export interface UpdateCodeInput {
  name?: string | undefined;
  code?: string | undefined;
  starts_at?: string | undefined;
  ends_at?: string | undefined;
  type?: 'ongoing' | 'time_bound' | undefined;
  prefer_native_scheduling?: boolean | undefined;
  use_backup_access_code_pool?: boolean | undefined;
  allow_external_modification?: boolean | undefined;
  is_external_modification_allowed?: boolean | undefined;
  preferred_code_length?: number | undefined;
}

/** Applies a validated update; the code is reprogrammed when what the lock holds changes. */
export function updateCode(
  world: World,
  device: DeviceRecord,
  record: AccessCodeRecord,
  input: UpdateCodeInput,
  attemptId: string | null,
): void {
  let reprogram = false;
  if (input.name !== undefined && input.name !== record.name) {
    record.name = input.name;
    reprogram = true;
  }
  if (input.code !== undefined && input.code !== record.code) {
    record.code = input.code;
    reprogram = true;
  } else if (input.code === undefined && input.preferred_code_length !== undefined) {
    const length = input.preferred_code_length;
    if (record.code?.length !== length) {
      record.code =
        generatePin(world, device, { length, ignoreAccessCodeId: record.access_code_id }) ??
        record.code;
      reprogram = true;
    }
  }
  if (input.type === 'ongoing') {
    if (record.type !== 'ongoing') reprogram = true;
    record.type = 'ongoing';
    record.starts_at = null;
    record.ends_at = null;
  } else if (input.starts_at !== undefined || input.ends_at !== undefined) {
    const starts_at = input.starts_at ?? record.starts_at;
    const ends_at = input.ends_at ?? record.ends_at;
    if (starts_at !== null && ends_at !== null) {
      const normalised = [starts_at, ends_at].map((time) => new Date(time).toISOString());
      if (normalised[0] !== record.starts_at || normalised[1] !== record.ends_at) reprogram = true;
      record.type = 'time_bound';
      record.starts_at = normalised[0]!;
      record.ends_at = normalised[1]!;
    }
  }
  if (input.prefer_native_scheduling !== undefined) {
    if (input.prefer_native_scheduling !== record.prefer_native_scheduling) reprogram = true;
    record.prefer_native_scheduling = input.prefer_native_scheduling;
  }
  const allow = input.allow_external_modification ?? input.is_external_modification_allowed;
  if (allow !== undefined) record.is_external_modification_allowed = allow;
  if (input.use_backup_access_code_pool === true) {
    record.use_backup_access_code_pool = true;
    if (!device.backup_pool_active) {
      device.backup_pool_active = true;
      refillBackupPool(world, device);
    }
  }
  if (reprogram) {
    // The lock holds the old version; the new one must be programmed before it counts as set.
    record.on_device = false;
    record.programmable_at = world.now();
  }
  if (attemptId !== null) record.waiting_attempts.push(attemptId);
  recordAccessCodeEvent(world, 'access_code.changed', record);
  reconcile(world, record);
}

/** Starts deleting a code: `access_code.deleted` now, removal from the lock after. */
export function deleteCode(world: World, record: AccessCodeRecord, attemptId: string | null): void {
  record.deleting = true;
  if (attemptId !== null) record.waiting_attempts.push(attemptId);
  recordAccessCodeEvent(world, 'access_code.deleted', record, { code: record.code });
  reconcile(world, record);
}

/** Tops the device's backup pool up to its size with codes Seam programs in the background. */
export function refillBackupPool(world: World, device: DeviceRecord): void {
  if (!device.backup_pool_active) return;
  let pooled = 0;
  for (const code of world.codes.values()) {
    if (code.device_id === device.device_id && code.in_backup_pool) pooled++;
  }
  for (; pooled < device.backup_pool_size; pooled++) {
    const pin = generatePin(world, device);
    if (pin === null) return;
    const record = blankCode(world, device, world.nextId('access_code'));
    record.name = `Backup ${record.access_code_id.slice(0, 8)} (Seam)`;
    record.code = pin;
    record.is_backup = true;
    record.in_backup_pool = true;
    record.programmable_at = world.now();
    world.codes.set(record.access_code_id, record);
    reconcile(world, record);
  }
}

/**
 * Pulls a backup code for a time-bound code (spec §B5.9): the same backup on every call; its
 * window follows the original's; the pool is refilled.
 */
export function pullBackup(world: World, record: AccessCodeRecord): AccessCodeRecord {
  const device = world.devices.get(record.device_id)!;
  if (record.pulled_backup_access_code_id !== null) {
    const existing = world.codes.get(record.pulled_backup_access_code_id);
    if (existing !== undefined) return existing;
  }
  if (record.type !== 'time_bound') {
    throw new SeamApiError(
      400,
      'invalid_input',
      'Backup codes exist for time-bound codes only. Give the code a start and an end first.',
      { validationErrors: { access_code_id: { _errors: ['The access code is not time-bound.'] } } },
    );
  }
  if (!device.backup_pool_active || !record.use_backup_access_code_pool) {
    throw new SeamApiError(
      400,
      'backup_access_code_pool_not_enabled',
      'This code was not created with use_backup_access_code_pool: true, so no backup can be pulled for it. Create codes with use_backup_access_code_pool to use the pool.',
      { data: { access_code_id: record.access_code_id } },
    );
  }
  let backup: AccessCodeRecord | undefined;
  for (const code of world.codes.values()) {
    if (code.device_id === device.device_id && code.in_backup_pool && code.on_device) {
      backup = code;
      break;
    }
  }
  if (backup === undefined || readyBackupCount(world, device) === 0) {
    throw new SeamApiError(
      409,
      'no_backup_access_code_available',
      `${messages.emptyBackupPool} Try again once the lock has been reachable for a while.`,
      { data: { device_id: device.device_id } },
    );
  }
  backup.in_backup_pool = false;
  backup.type = 'time_bound';
  backup.starts_at = record.starts_at;
  backup.ends_at = record.ends_at;
  record.pulled_backup_access_code_id = backup.access_code_id;
  recordAccessCodeEvent(world, 'access_code.backup_access_code_pulled', record, {
    backup_access_code_id: backup.access_code_id,
  });
  reconcile(world, backup);
  refillBackupPool(world, device);
  return backup;
}

/** What happened to a code in the lock's own app (simulated). */
export interface ExternalChange {
  change: 'modified' | 'removed';
  /** The PIN someone typed in the app (for `modified`); default: a PIN Seam generates. */
  code?: string;
}

/**
 * Simulates an edit made outside Seam to a code that is on the lock (spec §B13). Without
 * `is_external_modification_allowed`, Seam records an error and puts the code back; with it, a
 * warning, and the change stands.
 */
export function modifyExternally(world: World, record: AccessCodeRecord, change: ExternalChange) {
  const device = world.devices.get(record.device_id)!;
  if (!record.on_device) {
    throw new SeamApiError(
      400,
      'invalid_input',
      'Only a code that is on the lock can be changed in the lock app. Wait until it is set (or preloaded).',
      { validationErrors: { access_code_id: { _errors: ['The code is not on the lock.'] } } },
    );
  }
  const eventType =
    change.change === 'modified'
      ? 'access_code.modified_external_to_seam'
      : 'access_code.deleted_external_to_seam';
  const at = world.isoNow();
  if (record.is_external_modification_allowed) {
    if (
      !record.warnings.some((warning) => warning.warning_code === 'external_modification_in_effect')
    ) {
      record.warnings.push({
        warning_code: 'external_modification_in_effect',
        message: messages.modifiedExternallyAllowed,
        created_at: at,
        change_type: change.change,
      });
    }
    recordAccessCodeEvent(world, eventType, record);
    if (change.change === 'removed') {
      record.on_device = false;
      record.deleting = true;
    } else {
      record.code =
        change.code ??
        generatePin(world, device, { ignoreAccessCodeId: record.access_code_id }) ??
        record.code;
    }
    reconcile(world, record);
    return;
  }
  if (!record.errors.some((error) => error.error_code === 'conflicting_external_modification')) {
    record.errors.push({
      error_code: 'conflicting_external_modification',
      message: messages.modifiedExternally,
      is_access_code_error: true,
      created_at: at,
      change_type: change.change,
    });
  }
  recordAccessCodeEvent(world, eventType, record);
  record.external_change = change.change;
  record.on_device = false;
  reconcile(world, record);
}

/** Adds a code to the lock that Seam does not manage (as if typed on the lock or its app). */
export function addUnmanagedCode(
  world: World,
  device: DeviceRecord,
  input: { name: string; code: string },
): UnmanagedCodeRecord {
  const record: UnmanagedCodeRecord = {
    access_code_id: world.nextId('unmanaged_access_code'),
    device_id: device.device_id,
    workspace_id: device.workspace_id,
    name: input.name,
    code: input.code,
    created_at: world.isoNow(),
  };
  world.unmanaged.set(record.access_code_id, record);
  recordAccessCodeEvent(world, 'access_code.unmanaged.created', record);
  // A new code on the lock can take the slot or the PIN a pending managed code needed.
  reconcileDevice(world, device);
  return record;
}
