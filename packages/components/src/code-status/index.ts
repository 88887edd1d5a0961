/** `<seam-code-status>`: the class, its events and types. No side effects: see `./define.js`. */
export { SeamCodeStatus } from './code-status.js';
export {
  SeamBackupCodePulledEvent,
  SeamCodeDeleteEvent,
  SeamStatusChangeEvent,
  type SeamStatusChangeDetail,
} from './code-status.events.js';
export { VERIFICATION_MODES, type VerificationMode } from './code-status.types.js';
