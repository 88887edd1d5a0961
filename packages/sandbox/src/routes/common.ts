/**
 * Helpers shared by the routes: finding what the caller may see (404 otherwise, never a hint
 * that the thing exists elsewhere), pagination, rate limits and mapping core's draft issues to
 * Seam's `validation_errors`.
 */
import type { DraftIssue, DraftValidation } from '../rules.js';
import type { AccessCodeRecord, DeviceRecord } from '../state.js';
import { canSeeDevice } from '../http/auth.js';
import { invalidInput, notFound, SeamApiError } from '../http/errors.js';
import type { RouteContext } from '../http/router.js';

/** The device if the caller may see it; a 404 `device_not_found` otherwise. */
export function findDevice(context: RouteContext<unknown>, deviceId: string): DeviceRecord {
  const device = context.world.devices.get(deviceId);
  if (device === undefined || !canSeeDevice(context.principal, device)) {
    throw notFound('device_not_found', `Device ${deviceId} was not found.`, {
      device_id: deviceId,
    });
  }
  return device;
}

/** The managed code if the caller may see it (pooled backups are invisible); else a 404. */
export function findCode(context: RouteContext<unknown>, accessCodeId: string): AccessCodeRecord {
  const code = context.world.codes.get(accessCodeId);
  const device = code === undefined ? undefined : context.world.devices.get(code.device_id);
  if (
    code === undefined ||
    code.in_backup_pool ||
    device === undefined ||
    !canSeeDevice(context.principal, device)
  ) {
    throw notFound('access_code_not_found', `Access code ${accessCodeId} was not found.`, {
      access_code_id: accessCodeId,
    });
  }
  return code;
}

/** Connected accounts of the client session named by `user_identifier_key` (API key callers). */
export function accountsOfUser(
  context: RouteContext<unknown>,
  userIdentifierKey: string | undefined,
): Set<string> | null {
  if (userIdentifierKey === undefined) return null;
  for (const session of context.world.clientSessions.values()) {
    if (
      session.workspace_id === context.principal.workspace_id &&
      session.user_identifier_key === userIdentifierKey
    ) {
      return new Set(session.connected_account_ids);
    }
  }
  return new Set();
}

/** Seam's cursors are opaque standard base64 (the published schema checks that). */
function encodeCursor(offset: number): string {
  return btoa(JSON.stringify({ offset }));
}

function decodeCursor(cursor: string): number {
  try {
    const json = atob(cursor);
    const offset = (JSON.parse(json) as { offset?: unknown }).offset;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // Falls through to the error below.
  }
  throw invalidInput({
    page_cursor: ['Unknown page cursor. Pass the next_page_cursor of the previous page unchanged.'],
  });
}

/** One page of `items` and Seam's `pagination` object. */
export function paginate<T>(
  items: readonly T[],
  options: { limit?: number | undefined; page_cursor?: string | undefined },
  url: URL,
  defaultLimit: number,
): { page: T[]; pagination: Record<string, unknown> } {
  const offset = options.page_cursor === undefined ? 0 : decodeCursor(options.page_cursor);
  const limit = options.limit ?? defaultLimit;
  const page = items.slice(offset, offset + limit);
  const hasNext = offset + limit < items.length;
  const next = hasNext ? encodeCursor(offset + limit) : null;
  let nextUrl: string | null = null;
  if (next !== null) {
    const target = new URL(url);
    target.searchParams.set('page_cursor', next);
    if (options.limit !== undefined) target.searchParams.set('limit', String(limit));
    nextUrl = target.toString();
  }
  return {
    page,
    pagination: { next_page_cursor: next, has_next_page: hasNext, next_page_url: nextUrl },
  };
}

const windowMs = 60_000;

/**
 * Counts a rate-limited call on a device (spec §B16: per device, per minute) and throws a 429
 * with `Retry-After` when the budget is spent.
 */
export function rateLimit(
  context: RouteContext<unknown>,
  operation: 'create' | 'update' | 'delete',
  device: DeviceRecord,
): void {
  const limits = context.services.rateLimits;
  if (limits === null) return;
  const limit = limits[operation];
  const { world } = context;
  const now = world.now();
  const key = `${operation}:${device.device_id}`;
  const recent = (world.rateLimits.get(key) ?? []).filter((time) => time > now - windowMs);
  if (recent.length >= limit) {
    const retryAfterMs = recent[0]! + windowMs - now;
    const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
    world.rateLimits.set(key, recent);
    throw new SeamApiError(
      429,
      'rate_limit_exceeded',
      `Too many /access_codes/${operation} calls for device ${device.device_id}: the limit is ${limit} per minute per device. Retry after ${retryAfter} s.`,
      {
        data: { device_id: device.device_id, limit, retry_after_seconds: retryAfter },
        headers: { 'retry-after': String(retryAfter) },
      },
    );
  }
  recent.push(now);
  world.rateLimits.set(key, recent);
}

/** Seam's parameter name for a draft field. */
function parameterOf(issue: DraftIssue): string {
  return issue.field === 'device' ? 'device_id' : issue.field;
}

/**
 * Turns core's verdict into Seam's answer: nothing when the draft is fine; 409
 * `duplicate_access_code` when the only problem is a PIN already on the lock; otherwise 400
 * `invalid_input` with each issue under its parameter.
 */
export function throwIfInvalid(validation: DraftValidation, device: DeviceRecord): void {
  if (validation.ok) return;
  const duplicates = validation.errors.filter((issue) => issue.code === 'duplicate_code');
  if (duplicates.length === validation.errors.length) {
    throw new SeamApiError(409, 'duplicate_access_code', duplicates[0]!.message, {
      data: { device_id: device.device_id },
    });
  }
  const problems: Record<string, string[]> = {};
  for (const issue of validation.errors) {
    (problems[parameterOf(issue)] ??= []).push(issue.message);
  }
  throw invalidInput(problems);
}
