/** The error `createAccessCode` throws when it cannot tell whether Seam created the code. */

/** The JSON form of an {@link AccessCodeOutcomeUnknownError}. */
export interface AccessCodeOutcomeUnknownErrorJson {
  readonly name: 'AccessCodeOutcomeUnknownError';
  readonly message: string;
  /** The locks the code was meant for. */
  readonly deviceIds: readonly string[];
  /** Codes that look like it but could not be told apart (possibly empty). */
  readonly candidateAccessCodeIds: readonly string[];
}

/**
 * The create request may have reached Seam, but no answer came back and the code could not be
 * found (or not told apart from look-alikes) among the lock's codes, and trying again was not
 * safe. The code may exist: list the lock's codes before creating it again. `cause` is the error
 * that lost the answer.
 */
export class AccessCodeOutcomeUnknownError
  extends Error
  implements AccessCodeOutcomeUnknownErrorJson
{
  override name = 'AccessCodeOutcomeUnknownError' as const;
  readonly deviceIds: readonly string[];
  readonly candidateAccessCodeIds: readonly string[];

  constructor(init: {
    message: string;
    deviceIds: readonly string[];
    candidateAccessCodeIds?: readonly string[];
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.deviceIds = [...init.deviceIds];
    this.candidateAccessCodeIds = [...(init.candidateAccessCodeIds ?? [])];
  }

  /** A plain object that survives JSON and structured clone. */
  toJSON(): AccessCodeOutcomeUnknownErrorJson {
    return {
      name: this.name,
      message: this.message,
      deviceIds: this.deviceIds,
      candidateAccessCodeIds: this.candidateAccessCodeIds,
    };
  }
}

/** Whether `value` is an {@link AccessCodeOutcomeUnknownError}, as an instance or in JSON form. */
export function isAccessCodeOutcomeUnknownError(
  value: unknown,
): value is AccessCodeOutcomeUnknownErrorJson {
  if (value instanceof AccessCodeOutcomeUnknownError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { name, message, deviceIds } = value as Record<string, unknown>;
  return (
    name === 'AccessCodeOutcomeUnknownError' &&
    typeof message === 'string' &&
    Array.isArray(deviceIds)
  );
}
