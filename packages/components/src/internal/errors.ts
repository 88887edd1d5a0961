import {
  isAccessCodeOutcomeUnknownError,
  isSeamApiError,
  isSeamInvalidArgumentError,
  isSeamInvalidInputError,
  isSeamNetworkError,
  isSeamRateLimitError,
  isSeamTimeoutError,
  isSeamUnauthorizedError,
} from '@seam-codes/core';
import { guidanceRef, guidanceText, type Strings } from './strings/index.js';

/** An error, read for the user: a stable code, a message in their language, what helps. */
export interface DescribedError {
  /** Seam's `error.type` for API errors; ours otherwise (`network_error`, `timeout`, ...). */
  code: string;
  /** What happened and what to do, in the element's language. */
  message: string;
  /** True when trying the same thing again may work (network, timeout, rate limit, 5xx). */
  retryable: boolean;
  /** True when the credentials were refused: the host must give new ones. */
  unauthorized: boolean;
}

/**
 * Reads any error the client or the elements can throw, in the user's language. Seam's own
 * message is kept for API errors we have no text for, so nothing is hidden from the user.
 */
export function describeError(error: unknown, t: Strings): DescribedError {
  const base = { retryable: false, unauthorized: false };
  if (isSeamUnauthorizedError(error)) {
    return { ...base, code: error.type, message: t.errors.unauthorized, unauthorized: true };
  }
  if (isSeamRateLimitError(error)) {
    return { ...base, code: error.type, message: t.errors.rateLimited, retryable: true };
  }
  if (isSeamInvalidInputError(error)) {
    return { ...base, code: error.type, message: t.errors.invalidInput(error.message) };
  }
  if (isSeamApiError(error) && error.type === 'origin_not_allowed') {
    // The local sandbox refused this page's origin: say which flag lets it in.
    const origin = (globalThis as { location?: { origin?: string } }).location?.origin ?? '';
    const shown = origin === '' || origin === 'null' ? '<this page’s origin>' : origin;
    return { ...base, code: error.type, message: t.errors.originNotAllowed(shown) };
  }
  if (isSeamApiError(error)) {
    // Error types our requests have guidance for (`device_not_found`, ...) share its text.
    const guidance = guidanceRef(`request.error.${error.type}`);
    const known = guidance && guidanceText(t, guidance.textKey)?.[1];
    if (error.status >= 500) {
      return { ...base, code: error.type, message: t.errors.serverError, retryable: true };
    }
    return { ...base, code: error.type, message: known ?? t.errors.apiError(error.message) };
  }
  if (isSeamNetworkError(error)) {
    return { ...base, code: 'network_error', message: t.errors.network, retryable: true };
  }
  if (isSeamTimeoutError(error)) {
    return { ...base, code: 'timeout', message: t.errors.timeout, retryable: true };
  }
  if (isAccessCodeOutcomeUnknownError(error)) {
    return { ...base, code: 'outcome_unknown', message: t.errors.outcomeUnknown };
  }
  if (isSeamInvalidArgumentError(error)) {
    return { ...base, code: 'invalid_argument', message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ...base, code: 'unexpected_error', message: t.errors.unexpected(message) };
}
