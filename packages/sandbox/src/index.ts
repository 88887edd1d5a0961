/**
 * @seam-codes/sandbox: a local, Seam-compatible simulator of locks and the access-code API.
 * Browser-safe: this entry imports nothing from Node. The HTTP server, the CLI and state files
 * are in `@seam-codes/sandbox/node`.
 */
export { createSandbox, SEAM_RATE_LIMITS, type Sandbox, type SandboxOptions } from './sandbox.js';
export {
  DEFAULT_BEHAVIOUR,
  DEFAULT_SEED,
  SANDBOX_ACCOUNT_ROLES,
  SANDBOX_CATALOGUE,
  SANDBOX_DEVICE_ROLES,
  describeCatalogue,
  type SandboxAccountRole,
  type SandboxCatalogue,
  type SandboxCredentials,
  type SandboxDeviceRole,
} from './catalogue.js';
export type { SandboxClock } from './clock.js';
export type { SandboxControl } from './control.js';
export {
  FAULTABLE_READ_ROUTES,
  type FaultableReadRoute,
  type ReadFault,
  type ReadFaultOptions,
} from './read-faults.js';
export type { ExternalChange } from './sim/codes.js';
export { RETRY_DELAYS_MS } from './sim/webhooks.js';
export { JUST_IN_TIME_MS, PRELOAD_MS } from './sim/lifecycle.js';
export { SandboxInputError } from './input-error.js';
export type { RateLimits } from './http/router.js';
export type { RawRequest, RawResponse } from './http/handler.js';
export type {
  AttemptOutcome,
  DeliveryAttempt,
  DeliveryRecord,
  DeviceBehaviour,
  SandboxState,
} from './state.js';
