/**
 * Creating access codes safely: `createAccessCode` (one request per intent, lost answers resolved
 * by finding the code) and `createAccessCodes` for several locks at once.
 */
export {
  DEFAULT_CLOCK_SKEW_MS,
  DEFAULT_SETTLE_DELAY_MS,
  createAccessCode,
  createAccessCodes,
  mayHaveBeenActedOn,
  type AccessCodeCreator,
  type CreateAccessCodeOptions,
  type CreateAccessCodeResult,
  type CreateAccessCodesResult,
} from './create-access-code.js';
export {
  accessCodeRequestKey,
  buildCreateMultipleRequest,
  buildCreateRequest,
  matchesCreateRequest,
  type CreateAccessCodeInput,
  type CreateAccessCodesInput,
  type CreateRequestBody,
} from './request.js';
export {
  AccessCodeOutcomeUnknownError,
  isAccessCodeOutcomeUnknownError,
  type AccessCodeOutcomeUnknownErrorJson,
} from './errors.js';
