/**
 * Full Seam objects of @seamapi/types 1.721.0 for the lifecycle tests. Every builder parses its
 * result with the published zod schema, so a fixture that drifts from Seam's shape fails loudly.
 */
import { schemas } from '@seamapi/types/connect';
import type { AccessCode, ActionAttempt, SeamEvent } from '@seamapi/types/connect';

/** A deterministic UUID (version 4 layout) from a small number. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const WORKSPACE_ID = uuid(0xa0);
export const DEVICE_ID = uuid(0xd0);
export const CONNECTED_ACCOUNT_ID = uuid(0xc0);
export const CODE_ID = uuid(0x1);
export const OTHER_CODE_ID = uuid(0x2);
export const BACKUP_CODE_ID = uuid(0x3);

/** The tests' epoch: 2026-03-01 12:00 UTC. */
export const BASE_MS = Date.UTC(2026, 2, 1, 12, 0, 0);
const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The ISO time `minutes` after the tests' epoch (negative for before). */
export function at(minutes: number): string {
  return new Date(BASE_MS + minutes * MINUTE).toISOString();
}

export type AccessCodeError = AccessCode['errors'][number];
export type AccessCodeWarning = AccessCode['warnings'][number];

/**
 * Codes @seamapi/types 1.977 folded into `provider_issue`, `conflicting_external_modification`
 * and `external_modification_in_effect`. Core still reads them (a server or a stored state may
 * carry them), so fixtures build them unparsed.
 */
const LEGACY_CODES = new Set([
  'code_modified_external_to_seam',
  'august_device_programming_delay',
  'hubitat_device_programming_delay',
]);

/** An access-code error (`is_access_code_error: true`) as Seam puts it on the code. */
export function codeError(errorCode: string, message = `Seam says: ${errorCode}`): AccessCodeError {
  const error = { error_code: errorCode, message, is_access_code_error: true, created_at: at(-30) };
  if (LEGACY_CODES.has(errorCode)) return error as AccessCodeError;
  return schemas.access_code.shape.errors.element.parse(error);
}

/** A device error copied onto the code (spec §B7). */
export function deviceError(
  errorCode: string,
  message = `Seam says: ${errorCode}`,
): AccessCodeError {
  return schemas.access_code.shape.errors.element.parse({
    error_code: errorCode,
    message,
    is_device_error: true,
    created_at: at(-30),
  });
}

/** `account_disconnected`, a connected-account error copied onto the code. */
export function accountDisconnected(): AccessCodeError {
  return schemas.access_code.shape.errors.element.parse({
    error_code: 'account_disconnected',
    message: 'Account disconnected',
    is_device_error: false,
    is_connected_account_error: true,
    created_at: at(-30),
  });
}

/** An access-code warning. */
export function codeWarning(
  warningCode: string,
  message = `Seam says: ${warningCode}`,
): AccessCodeWarning {
  const warning = { warning_code: warningCode, message, created_at: at(-30) };
  if (LEGACY_CODES.has(warningCode)) return warning as AccessCodeWarning;
  return schemas.access_code.shape.warnings.element.parse(warning);
}

/** A full, valid `AccessCode` (ongoing and `set` unless overridden). */
export function accessCode(overrides: Partial<AccessCode> = {}): AccessCode {
  const base: AccessCode = {
    workspace_id: WORKSPACE_ID,
    common_code_key: null,
    is_scheduled_on_device: false,
    type: 'ongoing',
    is_waiting_for_code_assignment: false,
    access_code_id: CODE_ID,
    device_id: DEVICE_ID,
    name: 'Guest 4711',
    code: '482913',
    created_at: at(-60),
    errors: [],
    warnings: [],
    is_managed: true,
    status: 'set',
    is_backup_access_code_available: false,
    is_backup: false,
    pulled_backup_access_code_id: null,
    is_external_modification_allowed: false,
    pending_mutations: [],
    is_one_time_use: false,
    is_offline_access_code: false,
  };
  const merged = { ...base, ...overrides };
  const legacy = (issue: object) =>
    LEGACY_CODES.has(
      String(
        (issue as { error_code?: string; warning_code?: string }).error_code ??
          (issue as { warning_code?: string }).warning_code,
      ),
    );
  // Legacy codes (see LEGACY_CODES) are kept as given; everything else is checked.
  const parsed = schemas.access_code.parse({
    ...merged,
    errors: merged.errors.filter((issue) => !legacy(issue)),
    warnings: merged.warnings.filter((issue) => !legacy(issue)),
  });
  return { ...parsed, errors: merged.errors, warnings: merged.warnings };
}

/**
 * An error of a newer Seam release (e.g. 1.977's `provider_issue`): it cannot parse with 1.721's
 * closed enum, which is exactly the drift the lifecycle must survive (spec §B17).
 */
export function newerCodeError(
  errorCode: string,
  message = `Seam says: ${errorCode}`,
): AccessCodeError {
  return {
    error_code: errorCode,
    message,
    is_access_code_error: true,
  } as unknown as AccessCodeError;
}

/** A warning of a newer Seam release (see `newerCodeError`). */
export function newerCodeWarning(
  warningCode: string,
  message = `Seam says: ${warningCode}`,
): AccessCodeWarning {
  return { warning_code: warningCode, message } as unknown as AccessCodeWarning;
}

/**
 * An access code as a newer Seam sends it: everything but the newer errors and warnings is
 * checked against 1.721.0.
 */
export function newerAccessCode(
  errors: AccessCodeError[],
  warnings: AccessCodeWarning[],
  overrides: Partial<AccessCode> = {},
): AccessCode {
  return { ...accessCode(overrides), errors, warnings };
}

/** A time-bound code whose window starts `startsInMinutes` and lasts `durationMinutes`. */
export function timeBound(
  startsInMinutes: number,
  durationMinutes: number,
  overrides: Partial<AccessCode> = {},
): AccessCode {
  return accessCode({
    type: 'time_bound',
    starts_at: at(startsInMinutes),
    ends_at: at(startsInMinutes + durationMinutes),
    ...overrides,
  });
}

let eventCounter = 0x100;

/** A fresh event id. */
export function nextEventId(): string {
  eventCounter += 1;
  return uuid(eventCounter);
}

/**
 * A full `access_code.*` event about `accessCodeId`, with the payload its type requires, or a
 * `lock.unlocked` by keycode naming the code.
 */
export function accessCodeEvent(
  eventType: string,
  minutes: number,
  options: { eventId?: string; accessCodeId?: string; extra?: Record<string, unknown> } = {},
): SeamEvent {
  const accessCodeId = options.accessCodeId ?? CODE_ID;
  const payload: Record<string, unknown> = {};
  if (
    eventType === 'access_code.set_on_device' ||
    eventType === 'access_code.scheduled_on_device'
  ) {
    payload.code = '482913';
  }
  if (eventType === 'access_code.deleted') payload.code = '482913';
  if (/^access_code\.(delay_in|failed_to)_/.test(eventType)) {
    // @seamapi/types 1.977: issue events carry the issues of the code, device and account.
    for (const list of ['connected_account', 'device', 'access_code']) {
      payload[`${list}_errors`] = [];
      payload[`${list}_warnings`] = [];
    }
  }
  if (eventType === 'access_code.backup_access_code_pulled')
    payload.backup_access_code_id = BACKUP_CODE_ID;
  const common = {
    event_id: options.eventId ?? nextEventId(),
    workspace_id: WORKSPACE_ID,
    created_at: at(minutes),
    occurred_at: at(minutes),
    device_id: DEVICE_ID,
    connected_account_id: CONNECTED_ACCOUNT_ID,
    event_type: eventType,
  };
  const event =
    eventType === 'lock.unlocked'
      ? { ...common, access_code_id: accessCodeId, access_code_is_managed: true, method: 'keycode' }
      : { ...common, access_code_id: accessCodeId, ...payload };
  return schemas.seam_event.parse({ ...event, ...options.extra });
}

/** A full action attempt for an access-code action. */
export function actionAttempt(
  actionType: 'CREATE_ACCESS_CODE' | 'UPDATE_ACCESS_CODE' | 'DELETE_ACCESS_CODE',
  status: 'pending' | 'success' | 'error',
  options: { id?: string; result?: Record<string, unknown>; errorType?: string } = {},
): ActionAttempt {
  const base = { action_attempt_id: options.id ?? uuid(0xaa), action_type: actionType, status };
  const shaped =
    status === 'pending'
      ? { ...base, result: null, error: null }
      : status === 'success'
        ? { ...base, error: null, result: options.result ?? {} }
        : {
            ...base,
            result: null,
            error: {
              type: options.errorType ?? 'uncategorized_error',
              message: 'The lock did not confirm.',
            },
          };
  return schemas.action_attempt.parse(shaped);
}
