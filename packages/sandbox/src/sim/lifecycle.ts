/**
 * The access-code lifecycle, driven by the virtual clock (spec §B8). One function, `reconcile`,
 * looks at a code, its lock and the time, works out where the code should be (not yet, preloaded,
 * active, gone), moves it one step at a time through simulated programming attempts, emits the
 * event of each transition and schedules the next wake-up. Everything it needs is in the records,
 * so after a restart a reconcile of every code rebuilds all timers.
 */
import type { AccessCode, AccessCodeError, AccessCodeWarning } from '@seamapi/types/connect';
import { assignProviderPin } from '../rules.js';
import type { AccessCodeRecord, AttemptOutcome, CodeOperation, DeviceRecord } from '../state.js';
import { nextFloat } from '../util/random.js';
import type { World } from '../world.js';
import { resolveAttemptError, resolveAttemptSuccess } from './action-attempts.js';
import { renderAccessCode } from './code-view.js';
import { accountConnected, deviceReachable, keypadMissing } from './device-view.js';
import { recordAccessCodeEvent, type AccessCodeEventType } from './events.js';
import { messages } from './messages.js';

/** Native scheduling writes a code to the lock this long before `starts_at` (spec §B8). */
export const PRELOAD_MS = 72 * 60 * 60 * 1000;
/** Just-in-time scheduling programs a code this long before `starts_at`. */
export const JUST_IN_TIME_MS = 60 * 60 * 1000;
/** Seam picks up a new or changed code this long after the request (status `unset` meanwhile). */
export const QUEUE_MS = 500;
/** PIN length of offline (algorithmic) codes, as igloohome's algoPINs. */
const OFFLINE_PIN_LENGTHS = [9];

/** Where a code should be at a given moment. */
export type CodeTarget = 'waiting' | 'preloaded' | 'active' | 'absent';

/** Records a code's event, except for codes waiting unseen in the backup pool. */
function emit(
  world: World,
  type: AccessCodeEventType,
  code: AccessCodeRecord,
  extra?: Record<string, unknown>,
): void {
  if (!code.in_backup_pool) recordAccessCodeEvent(world, type, code, extra);
}

function timerKey(code: AccessCodeRecord): string {
  return `code:${code.access_code_id}`;
}

/** Whether this code uses the lock's own scheduling. */
export function usesNativeScheduling(code: AccessCodeRecord, device: DeviceRecord): boolean {
  return device.scheduling === 'native' && code.prefer_native_scheduling;
}

/** One of Seam's `pending_mutations` (what Seam is still pushing to the lock for a code). */
export type PendingMutation = NonNullable<AccessCode['pending_mutations']>[number];

/**
 * The code's `pending_mutations` at `now`: `deleting` while a delete is on its way to the lock,
 * `deferring_creation` (with `scheduled_at`) while a time-bound code waits for Seam to program
 * it, `creating` while it is being put on the lock. Empty once the lock holds what Seam wants.
 */
export function pendingMutations(
  code: AccessCodeRecord,
  device: DeviceRecord,
  now: number,
): PendingMutation[] {
  const iso = (ms: number) => new Date(ms).toISOString();
  if (code.deleting) {
    return code.on_device
      ? [
          {
            mutation_code: 'deleting',
            created_at: iso(code.op?.started_at ?? code.programmable_at),
            message: messages.mutationDeleting,
          },
        ]
      : [];
  }
  if (code.on_device || code.in_backup_pool) return [];
  const target = targetOf(code, device, now);
  if (target === 'absent') return [];
  if (target === 'waiting' && code.type === 'time_bound' && code.starts_at !== null) {
    const start = Date.parse(code.starts_at);
    const lead = usesNativeScheduling(code, device) ? PRELOAD_MS : JUST_IN_TIME_MS;
    const scheduled = Math.max(start - lead, code.programmable_at);
    if (scheduled > now) {
      return [
        {
          mutation_code: 'deferring_creation',
          created_at: code.created_at,
          message: messages.mutationDeferring,
          scheduled_at: iso(scheduled),
        },
      ];
    }
  }
  return [
    { mutation_code: 'creating', created_at: code.created_at, message: messages.mutationCreating },
  ];
}

/** Where the code should be at `now`, ignoring whether the lock can be reached. */
export function targetOf(code: AccessCodeRecord, device: DeviceRecord, now: number): CodeTarget {
  if (code.deleting) return 'absent';
  if (code.ends_at !== null && now >= Date.parse(code.ends_at)) return 'absent';
  if (now < code.programmable_at) return 'waiting';
  if (code.type === 'ongoing' || code.starts_at === null) return 'active';
  const start = Date.parse(code.starts_at);
  if (now >= start) return 'active';
  if (usesNativeScheduling(code, device))
    return now >= start - PRELOAD_MS ? 'preloaded' : 'waiting';
  return now >= start - JUST_IN_TIME_MS ? 'active' : 'waiting';
}

function neededOperation(
  code: AccessCodeRecord,
  device: DeviceRecord,
  target: CodeTarget,
): CodeOperation['kind'] | null {
  switch (target) {
    case 'absent':
      return code.on_device ? 'remove' : null;
    case 'active':
    case 'preloaded':
      return code.on_device ? null : 'set';
    case 'waiting':
      // A just-in-time code moved into the future must not stay usable on the lock meanwhile.
      return code.on_device && !usesNativeScheduling(code, device) && code.type === 'time_bound'
        ? 'remove'
        : null;
  }
}

/** The status Seam shows for the code right now (spec §B8). */
export function deriveStatus(
  world: World,
  code: AccessCodeRecord,
  device: DeviceRecord,
): AccessCodeRecord['status'] {
  if (!accountConnected(world, device)) return 'unknown';
  if (code.is_offline_access_code) {
    if (code.offline_registered) return 'set';
    return code.op !== null ? 'setting' : 'unset';
  }
  const target = targetOf(code, device, world.now());
  if (code.on_device && (target === 'absent' || code.op?.kind === 'remove')) return 'removing';
  if (target === 'active') return code.on_device ? 'set' : 'setting';
  return 'unset';
}

function drawOutcome(
  code: AccessCodeRecord,
  device: DeviceRecord,
  kind: CodeOperation['kind'],
): AttemptOutcome {
  // Set outcomes queued on the lock were claimed by the next code created there (createCode).
  const scripted =
    code.script.shift() ??
    (kind === 'set' ? undefined : device.behaviour.nextRemoveOutcomes.shift());
  if (scripted !== undefined) return scripted;
  const probability =
    kind === 'set'
      ? device.behaviour.setFailureProbability
      : device.behaviour.removeFailureProbability;
  // Always draw, so a device's stream advances the same way whatever the probability is.
  return nextFloat(device.random) < probability ? 'failure' : 'success';
}

function attemptDuration(
  device: DeviceRecord,
  kind: CodeOperation['kind'],
  outcome: AttemptOutcome,
): number {
  const latency = kind === 'set' ? device.behaviour.setLatencyMs : device.behaviour.removeLatencyMs;
  return latency + (outcome === 'delay' ? device.behaviour.delayExtraMs : 0);
}

function beginOperation(
  code: AccessCodeRecord,
  device: DeviceRecord,
  kind: CodeOperation['kind'],
  now: number,
): CodeOperation {
  const outcome = drawOutcome(code, device, kind);
  return {
    kind,
    started_at: now,
    due_at: now + attemptDuration(device, kind, outcome),
    attempt: 1,
    delay_reported: false,
    outcome,
  };
}

function withoutWarning(code: AccessCodeRecord, warning: AccessCodeWarning['warning_code']): void {
  code.warnings = code.warnings.filter((candidate) => candidate.warning_code !== warning);
}

function withoutErrors(code: AccessCodeRecord, errors: AccessCodeError['error_code'][]): void {
  code.errors = code.errors.filter((candidate) => !errors.includes(candidate.error_code));
}

/** Adds an access-code error unless one with that code is there; true when it was added. */
function addError(
  world: World,
  code: AccessCodeRecord,
  error_code: AccessCodeError['error_code'],
  message: string,
): boolean {
  if (code.errors.some((error) => error.error_code === error_code)) return false;
  code.errors.push({
    error_code,
    message,
    is_access_code_error: true,
    created_at: world.isoNow(),
  } as AccessCodeError);
  return true;
}

function addWarning(
  world: World,
  code: AccessCodeRecord,
  warning_code: AccessCodeWarning['warning_code'],
  message: string,
): boolean {
  if (code.warnings.some((warning) => warning.warning_code === warning_code)) return false;
  code.warnings.push({ warning_code, message, created_at: world.isoNow() } as AccessCodeWarning);
  return true;
}

/** Codes that occupy a slot on the lock besides `except`. */
function slotsUsed(world: World, device: DeviceRecord, except: AccessCodeRecord): number {
  let used = 0;
  for (const code of world.codes.values()) {
    if (code.device_id === device.device_id && code.on_device && code !== except) used++;
  }
  for (const code of world.unmanaged.values()) if (code.device_id === device.device_id) used++;
  return used;
}

/** A reason the lock itself refuses the code, whatever luck the attempt has. */
function structuralFailure(
  world: World,
  code: AccessCodeRecord,
  device: DeviceRecord,
): { error_code: AccessCodeError['error_code']; message: string } | null {
  if (keypadMissing(device)) {
    return { error_code: 'failed_to_set_on_device', message: messages.failedToSetKeypad };
  }
  const max = device.base.properties.max_active_codes_supported;
  if (typeof max === 'number' && slotsUsed(world, device, code) >= max) {
    return { error_code: 'no_space_for_access_code_on_device', message: messages.noSpace };
  }
  if (code.code !== null) {
    for (const other of world.unmanaged.values()) {
      if (other.device_id === device.device_id && other.code === code.code) {
        return { error_code: 'duplicate_code_on_device', message: messages.duplicateOnDevice };
      }
    }
  }
  return null;
}

const setFailureErrors: AccessCodeError['error_code'][] = [
  'failed_to_set_on_device',
  'no_space_for_access_code_on_device',
  'duplicate_code_on_device',
];

function retry(code: AccessCodeRecord, device: DeviceRecord, op: CodeOperation, now: number) {
  op.attempt += 1;
  op.outcome = drawOutcome(code, device, op.kind);
  op.due_at = now + device.behaviour.retryIntervalMs + attemptDuration(device, op.kind, op.outcome);
}

function failAttempts(world: World, code: AccessCodeRecord, type: string, message: string): void {
  for (const id of code.waiting_attempts.splice(0)) {
    resolveAttemptError(world, id, { type, message });
  }
}

function succeedAttempts(world: World, code: AccessCodeRecord): void {
  if (code.waiting_attempts.length === 0) return;
  const view = renderAccessCode(world, code);
  for (const id of code.waiting_attempts.splice(0)) {
    resolveAttemptSuccess(world, id, { access_code: view });
  }
}

function completeSet(world: World, code: AccessCodeRecord, device: DeviceRecord, now: number) {
  const op = code.op!;
  const structural = structuralFailure(world, code, device);
  const failure =
    structural ??
    (op.outcome === 'failure'
      ? { error_code: 'failed_to_set_on_device' as const, message: messages.failedToSet }
      : null);
  if (failure !== null) {
    // A failure replaces any other failure reason; the event fires when a problem first shows.
    const fresh = !code.errors.some((error) => setFailureErrors.includes(error.error_code));
    withoutErrors(
      code,
      setFailureErrors.filter((error_code) => error_code !== failure.error_code),
    );
    addError(world, code, failure.error_code, failure.message);
    if (fresh) emit(world, 'access_code.failed_to_set_on_device', code);
    failAttempts(world, code, failure.error_code, failure.message);
    retry(code, device, op, now);
    return;
  }
  code.on_device = true;
  code.op = null;
  if (code.waiting_for_code_assignment) {
    code.code = assignProviderPin(world, device, code) ?? code.code;
    code.waiting_for_code_assignment = code.code === null;
  }
  withoutErrors(code, [...setFailureErrors, 'conflicting_external_modification']);
  withoutWarning(code, 'delay_in_setting_on_device');
  code.external_change = null;
  if (targetOf(code, device, now) === 'preloaded') {
    emit(world, 'access_code.scheduled_on_device', code, { code: code.code ?? '' });
  }
}

function completeRemove(world: World, code: AccessCodeRecord, device: DeviceRecord, now: number) {
  const op = code.op!;
  if (op.outcome === 'failure') {
    if (addError(world, code, 'failed_to_remove_from_device', messages.failedToRemove)) {
      emit(world, 'access_code.failed_to_remove_from_device', code);
    }
    retry(code, device, op, now);
    return;
  }
  code.on_device = false;
  code.op = null;
  withoutErrors(code, ['failed_to_remove_from_device']);
  withoutWarning(code, 'delay_in_removing_from_device');
  emit(world, 'access_code.removed_from_device', code);
}

function reportDelay(world: World, code: AccessCodeRecord, op: CodeOperation): void {
  op.delay_reported = true;
  if (op.kind === 'set') {
    if (addWarning(world, code, 'delay_in_setting_on_device', messages.delayInSetting)) {
      emit(world, 'access_code.delay_in_setting_on_device', code);
    }
  } else if (addWarning(world, code, 'delay_in_removing_from_device', messages.delayInRemoving)) {
    emit(world, 'access_code.delay_in_removing_from_device', code);
  }
}

function endOperation(code: AccessCodeRecord): void {
  code.op = null;
  withoutWarning(code, 'delay_in_setting_on_device');
  withoutWarning(code, 'delay_in_removing_from_device');
}

/** Drops a code that is off the lock and no longer wanted; settles what waited on it. */
function finalize(world: World, code: AccessCodeRecord): void {
  world.clock.cancel(timerKey(code));
  world.codes.delete(code.access_code_id);
  for (const id of code.waiting_attempts.splice(0)) {
    const attempt = world.attempts.get(id)?.attempt;
    if (attempt?.action_type === 'DELETE_ACCESS_CODE') resolveAttemptSuccess(world, id, {});
    else {
      resolveAttemptError(world, id, {
        type: 'uncategorized_error',
        message: 'The access code was removed before it reached the device.',
      });
    }
  }
}

function announceStatus(world: World, code: AccessCodeRecord, device: DeviceRecord): void {
  const next = deriveStatus(world, code, device);
  if (next === code.status) return;
  const previous = code.status;
  code.status = next;
  // Coming back from `unknown` (account reconnected) is not a new programming of the lock.
  if (next === 'set' && previous !== 'unknown') {
    emit(world, 'access_code.set_on_device', code, { code: code.code ?? '' });
  }
}

function settleAttempts(world: World, code: AccessCodeRecord, target: CodeTarget): void {
  if (code.waiting_attempts.length === 0 || code.op !== null) return;
  if (world.now() < code.programmable_at) return;
  // Accepted and queued (a future window) or on the lock: the request has done its work.
  if (target === 'waiting' || code.on_device) succeedAttempts(world, code);
}

function nextWake(world: World, code: AccessCodeRecord, device: DeviceRecord): number | null {
  const now = world.now();
  const times: number[] = [code.programmable_at];
  const op = code.op;
  if (op !== null) {
    const reachable = code.is_offline_access_code
      ? accountConnected(world, device)
      : deviceReachable(world, device);
    if (reachable) times.push(op.due_at);
    if (!op.delay_reported) times.push(op.started_at + device.behaviour.delayWarningAfterMs);
  }
  if (code.ends_at !== null) times.push(Date.parse(code.ends_at));
  if (code.starts_at !== null && !code.is_offline_access_code) {
    const start = Date.parse(code.starts_at);
    times.push(start, start - PRELOAD_MS, start - JUST_IN_TIME_MS);
  }
  const future = times.filter((time) => time > now);
  return future.length === 0 ? null : Math.min(...future);
}

function schedule(world: World, code: AccessCodeRecord, device: DeviceRecord): void {
  const wake = nextWake(world, code, device);
  const key = timerKey(code);
  if (wake === null) {
    world.clock.cancel(key);
    return;
  }
  const id = code.access_code_id;
  world.clock.schedule(key, wake, () => {
    const current = world.codes.get(id);
    if (current !== undefined) reconcile(world, current);
  });
}

function reconcileOffline(world: World, code: AccessCodeRecord, device: DeviceRecord): void {
  const now = world.now();
  if (code.ends_at !== null && now >= Date.parse(code.ends_at)) {
    // The manufacturer's server lets an offline code lapse on its own; Seam forgets it.
    finalize(world, code);
    return;
  }
  if (!code.offline_registered && now >= code.programmable_at) {
    code.op ??= beginOperation(code, device, 'set', now);
    const op = code.op;
    if (!op.delay_reported && now >= op.started_at + device.behaviour.delayWarningAfterMs) {
      reportDelay(world, code, op);
    }
    if (accountConnected(world, device) && op.due_at <= now) {
      if (op.outcome === 'failure') {
        if (addError(world, code, 'failed_to_set_on_device', messages.failedToSet)) {
          emit(world, 'access_code.failed_to_set_on_device', code);
        }
        failAttempts(world, code, 'failed_to_set_on_device', messages.failedToSet);
        retry(code, device, op, now);
      } else {
        code.offline_registered = true;
        code.op = null;
        code.code = assignProviderPin(world, device, code, OFFLINE_PIN_LENGTHS) ?? code.code;
        code.waiting_for_code_assignment = code.code === null;
        withoutErrors(code, ['failed_to_set_on_device']);
        withoutWarning(code, 'delay_in_setting_on_device');
      }
    }
  }
  announceStatus(world, code, device);
  if (code.offline_registered) succeedAttempts(world, code);
  schedule(world, code, device);
}

/**
 * Brings one code up to date with the clock and its lock: completes due attempts, starts the
 * next operation, emits transition events, settles action attempts and schedules the next wake.
 * Safe to call at any time and any number of times.
 */
export function reconcile(world: World, code: AccessCodeRecord): void {
  const device = world.devices.get(code.device_id);
  if (device === undefined) {
    finalize(world, code);
    return;
  }
  if (code.is_offline_access_code) {
    reconcileOffline(world, code, device);
    return;
  }
  let target: CodeTarget = 'waiting';
  // Each pass settles one step (an attempt completes); a handful covers any sequence at one instant.
  for (let pass = 0; pass < 8; pass++) {
    const now = world.now();
    target = targetOf(code, device, now);
    const needed = neededOperation(code, device, target);
    if (needed === null) {
      if (code.op !== null) endOperation(code);
      if (target === 'absent') {
        finalize(world, code);
        return;
      }
      break;
    }
    if (code.op === null || code.op.kind !== needed) {
      if (code.op !== null) endOperation(code);
      code.op = beginOperation(code, device, needed, now);
    }
    const op = code.op;
    if (!op.delay_reported && now >= op.started_at + device.behaviour.delayWarningAfterMs) {
      reportDelay(world, code, op);
    }
    if (!deviceReachable(world, device) || op.due_at > now) break;
    if (op.kind === 'set') completeSet(world, code, device, now);
    else completeRemove(world, code, device, now);
  }
  announceStatus(world, code, device);
  settleAttempts(world, code, target);
  schedule(world, code, device);
}

/** Reconciles every code on a device (after its hardware or account changed). */
export function reconcileDevice(world: World, device: DeviceRecord): void {
  for (const code of [...world.codes.values()]) {
    if (code.device_id === device.device_id) reconcile(world, code);
  }
}

/**
 * When a lock becomes reachable again, attempts that were stuck restart from now: the lock
 * needs the usual time to take the code, not zero.
 */
export function restartStuckOperations(world: World, device: DeviceRecord): void {
  const now = world.now();
  for (const code of world.codes.values()) {
    if (code.device_id !== device.device_id || code.op === null) continue;
    const minimum = now + attemptDuration(device, code.op.kind, code.op.outcome);
    if (code.op.due_at < minimum) code.op.due_at = minimum;
  }
}
