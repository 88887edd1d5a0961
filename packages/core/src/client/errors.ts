/**
 * The errors the Seam client throws, their JSON forms, and guards that recognise them by `name`.
 *
 * Why by name: an error that crosses a realm (extension messaging, `postMessage`, a worker) loses
 * its prototype, and V8's structured clone keeps only `message` and one of the built-in names. So
 * send `error.toJSON()` across; on the other side the guards below recognise the plain object by
 * its `name`, and {@link reviveSeamError} turns it back into an instance when methods are needed.
 */
import { ownValue } from './safe-json.js';

/** Per-field validation messages from Seam's `invalid_input` errors (zod's `format()` shape). */
export interface ValidationErrors {
  readonly _errors?: readonly string[];
  readonly [field: string]: unknown;
}

/** The names of the errors a Seam API response becomes. */
export type SeamApiErrorName =
  'SeamApiError' | 'SeamInvalidInputError' | 'SeamUnauthorizedError' | 'SeamRateLimitError';

/** The JSON form of a {@link SeamApiError} or one of its subclasses. */
export interface SeamApiErrorJson {
  readonly name: SeamApiErrorName;
  readonly message: string;
  /** Seam's `error.type`, e.g. `device_not_found`; an open set of snake_case strings. */
  readonly type: string;
  /** The HTTP status of the response. */
  readonly status: number;
  /** The `seam-request-id` response header, for Seam support; `null` when absent or unreadable. */
  readonly requestId: string | null;
  /** The route that was called, e.g. `/access_codes/create`; `null` when unknown. */
  readonly route: string | null;
  /** Seam's `error.data`, when it sent one. */
  readonly data: unknown;
  /** How long Seam asked us to wait (`Retry-After`), in milliseconds; `null` when it did not say. */
  readonly retryAfterMs: number | null;
  /** Seam's per-field messages; present on `SeamInvalidInputError` only. */
  readonly validationErrors?: ValidationErrors;
}

/** The JSON form of a {@link SeamInvalidInputError}. */
export interface SeamInvalidInputErrorJson extends SeamApiErrorJson {
  readonly name: 'SeamInvalidInputError';
  readonly validationErrors: ValidationErrors;
}

/** The JSON form of a {@link SeamNetworkError}. */
export interface SeamNetworkErrorJson {
  readonly name: 'SeamNetworkError';
  readonly message: string;
  readonly route: string | null;
  /** `false` only when the request certainly never left (connection refused, DNS failure). */
  readonly requestMayHaveBeenSent: boolean;
}

/** The JSON form of a {@link SeamTimeoutError}. */
export interface SeamTimeoutErrorJson {
  readonly name: 'SeamTimeoutError';
  readonly message: string;
  readonly route: string | null;
  readonly timeoutMs: number;
  /** Always `true`: a request that timed out may have reached Seam and been acted on. */
  readonly requestMayHaveBeenSent: true;
}

/** The JSON form of a {@link SeamInvalidArgumentError}. */
export interface SeamInvalidArgumentErrorJson {
  readonly name: 'SeamInvalidArgumentError';
  readonly message: string;
}

/** Any error of this module in JSON form. */
export type SeamErrorJson =
  SeamApiErrorJson | SeamNetworkErrorJson | SeamTimeoutErrorJson | SeamInvalidArgumentErrorJson;

/** What {@link SeamApiError}'s constructor takes. */
export interface SeamApiErrorInit {
  type: string;
  message: string;
  status: number;
  requestId?: string | null;
  route?: string | null;
  data?: unknown;
  retryAfterMs?: number | null;
}

/**
 * Seam answered with an error: a non-2xx status, or a body that is not what the route promises.
 *
 * `message` is Seam's own text, fit to show; `type` is Seam's machine-readable `error.type`
 * (an open set: compare with known strings, keep a fallback).
 *
 * @example
 * ```ts
 * try {
 *   await client.devices.get({ device_id });
 * } catch (error) {
 *   if (isSeamApiError(error) && error.type === 'device_not_found') showMissingLock();
 *   else throw error;
 * }
 * ```
 */
export class SeamApiError extends Error implements SeamApiErrorJson {
  override name: SeamApiErrorName = 'SeamApiError';
  readonly type: string;
  readonly status: number;
  readonly requestId: string | null;
  readonly route: string | null;
  readonly data: unknown;
  readonly retryAfterMs: number | null;

  constructor(init: SeamApiErrorInit) {
    super(init.message);
    this.type = init.type;
    this.status = init.status;
    this.requestId = init.requestId ?? null;
    this.route = init.route ?? null;
    this.data = init.data ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /** A plain object that survives JSON and structured clone; see {@link reviveSeamError}. */
  toJSON(): SeamApiErrorJson {
    return {
      name: this.name,
      message: this.message,
      type: this.type,
      status: this.status,
      requestId: this.requestId,
      route: this.route,
      data: this.data,
      retryAfterMs: this.retryAfterMs,
    };
  }
}

/**
 * Seam rejected the input (`error.type === 'invalid_input'`, HTTP 400), with messages per field.
 *
 * @example
 * ```ts
 * if (isSeamInvalidInputError(error)) showFieldError('code', getValidationErrorMessages(error, 'code'));
 * ```
 */
export class SeamInvalidInputError extends SeamApiError implements SeamInvalidInputErrorJson {
  override name = 'SeamInvalidInputError' as const;
  readonly validationErrors: ValidationErrors;

  constructor(init: SeamApiErrorInit & { validationErrors?: ValidationErrors | null }) {
    super(init);
    this.validationErrors = init.validationErrors ?? {};
  }

  /**
   * Seam's messages for one request parameter, e.g. `'device_id'` → `['Required']`; a dotted
   * path reaches nested fields. Empty when Seam said nothing about that field.
   */
  getValidationErrorMessages(field: string): string[] {
    return getValidationErrorMessages(this, field);
  }

  override toJSON(): SeamInvalidInputErrorJson {
    return { ...super.toJSON(), name: this.name, validationErrors: this.validationErrors };
  }
}

/**
 * Seam answered 401: the credential is missing, wrong, expired or not allowed on this resource.
 * The message never contains the credential.
 */
export class SeamUnauthorizedError extends SeamApiError {
  override name = 'SeamUnauthorizedError' as const;
}

/**
 * Seam answered 429: too many requests (Seam limits writes per device, e.g. 10 creates a minute).
 * `retryAfterMs` is Seam's `Retry-After` in milliseconds when it sent one.
 */
export class SeamRateLimitError extends SeamApiError {
  override name = 'SeamRateLimitError' as const;
}

/**
 * The request got no HTTP answer: offline, DNS failure, connection refused or reset.
 *
 * `requestMayHaveBeenSent` is `false` only when the request certainly never left the machine; a
 * write that failed with `true` may have been acted on, so look before repeating it.
 */
export class SeamNetworkError extends Error implements SeamNetworkErrorJson {
  override name = 'SeamNetworkError' as const;
  readonly route: string | null;
  readonly requestMayHaveBeenSent: boolean;

  constructor(init: {
    message: string;
    route?: string | null;
    requestMayHaveBeenSent: boolean;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.route = init.route ?? null;
    this.requestMayHaveBeenSent = init.requestMayHaveBeenSent;
  }

  /** A plain object that survives JSON and structured clone. */
  toJSON(): SeamNetworkErrorJson {
    return {
      name: this.name,
      message: this.message,
      route: this.route,
      requestMayHaveBeenSent: this.requestMayHaveBeenSent,
    };
  }
}

/**
 * No answer within the client's per-request `timeoutMs`. The request may have reached Seam and
 * been acted on (`requestMayHaveBeenSent` is always `true`).
 */
export class SeamTimeoutError extends Error implements SeamTimeoutErrorJson {
  override name = 'SeamTimeoutError' as const;
  readonly route: string | null;
  readonly timeoutMs: number;
  readonly requestMayHaveBeenSent = true as const;

  constructor(init: { route?: string | null; timeoutMs: number; message?: string }) {
    super(
      init.message ??
        `${init.route ?? 'The Seam request'} got no answer within ${init.timeoutMs} ms. ` +
          'Check the connection or raise `timeoutMs`; a write may still have been acted on.',
    );
    this.route = init.route ?? null;
    this.timeoutMs = init.timeoutMs;
  }

  /** A plain object that survives JSON and structured clone. */
  toJSON(): SeamTimeoutErrorJson {
    return {
      name: this.name,
      message: this.message,
      route: this.route,
      timeoutMs: this.timeoutMs,
      requestMayHaveBeenSent: true,
    };
  }
}

/**
 * A call to the client itself was wrong (bad option, missing parameter), caught before any
 * request was sent. The message says which argument, what is wrong and how to fix it.
 */
export class SeamInvalidArgumentError extends Error implements SeamInvalidArgumentErrorJson {
  override name = 'SeamInvalidArgumentError' as const;

  /** A plain object that survives JSON and structured clone. */
  toJSON(): SeamInvalidArgumentErrorJson {
    return { name: this.name, message: this.message };
  }
}

const apiErrorNames: ReadonlySet<string> = new Set<SeamApiErrorName>([
  'SeamApiError',
  'SeamInvalidInputError',
  'SeamUnauthorizedError',
  'SeamRateLimitError',
]);

function nameOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null
    ? (value as { name?: unknown }).name
    : undefined;
}

function hasMessage(value: unknown): boolean {
  return typeof (value as { message?: unknown }).message === 'string';
}

/**
 * Whether `value` is a {@link SeamApiError} (or subclass), as an instance or as its JSON form
 * after crossing a realm.
 */
export function isSeamApiError(value: unknown): value is SeamApiErrorJson {
  if (value instanceof SeamApiError) return true;
  const name = nameOf(value);
  return (
    typeof name === 'string' &&
    apiErrorNames.has(name) &&
    hasMessage(value) &&
    typeof (value as { type?: unknown }).type === 'string' &&
    typeof (value as { status?: unknown }).status === 'number'
  );
}

/** Whether `value` is a {@link SeamInvalidInputError}, as an instance or in JSON form. */
export function isSeamInvalidInputError(value: unknown): value is SeamInvalidInputErrorJson {
  return isSeamApiError(value) && value.name === 'SeamInvalidInputError';
}

/** Whether `value` is a {@link SeamUnauthorizedError}, as an instance or in JSON form. */
export function isSeamUnauthorizedError(value: unknown): value is SeamApiErrorJson {
  return isSeamApiError(value) && value.name === 'SeamUnauthorizedError';
}

/** Whether `value` is a {@link SeamRateLimitError}, as an instance or in JSON form. */
export function isSeamRateLimitError(value: unknown): value is SeamApiErrorJson {
  return isSeamApiError(value) && value.name === 'SeamRateLimitError';
}

/** Whether `value` is a {@link SeamNetworkError}, as an instance or in JSON form. */
export function isSeamNetworkError(value: unknown): value is SeamNetworkErrorJson {
  if (value instanceof SeamNetworkError) return true;
  return (
    nameOf(value) === 'SeamNetworkError' &&
    hasMessage(value) &&
    typeof (value as { requestMayHaveBeenSent?: unknown }).requestMayHaveBeenSent === 'boolean'
  );
}

/** Whether `value` is a {@link SeamTimeoutError}, as an instance or in JSON form. */
export function isSeamTimeoutError(value: unknown): value is SeamTimeoutErrorJson {
  if (value instanceof SeamTimeoutError) return true;
  return (
    nameOf(value) === 'SeamTimeoutError' &&
    hasMessage(value) &&
    typeof (value as { timeoutMs?: unknown }).timeoutMs === 'number'
  );
}

/** Whether `value` is a {@link SeamInvalidArgumentError}, as an instance or in JSON form. */
export function isSeamInvalidArgumentError(value: unknown): value is SeamInvalidArgumentErrorJson {
  if (value instanceof SeamInvalidArgumentError) return true;
  return nameOf(value) === 'SeamInvalidArgumentError' && hasMessage(value);
}

/**
 * Seam's messages for one request parameter of an `invalid_input` error, from an instance or its
 * JSON form. A dotted path (`'properties.name'`) reaches nested fields. Empty when there are none.
 */
export function getValidationErrorMessages(
  error: Pick<SeamApiErrorJson, 'validationErrors'>,
  field: string,
): string[] {
  let node: unknown = error.validationErrors;
  for (const key of field.split('.')) {
    if (typeof node !== 'object' || node === null) return [];
    node = ownValue(node, key);
  }
  const messages =
    typeof node === 'object' && node !== null ? ownValue(node, '_errors') : undefined;
  return Array.isArray(messages)
    ? messages.filter((message): message is string => typeof message === 'string')
    : [];
}

/**
 * Turns the JSON form of one of these errors back into an instance of its class (so that
 * `instanceof` and methods work again). Anything else is returned unchanged.
 *
 * @example
 * ```ts
 * // background: port.postMessage({ error: isSeamApiError(e) ? e.toJSON() : String(e) })
 * // page:       throw reviveSeamError(message.error);
 * ```
 */
export function reviveSeamError(value: unknown): unknown {
  if (value instanceof Error) return value;
  if (isSeamApiError(value)) {
    const init: SeamApiErrorInit = {
      type: value.type,
      message: value.message,
      status: value.status,
      requestId: value.requestId ?? null,
      route: value.route ?? null,
      data: value.data,
      retryAfterMs: value.retryAfterMs ?? null,
    };
    switch (value.name) {
      case 'SeamInvalidInputError':
        return new SeamInvalidInputError({ ...init, validationErrors: value.validationErrors });
      case 'SeamUnauthorizedError':
        return new SeamUnauthorizedError(init);
      case 'SeamRateLimitError':
        return new SeamRateLimitError(init);
      default:
        return new SeamApiError(init);
    }
  }
  if (isSeamNetworkError(value)) {
    return new SeamNetworkError({
      message: value.message,
      route: value.route ?? null,
      requestMayHaveBeenSent: value.requestMayHaveBeenSent,
    });
  }
  if (isSeamTimeoutError(value)) {
    return new SeamTimeoutError({
      message: value.message,
      route: value.route ?? null,
      timeoutMs: value.timeoutMs,
    });
  }
  if (isSeamInvalidArgumentError(value)) return new SeamInvalidArgumentError(value.message);
  return value;
}
