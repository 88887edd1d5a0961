/**
 * Action attempts (spec §B10): created `pending` by a request, resolved `success` or `error` by
 * the simulation when the lock answers. Results are shaped as Seam's: `{ access_code }` for
 * create and update, `{}` for delete.
 */
import type { ActionAttempt } from '@seamapi/types/connect';
import type { DeviceRecord } from '../state.js';
import type { World } from '../world.js';

/** The action types the sandbox produces. */
export type SandboxActionType =
  | 'CREATE_ACCESS_CODE'
  | 'UPDATE_ACCESS_CODE'
  | 'DELETE_ACCESS_CODE'
  | 'SIMULATE_KEYPAD_CODE_ENTRY'
  | 'UNLOCK_DOOR'
  | 'LOCK_DOOR';

/** Creates a pending action attempt on a device (and its workspace) and returns a copy of it. */
export function createAttempt(
  world: World,
  device: Pick<DeviceRecord, 'workspace_id' | 'device_id'>,
  action_type: SandboxActionType,
): ActionAttempt {
  const attempt = {
    action_attempt_id: world.nextId('action_attempt'),
    action_type,
    status: 'pending',
    result: null,
    error: null,
  } as ActionAttempt;
  world.attempts.set(attempt.action_attempt_id, {
    workspace_id: device.workspace_id,
    device_id: device.device_id,
    attempt,
  });
  return structuredClone(attempt);
}

/** Marks a pending attempt successful with Seam's result shape. */
export function resolveAttemptSuccess(
  world: World,
  id: string,
  result: Record<string, unknown>,
): void {
  const record = world.attempts.get(id);
  if (record === undefined || record.attempt.status !== 'pending') return;
  record.attempt = {
    ...record.attempt,
    status: 'success',
    result,
    error: null,
  } as ActionAttempt;
}

/** Marks a pending attempt failed with `{ type, message }`. */
export function resolveAttemptError(
  world: World,
  id: string,
  error: { type: string; message: string },
): void {
  const record = world.attempts.get(id);
  if (record === undefined || record.attempt.status !== 'pending') return;
  record.attempt = {
    ...record.attempt,
    status: 'error',
    result: null,
    error,
  } as ActionAttempt;
}
