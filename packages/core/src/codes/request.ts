/**
 * The create request as Seam receives it: built from a draft, normalised so that the same intent
 * always gives the same body (and the same key), and matched against codes found on a device.
 */
import type { AccessCode } from '@seamapi/types/connect';

import { SeamInvalidArgumentError } from '../client/errors.js';
import type { AccessCodeDraft } from '../domain/index.js';

/** A draft for one lock: what `createAccessCode` takes. */
export interface CreateAccessCodeInput extends AccessCodeDraft {
  /** The lock that receives the code. */
  device_id: string;
}

/** A draft for several locks at once, linked by Seam's `common_code_key`: `createAccessCodes`. */
export interface CreateAccessCodesInput extends Pick<
  AccessCodeDraft,
  | 'name'
  | 'code'
  | 'starts_at'
  | 'ends_at'
  | 'preferred_code_length'
  | 'prefer_native_scheduling'
  | 'allow_external_modification'
> {
  /** The locks that receive the code. */
  device_ids: string[];
  /** What Seam does when a device cannot take the shared PIN; Seam's default is `throw`. */
  behavior_when_code_cannot_be_shared?: 'throw' | 'create_random_code';
}

/** The body sent to `/access_codes/create` (or `create_multiple`): only set fields, in key order. */
export type CreateRequestBody = Record<string, string | number | boolean | string[]>;

const textFields = ['name', 'code', 'starts_at', 'ends_at'] as const;
const booleanFields = [
  'prefer_native_scheduling',
  'allow_external_modification',
  'use_backup_access_code_pool',
  'is_offline_access_code',
  'is_one_time_use',
] as const;
const multipleBooleanFields = ['prefer_native_scheduling', 'allow_external_modification'] as const;
const roundings: readonly string[] = ['1hour', '1day', '1h', '1d'];

/**
 * Builds the `/access_codes/create` body from a draft: empty and `null` fields are left out (the
 * draft's "let Seam choose"), times become canonical UTC (`2026-12-03T22:00:00.000Z`) so that two
 * spellings of one instant are one request. Throws `SeamInvalidArgumentError` on wrongly typed
 * fields; the device's own rules are `validateCodeDraft`'s job, before this.
 */
export function buildCreateRequest(input: CreateAccessCodeInput): CreateRequestBody {
  const where = 'createAccessCode';
  const source = checkObject(where, input);
  const body: CreateRequestBody = { device_id: checkId(where, 'device_id', source.device_id) };
  copyDraftFields(where, source, body, booleanFields);
  if (source.max_time_rounding !== undefined && source.max_time_rounding !== null) {
    if (
      typeof source.max_time_rounding !== 'string' ||
      !roundings.includes(source.max_time_rounding)
    ) {
      throw new SeamInvalidArgumentError(
        `${where}: \`max_time_rounding\` must be one of ${roundings.map((value) => `"${value}"`).join(', ')}.`,
      );
    }
    body.max_time_rounding = source.max_time_rounding;
  }
  return sortKeys(body);
}

/** Builds the `/access_codes/create_multiple` body from a multi-device draft; see {@link buildCreateRequest}. */
export function buildCreateMultipleRequest(input: CreateAccessCodesInput): CreateRequestBody {
  const where = 'createAccessCodes';
  const source = checkObject(where, input);
  const ids = source.device_ids;
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new SeamInvalidArgumentError(
      `${where}: \`device_ids\` must be a non-empty array of device ids.`,
    );
  }
  const deviceIds = ids.map((id, index) => checkId(where, `device_ids[${index}]`, id));
  if (new Set(deviceIds).size !== deviceIds.length) {
    throw new SeamInvalidArgumentError(
      `${where}: \`device_ids\` lists a device twice; list each lock once.`,
    );
  }
  for (const field of [
    'use_backup_access_code_pool',
    'is_offline_access_code',
    'is_one_time_use',
    'max_time_rounding',
  ]) {
    if (source[field] !== undefined && source[field] !== null && source[field] !== false) {
      throw new SeamInvalidArgumentError(
        `${where}: Seam's create_multiple does not take \`${field}\`; create such codes one lock at a time with createAccessCode.`,
      );
    }
  }
  const body: CreateRequestBody = { device_ids: deviceIds };
  copyDraftFields(where, source, body, multipleBooleanFields);
  const behavior = source.behavior_when_code_cannot_be_shared;
  if (behavior !== undefined && behavior !== null) {
    if (behavior !== 'throw' && behavior !== 'create_random_code') {
      throw new SeamInvalidArgumentError(
        `${where}: \`behavior_when_code_cannot_be_shared\` must be "throw" or "create_random_code".`,
      );
    }
    body.behavior_when_code_cannot_be_shared = behavior;
  }
  return sortKeys(body);
}

/**
 * A stable key for a request body: its canonical JSON (keys sorted, times canonical). Equal
 * intents give equal keys; the key is exact, so two different requests never share one.
 */
export function accessCodeRequestKey(body: CreateRequestBody): string {
  return JSON.stringify(sortKeys(body));
}

/**
 * Whether `code` is what `body` would have created on `deviceId` at or after `notBefore` (ms since
 * the epoch; the caller subtracts a clock-skew allowance): same name and PIN when the request set
 * them, the same window (both ends, compared as instants) or none, and not a backup code.
 */
export function matchesCreateRequest(
  code: Pick<AccessCode, 'device_id' | 'name' | 'code' | 'starts_at' | 'ends_at' | 'created_at'> &
    Partial<Pick<AccessCode, 'is_backup' | 'common_code_key'>>,
  body: CreateRequestBody,
  deviceId: string,
  notBefore: number,
): boolean {
  if (code.device_id !== deviceId || code.is_backup === true) return false;
  if (typeof body.name === 'string' && code.name !== body.name) return false;
  if (typeof body.code === 'string' && code.code !== body.code) return false;
  if (!sameInstant(code.starts_at, body.starts_at) || !sameInstant(code.ends_at, body.ends_at))
    return false;
  const createdAt = Date.parse(code.created_at);
  return Number.isFinite(createdAt) && createdAt >= notBefore;
}

function sameInstant(found: string | null | undefined, wanted: unknown): boolean {
  const hasFound = typeof found === 'string' && found !== '';
  if (typeof wanted !== 'string') return !hasFound;
  if (!hasFound) return false;
  return Date.parse(found) === Date.parse(wanted);
}

function checkObject(where: string, input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SeamInvalidArgumentError(
      `${where} takes a draft object such as { device_id, name, code, starts_at, ends_at }; got ${Array.isArray(input) ? 'an array' : String(input)}.`,
    );
  }
  return input as Record<string, unknown>;
}

function checkId(where: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SeamInvalidArgumentError(
      `${where}: \`${field}\` must be the id of a device (a non-empty string); got ${value === '' ? 'an empty string' : typeof value}.`,
    );
  }
  return value;
}

function copyDraftFields(
  where: string,
  source: Record<string, unknown>,
  body: CreateRequestBody,
  booleans: readonly string[],
): void {
  for (const field of textFields) {
    const value = source[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') {
      throw new SeamInvalidArgumentError(
        `${where}: \`${field}\` must be text (a string) or left empty; got ${typeof value}.`,
      );
    }
    body[field] = field === 'starts_at' || field === 'ends_at' ? canonicalInstant(value) : value;
  }
  const length = source.preferred_code_length;
  if (length !== undefined && length !== null) {
    if (typeof length !== 'number' || !Number.isInteger(length) || length <= 0) {
      throw new SeamInvalidArgumentError(
        `${where}: \`preferred_code_length\` must be a whole number of digits such as 4 or 6; got ${String(length)}.`,
      );
    }
    body.preferred_code_length = length;
  }
  for (const field of booleans) {
    const value = source[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'boolean') {
      throw new SeamInvalidArgumentError(
        `${where}: \`${field}\` must be true or false; got ${typeof value}.`,
      );
    }
    body[field] = value;
  }
}

/** UTC ISO form of a parseable instant; anything else is left for Seam to reject in its words. */
function canonicalInstant(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function sortKeys(body: CreateRequestBody): CreateRequestBody {
  return Object.fromEntries(Object.entries(body).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
