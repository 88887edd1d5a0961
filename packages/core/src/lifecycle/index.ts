/**
 * The lifecycle of an access code as a pure state machine: `transition(state, observation)`
 * returns the next state and the effects a runtime (the verifier) should carry out. The state is
 * plain JSON; its `phase` is what the UI shows, with `issues` (each with guidance) and `flags`.
 */
export {
  DERIVED_PHASES,
  OBSERVATION_TYPES,
  TERMINAL_PHASES,
  type ActionAttemptObserved,
  type ActionAttemptRecord,
  type CodeFlags,
  type CodeIssue,
  type CodeNotFound,
  type CodeObserved,
  type CodeState,
  type DerivedPhase,
  type Effect,
  type EventReceived,
  type Observation,
  type RefetchReason,
  type RequestFailed,
  type RequestFailure,
  type RequestOperation,
  type RequestRecord,
  type RequestStarted,
  type RequestSucceeded,
  type TimelineEntry,
  type TransportFailed,
  type TransportFailure,
} from './types.js';
export {
  JUST_IN_TIME_LEAD_MS,
  NATIVE_PRELOAD_MS,
  derivePhase,
  nextDueAt,
  seamErrorsOf,
  seamWarningsOf,
  type SeamIssueElement,
} from './derive-phase.js';
export { ACTION_LABELS } from './action-labels.js';
export {
  GUIDANCE_REFS,
  guidanceKey,
  matchGuidance,
  scopeOfSeamError,
  type GuidanceAction,
  type GuidanceContext,
  type GuidanceMatch,
  type GuidanceRef,
  type GuidanceTextKey,
  type IssueKind,
  type IssueLike,
  type IssueScope,
  type SeamErrorLike,
  type SeamWarningLike,
} from './guidance-codes.js';
export {
  GUIDANCE,
  GUIDANCE_TEXTS,
  guidanceFor,
  type GuidanceEntry,
  type ResolvedGuidance,
} from './guidance.js';
export { historyOf } from './history.js';
export {
  LIFECYCLE_LIMITS,
  LifecycleStateError,
  REQUEST_STALE_MS,
  codeStateFrom,
  describeInvalidObservation,
  failureCode,
  initialCodeState,
  parseCodeState,
  transition,
  transitionAll,
} from './transition.js';
