/**
 * The push source's public face: its options, checked and given their defaults where they are
 * configured (`createVerifier`, `watch`) so a bad option fails there, synchronously, and the error
 * it reports. The stream itself (`push-source.ts`) is loaded only when a code is followed by push.
 */
import { SeamInvalidArgumentError } from '../client/errors.js';
import type { FetchLike } from '../client/transport.js';
import type { PushSourceOptions, RelayTokenProvider } from './types.js';

/** Push options with the defaults filled in and the stream URL worked out. */
export interface ResolvedPushOptions {
  /** The relay's base URL as given (the key of its persisted last event id). */
  readonly url: string;
  /** The stream's URL: `<url>/events`. */
  readonly eventsUrl: string;
  readonly token: string | RelayTokenProvider;
  readonly fetch: FetchLike | undefined;
  readonly minReconnectDelayMs: number;
  readonly maxReconnectDelayMs: number;
  readonly idleTimeoutMs: number;
}

function fail(where: string, message: string): never {
  throw new SeamInvalidArgumentError(`${where}: ${message}`);
}

/** Checks push options and fills in the defaults; `where` names the caller in errors. */
export function resolvePushOptions(options: PushSourceOptions, where: string): ResolvedPushOptions {
  if (options === null || typeof options !== 'object') {
    fail(where, '`push` must be { url, token } naming the relay and a subscriber token.');
  }
  let parsed: URL;
  try {
    parsed = new URL(String(options.url));
  } catch {
    fail(
      where,
      `\`push.url\` must be the relay's absolute URL, e.g. "https://relay.example.com"; got ${JSON.stringify(options.url)}.`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    fail(where, `\`push.url\` must be http or https; got ${parsed.protocol}`);
  }
  if (parsed.search !== '' || parsed.username !== '' || parsed.password !== '') {
    fail(
      where,
      '`push.url` must not carry a query or credentials: give the token as `push.token`, which is sent in a header.',
    );
  }
  const token = options.token;
  if (!(typeof token === 'function' || (typeof token === 'string' && token !== ''))) {
    fail(
      where,
      '`push.token` must be the subscriber token your backend minted, or a function ({ accessCodeIds }) => token.',
    );
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    fail(where, '`push.fetch` must be a fetch function.');
  }
  const number = (value: number | undefined, name: string, fallback: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      fail(
        where,
        `\`push.${name}\` must be a number of milliseconds above 0; got ${String(value)}.`,
      );
    }
    return value;
  };
  const path = parsed.pathname.replace(/\/+$/, '');
  const eventsUrl = `${parsed.origin}${path.endsWith('/events') ? path : `${path}/events`}`;
  return {
    url: options.url,
    eventsUrl,
    token,
    fetch: options.fetch,
    minReconnectDelayMs: number(options.minReconnectDelayMs, 'minReconnectDelayMs', 1_000),
    maxReconnectDelayMs: number(options.maxReconnectDelayMs, 'maxReconnectDelayMs', 60_000),
    idleTimeoutMs: number(options.idleTimeoutMs, 'idleTimeoutMs', 45_000),
  };
}

/** Thrown into `report` when the relay refuses the stream. */
export class RelayStreamError extends Error {
  override readonly name = 'RelayStreamError' as const;
  /** The HTTP status, or null when no response came. */
  readonly status: number | null;
  /** The relay's `error.type` (e.g. `forbidden_access_codes`), or null. */
  readonly type: string | null;

  constructor(message: string, status: number | null, type: string | null) {
    super(message);
    this.status = status;
    this.type = type;
  }
}
