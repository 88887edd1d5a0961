/**
 * The access-code rules of @seam-codes/core: pure functions with no I/O and no clock of their own.
 * What a device can take (`describeCapabilities`), whether a draft is acceptable
 * (`validateCodeDraft`), a PIN that is (`suggestCode`), and time zones without a library.
 */
export type {
  AccessCodeDraft,
  DraftField,
  DraftIssue,
  DraftValidation,
  ExistingCode,
} from './types.js';
export {
  describeCapabilities,
  KEYPAD_BATTERY_LOW_LEVEL,
  type CapabilityReason,
  type DeclaredConstraint,
  type DeviceCapabilities,
  type DeviceIssue,
  type NameRules,
} from './capabilities.js';
export { deviceTimeZone, nativeSchedulingOf, type NativeScheduling } from './lock-facts.js';
export {
  validateCodeDraft,
  DEFAULT_START_DATE_MARGIN_MS,
  type CodeDraftContext,
} from './validate-draft.js';
export { suggestCode, type SuggestCodeOptions } from './suggest-code.js';
export {
  formatInstant,
  instantToZonedWallTime,
  isValidTimeZone,
  parseInstant,
  zonedWallTimeToInstant,
  type FormattedInstant,
  type InstantProblem,
  type ParsedInstant,
  type ZonedText,
} from './time-zones.js';
export {
  KNOWN_CONSTRAINT_TYPES,
  PIN_CONSTRAINT_TYPES,
  PIN_RULES,
  type KnownConstraintType,
  type PinConstraintType,
  type PinRule,
} from './pin-rules.js';
export { SEAM_CODE_LENGTHS } from './device-rules.js';
