/**
 * When and how long to wait before trying a Seam request again.
 *
 * Reads are retried on network errors, timeouts, 5xx and 429. Writes are never retried blindly:
 * only when Seam certainly did not act on the request, which is the case for
 *
 * - a 429: Seam's rate limiter turns the request away before any handler runs, so nothing was
 *   created, changed or deleted (Seam's limits are per device, e.g. 10 creates a minute);
 * - a network error that happened before the request left (connection refused, DNS failure).
 *
 * A write that timed out, lost its connection mid-way or got a 5xx may have been acted on; it is
 * thrown to the caller, who can look before repeating it (`createAccessCode` does exactly that).
 */
import {
  isSeamApiError,
  isSeamNetworkError,
  isSeamRateLimitError,
  isSeamTimeoutError,
} from './errors.js';

/** How the client retries; see the module comment for which requests are retried. */
export interface RetryOptions {
  /** How many times a request may be repeated after its first attempt. Default 2. */
  retries: number;
  /** The backoff before the first retry; it doubles each time. Default 250 ms. */
  baseDelayMs: number;
  /**
   * The longest wait between attempts. A `Retry-After` longer than this is not waited out: the
   * error is thrown so the caller can decide (its `retryAfterMs` says how long). Default 10 000 ms.
   */
  maxDelayMs: number;
}

/** The defaults of {@link RetryOptions}. */
export const defaultRetryOptions: Readonly<RetryOptions> = Object.freeze({
  retries: 2,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
});

/** Whether a request may be repeated without changing anything at Seam. */
export type RequestKind = 'read' | 'write';

/**
 * The delay before retry number `attempt + 1` of a request that failed with `error`, or `null`
 * when it must not be retried. `random` returns a number in [0, 1) (full jitter).
 */
export function retryDelay(
  error: unknown,
  attempt: number,
  kind: RequestKind,
  options: RetryOptions,
  random: () => number,
): number | null {
  if (attempt >= options.retries) return null;
  if (!isRetryable(error, kind)) return null;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  const jittered = Math.floor(random() * ceiling);
  const retryAfterMs = isSeamApiError(error) ? error.retryAfterMs : null;
  if (retryAfterMs === null) return jittered;
  if (retryAfterMs > options.maxDelayMs) return null;
  return Math.max(retryAfterMs, jittered);
}

/** Whether `error` may be retried for a request of this kind; see the module comment. */
export function isRetryable(error: unknown, kind: RequestKind): boolean {
  if (isSeamRateLimitError(error)) return true;
  if (isSeamNetworkError(error) && !error.requestMayHaveBeenSent) return true;
  if (kind === 'write') return false;
  if (isSeamNetworkError(error) || isSeamTimeoutError(error)) return true;
  // 501 and 505 say the server will never do this; retrying cannot help.
  return (
    isSeamApiError(error) && error.status >= 500 && error.status !== 501 && error.status !== 505
  );
}

/**
 * Milliseconds from `Retry-After` (delta seconds or an HTTP date), or `null` when the header is
 * absent or unreadable. A date in the past gives 0.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Checks user-given retry options, filling in the defaults; throws a message naming the field. */
export function resolveRetryOptions(
  retry: Partial<RetryOptions> | false | undefined,
  fail: (message: string) => never,
): RetryOptions {
  if (retry === false) return { ...defaultRetryOptions, retries: 0 };
  if (retry === undefined) return { ...defaultRetryOptions };
  if (typeof retry !== 'object' || retry === null) {
    fail(
      '`retry` must be an object like { retries: 2, baseDelayMs: 250, maxDelayMs: 10000 }, or false.',
    );
  }
  const resolved = { ...defaultRetryOptions, ...retry };
  for (const key of ['retries', 'baseDelayMs', 'maxDelayMs'] as const) {
    const value = resolved[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      fail(`\`retry.${key}\` must be a finite number of 0 or more; got ${String(value)}.`);
    }
  }
  if (!Number.isInteger(resolved.retries)) {
    fail(`\`retry.retries\` must be a whole number; got ${resolved.retries}.`);
  }
  return resolved;
}
