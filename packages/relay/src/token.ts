import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseJsonSafe } from '@seam-codes/core';

/**
 * Subscriber tokens: short-lived, HMAC-signed claims that let a browser watch some access codes of
 * one workspace through the relay. The integrator's backend mints them (it knows which codes a
 * user may see); the relay only verifies them, so it needs no database and no session state.
 *
 * Format: `base64url(JSON claims) + "." + base64url(HMAC-SHA256(secret, first part))`.
 */

/** The `aud` every token carries, so a token minted for something else is never accepted here. */
export const SUBSCRIBER_TOKEN_AUDIENCE = 'seam-codes-relay';

/** The claims format version (`v`); bumped if the claims ever change meaning. */
export const SUBSCRIBER_TOKEN_VERSION = 1;

/** The longest lifetime a token may have (24 h): a leaked token must not stay useful for long. */
export const MAX_SUBSCRIBER_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * The most codes one token may name. 500 ids keep a token (and the `token` query parameter that
 * carries it for `EventSource`) well under the relay's 64 KiB request-header limit.
 */
export const MAX_CODES_PER_SUBSCRIBER_TOKEN = 500;

/** The shortest subscriber secret accepted: an HMAC-SHA256 key should carry at least 256 bits. */
export const MIN_SUBSCRIBER_SECRET_LENGTH = 32;

/** Clock skew tolerated between the backend that mints a token and the relay that checks `iat`. */
const CLOCK_SKEW_SECONDS = 60;

/** Ids are opaque to the relay, but they travel in SSE fields and URLs, so keep them plain. */
const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

/** The claims inside a subscriber token, as `verifySubscriberToken` returns them. */
export interface SubscriberTokenClaims {
  /** Format version, always {@link SUBSCRIBER_TOKEN_VERSION}. */
  readonly v: typeof SUBSCRIBER_TOKEN_VERSION;
  /** Audience, always {@link SUBSCRIBER_TOKEN_AUDIENCE}. */
  readonly aud: typeof SUBSCRIBER_TOKEN_AUDIENCE;
  /** The Seam workspace whose events the subscriber may receive. */
  readonly workspace_id: string;
  /** The access codes (of that workspace) whose events the subscriber may receive. */
  readonly access_code_ids: readonly string[];
  /** Issued at, in Unix seconds. */
  readonly iat: number;
  /** Expires at, in Unix seconds; the relay ends the stream at this moment. */
  readonly exp: number;
}

/** A key for HMAC-SHA256: a string (UTF-8) or raw bytes, at least 32 long. */
export type SubscriberSecret = string | Uint8Array;

/** Options of {@link createSubscriberToken}. Give exactly one of `expires_in_seconds` and `expires_at`. */
export interface CreateSubscriberTokenOptions {
  /** The relay's subscriber secret (`RELAY_SUBSCRIBER_SECRET`), shared only with your backend. */
  secret: SubscriberSecret;
  /** The Seam workspace the subscriber belongs to. */
  workspace_id: string;
  /** The codes this subscriber may watch: only codes your backend has checked the user may see. */
  access_code_ids: readonly string[];
  /** Lifetime from `now`, in seconds (1 to 86 400). Prefer minutes: the token may sit in a URL. */
  expires_in_seconds?: number;
  /** Absolute expiry (a `Date` or Unix seconds), at most 24 h after `now`. */
  expires_at?: Date | number;
  /** The current time in milliseconds since the epoch; defaults to `Date.now()`. */
  now?: number;
}

/** Options of {@link verifySubscriberToken}. */
export interface VerifySubscriberTokenOptions {
  /** The token, as it came in the `Authorization: Bearer` header or the `token` parameter. */
  token: string;
  /** The same secret the token was minted with. */
  secret: SubscriberSecret;
  /** The current time in milliseconds since the epoch; defaults to `Date.now()`. */
  now?: number;
}

/** Why a token was refused; stable strings that clients may branch on. */
export type SubscriberTokenErrorCode =
  | 'malformed'
  | 'bad_signature'
  | 'unsupported_version'
  | 'wrong_audience'
  | 'invalid_claims'
  | 'expired'
  | 'not_yet_valid'
  | 'lifetime_too_long';

/** Thrown when a token cannot be created or is refused; `code` says which rule it broke. */
export class SubscriberTokenError extends Error {
  override name = 'SubscriberTokenError' as const;

  /**
   * @param code Which rule the token broke.
   * @param message What is wrong and how to fix it; never contains the token or the secret.
   */
  constructor(
    readonly code: SubscriberTokenErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Mints a subscriber token on the integrator's backend.
 *
 * @example
 * ```ts
 * const token = createSubscriberToken({
 *   secret: process.env.RELAY_SUBSCRIBER_SECRET!,
 *   workspace_id: user.seamWorkspaceId,
 *   access_code_ids: codesThisUserMaySee,
 *   expires_in_seconds: 15 * 60,
 * });
 * ```
 *
 * @throws {TypeError} when an option is missing or malformed (the message names it).
 */
export function createSubscriberToken(options: CreateSubscriberTokenOptions): string {
  const key = checkSecret(options.secret, 'createSubscriberToken');
  const nowSeconds = Math.floor(checkNow(options.now, 'createSubscriberToken') / 1000);
  const workspaceId = checkId(options.workspace_id, 'createSubscriberToken: workspace_id');
  const codes = checkCodeIds(options.access_code_ids, 'createSubscriberToken: access_code_ids');

  const hasIn = options.expires_in_seconds !== undefined;
  const hasAt = options.expires_at !== undefined;
  if (hasIn === hasAt) {
    throw new TypeError(
      'createSubscriberToken: give exactly one of expires_in_seconds (e.g. 900) and expires_at.',
    );
  }
  let exp: number;
  if (hasIn) {
    const lifetime = options.expires_in_seconds;
    if (
      typeof lifetime !== 'number' ||
      !Number.isInteger(lifetime) ||
      lifetime < 1 ||
      lifetime > MAX_SUBSCRIBER_TOKEN_LIFETIME_SECONDS
    ) {
      throw new TypeError(
        `createSubscriberToken: expires_in_seconds must be a whole number from 1 to ${MAX_SUBSCRIBER_TOKEN_LIFETIME_SECONDS} (24 h); got ${String(lifetime)}.`,
      );
    }
    exp = nowSeconds + lifetime;
  } else {
    const at = options.expires_at;
    const atMs = at instanceof Date ? at.getTime() : typeof at === 'number' ? at * 1000 : NaN;
    if (!Number.isFinite(atMs)) {
      throw new TypeError(
        'createSubscriberToken: expires_at must be a valid Date or a number of Unix seconds.',
      );
    }
    exp = Math.floor(atMs / 1000);
    if (exp <= nowSeconds || exp - nowSeconds > MAX_SUBSCRIBER_TOKEN_LIFETIME_SECONDS) {
      throw new TypeError(
        `createSubscriberToken: expires_at must be after now and at most 24 h away; it is ${exp - nowSeconds} s from now.`,
      );
    }
  }

  const claims: SubscriberTokenClaims = {
    v: SUBSCRIBER_TOKEN_VERSION,
    aud: SUBSCRIBER_TOKEN_AUDIENCE,
    workspace_id: workspaceId,
    access_code_ids: codes,
    iat: nowSeconds,
    exp,
  };
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${payload}.${sign(key, payload).toString('base64url')}`;
}

/**
 * Checks a subscriber token and returns its claims.
 *
 * The signature is compared in constant time before anything inside the token is trusted; `exp`
 * is required and may lie at most 24 h after `iat`.
 *
 * @throws {SubscriberTokenError} when the token is refused; `code` says why.
 * @throws {TypeError} when the secret itself is unusable (a configuration error, not a bad token).
 */
export function verifySubscriberToken(
  options: VerifySubscriberTokenOptions,
): SubscriberTokenClaims {
  const key = checkSecret(options.secret, 'verifySubscriberToken');
  const nowSeconds = Math.floor(checkNow(options.now, 'verifySubscriberToken') / 1000);
  const token = options.token;
  const parts = typeof token === 'string' ? token.split('.') : [];
  const [payload, signature] = parts;
  if (parts.length !== 2 || !payload || !signature || !isBase64Url(payload + signature)) {
    throw new SubscriberTokenError(
      'malformed',
      'The subscriber token is malformed: expected two base64url parts joined by a dot, as createSubscriberToken makes.',
    );
  }
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new SubscriberTokenError(
      'bad_signature',
      'The subscriber token signature does not match: mint it with the same RELAY_SUBSCRIBER_SECRET the relay uses.',
    );
  }

  let claims: unknown;
  try {
    claims = parseJsonSafe(Buffer.from(payload, 'base64url').toString('utf8'), 'drop');
  } catch {
    throw new SubscriberTokenError('malformed', 'The subscriber token claims are not JSON.');
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new SubscriberTokenError('malformed', 'The subscriber token claims are not an object.');
  }
  const c = claims as Record<string, unknown>;
  if (c.v !== SUBSCRIBER_TOKEN_VERSION) {
    throw new SubscriberTokenError(
      'unsupported_version',
      `The subscriber token has version ${JSON.stringify(c.v)}; this relay accepts version ${SUBSCRIBER_TOKEN_VERSION}.`,
    );
  }
  if (c.aud !== SUBSCRIBER_TOKEN_AUDIENCE) {
    throw new SubscriberTokenError(
      'wrong_audience',
      `The subscriber token is for audience ${JSON.stringify(c.aud)}, not "${SUBSCRIBER_TOKEN_AUDIENCE}".`,
    );
  }
  let workspaceId: string;
  let codes: string[];
  try {
    workspaceId = checkId(c.workspace_id, 'workspace_id');
    codes = checkCodeIds(c.access_code_ids, 'access_code_ids');
  } catch (error) {
    throw new SubscriberTokenError(
      'invalid_claims',
      `The subscriber token claims are invalid: ${(error as Error).message}`,
    );
  }
  const { iat, exp } = c;
  if (typeof exp !== 'number' || !Number.isInteger(exp)) {
    throw new SubscriberTokenError(
      'invalid_claims',
      'The subscriber token has no valid exp (Unix seconds); every token must expire.',
    );
  }
  if (typeof iat !== 'number' || !Number.isInteger(iat)) {
    throw new SubscriberTokenError(
      'invalid_claims',
      'The subscriber token has no valid iat (Unix seconds).',
    );
  }
  if (
    exp - iat > MAX_SUBSCRIBER_TOKEN_LIFETIME_SECONDS ||
    exp - nowSeconds > MAX_SUBSCRIBER_TOKEN_LIFETIME_SECONDS
  ) {
    throw new SubscriberTokenError(
      'lifetime_too_long',
      'The subscriber token lives longer than 24 h; mint shorter-lived tokens and renew them.',
    );
  }
  if (iat > nowSeconds + CLOCK_SKEW_SECONDS) {
    throw new SubscriberTokenError(
      'not_yet_valid',
      'The subscriber token was issued in the future: check the clocks of the backend and the relay.',
    );
  }
  if (exp <= nowSeconds) {
    throw new SubscriberTokenError(
      'expired',
      `The subscriber token expired ${nowSeconds - exp} s ago; ask the backend for a new one.`,
    );
  }
  return {
    v: SUBSCRIBER_TOKEN_VERSION,
    aud: SUBSCRIBER_TOKEN_AUDIENCE,
    workspace_id: workspaceId,
    access_code_ids: codes,
    iat,
    exp,
  };
}

/**
 * Checks a subscriber secret and returns it as a key.
 *
 * @throws {TypeError} when it is missing or shorter than {@link MIN_SUBSCRIBER_SECRET_LENGTH}.
 */
export function checkSecret(secret: unknown, where: string): Buffer {
  const key =
    typeof secret === 'string'
      ? Buffer.from(secret, 'utf8')
      : secret instanceof Uint8Array
        ? Buffer.from(secret)
        : undefined;
  if (!key || key.length < MIN_SUBSCRIBER_SECRET_LENGTH) {
    throw new TypeError(
      `${where}: the subscriber secret must be at least ${MIN_SUBSCRIBER_SECRET_LENGTH} bytes (got ${key ? key.length : typeof secret}); generate one with \`openssl rand -base64 32\`.`,
    );
  }
  return key;
}

/** Checks one Seam id (workspace or access code) and returns it. */
export function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw new TypeError(
      `${what} must be a Seam id (1 to 128 letters, digits, "-", "_", ".", ":"); got ${describe(value)}.`,
    );
  }
  return value;
}

function checkCodeIds(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(`${what} must be a non-empty array of access code ids.`);
  }
  if (value.length > MAX_CODES_PER_SUBSCRIBER_TOKEN) {
    throw new TypeError(
      `${what} names ${value.length} codes; at most ${MAX_CODES_PER_SUBSCRIBER_TOKEN} fit in one token, so split them over several.`,
    );
  }
  const ids = value.map((id, index) => checkId(id, `${what}[${index}]`));
  return [...new Set(ids)];
}

function checkNow(now: unknown, where: string): number {
  if (now === undefined) return Date.now();
  if (typeof now !== 'number' || !Number.isFinite(now)) {
    throw new TypeError(`${where}: now must be milliseconds since the epoch (like Date.now()).`);
  }
  return now;
}

function sign(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload, 'ascii').digest();
}

function isBase64Url(text: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(text);
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 40 ? `a ${value.length}-character string` : JSON.stringify(value);
  return value === null ? 'null' : typeof value;
}
