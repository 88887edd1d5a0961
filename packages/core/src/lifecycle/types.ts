import type { AccessCode, ActionAttempt, SeamEvent } from '@seamapi/types/connect';
import type { GuidanceAction, IssueKind, IssueScope } from './guidance-codes.js';

/**
 * What the UI shows for an access code. Not a Seam status: a deterministic reading of the code's
 * snapshot, its events, our own requests and the clock (spec §B8 "Derived UI states").
 */
export type DerivedPhase =
  | 'submitting'
  | 'rejected'
  | 'pending'
  | 'scheduled'
  | 'programming'
  | 'delayed'
  | 'failed'
  | 'awaiting_code'
  | 'active'
  | 'removing'
  | 'removing_failed'
  | 'removed'
  | 'unknown';

/** Every derived phase, in the order of the lifecycle (useful for tables and exhaustive tests). */
export const DERIVED_PHASES: readonly DerivedPhase[] = [
  'submitting',
  'rejected',
  'pending',
  'scheduled',
  'programming',
  'delayed',
  'failed',
  'awaiting_code',
  'active',
  'removing',
  'removing_failed',
  'removed',
  'unknown',
];

/**
 * Phases after which nothing more will happen to the code: `removed` (Seam deleted it) and
 * `rejected` (the create request was refused, so no code exists). `failed` is not terminal: Seam
 * keeps retrying.
 */
export const TERMINAL_PHASES: readonly DerivedPhase[] = ['removed', 'rejected'];

/** The requests we make about a code ourselves. */
export type RequestOperation = 'create' | 'update' | 'delete';

/**
 * Why a request failed, as plain data (errors do not survive `structuredClone` or storage).
 * `status` is the HTTP status, or null when no response arrived (network error, timeout), in which
 * case the outcome of the request is unknown.
 */
export interface RequestFailure {
  /** Seam's `error.type` (e.g. `invalid_input`), or `network_error` / `timeout` when no response came. */
  readonly type: string;
  /** A human message, as Seam or the transport gave it. */
  readonly message: string;
  /** HTTP status, or null when no response arrived. */
  readonly status: number | null;
  /** Per-field messages of an `invalid_input` error (`validation_errors`), or null. */
  readonly fieldErrors?: Readonly<Record<string, readonly string[]>> | null;
}

/** A failure of the transport itself while watching a code (a poll that did not get through). */
export interface TransportFailure {
  /** `network_error`, `timeout`, or Seam's `error.type` when the server answered with an error. */
  readonly type: string;
  /** A human message; it must not contain credentials. */
  readonly message: string;
  /** HTTP status, or null when no response arrived. */
  readonly status: number | null;
}

/** A fresh `access_code` object from `/access_codes/get` or `/access_codes/list`. */
export interface CodeObserved {
  readonly type: 'code.observed';
  readonly accessCode: AccessCode;
  /**
   * When the response arrived (ISO 8601). Prefer the server's clock (the HTTP `date` header) so
   * that snapshots order correctly against events' `occurred_at`.
   */
  readonly observedAt: string;
}

/** Seam answered 404 for the code, or a `list` by `access_code_ids` did not contain it. */
export interface CodeNotFound {
  readonly type: 'code.notFound';
  readonly accessCodeId: string;
  /** When the answer arrived (ISO 8601). */
  readonly observedAt: string;
}

/**
 * A Seam event (from `/events/list`, a webhook relayed over SSE, ...). Relevant are the
 * `access_code.*` events of this code and `lock.unlocked` with its `access_code_id`; others are
 * ignored. Its `occurred_at` is its time.
 */
export interface EventReceived {
  readonly type: 'event.received';
  readonly event: SeamEvent;
}

/** An action attempt returned by a create/update/delete, or polled with `/action_attempts/get`. */
export interface ActionAttemptObserved {
  readonly type: 'actionAttempt.observed';
  readonly actionAttempt: ActionAttempt;
  /** When it was observed (ISO 8601). */
  readonly observedAt: string;
}

/** We sent a create, update or delete request for the code. */
export interface RequestStarted {
  readonly type: 'request.started';
  /** Unique per request (not per retry of the same intent: a retry is a new request). */
  readonly requestId: string;
  readonly operation: RequestOperation;
  /** When it was sent (ISO 8601). */
  readonly observedAt: string;
}

/** Seam accepted our request. */
export interface RequestSucceeded {
  readonly type: 'request.succeeded';
  readonly requestId: string;
  readonly operation: RequestOperation;
  /** When the response arrived (ISO 8601). */
  readonly observedAt: string;
  /** The `access_code` of the response: required for `create`, absent for update and delete. */
  readonly accessCode?: AccessCode | null;
  /** The `action_attempt` of the response, when there was one. */
  readonly actionAttempt?: ActionAttempt | null;
}

/** Our request failed: refused by Seam (4xx), or its outcome is unknown (5xx, network, timeout). */
export interface RequestFailed {
  readonly type: 'request.failed';
  readonly requestId: string;
  readonly operation: RequestOperation;
  /** When the failure was seen (ISO 8601). */
  readonly observedAt: string;
  readonly error: RequestFailure;
}

/** A read about the code (poll, event fetch) failed in transport. */
export interface TransportFailed {
  readonly type: 'transport.failed';
  /** When it failed (ISO 8601). */
  readonly observedAt: string;
  readonly error: TransportFailure;
}

/** Everything `transition` accepts. Each carries its own time; the machine never reads a clock. */
export type Observation =
  | CodeObserved
  | CodeNotFound
  | EventReceived
  | ActionAttemptObserved
  | RequestStarted
  | RequestSucceeded
  | RequestFailed
  | TransportFailed;

/** The `type` of every observation, for validation messages and exhaustive tests. */
export const OBSERVATION_TYPES: readonly Observation['type'][] = [
  'code.observed',
  'code.notFound',
  'event.received',
  'actionAttempt.observed',
  'request.started',
  'request.succeeded',
  'request.failed',
  'transport.failed',
];

/** Why the runtime should fetch the code again. */
export type RefetchReason =
  /** An event says something the snapshot does not carry (new errors, a change, a backup code). */
  | 'event'
  /** An event older than the snapshot disagrees with it: the clocks may be skewed, so ask Seam. */
  | 'conflict'
  /** Our update or delete was accepted, or its outcome is unknown: see where the code went. */
  | 'request'
  /** An action attempt finished: the code's own state is the truth (spec §B10). */
  | 'action_attempt';

/**
 * Work for a runtime (the verifier) to do after a transition. Effects are data: `transition` never
 * performs them. They are ordered: refetch, scheduleCheck, stopWatching, notify.
 */
export type Effect =
  /** Fetch the code again soon (batch it with the other codes of the same tick). */
  | { readonly type: 'refetch'; readonly accessCodeId: string; readonly reason: RefetchReason }
  /** Nothing will change by time before `at`; check the code then (a poller may sleep until then). */
  | { readonly type: 'scheduleCheck'; readonly accessCodeId: string; readonly at: string }
  /** The code reached a terminal phase: stop polling it and drop its event filters. */
  | {
      readonly type: 'stopWatching';
      readonly accessCodeId: string | null;
      readonly reason: 'removed' | 'rejected';
    }
  /** What the UI shows changed (phase, flags or issues): tell the listeners. */
  | {
      readonly type: 'notify';
      readonly accessCodeId: string | null;
      readonly phase: DerivedPhase;
      readonly previousPhase: DerivedPhase;
    }
  /** The observation was malformed and was not applied; `message` says what to fix. */
  | { readonly type: 'invalidObservation'; readonly message: string };

/** A problem shown beside the phase: a Seam error or warning, or one of our own requests' failure. */
export interface CodeIssue {
  readonly kind: IssueKind;
  /** Seam's `error_code` / `warning_code`, or our code for request and transport failures. */
  readonly code: string;
  readonly scope: IssueScope;
  /** Seam's `message` (or the transport's); the UI shows it when the guidance is generic. */
  readonly message: string;
  /** Seam's `created_at` of the error or warning, when it has one. */
  readonly createdAt: string | null;
  /** Where we learnt it: the snapshot, an event newer than the snapshot, a request, ... */
  readonly source: 'snapshot' | 'event' | 'request' | 'action_attempt' | 'transport';
  /** Key into `GUIDANCE` (stable across releases, for localisation). */
  readonly guidanceKey: string;
  /** The action that helps now (the fallback when the preferred one is impossible, e.g. no backup). */
  readonly action: GuidanceAction;
}

/** Facts shown beside the phase. */
export interface CodeFlags {
  /** The lock reported an unlock with this code (`lock.unlocked` with its `access_code_id`). */
  readonly used: boolean;
  readonly firstUsedAt: string | null;
  readonly lastUsedAt: string | null;
  /** The code was changed outside Seam and that is the latest word on it. */
  readonly externallyModified: boolean;
  /** The code was deleted outside Seam and no newer snapshot has been seen since. */
  readonly externallyDeleted: boolean;
  /** The backup code pulled for this code, if any (spec §B13). */
  readonly backupAccessCodeId: string | null;
  /** Seam says a backup code could be pulled for this code. */
  readonly backupAvailable: boolean;
  /** This code is itself a backup code. */
  readonly isBackup: boolean;
  /** The latest read about the code failed in transport; what we show may be out of date. */
  readonly connectionDegraded: boolean;
}

/** One line of the code's history, for a UI timeline. `key` identifies the line. */
export type TimelineEntry =
  | {
      readonly kind: 'request';
      readonly key: string;
      readonly at: string;
      readonly operation: RequestOperation;
      readonly outcome: 'started' | 'succeeded' | 'failed';
      readonly errorType: string | null;
    }
  | {
      /** A status of the code as seen in snapshots: first seen `at`, last seen `lastAt`. */
      readonly kind: 'status';
      readonly key: string;
      readonly at: string;
      readonly lastAt: string;
      readonly status: AccessCode['status'];
    }
  | {
      readonly kind: 'event';
      readonly key: string;
      readonly at: string;
      readonly eventType: string;
    }
  | { readonly kind: 'not_found'; readonly key: string; readonly at: string }
  | {
      readonly kind: 'action_attempt';
      readonly key: string;
      readonly at: string;
      readonly actionType: string;
      readonly status: 'pending' | 'success' | 'error';
    };

/** What we know of one of our requests. */
export interface RequestRecord {
  readonly requestId: string;
  readonly operation: RequestOperation;
  /** When it was sent, or null if only its outcome has been observed so far. */
  readonly startedAt: string | null;
  readonly outcome:
    | { readonly ok: true; readonly at: string }
    | { readonly ok: false; readonly at: string; readonly error: RequestFailure }
    | null;
}

/** What we know of one action attempt. */
export interface ActionAttemptRecord {
  readonly actionAttemptId: string;
  readonly actionType: string;
  readonly status: 'pending' | 'success' | 'error';
  /** When this status was first observed. */
  readonly observedAt: string;
  readonly errorType: string | null;
  readonly errorMessage: string | null;
}

/**
 * Everything known about one access code. Plain JSON: store it, send it between contexts, and
 * restore it with `parseCodeState`.
 *
 * The state is a join of what was observed: every field below `snapshot` keeps the newest (or, for
 * first-seen times, the oldest) value by time, so observations may arrive in any order and any
 * number of times. `phase`, `terminal`, `issues`, `flags` and `nextCheckAt` are derived from them.
 */
export interface CodeState {
  /** Bumped when the shape changes, so a stored state of another shape is recognised. */
  readonly schemaVersion: 1;
  /** The code this state follows; null while its create request has not been answered. */
  readonly accessCodeId: string | null;
  readonly deviceId: string | null;
  /** The latest time of any observation applied: the "now" of the derived fields. */
  readonly asOf: string | null;
  readonly phase: DerivedPhase;
  readonly terminal: boolean;
  readonly flags: CodeFlags;
  readonly issues: readonly CodeIssue[];
  /**
   * The next moment the phase is due to change by time alone (72 h or 60 min before `starts_at`,
   * `starts_at`, `ends_at`), or null. A poller may sleep until then when nothing else is pending.
   */
  readonly nextCheckAt: string | null;
  /** The newest snapshot, and when it was observed. */
  readonly snapshot: { readonly accessCode: AccessCode; readonly observedAt: string } | null;
  /** The newest event that says where the code is (set, scheduled, delayed, failed, ...). */
  readonly statusEvent: {
    readonly eventId: string;
    readonly eventType: string;
    readonly occurredAt: string;
  } | null;
  /** The earliest evidence that the code is gone (404, `deleted`, `removed_from_device`). */
  readonly removal: {
    readonly at: string;
    readonly evidence: 'not_found' | 'event' | 'request';
  } | null;
  /** The newest times the code was changed or deleted outside Seam. */
  readonly external: { readonly modifiedAt: string | null; readonly deletedAt: string | null };
  /** The pulled backup code, by the newest report of it. */
  readonly backup: { readonly accessCodeId: string; readonly at: string } | null;
  /** The newest successful and failed contacts with Seam about this code. */
  readonly connection: {
    readonly lastOkAt: string | null;
    readonly lastFailure: { readonly at: string; readonly error: TransportFailure } | null;
  };
  /** Our recent requests, oldest first (bounded). */
  readonly requests: readonly RequestRecord[];
  /** Recent action attempts, oldest first (bounded). */
  readonly actionAttempts: readonly ActionAttemptRecord[];
  /** Ids of events already applied, oldest first (bounded), to drop duplicates. */
  readonly seenEvents: readonly { readonly id: string; readonly at: string }[];
  /** What happened when, oldest first (bounded). */
  readonly timeline: readonly TimelineEntry[];
}
