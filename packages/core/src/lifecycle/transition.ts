import type { AccessCode } from '@seamapi/types/connect';
import { derivePhase, nextDueAt, seamErrorsOf, seamWarningsOf } from './derive-phase.js';
import { matchGuidance, type IssueKind, type IssueScope } from './guidance-codes.js';
import {
  boundedUpsert,
  compareText,
  compareTime,
  isTime,
  maxTime,
  minTime,
  normaliseTime,
  parseTime,
  stableStringify,
} from './order.js';
import {
  DERIVED_PHASES,
  OBSERVATION_TYPES,
  TERMINAL_PHASES,
  type ActionAttemptRecord,
  type CodeFlags,
  type CodeIssue,
  type CodeState,
  type DerivedPhase,
  type Effect,
  type Observation,
  type RefetchReason,
  type RequestFailure,
  type RequestOperation,
  type RequestRecord,
  type TimelineEntry,
  type TransportFailure,
} from './types.js';

/**
 * How much history a state keeps. While a code's history fits, any order and any repetition of
 * its observations gives exactly the same state; beyond, the oldest entries are dropped, which
 * only shortens the history (the phase never depends on dropped entries).
 */
export const LIFECYCLE_LIMITS = {
  /** Event ids remembered to drop duplicates (replaying an older one is harmless anyway). */
  seenEvents: 128,
  /** Lines of the timeline. */
  timeline: 64,
  /** Requests remembered. */
  requests: 16,
  /** Action attempts remembered. */
  actionAttempts: 16,
} as const;

/**
 * A request with no outcome this long after it was sent (by the state's `asOf`) is treated as
 * abandoned, e.g. the tab closed mid-request: it no longer holds the code in `submitting`.
 */
export const REQUEST_STALE_MS = 2 * 60 * 1000;

/** Events that say where the code is, and the phase each implies while no snapshot is newer. */
const STATUS_EVENT_PHASES: Readonly<Record<string, DerivedPhase>> = {
  'access_code.scheduled_on_device': 'scheduled',
  'access_code.set_on_device': 'active',
  'access_code.delay_in_setting_on_device': 'delayed',
  'access_code.failed_to_set_on_device': 'failed',
  'access_code.delay_in_removing_from_device': 'removing',
  'access_code.failed_to_remove_from_device': 'removing_failed',
  // Seam deleted the code's record; the lock may still hold it (Seam sends this at the delete,
  // and for a deleted account without touching the lock). Removed is a 404 or removed_from_device.
  'access_code.deleted': 'removing',
};

/** The error or warning a status event stands for until a snapshot carries Seam's own. */
const STATUS_EVENT_ISSUES: Readonly<Record<string, { kind: IssueKind; code: string }>> = {
  'access_code.delay_in_setting_on_device': { kind: 'warning', code: 'delay_in_setting_on_device' },
  'access_code.failed_to_set_on_device': { kind: 'error', code: 'failed_to_set_on_device' },
  'access_code.delay_in_removing_from_device': {
    kind: 'warning',
    code: 'delay_in_removing_from_device',
  },
  'access_code.failed_to_remove_from_device': {
    kind: 'error',
    code: 'failed_to_remove_from_device',
  },
};

/** Events after which the code is off the lock and gone from Seam (spec §B8: `get` is 404). */
const REMOVAL_EVENTS: ReadonlySet<string> = new Set(['access_code.removed_from_device']);

/**
 * Events whose news is fully told by the event itself; any other event about the code asks for a
 * refetch (new errors with Seam's message, a changed PIN or window, a backup code, types we do
 * not know yet). Keeping push free of requests on the happy path is the point.
 */
const SELF_CONTAINED_EVENTS: ReadonlySet<string> = new Set([
  ...Object.keys(STATUS_EVENT_PHASES).filter(
    (type) =>
      type !== 'access_code.failed_to_set_on_device' &&
      type !== 'access_code.failed_to_remove_from_device',
  ),
  ...REMOVAL_EVENTS,
  'lock.unlocked',
  'lock.locked',
  'lock.access_denied',
]);

/** How far along the lifecycle a phase is, to tell an event that is merely old from a conflict. */
const STAGE: Readonly<Partial<Record<DerivedPhase, number>>> = {
  pending: 0,
  scheduled: 0,
  awaiting_code: 1,
  programming: 1,
  delayed: 1,
  failed: 1,
  active: 2,
  removing: 3,
  removing_failed: 3,
};

const EXTERNAL_CHANGE_CODES: ReadonlySet<string> = new Set([
  'code_modified_external_to_seam',
  'conflicting_external_modification',
  'external_modification_in_effect',
]);

const ACCESS_CODE_ACTIONS: ReadonlySet<string> = new Set([
  'CREATE_ACCESS_CODE',
  'UPDATE_ACCESS_CODE',
  'DELETE_ACCESS_CODE',
]);

const NO_FLAGS: CodeFlags = {
  used: false,
  firstUsedAt: null,
  lastUsedAt: null,
  externallyModified: false,
  externallyDeleted: false,
  backupAccessCodeId: null,
  backupAvailable: false,
  isBackup: false,
  connectionDegraded: false,
};

/**
 * The state of a code before anything is known of it. Pass its id to watch an existing code; pass
 * nothing for a code about to be created (its id is taken from the create's response).
 */
export function initialCodeState(accessCodeId: string | null = null): CodeState {
  return {
    schemaVersion: 1,
    accessCodeId,
    deviceId: null,
    asOf: null,
    phase: 'unknown',
    terminal: false,
    flags: NO_FLAGS,
    issues: [],
    nextCheckAt: null,
    snapshot: null,
    statusEvent: null,
    removal: null,
    external: { modifiedAt: null, deletedAt: null },
    backup: null,
    connection: { lastOkAt: null, lastFailure: null },
    requests: [],
    actionAttempts: [],
    seenEvents: [],
    timeline: [],
  };
}

/**
 * Applies one observation to the state of a code: pure, no clock reads, never throws.
 *
 * - Observations about another code are ignored (`[state, []]`); a state without an id takes the
 *   id of the first observation that names one.
 * - Events already seen (by `event_id`) are ignored; an older snapshot never replaces a newer one.
 *   Every part of the state keeps the newest (or first-seen) value by time, so the final state
 *   does not depend on the order observations arrive in.
 * - A malformed observation is not applied: the effect `invalidObservation` says what to fix.
 *
 * @example
 * let [state, effects] = transition(initialCodeState(id), { type: 'code.observed', accessCode, observedAt });
 * state.phase; // 'programming'
 * [state, effects] = transition(state, { type: 'event.received', event: setOnDeviceEvent });
 * state.phase; // 'active'; effects: [{ type: 'scheduleCheck', ... }, { type: 'notify', ... }]
 */
export function transition(state: CodeState, observation: Observation): [CodeState, Effect[]] {
  const stateProblem = describeInvalidState(state);
  if (stateProblem !== null) {
    return [state, [{ type: 'invalidObservation', message: stateProblem }]];
  }
  const problem = describeInvalidObservation(observation);
  if (problem !== null) return [state, [{ type: 'invalidObservation', message: problem }]];

  const namedId = accessCodeIdOf(observation);
  if (observation.type === 'event.received' && namedId === null) return [state, []];
  if (namedId !== null && state.accessCodeId !== null && namedId !== state.accessCodeId) {
    return [state, []];
  }
  if (observation.type === 'event.received') {
    const eventId = observation.event.event_id;
    if (state.seenEvents.some((seen) => seen.id === eventId)) return [state, []];
  }

  const next = derive(join(state, observation));
  return [next, effectsOf(state, next, observation)];
}

/** Applies observations in order; the effects of all of them, in order. */
export function transitionAll(
  state: CodeState,
  observations: Iterable<Observation>,
): [CodeState, Effect[]] {
  let current = state;
  const effects: Effect[] = [];
  for (const observation of observations) {
    const [next, produced] = transition(current, observation);
    current = next;
    effects.push(...produced);
  }
  return [current, effects];
}

/**
 * The state of a code from one snapshot of it. Throws a `TypeError` saying what is wrong when
 * `accessCode` is not an access code or `observedAt` not a time.
 */
export function codeStateFrom(accessCode: AccessCode, observedAt: string): CodeState {
  const observation: Observation = { type: 'code.observed', accessCode, observedAt };
  const problem = describeInvalidObservation(observation);
  if (problem !== null) throw new TypeError(`codeStateFrom: ${problem}`);
  return transition(initialCodeState(accessCode.access_code_id), observation)[0];
}

/** Thrown by `parseCodeState` for a value that is not a stored `CodeState`. */
export class LifecycleStateError extends Error {
  override readonly name = 'LifecycleStateError' as const;
}

/**
 * Checks a stored or transferred state (e.g. from IndexedDB or `postMessage`) and recomputes its
 * derived fields, so states saved by an older release get the current guidance and phases.
 * Throws `LifecycleStateError` saying what is wrong.
 */
export function parseCodeState(value: unknown): CodeState {
  const problem = describeInvalidState(value);
  if (problem !== null) throw new LifecycleStateError(problem);
  return derive(value as CodeState);
}

// ---------------------------------------------------------------------------------------------
// Validation

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'function' ? 'a function' : String(value);
}

function describeInvalidState(value: unknown): string | null {
  const where = 'The code state';
  const fix =
    'Start from initialCodeState() (or discard the stored state and watch the code again).';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `${where} must be an object made by initialCodeState(); got ${describe(value)}. ${fix}`;
  }
  const state = value as Partial<Record<keyof CodeState, unknown>>;
  if (state.schemaVersion !== 1) {
    return `${where} has schemaVersion ${describe(state.schemaVersion)}, expected 1. ${fix}`;
  }
  if (state.accessCodeId !== null && typeof state.accessCodeId !== 'string') {
    return `${where} has an accessCodeId that is ${describe(state.accessCodeId)}; expected a string or null. ${fix}`;
  }
  if (typeof state.phase !== 'string' || !DERIVED_PHASES.includes(state.phase as DerivedPhase)) {
    return `${where} has an unknown phase ${describe(state.phase)}. ${fix}`;
  }
  const arrays = ['requests', 'actionAttempts', 'seenEvents', 'timeline', 'issues'] as const;
  for (const field of arrays) {
    if (!Array.isArray(state[field])) {
      return `${where} lacks the array \`${field}\` (got ${describe(state[field])}). ${fix}`;
    }
  }
  const objects = ['external', 'connection', 'flags'] as const;
  for (const field of objects) {
    if (state[field] === null || typeof state[field] !== 'object') {
      return `${where} lacks the object \`${field}\` (got ${describe(state[field])}). ${fix}`;
    }
  }
  return null;
}

function badTime(type: string, field: string, value: unknown, hint: string): string {
  return (
    `Invalid ${type} observation: \`${field}\` must be an ISO 8601 time such as ` +
    `"2026-03-01T12:00:00Z" (got ${describe(value)}). ${hint}`
  );
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeInvalidAccessCode(type: string, field: string, value: unknown): string | null {
  if (!isRecord(value)) {
    return `Invalid ${type} observation: \`${field}\` must be the \`access_code\` object of Seam's response (got ${describe(value)}).`;
  }
  if (!isNonEmptyString(value.access_code_id)) {
    return `Invalid ${type} observation: \`${field}.access_code_id\` must be a non-empty string (got ${describe(value.access_code_id)}). Pass the \`access_code\` object exactly as Seam returned it.`;
  }
  for (const [list, codeField] of [
    ['errors', 'error_code'],
    ['warnings', 'warning_code'],
  ] as const) {
    const elements = value[list];
    if (elements === undefined) continue;
    if (!Array.isArray(elements)) {
      return `Invalid ${type} observation: \`${field}.${list}\` must be an array (got ${describe(elements)}). Pass the \`access_code\` object exactly as Seam returned it.`;
    }
    const index = elements.findIndex(
      (element) => !isRecord(element) || typeof element[codeField] !== 'string',
    );
    if (index !== -1) {
      return `Invalid ${type} observation: \`${field}.${list}[${index}].${codeField}\` must be a string (got ${describe(isRecord(elements[index]) ? elements[index][codeField] : elements[index])}).`;
    }
  }
  if (typeof value.status !== 'string') {
    return `Invalid ${type} observation: \`${field}.status\` must be one of 'setting', 'set', 'unset', 'removing', 'unknown' (got ${describe(value.status)}). Pass the \`access_code\` object exactly as Seam returned it.`;
  }
  return null;
}

function describeInvalidFailure(type: string, value: unknown): string | null {
  if (!isRecord(value)) {
    return `Invalid ${type} observation: \`error\` must be { type, message, status } (got ${describe(value)}).`;
  }
  if (typeof value.type !== 'string' || typeof value.message !== 'string') {
    return `Invalid ${type} observation: \`error.type\` and \`error.message\` must be strings (got ${describe(value.type)} and ${describe(value.message)}). Use 'network_error' or 'timeout' when no response arrived.`;
  }
  if (
    value.status !== null &&
    !(typeof value.status === 'number' && Number.isInteger(value.status))
  ) {
    return `Invalid ${type} observation: \`error.status\` must be the HTTP status, or null when no response arrived (got ${describe(value.status)}).`;
  }
  return null;
}

const OPERATIONS: readonly RequestOperation[] = ['create', 'update', 'delete'];

/** Why an observation cannot be applied, or null when it can. Exported for the runtime's logs. */
export function describeInvalidObservation(observation: unknown): string | null {
  if (!isRecord(observation)) {
    return `An observation must be an object with a \`type\` (one of ${OBSERVATION_TYPES.join(', ')}); got ${describe(observation)}.`;
  }
  const type = observation.type;
  if (typeof type !== 'string' || !(OBSERVATION_TYPES as readonly string[]).includes(type)) {
    return `Unknown observation type ${describe(type)}: expected one of ${OBSERVATION_TYPES.join(', ')}.`;
  }
  const observedAtHint =
    "Pass the time it happened, e.g. new Date().toISOString() or the response's Date header.";
  if (type !== 'event.received' && !isTime(observation.observedAt)) {
    return badTime(type, 'observedAt', observation.observedAt, observedAtHint);
  }
  switch (type) {
    case 'code.observed':
      return describeInvalidAccessCode(type, 'accessCode', observation.accessCode);
    case 'code.notFound':
      return isNonEmptyString(observation.accessCodeId)
        ? null
        : `Invalid code.notFound observation: \`accessCodeId\` must name the code Seam did not find (got ${describe(observation.accessCodeId)}).`;
    case 'event.received': {
      const event = observation.event;
      if (!isRecord(event)) {
        return `Invalid event.received observation: \`event\` must be a Seam event object (got ${describe(event)}).`;
      }
      if (!isNonEmptyString(event.event_id) || !isNonEmptyString(event.event_type)) {
        return `Invalid event.received observation: \`event.event_id\` and \`event.event_type\` must be non-empty strings (got ${describe(event.event_id)} and ${describe(event.event_type)}). Pass the event exactly as Seam sent it.`;
      }
      if (!isTime(event.occurred_at)) {
        return badTime(
          type,
          'event.occurred_at',
          event.occurred_at,
          'Pass the event exactly as Seam sent it.',
        );
      }
      if (
        event.access_code_id !== undefined &&
        event.access_code_id !== null &&
        typeof event.access_code_id !== 'string'
      ) {
        return `Invalid event.received observation: \`event.access_code_id\` must be a string when present (got ${describe(event.access_code_id)}).`;
      }
      return null;
    }
    case 'actionAttempt.observed':
      return describeInvalidActionAttempt(type, 'actionAttempt', observation.actionAttempt);
    case 'request.started':
    case 'request.succeeded':
    case 'request.failed': {
      if (!isNonEmptyString(observation.requestId)) {
        return `Invalid ${type} observation: \`requestId\` must be a non-empty string that identifies the request (got ${describe(observation.requestId)}).`;
      }
      if (!OPERATIONS.includes(observation.operation as RequestOperation)) {
        return `Invalid ${type} observation: \`operation\` must be one of ${OPERATIONS.join(', ')} (got ${describe(observation.operation)}).`;
      }
      if (type === 'request.failed') return describeInvalidFailure(type, observation.error);
      if (type === 'request.succeeded') {
        const hasCode = observation.accessCode !== undefined && observation.accessCode !== null;
        if (observation.operation === 'create' && !hasCode) {
          return 'Invalid request.succeeded observation: a create must carry `accessCode`, the `access_code` of the /access_codes/create response.';
        }
        if (hasCode) {
          const codeProblem = describeInvalidAccessCode(type, 'accessCode', observation.accessCode);
          if (codeProblem !== null) return codeProblem;
        }
        if (observation.actionAttempt !== undefined && observation.actionAttempt !== null) {
          return describeInvalidActionAttempt(type, 'actionAttempt', observation.actionAttempt);
        }
      }
      return null;
    }
    case 'transport.failed':
      return describeInvalidFailure(type, observation.error);
    default:
      return null;
  }
}

function describeInvalidActionAttempt(type: string, field: string, value: unknown): string | null {
  if (!isRecord(value)) {
    return `Invalid ${type} observation: \`${field}\` must be Seam's \`action_attempt\` object (got ${describe(value)}).`;
  }
  if (!isNonEmptyString(value.action_attempt_id) || !isNonEmptyString(value.action_type)) {
    return `Invalid ${type} observation: \`${field}.action_attempt_id\` and \`${field}.action_type\` must be non-empty strings (got ${describe(value.action_attempt_id)} and ${describe(value.action_type)}).`;
  }
  if (value.status !== 'pending' && value.status !== 'success' && value.status !== 'error') {
    return `Invalid ${type} observation: \`${field}.status\` must be 'pending', 'success' or 'error' (got ${describe(value.status)}).`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Joining an observation into the state's registers

/** The access code id an observation names, if any. */
function accessCodeIdOf(observation: Observation): string | null {
  switch (observation.type) {
    case 'code.observed':
      return observation.accessCode.access_code_id;
    case 'code.notFound':
      return observation.accessCodeId;
    case 'event.received': {
      const id = (observation.event as { access_code_id?: unknown }).access_code_id;
      return typeof id === 'string' && id !== '' ? id : null;
    }
    case 'request.succeeded':
      return observation.accessCode?.access_code_id ?? null;
    case 'actionAttempt.observed':
      return accessCodeOfAttempt(observation.actionAttempt)?.access_code_id ?? null;
    default:
      return null;
  }
}

/** The access code in a successful create or update attempt's `result`, when it has one. */
function accessCodeOfAttempt(actionAttempt: unknown): AccessCode | null {
  if (!isRecord(actionAttempt) || actionAttempt.status !== 'success') return null;
  const result = actionAttempt.result;
  if (!isRecord(result)) return null;
  const accessCode = result.access_code;
  return describeInvalidAccessCode('', '', accessCode) === null ? (accessCode as AccessCode) : null;
}

function adopt(state: CodeState, accessCodeId: string | null, deviceId: unknown): CodeState {
  const id = state.accessCodeId ?? accessCodeId;
  const device =
    state.deviceId ?? (typeof deviceId === 'string' && deviceId !== '' ? deviceId : null);
  return id === state.accessCodeId && device === state.deviceId
    ? state
    : { ...state, accessCodeId: id, deviceId: device };
}

function withAsOf(state: CodeState, at: string): CodeState {
  return { ...state, asOf: maxTime(state.asOf, at) };
}

function withOk(state: CodeState, at: string): CodeState {
  return {
    ...state,
    connection: { ...state.connection, lastOkAt: maxTime(state.connection.lastOkAt, at) },
  };
}

function compareTimeline(a: TimelineEntry, b: TimelineEntry): number {
  return compareTime(a.at, b.at) || compareText(a.key, b.key);
}

function mergeTimeline(existing: TimelineEntry, incoming: TimelineEntry): TimelineEntry {
  if (existing.kind === 'status' && incoming.kind === 'status') {
    return {
      ...existing,
      at: minTime(existing.at, incoming.at) ?? existing.at,
      lastAt: maxTime(existing.lastAt, incoming.lastAt) ?? existing.lastAt,
    };
  }
  // Same key, same fact: keep the first time it was seen. Should two reports of one fact differ
  // (one request failing twice, differently, at one instant), pick by content, the same each time.
  const order =
    compareTimeline(existing, incoming) ||
    compareText(stableStringify(existing), stableStringify(incoming));
  return order <= 0 ? existing : incoming;
}

function withTimeline(state: CodeState, entry: TimelineEntry): CodeState {
  const timeline = boundedUpsert(
    state.timeline,
    entry,
    (item) => item.key,
    mergeTimeline,
    compareTimeline,
    LIFECYCLE_LIMITS.timeline,
  );
  return { ...state, timeline };
}

function withSnapshot(state: CodeState, accessCode: AccessCode, at: string): CodeState {
  let next = adopt(state, accessCode.access_code_id, accessCode.device_id);
  const current = next.snapshot;
  const newer =
    current === null ||
    compareTime(at, current.observedAt) > 0 ||
    (compareTime(at, current.observedAt) === 0 &&
      compareText(stableStringify(accessCode), stableStringify(current.accessCode)) > 0);
  if (newer) next = { ...next, snapshot: { accessCode, observedAt: at } };
  next = withTimeline(next, {
    kind: 'status',
    key: `status:${accessCode.status}`,
    at,
    lastAt: at,
    status: accessCode.status,
  });
  const backupId = accessCode.pulled_backup_access_code_id;
  if (typeof backupId === 'string' && backupId !== '') next = withBackup(next, backupId, at);
  return next;
}

function withBackup(state: CodeState, accessCodeId: string, at: string): CodeState {
  const current = state.backup;
  const newer =
    current === null ||
    compareTime(at, current.at) > 0 ||
    (compareTime(at, current.at) === 0 && compareText(accessCodeId, current.accessCodeId) > 0);
  return newer ? { ...state, backup: { accessCodeId, at } } : state;
}

function withRemoval(
  state: CodeState,
  at: string,
  evidence: 'not_found' | 'event' | 'request',
): CodeState {
  const current = state.removal;
  const earlier =
    current === null ||
    compareTime(at, current.at) < 0 ||
    (compareTime(at, current.at) === 0 && compareText(evidence, current.evidence) < 0);
  return earlier ? { ...state, removal: { at, evidence } } : state;
}

function requestOrderTime(record: RequestRecord): string {
  return record.startedAt ?? record.outcome?.at ?? '';
}

function compareRequests(a: RequestRecord, b: RequestRecord): number {
  return (
    compareTime(requestOrderTime(a), requestOrderTime(b)) || compareText(a.requestId, b.requestId)
  );
}

function mergeRequests(existing: RequestRecord, incoming: RequestRecord): RequestRecord {
  let outcome = existing.outcome;
  if (incoming.outcome !== null) {
    if (
      outcome === null ||
      compareTime(incoming.outcome.at, outcome.at) > 0 ||
      (compareTime(incoming.outcome.at, outcome.at) === 0 &&
        compareText(stableStringify(incoming.outcome), stableStringify(outcome)) > 0)
    ) {
      outcome = incoming.outcome;
    }
  }
  return {
    requestId: existing.requestId,
    // One request has one operation; should two disagree, pick one the same way every time.
    operation:
      compareText(existing.operation, incoming.operation) <= 0
        ? existing.operation
        : incoming.operation,
    startedAt: minTime(existing.startedAt, incoming.startedAt),
    outcome,
  };
}

function withRequest(state: CodeState, record: RequestRecord): CodeState {
  const requests = boundedUpsert(
    state.requests,
    record,
    (item) => item.requestId,
    mergeRequests,
    compareRequests,
    LIFECYCLE_LIMITS.requests,
  );
  return { ...state, requests };
}

const ATTEMPT_RANK = { pending: 0, success: 1, error: 1 } as const;

function attemptContent(record: ActionAttemptRecord): string {
  return stableStringify({ ...record, observedAt: null });
}

function mergeAttempts(
  existing: ActionAttemptRecord,
  incoming: ActionAttemptRecord,
): ActionAttemptRecord {
  // An attempt only moves from pending to success or error; the first time a status was seen is
  // when it happened.
  const rank = ATTEMPT_RANK[incoming.status] - ATTEMPT_RANK[existing.status];
  if (rank !== 0) return rank > 0 ? incoming : existing;
  const content = compareText(attemptContent(incoming), attemptContent(existing));
  if (content !== 0) return content > 0 ? incoming : existing;
  return compareTime(incoming.observedAt, existing.observedAt) < 0 ? incoming : existing;
}

function compareAttempts(a: ActionAttemptRecord, b: ActionAttemptRecord): number {
  return (
    compareTime(a.observedAt, b.observedAt) || compareText(a.actionAttemptId, b.actionAttemptId)
  );
}

function attemptRecord(actionAttempt: Record<string, unknown>, at: string): ActionAttemptRecord {
  const error = isRecord(actionAttempt.error) ? actionAttempt.error : null;
  const status = actionAttempt.status as ActionAttemptRecord['status'];
  return {
    actionAttemptId: String(actionAttempt.action_attempt_id),
    actionType: String(actionAttempt.action_type),
    status,
    observedAt: at,
    errorType: status === 'error' && typeof error?.type === 'string' ? error.type : null,
    errorMessage: status === 'error' && typeof error?.message === 'string' ? error.message : null,
  };
}

function withActionAttempt(state: CodeState, actionAttempt: unknown, at: string): CodeState {
  const record = attemptRecord(actionAttempt as Record<string, unknown>, at);
  let next: CodeState = {
    ...state,
    actionAttempts: boundedUpsert(
      state.actionAttempts,
      record,
      (item) => item.actionAttemptId,
      mergeAttempts,
      compareAttempts,
      LIFECYCLE_LIMITS.actionAttempts,
    ),
  };
  next = withTimeline(next, {
    kind: 'action_attempt',
    key: `attempt:${record.actionAttemptId}:${record.status}`,
    at,
    actionType: record.actionType,
    status: record.status,
  });
  const accessCode = accessCodeOfAttempt(actionAttempt);
  if (accessCode !== null) next = withSnapshot(next, accessCode, at);
  return next;
}

function normaliseRequestFailure(error: RequestFailure): RequestFailure {
  const fieldErrors: Record<string, string[]> = {};
  let hasFieldErrors = false;
  if (isRecord(error.fieldErrors)) {
    for (const [field, messages] of Object.entries(error.fieldErrors)) {
      if (Array.isArray(messages)) {
        fieldErrors[field] = messages.map(String);
        hasFieldErrors = true;
      }
    }
  }
  return {
    type: error.type,
    message: error.message,
    status: error.status,
    fieldErrors: hasFieldErrors ? fieldErrors : null,
  };
}

function normaliseTransportFailure(error: TransportFailure): TransportFailure {
  return { type: error.type, message: error.message, status: error.status };
}

function join(state: CodeState, observation: Observation): CodeState {
  switch (observation.type) {
    case 'code.observed': {
      const at = normaliseTime(observation.observedAt);
      return withAsOf(withOk(withSnapshot(state, observation.accessCode, at), at), at);
    }
    case 'code.notFound': {
      const at = normaliseTime(observation.observedAt);
      let next = adopt(state, observation.accessCodeId, null);
      next = withRemoval(next, at, 'not_found');
      next = withTimeline(next, { kind: 'not_found', key: 'not_found', at });
      return withAsOf(withOk(next, at), at);
    }
    case 'event.received':
      return joinEvent(state, observation.event as unknown as LooseEvent);
    case 'actionAttempt.observed': {
      const at = normaliseTime(observation.observedAt);
      return withAsOf(withOk(withActionAttempt(state, observation.actionAttempt, at), at), at);
    }
    case 'request.started': {
      const at = normaliseTime(observation.observedAt);
      let next = withRequest(state, {
        requestId: observation.requestId,
        operation: observation.operation,
        startedAt: at,
        outcome: null,
      });
      next = withTimeline(next, {
        kind: 'request',
        key: `request:${observation.requestId}:started`,
        at,
        operation: observation.operation,
        outcome: 'started',
        errorType: null,
      });
      return withAsOf(next, at);
    }
    case 'request.succeeded': {
      const at = normaliseTime(observation.observedAt);
      let next = withRequest(state, {
        requestId: observation.requestId,
        operation: observation.operation,
        startedAt: null,
        outcome: { ok: true, at },
      });
      next = withTimeline(next, {
        kind: 'request',
        key: `request:${observation.requestId}:succeeded`,
        at,
        operation: observation.operation,
        outcome: 'succeeded',
        errorType: null,
      });
      if (observation.accessCode) next = withSnapshot(next, observation.accessCode, at);
      if (observation.actionAttempt) next = withActionAttempt(next, observation.actionAttempt, at);
      return withAsOf(withOk(next, at), at);
    }
    case 'request.failed': {
      const at = normaliseTime(observation.observedAt);
      const error = normaliseRequestFailure(observation.error);
      let next = withRequest(state, {
        requestId: observation.requestId,
        operation: observation.operation,
        startedAt: null,
        outcome: { ok: false, at, error },
      });
      next = withTimeline(next, {
        kind: 'request',
        key: `request:${observation.requestId}:failed`,
        at,
        operation: observation.operation,
        outcome: 'failed',
        errorType: error.type,
      });
      // Seam answering "no such code" to an update or delete is evidence that it is gone.
      if (observation.operation !== 'create' && error.type === 'access_code_not_found') {
        next = withRemoval(next, at, 'request');
      }
      if (error.status !== null && error.status < 500) next = withOk(next, at);
      return withAsOf(next, at);
    }
    case 'transport.failed': {
      const at = normaliseTime(observation.observedAt);
      const error = normaliseTransportFailure(observation.error);
      const current = state.connection.lastFailure;
      const newer =
        current === null ||
        compareTime(at, current.at) > 0 ||
        (compareTime(at, current.at) === 0 &&
          compareText(stableStringify(error), stableStringify(current.error)) > 0);
      const next = newer
        ? { ...state, connection: { ...state.connection, lastFailure: { at, error } } }
        : state;
      return withAsOf(next, at);
    }
  }
}

/** The fields of a Seam event this machine reads (events of newer types have them too). */
interface LooseEvent {
  readonly event_id: string;
  readonly event_type: string;
  readonly occurred_at: string;
  readonly access_code_id?: string;
  readonly device_id?: string;
  readonly backup_access_code_id?: string;
}

function joinEvent(state: CodeState, event: LooseEvent): CodeState {
  const at = normaliseTime(event.occurred_at);
  let next = adopt(state, event.access_code_id ?? null, event.device_id);
  next = {
    ...next,
    seenEvents: boundedUpsert(
      next.seenEvents,
      { id: event.event_id, at },
      (item) => item.id,
      (existing) => existing,
      (a, b) => compareTime(a.at, b.at) || compareText(a.id, b.id),
      LIFECYCLE_LIMITS.seenEvents,
    ),
  };
  next = withTimeline(next, {
    kind: 'event',
    key: `event:${event.event_id}`,
    at,
    eventType: event.event_type,
  });
  next = withAsOf(next, at);

  const type = event.event_type;
  if (STATUS_EVENT_PHASES[type] !== undefined) {
    const current = next.statusEvent;
    const newer =
      current === null ||
      compareTime(at, current.occurredAt) > 0 ||
      (compareTime(at, current.occurredAt) === 0 &&
        compareText(event.event_id, current.eventId) > 0);
    if (newer)
      next = { ...next, statusEvent: { eventId: event.event_id, eventType: type, occurredAt: at } };
  } else if (REMOVAL_EVENTS.has(type)) {
    next = withRemoval(next, at, 'event');
  } else if (type === 'access_code.modified_external_to_seam') {
    next = {
      ...next,
      external: { ...next.external, modifiedAt: maxTime(next.external.modifiedAt, at) },
    };
  } else if (type === 'access_code.deleted_external_to_seam') {
    next = {
      ...next,
      external: { ...next.external, deletedAt: maxTime(next.external.deletedAt, at) },
    };
  } else if (
    type === 'access_code.backup_access_code_pulled' &&
    isNonEmptyString(event.backup_access_code_id)
  ) {
    next = withBackup(next, event.backup_access_code_id, at);
  } else if (type === 'lock.unlocked') {
    next = {
      ...next,
      flags: {
        ...next.flags,
        used: true,
        firstUsedAt: minTime(next.flags.firstUsedAt, at),
        lastUsedAt: maxTime(next.flags.lastUsedAt, at),
      },
    };
  }
  return next;
}

// ---------------------------------------------------------------------------------------------
// Deriving what the UI shows

/** The newest signal of where the code is, among snapshot, status event, attempt and request. */
type Basis =
  | { readonly kind: 'snapshot'; readonly at: string }
  | { readonly kind: 'event'; readonly at: string; readonly eventType: string }
  | { readonly kind: 'attempt'; readonly at: string; readonly record: ActionAttemptRecord }
  | { readonly kind: 'request'; readonly at: string; readonly record: RequestRecord };

// On equal times: a snapshot beats an event (the whole truth against a part of it); our accepted
// update/delete beats a snapshot (one taken in the same instant raced with the request and cannot
// reflect it); a finished attempt beats the acceptance it follows (it is that request's outcome).
const BASIS_RANK: Readonly<Record<Basis['kind'], number>> = {
  event: 0,
  snapshot: 1,
  request: 2,
  attempt: 3,
};

function laterBasis(a: Basis | null, b: Basis | null): Basis | null {
  if (a === null) return b;
  if (b === null) return a;
  const byTime = compareTime(a.at, b.at) || BASIS_RANK[a.kind] - BASIS_RANK[b.kind];
  return byTime >= 0 ? a : b;
}

function latestBasis(state: CodeState): Basis | null {
  let basis: Basis | null = null;
  if (state.snapshot !== null) basis = { kind: 'snapshot', at: state.snapshot.observedAt };
  if (state.statusEvent !== null) {
    basis = laterBasis(basis, {
      kind: 'event',
      at: state.statusEvent.occurredAt,
      eventType: state.statusEvent.eventType,
    });
  }
  // Lists are sorted by time then id; on a full tie the first stays, the same every time.
  for (const record of state.actionAttempts) {
    const telling =
      ACCESS_CODE_ACTIONS.has(record.actionType) &&
      (record.status === 'error' ||
        (record.status === 'success' && record.actionType === 'DELETE_ACCESS_CODE'));
    if (telling) basis = laterBasis(basis, { kind: 'attempt', at: record.observedAt, record });
  }
  for (const record of state.requests) {
    if (record.outcome?.ok === true && record.operation !== 'create') {
      basis = laterBasis(basis, { kind: 'request', at: record.outcome.at, record });
    }
  }
  return basis;
}

function latestRequest(state: CodeState): RequestRecord | null {
  return state.requests[state.requests.length - 1] ?? null;
}

function isInFlight(record: RequestRecord, asOfMs: number): boolean {
  if (record.outcome !== null || record.startedAt === null) return false;
  return !(asOfMs - parseTime(record.startedAt) > REQUEST_STALE_MS);
}

function isRefusal(error: RequestFailure): boolean {
  return error.status !== null && error.status >= 400 && error.status < 500;
}

function phaseOf(state: CodeState, basis: Basis | null, asOfMs: number): DerivedPhase {
  if (state.removal !== null) return 'removed';
  const request = latestRequest(state);
  if (request !== null && isInFlight(request, asOfMs)) {
    if (request.operation === 'delete') return 'removing';
    // A create is "submitting" only while nothing at all is known of the code.
    if (request.operation === 'update' || basis === null) return 'submitting';
  }
  if (basis === null) {
    const refused =
      request?.operation === 'create' &&
      request.outcome?.ok === false &&
      isRefusal(request.outcome.error);
    return refused ? 'rejected' : 'unknown';
  }
  switch (basis.kind) {
    case 'snapshot':
      return derivePhase((state.snapshot as NonNullable<CodeState['snapshot']>).accessCode, asOfMs);
    case 'event':
      return STATUS_EVENT_PHASES[basis.eventType] ?? 'unknown';
    case 'attempt':
      if (basis.record.actionType === 'DELETE_ACCESS_CODE') {
        return basis.record.status === 'error' ? 'removing_failed' : 'removing';
      }
      return 'failed';
    case 'request':
      return basis.record.operation === 'delete' ? 'removing' : 'programming';
  }
}

/** Our code for a failure of a request or of the transport, as keyed in `GUIDANCE`. */
export function failureCode(error: { type: string; status: number | null }): string {
  if (error.status === 401) return 'unauthorized';
  if (error.status === 429) return 'rate_limited';
  if (error.status !== null && error.status >= 500) return 'server_error';
  if (error.status === null) return error.type === 'timeout' ? 'timeout' : 'network_error';
  return error.type;
}

function issue(
  kind: IssueKind,
  code: string,
  scope: IssueScope,
  message: string,
  createdAt: string | null,
  source: CodeIssue['source'],
  backupAvailable: boolean,
): CodeIssue {
  const guidance = matchGuidance({ kind, code, scope, message }, { backupAvailable });
  return {
    kind,
    code,
    scope,
    message,
    createdAt,
    source,
    guidanceKey: guidance.key,
    action: guidance.action,
  };
}

function issuesOf(
  state: CodeState,
  phase: DerivedPhase,
  basis: Basis | null,
  flags: CodeFlags,
): CodeIssue[] {
  if (phase === 'removed') return [];
  const issues: CodeIssue[] = [];
  const backup = flags.backupAvailable;
  const snapshot = state.snapshot?.accessCode ?? null;
  const snapshotIsBasis = basis?.kind === 'snapshot';
  if (snapshot !== null) {
    for (const error of seamErrorsOf(snapshot)) {
      const scope = error.scope ?? 'access_code';
      // A newer event or attempt has overtaken what the snapshot said about the code itself;
      // what it says about the device and account still holds.
      if (!snapshotIsBasis && scope === 'access_code') continue;
      issues.push(
        issue('error', error.code, scope, error.message, error.createdAt, 'snapshot', backup),
      );
    }
    if (snapshotIsBasis) {
      for (const warning of seamWarningsOf(snapshot)) {
        issues.push(
          issue(
            'warning',
            warning.code,
            'access_code',
            warning.message,
            warning.createdAt,
            'snapshot',
            backup,
          ),
        );
      }
    }
  }
  if (basis?.kind === 'event') {
    const implied = STATUS_EVENT_ISSUES[basis.eventType];
    if (implied !== undefined) {
      issues.push(issue(implied.kind, implied.code, 'access_code', '', basis.at, 'event', backup));
    }
  }
  const modifiedAt = state.external.modifiedAt;
  if (
    modifiedAt !== null &&
    (state.snapshot === null || compareTime(modifiedAt, state.snapshot.observedAt) > 0) &&
    !issues.some((item) => EXTERNAL_CHANGE_CODES.has(item.code))
  ) {
    const allowed = snapshot?.is_external_modification_allowed === true;
    issues.push(
      issue(
        allowed ? 'warning' : 'error',
        'code_modified_external_to_seam',
        'access_code',
        '',
        modifiedAt,
        'event',
        backup,
      ),
    );
  }
  if (basis?.kind === 'attempt' && basis.record.status === 'error') {
    const code = basis.record.errorType ?? 'uncategorized_error';
    issues.push(
      issue(
        'error',
        code,
        'action_attempt',
        basis.record.errorMessage ?? '',
        basis.at,
        'action_attempt',
        backup,
      ),
    );
  }
  const request = latestRequest(state);
  if (request?.outcome?.ok === false) {
    const error = request.outcome.error;
    // A refusal stays until another request replaces it; an unknown outcome until news is newer.
    const current =
      isRefusal(error) || basis === null || compareTime(request.outcome.at, basis.at) >= 0;
    if (current) {
      issues.push(
        issue(
          'error',
          failureCode(error),
          'request',
          error.message,
          request.outcome.at,
          'request',
          backup,
        ),
      );
    }
  }
  const failure = state.connection.lastFailure;
  if (flags.connectionDegraded && failure !== null) {
    issues.push(
      issue(
        'error',
        failureCode(failure.error),
        'transport',
        failure.error.message,
        failure.at,
        'transport',
        backup,
      ),
    );
  }
  // The state of the lock's backup pool matters only when this code needs a backup: said for a
  // failed or delayed code, not beside an active one.
  const needsBackup = phase === 'failed' || phase === 'delayed';
  return needsBackup ? issues : issues.filter((item) => !BACKUP_POOL_CODES.has(item.code));
}

/** Device findings about the backup code pool. */
const BACKUP_POOL_CODES: ReadonlySet<string> = new Set([
  'empty_backup_access_code_pool',
  'partial_backup_access_code_pool',
]);

function flagsOf(state: CodeState): CodeFlags {
  const snapshot = state.snapshot;
  const newerThanSnapshot = (at: string | null): boolean =>
    at !== null && (snapshot === null || compareTime(at, snapshot.observedAt) > 0);
  const snapshotSaysModified =
    snapshot !== null &&
    [...seamErrorsOf(snapshot.accessCode), ...seamWarningsOf(snapshot.accessCode)].some((element) =>
      EXTERNAL_CHANGE_CODES.has(element.code),
    );
  const { lastOkAt, lastFailure } = state.connection;
  return {
    used: state.flags.firstUsedAt !== null,
    firstUsedAt: state.flags.firstUsedAt,
    lastUsedAt: state.flags.lastUsedAt,
    externallyModified: newerThanSnapshot(state.external.modifiedAt) || snapshotSaysModified,
    externallyDeleted: newerThanSnapshot(state.external.deletedAt),
    backupAccessCodeId: state.backup?.accessCodeId ?? null,
    backupAvailable: snapshot?.accessCode.is_backup_access_code_available === true,
    isBackup: snapshot?.accessCode.is_backup === true,
    connectionDegraded:
      lastFailure !== null && (lastOkAt === null || compareTime(lastFailure.at, lastOkAt) > 0),
  };
}

function derive(state: CodeState): CodeState {
  const asOfMs = state.asOf === null ? Number.NaN : parseTime(state.asOf);
  const basis = latestBasis(state);
  const phase = phaseOf(state, basis, asOfMs);
  const terminal = TERMINAL_PHASES.includes(phase);
  const flags = flagsOf(state);
  const issues = issuesOf(state, phase, basis, flags);
  const nextCheckAt =
    terminal || state.snapshot === null || !Number.isFinite(asOfMs)
      ? null
      : nextDueAt(state.snapshot.accessCode, phase, asOfMs);
  return { ...state, phase, terminal, flags, issues, nextCheckAt };
}

// ---------------------------------------------------------------------------------------------
// Effects

function view(state: CodeState): string {
  return stableStringify([state.phase, state.terminal, state.flags, state.issues]);
}

function refetchReason(
  previous: CodeState,
  next: CodeState,
  observation: Observation,
): RefetchReason | null {
  switch (observation.type) {
    case 'event.received': {
      const type = observation.event.event_type as string;
      const at = normaliseTime(observation.event.occurred_at);
      const snapshot = next.snapshot;
      const newerThanSnapshot = snapshot === null || compareTime(at, snapshot.observedAt) > 0;
      if (!SELF_CONTAINED_EVENTS.has(type)) return newerThanSnapshot ? 'event' : null;
      const implied = STATUS_EVENT_PHASES[type];
      if (implied === undefined || newerThanSnapshot || snapshot === null) return null;
      // An event older than the snapshot but further along the lifecycle than it: the clocks
      // disagree (or the snapshot was served stale), so ask Seam rather than guess.
      const snapshotPhase = derivePhase(snapshot.accessCode, parseTime(next.asOf));
      const impliedStage = STAGE[implied];
      const snapshotStage = STAGE[snapshotPhase];
      return impliedStage !== undefined &&
        snapshotStage !== undefined &&
        impliedStage > snapshotStage
        ? 'conflict'
        : null;
    }
    case 'request.succeeded':
      return observation.operation === 'create' ? null : 'request';
    case 'request.failed':
      return isRefusal(observation.error) ? null : 'request';
    case 'actionAttempt.observed': {
      const id = observation.actionAttempt.action_attempt_id;
      const before = previous.actionAttempts.find((record) => record.actionAttemptId === id);
      const after = next.actionAttempts.find((record) => record.actionAttemptId === id);
      if (after === undefined || after.status === 'pending') return null;
      if (before !== undefined && stableStringify(before) === stableStringify(after)) return null;
      return accessCodeOfAttempt(observation.actionAttempt) === null ? 'action_attempt' : null;
    }
    default:
      return null;
  }
}

function effectsOf(previous: CodeState, next: CodeState, observation: Observation): Effect[] {
  const effects: Effect[] = [];
  const id = next.accessCodeId;
  if (id !== null && !next.terminal) {
    const reason = refetchReason(previous, next, observation);
    if (reason !== null) effects.push({ type: 'refetch', accessCodeId: id, reason });
    if (next.nextCheckAt !== null && next.nextCheckAt !== previous.nextCheckAt) {
      effects.push({ type: 'scheduleCheck', accessCodeId: id, at: next.nextCheckAt });
    }
  }
  if (next.terminal && !previous.terminal) {
    effects.push({
      type: 'stopWatching',
      accessCodeId: id,
      reason: next.phase === 'removed' ? 'removed' : 'rejected',
    });
  }
  if (view(previous) !== view(next)) {
    effects.push({
      type: 'notify',
      accessCodeId: id,
      phase: next.phase,
      previousPhase: previous.phase,
    });
  }
  return effects;
}
