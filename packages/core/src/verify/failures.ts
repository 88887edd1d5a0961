/**
 * How the verifier records what went wrong: a request's or a read's failure in the lifecycle's
 * terms, and the error for a malformed observation.
 */
import {
  getValidationErrorMessages,
  isSeamApiError,
  isSeamInvalidInputError,
  isSeamNetworkError,
  isSeamTimeoutError,
} from '../client/errors.js';
import type { RequestFailure, TransportFailure } from '../lifecycle/types.js';

/** A malformed observation was given to (or produced for) the lifecycle machine. */
export class VerifierObservationError extends Error {
  override readonly name = 'VerifierObservationError' as const;
}

/** The failure of a request (create/update/delete) as the lifecycle records it. */
export function requestFailureOf(error: unknown): RequestFailure {
  if (isSeamApiError(error)) {
    let fieldErrors: Record<string, string[]> | null = null;
    if (isSeamInvalidInputError(error)) {
      fieldErrors = {};
      for (const field of Object.keys(error.validationErrors)) {
        if (field === '_errors') continue;
        const messages = getValidationErrorMessages(error, field);
        if (messages.length > 0) fieldErrors[field] = messages;
      }
    }
    return { type: error.type, message: error.message, status: error.status, fieldErrors };
  }
  return { ...transportFailureOf(error), fieldErrors: null };
}

/** The failure of a read (poll, events) as the lifecycle records it. */
export function transportFailureOf(error: unknown): TransportFailure {
  if (isSeamApiError(error)) {
    return { type: error.type, message: error.message, status: error.status };
  }
  if (isSeamTimeoutError(error)) return { type: 'timeout', message: error.message, status: null };
  if (isSeamNetworkError(error)) {
    return { type: 'network_error', message: error.message, status: null };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'network_error', message, status: null };
}
