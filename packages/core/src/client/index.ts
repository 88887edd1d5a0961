/**
 * The Seam client: `SeamClient`, its resources, transports, errors and guards, and pagination.
 */
export {
  SeamClient,
  defaultTimeoutMs,
  type SeamClientCommonOptions,
  type SeamClientOptions,
  type SeamRetryEvent,
  type SeamSessionExpiredEvent,
} from './seam-client.js';
export {
  SeamAccessCodes,
  SeamActionAttempts,
  SeamClientSessions,
  SeamDevices,
  SeamEvents,
  SeamLocks,
  type AccessCodeWithActionAttempt,
  type AccessCodesCreateMultipleParams,
  type AccessCodesCreateParams,
  type AccessCodesDeleteParams,
  type AccessCodesGenerateCodeParams,
  type AccessCodesGetParams,
  type AccessCodesListParams,
  type AccessCodesPullBackupAccessCodeParams,
  type AccessCodesUpdateParams,
  type ActionAttemptResponse,
  type ActionAttemptsGetParams,
  type ClientSessionsGetOrCreateParams,
  type DevicesGetParams,
  type DevicesListParams,
  type EventsListParams,
  type LocksGetParams,
  type SeamCall,
  type SeamCallOptions,
  type SeamRequestOptions,
} from './resources.js';
export {
  createFetchTransport,
  defaultEndpoint,
  type FetchLike,
  type FetchTransportOptions,
  type HeadersSource,
  type Transport,
  type TransportRequestOptions,
} from './transport.js';
export {
  SeamPaginatedList,
  type SeamPage,
  type SeamPageCursor,
  type SeamPageFetcher,
} from './paginator.js';
export {
  defaultRetryOptions,
  isRetryable,
  parseRetryAfter,
  type RequestKind,
  type RetryOptions,
} from './retry.js';
export {
  ForbiddenKeyError,
  isForbiddenKey,
  ownValue,
  parseJsonSafe,
  type ForbiddenKeyMode,
} from './safe-json.js';
export type { SeamAuthKind } from './auth.js';
export type { Sleep } from './abort.js';
export {
  SeamApiError,
  SeamInvalidArgumentError,
  SeamInvalidInputError,
  SeamNetworkError,
  SeamRateLimitError,
  SeamTimeoutError,
  SeamUnauthorizedError,
  getValidationErrorMessages,
  isSeamApiError,
  isSeamInvalidArgumentError,
  isSeamInvalidInputError,
  isSeamNetworkError,
  isSeamRateLimitError,
  isSeamTimeoutError,
  isSeamUnauthorizedError,
  reviveSeamError,
  type SeamApiErrorInit,
  type SeamApiErrorJson,
  type SeamApiErrorName,
  type SeamErrorJson,
  type SeamInvalidArgumentErrorJson,
  type SeamInvalidInputErrorJson,
  type SeamNetworkErrorJson,
  type SeamTimeoutErrorJson,
  type ValidationErrors,
} from './errors.js';
