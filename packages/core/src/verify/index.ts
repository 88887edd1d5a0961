/**
 * Verification: `createVerifier` follows access codes until they are on the lock, by batched
 * polling, Seam's events list or the relay's pushed webhooks, and keeps pending verifications in a
 * `PendingStore` (in memory here; in IndexedDB with `createIdbStore` from `@seam-codes/core/idb`).
 */
export { MAX_CONFIRMATIONS_PER_TICK, createVerifier } from './verifier.js';
export { VerifierObservationError, requestFailureOf, transportFailureOf } from './failures.js';
export {
  DEFAULT_EVENTS_OPTIONS,
  DEFAULT_POLL_OPTIONS,
  MAX_IDS_PER_REQUEST,
  VERIFIER_EVENT_TYPES,
  phaseClass,
  type PhaseClass,
} from './schedule.js';
export {
  createManualClock,
  realClock,
  type ManualClock,
  type ManualClockOptions,
} from './clock.js';
export { createMemoryStore, type MemoryStore } from './memory-store.js';
export { PIN_WITHHELD, isPinWithheld, withoutPins } from './pin-free.js';
export { RelayStreamError } from './push-options.js';
export {
  createSseParser,
  type SseMessage,
  type SseParser,
  type SseParserCallbacks,
} from './sse.js';
export type { EventsCursor } from './events-cursor.js';
export type {
  EventsSourceOptions,
  PendingStore,
  PollSourceOptions,
  PushSourceOptions,
  RelayTokenProvider,
  StoreChanges,
  StoredVerification,
  StoredVerifierData,
  VerificationMode,
  Verifier,
  VerifierClock,
  VerifierCoordination,
  VerifierErrorSource,
  VerifierOptions,
  VerifierRole,
  VerifierSources,
  VerifierUpdate,
  VisibilityAdapter,
  WatchOptions,
  WatchSources,
} from './types.js';
