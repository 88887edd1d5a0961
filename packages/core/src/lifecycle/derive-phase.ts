import type { AccessCode } from '@seamapi/types/connect';
import { scopeOfSeamError, type IssueScope, type SeamErrorLike } from './guidance-codes.js';
import { parseTime } from './order.js';
import type { DerivedPhase } from './types.js';

/** Natively scheduled codes are written to the lock this long before `starts_at` (spec §B8). */
export const NATIVE_PRELOAD_MS = 72 * 60 * 60 * 1000;
/** Just-in-time codes are programmed this long before `starts_at` (spec §B8). */
export const JUST_IN_TIME_LEAD_MS = 60 * 60 * 1000;

/** Errors after which Seam cannot verify the code: it shows `unknown` (spec §B8). */
const UNVERIFIABLE_ERRORS: ReadonlySet<string> = new Set([
  'account_disconnected',
  'bridge_disconnected',
]);

/** Errors and warnings that mean "still on its way to the lock", not "failed" (spec §B3, §B4). */
const DELAY_CODES: ReadonlySet<string> = new Set([
  'delay_in_setting_on_device',
  'august_device_programming_delay',
  'august_lock_temporarily_offline',
  'hubitat_device_programming_delay',
]);

/**
 * Access-code errors that do not make a code `failed`: Seam puts an externally modified code back
 * by itself (§B13), and removal failures are `removing_failed`.
 */
const NOT_FAILING_ERRORS: ReadonlySet<string> = new Set([
  ...DELAY_CODES,
  'code_modified_external_to_seam',
  'conflicting_external_modification',
  'failed_to_remove_from_device',
]);

/** An error or warning of a snapshot, read defensively (newer Seam releases add codes). */
export interface SeamIssueElement {
  readonly code: string;
  readonly message: string;
  readonly createdAt: string | null;
  /** For errors: the scope its flags name (spec §B2); null for warnings and unflagged errors. */
  readonly scope: IssueScope | null;
}

function elements(list: unknown, codeField: 'error_code' | 'warning_code'): SeamIssueElement[] {
  if (!Array.isArray(list)) return [];
  const read: SeamIssueElement[] = [];
  for (const element of list) {
    if (element === null || typeof element !== 'object') continue;
    const record = element as Record<string, unknown>;
    read.push({
      code: String(record[codeField]),
      message: typeof record.message === 'string' ? record.message : '',
      createdAt: typeof record.created_at === 'string' ? record.created_at : null,
      scope:
        codeField === 'error_code' ? scopeOfSeamError(record as unknown as SeamErrorLike) : null,
    });
  }
  return read;
}

/** The `errors` of an access code: its own, and those of its device and connected account. */
export function seamErrorsOf(accessCode: AccessCode): SeamIssueElement[] {
  return elements(accessCode.errors, 'error_code');
}

/** The `warnings` of an access code. */
export function seamWarningsOf(accessCode: AccessCode): SeamIssueElement[] {
  return elements(accessCode.warnings, 'warning_code');
}

/** Whether the time-bound code's window is over at `nowMs` (Seam then removes it). */
function windowIsOver(accessCode: AccessCode, nowMs: number): boolean {
  if (accessCode.type !== 'time_bound') return false;
  const endsAt = parseTime(accessCode.ends_at);
  return Number.isFinite(endsAt) && Number.isFinite(nowMs) && endsAt <= nowMs;
}

/**
 * The derived phase of an access code as Seam returned it, at `now` (spec §B8 "Derived UI
 * states", evaluated in order). Only `removed`, `submitting` and `rejected` need more than the
 * object: see `transition`.
 *
 * The clock matters once: a time-bound code whose `ends_at` has passed is `removing` (Seam removes
 * it at `ends_at`, and it no longer opens the door) even if the object still says `set`.
 *
 * @example
 * derivePhase(accessCode, new Date()) // 'scheduled' for an `unset` code preloaded onto the lock
 */
export function derivePhase(accessCode: AccessCode, now: string | number | Date): DerivedPhase {
  const nowMs =
    now instanceof Date ? now.getTime() : typeof now === 'number' ? now : parseTime(now);
  const errorElements = seamErrorsOf(accessCode);
  const errors = errorElements.map((error) => error.code);
  const warnings = seamWarningsOf(accessCode).map((warning) => warning.code);
  const status = accessCode.status;
  const over = windowIsOver(accessCode, nowMs);

  if (status === 'removing') {
    return errors.includes('failed_to_remove_from_device') ? 'removing_failed' : 'removing';
  }
  // Still `set` with a failed removal: the removal (a delete, or the end of the window) failed.
  if (status === 'set' && errors.includes('failed_to_remove_from_device')) return 'removing_failed';
  if (status === 'unknown' || errors.some((code) => UNVERIFIABLE_ERRORS.has(code))) {
    return 'unknown';
  }
  if (over) return 'removing';
  const failing = errorElements.some(
    (error) => error.scope === 'access_code' && !NOT_FAILING_ERRORS.has(error.code),
  );
  if (failing && status !== 'set') return 'failed';
  if (accessCode.is_waiting_for_code_assignment === true || accessCode.code === null) {
    return 'awaiting_code';
  }
  if (status === 'setting') {
    const delayed =
      warnings.some((code) => DELAY_CODES.has(code)) ||
      errors.some((code) => DELAY_CODES.has(code));
    return delayed ? 'delayed' : 'programming';
  }
  if (status === 'unset') {
    return accessCode.is_scheduled_on_device === true ? 'scheduled' : 'pending';
  }
  return 'active';
}

/**
 * The next moment after `afterMs` at which the phase of this code is due to change by time alone:
 * 72 h and 60 min before `starts_at` (native preload, just-in-time programming), `starts_at`, and
 * `ends_at`, as far as they matter for `phase`. Null for ongoing codes and for phases that change
 * only when Seam acts.
 */
export function nextDueAt(
  accessCode: AccessCode,
  phase: DerivedPhase,
  afterMs: number,
): string | null {
  if (accessCode.type !== 'time_bound') return null;
  const startsAt = parseTime(accessCode.starts_at);
  const endsAt = parseTime(accessCode.ends_at);
  const candidates: number[] = [];
  switch (phase) {
    case 'pending':
      candidates.push(startsAt - NATIVE_PRELOAD_MS, startsAt - JUST_IN_TIME_LEAD_MS, startsAt);
      candidates.push(endsAt);
      break;
    case 'scheduled':
    case 'programming':
    case 'delayed':
    case 'failed':
    case 'awaiting_code':
      candidates.push(startsAt, endsAt);
      break;
    case 'active':
    case 'unknown':
      candidates.push(endsAt);
      break;
    default:
      return null;
  }
  const future = candidates.filter((moment) => Number.isFinite(moment) && moment > afterMs);
  if (future.length === 0) return null;
  return new Date(Math.min(...future)).toISOString();
}
