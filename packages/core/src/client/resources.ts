/**
 * The resources of `SeamClient`, named as Seam's official SDK names them (camelCase resources and
 * methods, snake_case parameters), so that examples from Seam's docs read the same here.
 */
import type {
  AccessCode,
  ActionAttempt,
  ClientSession,
  Device,
  RouteRequestBody,
  SeamEvent,
} from '@seamapi/types/connect';

import { SeamApiError, SeamInvalidArgumentError } from './errors.js';
import { SeamPaginatedList, readPage, type SeamPageCursor } from './paginator.js';
import type { RequestKind } from './retry.js';

/** Per-call options of every client method. */
export interface SeamRequestOptions {
  /** Aborts the call (and its retries); it rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the client's per-request timeout for this call, in milliseconds. */
  timeoutMs?: number;
}

/** Options of the low-level {@link SeamCall}. */
export interface SeamCallOptions extends SeamRequestOptions {
  /** `read` calls are retried on transient failures; `write` calls only when Seam did not act. */
  kind: RequestKind;
}

/** Sends one call through the client's pipeline (auth, timeout, retries) and returns the JSON. */
export type SeamCall = (
  route: string,
  body: Record<string, unknown>,
  options: SeamCallOptions,
) => Promise<unknown>;

/** Parameters of `devices.get`. */
export type DevicesGetParams = RouteRequestBody<'/devices/get'>;
/** Parameters of `devices.list`. */
export type DevicesListParams = RouteRequestBody<'/devices/list'>;
/** Parameters of `locks.get`. */
export type LocksGetParams = RouteRequestBody<'/locks/get'>;
/** Parameters of `accessCodes.create`. */
export type AccessCodesCreateParams = RouteRequestBody<'/access_codes/create'>;
/** Parameters of `accessCodes.createMultiple`. */
export type AccessCodesCreateMultipleParams = RouteRequestBody<'/access_codes/create_multiple'>;
/** Parameters of `accessCodes.get`. */
export type AccessCodesGetParams = RouteRequestBody<'/access_codes/get'>;
/** Parameters of `accessCodes.list`. */
export type AccessCodesListParams = RouteRequestBody<'/access_codes/list'>;
/** Parameters of `accessCodes.update`. */
export type AccessCodesUpdateParams = RouteRequestBody<'/access_codes/update'>;
/** Parameters of `accessCodes.delete`. */
export type AccessCodesDeleteParams = RouteRequestBody<'/access_codes/delete'>;
/** Parameters of `accessCodes.generateCode`. */
export type AccessCodesGenerateCodeParams = RouteRequestBody<'/access_codes/generate_code'>;
/** Parameters of `accessCodes.pullBackupAccessCode`. */
export type AccessCodesPullBackupAccessCodeParams =
  RouteRequestBody<'/access_codes/pull_backup_access_code'>;
/** Parameters of `actionAttempts.get`. */
export type ActionAttemptsGetParams = RouteRequestBody<'/action_attempts/get'>;
/** Parameters of `events.list`. */
export type EventsListParams = RouteRequestBody<'/events/list'>;
/** Parameters of `clientSessions.getOrCreate`. */
export type ClientSessionsGetOrCreateParams = RouteRequestBody<'/client_sessions/get_or_create'>;

/** What `accessCodes.createWithActionAttempt` returns: the whole of Seam's answer. */
export interface AccessCodeWithActionAttempt {
  access_code: AccessCode;
  /** The `CREATE_ACCESS_CODE` attempt; `null` when the server sent none. */
  action_attempt: ActionAttempt | null;
}

/** What the `...WithActionAttempt` variants of update and delete return. */
export interface ActionAttemptResponse {
  /** The attempt Seam queued; `null` when the server sent none. */
  action_attempt: ActionAttempt | null;
}

/** `devices.get`, `devices.list`. */
export class SeamDevices {
  readonly #call: SeamCall;

  /** @internal Built by `SeamClient`. */
  constructor(call: SeamCall) {
    this.#call = call;
  }

  /** Gets one device by `device_id` (or `name`). */
  async get(params: DevicesGetParams, options: SeamRequestOptions = {}): Promise<Device> {
    const body = requireOneOf('devices.get', params, ['device_id', 'name']);
    const response = await this.#call('/devices/get', body, { ...options, kind: 'read' });
    return pick<Device>(response, 'device', '/devices/get');
  }

  /** Lists devices, page by page; see {@link SeamPaginatedList}. */
  list(
    params: DevicesListParams = {},
    options: SeamRequestOptions = {},
  ): SeamPaginatedList<Device> {
    return paginate<Device>(
      this.#call,
      '/devices/list',
      'devices',
      checkParams('devices.list', params),
      options,
    );
  }
}

/** `locks.get`. */
export class SeamLocks {
  readonly #call: SeamCall;

  /** @internal Built by `SeamClient`. */
  constructor(call: SeamCall) {
    this.#call = call;
  }

  /** Gets one lock (a device with lock capabilities) by `device_id` (or `name`). */
  async get(params: LocksGetParams, options: SeamRequestOptions = {}): Promise<Device> {
    const body = requireOneOf('locks.get', params, ['device_id', 'name']);
    const response = await this.#call('/locks/get', body, { ...options, kind: 'read' });
    return pick<Device>(response, 'lock', '/locks/get');
  }
}

/** `accessCodes.*`. */
export class SeamAccessCodes {
  readonly #call: SeamCall;

  /** @internal Built by `SeamClient`. */
  constructor(call: SeamCall) {
    this.#call = call;
  }

  /**
   * Creates an access code and returns it, like the official SDK. Never retried on a lost
   * response; for double-submit and lost-response safety use `createAccessCode()`.
   */
  async create(
    params: AccessCodesCreateParams,
    options: SeamRequestOptions = {},
  ): Promise<AccessCode> {
    return (await this.createWithActionAttempt(params, options)).access_code;
  }

  /** Like {@link SeamAccessCodes.create}, with the `CREATE_ACCESS_CODE` action attempt too. */
  async createWithActionAttempt(
    params: AccessCodesCreateParams,
    options: SeamRequestOptions = {},
  ): Promise<AccessCodeWithActionAttempt> {
    const body = requireString('accessCodes.create', params, 'device_id');
    const response = await this.#call('/access_codes/create', body, { ...options, kind: 'write' });
    return {
      access_code: pick<AccessCode>(response, 'access_code', '/access_codes/create'),
      action_attempt: pickOptional<ActionAttempt>(response, 'action_attempt'),
    };
  }

  /** Creates one code per device in `device_ids`, linked by a shared `common_code_key`. */
  async createMultiple(
    params: AccessCodesCreateMultipleParams,
    options: SeamRequestOptions = {},
  ): Promise<AccessCode[]> {
    const body = checkParams('accessCodes.createMultiple', params);
    const ids = body.device_ids;
    if (
      !Array.isArray(ids) ||
      ids.length === 0 ||
      ids.some((id) => typeof id !== 'string' || id === '')
    ) {
      throw new SeamInvalidArgumentError(
        'accessCodes.createMultiple needs `device_ids`: a non-empty array of device id strings.',
      );
    }
    const route = '/access_codes/create_multiple';
    const response = await this.#call(route, body, { ...options, kind: 'write' });
    return pickArray<AccessCode>(response, 'access_codes', route);
  }

  /** Gets one code by `access_code_id`, or by `device_id` and `code` together. */
  async get(params: AccessCodesGetParams, options: SeamRequestOptions = {}): Promise<AccessCode> {
    const body = checkParams('accessCodes.get', params);
    const byId = typeof body.access_code_id === 'string' && body.access_code_id !== '';
    const byCode = typeof body.device_id === 'string' && typeof body.code === 'string';
    if (!byId && !byCode) {
      throw new SeamInvalidArgumentError(
        'accessCodes.get needs `access_code_id`, or both `device_id` and `code` (strings).',
      );
    }
    const response = await this.#call('/access_codes/get', body, { ...options, kind: 'read' });
    return pick<AccessCode>(response, 'access_code', '/access_codes/get');
  }

  /** Lists codes of a device (`device_id`) or by `access_code_ids`, page by page. */
  list(
    params: AccessCodesListParams,
    options: SeamRequestOptions = {},
  ): SeamPaginatedList<AccessCode> {
    const body = checkParams('accessCodes.list', params);
    if (
      body.device_id === undefined &&
      body.access_code_ids === undefined &&
      body.user_identifier_key === undefined
    ) {
      throw new SeamInvalidArgumentError(
        'accessCodes.list needs `device_id` or `access_code_ids` (Seam lists codes per device or by id).',
      );
    }
    return paginate<AccessCode>(this.#call, '/access_codes/list', 'access_codes', body, options);
  }

  /**
   * Changes a code (name, PIN, window; `type: 'ongoing'` turns a time-bound code into an ongoing
   * one). Resolves when Seam accepted the change, like the official SDK; verify it like a create.
   */
  async update(params: AccessCodesUpdateParams, options: SeamRequestOptions = {}): Promise<void> {
    await this.updateWithActionAttempt(params, options);
  }

  /** Like {@link SeamAccessCodes.update}, returning the `UPDATE_ACCESS_CODE` action attempt. */
  async updateWithActionAttempt(
    params: AccessCodesUpdateParams,
    options: SeamRequestOptions = {},
  ): Promise<ActionAttemptResponse> {
    const body = requireString('accessCodes.update', params, 'access_code_id');
    const response = await this.#call('/access_codes/update', body, { ...options, kind: 'write' });
    return { action_attempt: pickOptional<ActionAttempt>(response, 'action_attempt') };
  }

  /** Deletes a code; Seam removes it from the lock asynchronously. */
  async delete(params: AccessCodesDeleteParams, options: SeamRequestOptions = {}): Promise<void> {
    await this.deleteWithActionAttempt(params, options);
  }

  /** Like {@link SeamAccessCodes.delete}, returning the `DELETE_ACCESS_CODE` action attempt. */
  async deleteWithActionAttempt(
    params: AccessCodesDeleteParams,
    options: SeamRequestOptions = {},
  ): Promise<ActionAttemptResponse> {
    const body = requireString('accessCodes.delete', params, 'access_code_id');
    const response = await this.#call('/access_codes/delete', body, { ...options, kind: 'write' });
    return { action_attempt: pickOptional<ActionAttempt>(response, 'action_attempt') };
  }

  /** Asks Seam for a PIN the device accepts (nothing is created); returns the PIN. */
  async generateCode(
    params: AccessCodesGenerateCodeParams,
    options: SeamRequestOptions = {},
  ): Promise<string> {
    const body = requireString('accessCodes.generateCode', params, 'device_id');
    const route = '/access_codes/generate_code';
    const response = await this.#call(route, body, { ...options, kind: 'read' });
    const generated = pick<{ code?: unknown }>(response, 'generated_code', route);
    if (typeof generated.code !== 'string')
      throw invalidResponse(route, '`generated_code.code` is not a string');
    return generated.code;
  }

  /**
   * Pulls a backup code for a time-bound code whose PIN failed to set, and returns the BACKUP
   * code (the PIN to give the guest). Calling it again for the same code returns the same backup.
   *
   * Seam answers `backup_access_code`; where an answer carries only the original code (as the
   * official SDK reads it, spec §B5.9), the backup is fetched by its `pulled_backup_access_code_id`.
   */
  async pullBackupAccessCode(
    params: AccessCodesPullBackupAccessCodeParams,
    options: SeamRequestOptions = {},
  ): Promise<AccessCode> {
    const body = requireString('accessCodes.pullBackupAccessCode', params, 'access_code_id');
    const route = '/access_codes/pull_backup_access_code';
    const response = await this.#call(route, body, { ...options, kind: 'write' });
    const backup = pickOptional<AccessCode>(response, 'backup_access_code');
    if (backup !== null) return backup;
    const original = pickOptional<AccessCode>(response, 'access_code');
    const backupId = original?.pulled_backup_access_code_id;
    if (typeof backupId === 'string' && backupId !== '') {
      return this.get({ access_code_id: backupId }, options);
    }
    throw invalidResponse(
      route,
      'it has neither `backup_access_code` nor `access_code.pulled_backup_access_code_id`',
    );
  }
}

/** `actionAttempts.get`. */
export class SeamActionAttempts {
  readonly #call: SeamCall;

  /** @internal Built by `SeamClient`. */
  constructor(call: SeamCall) {
    this.#call = call;
  }

  /** Gets an action attempt; poll it to learn whether Seam finished an action. */
  async get(
    params: ActionAttemptsGetParams,
    options: SeamRequestOptions = {},
  ): Promise<ActionAttempt> {
    const body = requireString('actionAttempts.get', params, 'action_attempt_id');
    const route = '/action_attempts/get';
    const response = await this.#call(route, body, { ...options, kind: 'read' });
    return pick<ActionAttempt>(response, 'action_attempt', route);
  }
}

/** `events.list`. */
export class SeamEvents {
  readonly #call: SeamCall;

  /** @internal Built by `SeamClient`. */
  constructor(call: SeamCall) {
    this.#call = call;
  }

  /** Lists events `since` an instant (or `between` two); Seam requires one of them. */
  list(params: EventsListParams, options: SeamRequestOptions = {}): SeamPaginatedList<SeamEvent> {
    const body = checkParams('events.list', params);
    if (body.since === undefined && body.between === undefined) {
      throw new SeamInvalidArgumentError(
        'events.list needs `since` (an ISO 8601 instant, e.g. "2026-01-01T00:00:00Z") or `between` ([from, to]).',
      );
    }
    return paginate<SeamEvent>(this.#call, '/events/list', 'events', body, options);
  }
}

/** `clientSessions.getOrCreate`. */
export class SeamClientSessions {
  readonly #call: SeamCall;

  /** @internal Built by `SeamClient`. */
  constructor(call: SeamCall) {
    this.#call = call;
  }

  /** Gets the client session of `user_identifier_key`, creating it when there is none. */
  async getOrCreate(
    params: ClientSessionsGetOrCreateParams = {},
    options: SeamRequestOptions = {},
  ): Promise<ClientSession> {
    const body = checkParams('clientSessions.getOrCreate', params);
    const route = '/client_sessions/get_or_create';
    const response = await this.#call(route, body, { ...options, kind: 'write' });
    return pick<ClientSession>(response, 'client_session', route);
  }
}

function paginate<T>(
  call: SeamCall,
  route: string,
  key: string,
  params: Record<string, unknown>,
  options: SeamRequestOptions,
): SeamPaginatedList<T> {
  const { page_cursor: startCursor, ...rest } = params;
  return new SeamPaginatedList<T>(
    route,
    async (cursor, signal) => {
      const body = cursor === null ? rest : { ...rest, page_cursor: cursor };
      const response = await call(route, body, { ...options, signal, kind: 'read' });
      return readPage<T>(response, key, route);
    },
    {
      startCursor:
        typeof startCursor === 'string' && startCursor !== ''
          ? (startCursor as SeamPageCursor)
          : null,
      signal: options.signal,
    },
  );
}

function checkParams(method: string, params: unknown): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new SeamInvalidArgumentError(
      `${method} takes one object of snake_case parameters, as in Seam's docs; got ${Array.isArray(params) ? 'an array' : String(params)}.`,
    );
  }
  return params as Record<string, unknown>;
}

function requireString(method: string, params: unknown, key: string): Record<string, unknown> {
  const body = checkParams(method, params);
  const value = body[key];
  if (typeof value !== 'string' || value === '') {
    throw new SeamInvalidArgumentError(
      `${method} needs \`${key}\` (a non-empty string); got ${value === '' ? 'an empty string' : typeof value}.`,
    );
  }
  return body;
}

function requireOneOf(
  method: string,
  params: unknown,
  keys: readonly string[],
): Record<string, unknown> {
  const body = checkParams(method, params);
  if (!keys.some((key) => typeof body[key] === 'string' && body[key] !== '')) {
    throw new SeamInvalidArgumentError(
      `${method} needs ${keys.map((key) => `\`${key}\``).join(' or ')} (a non-empty string).`,
    );
  }
  return body;
}

function invalidResponse(route: string, problem: string): SeamApiError {
  return new SeamApiError({
    type: 'invalid_response',
    status: 200,
    route,
    message: `Seam's answer to ${route} is not what the route promises: ${problem}. Check that the endpoint is Seam or a faithful proxy.`,
  });
}

function pick<T>(response: unknown, key: string, route: string): T {
  const value = (response as Record<string, unknown> | null)?.[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidResponse(route, `it has no \`${key}\` object`);
  }
  return value as T;
}

function pickOptional<T>(response: unknown, key: string): T | null {
  const value = (response as Record<string, unknown> | null)?.[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : null;
}

function pickArray<T>(response: unknown, key: string, route: string): T[] {
  const value = (response as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(value)) throw invalidResponse(route, `it has no \`${key}\` array`);
  return value as T[];
}
