/**
 * Properties of `transition` over generated histories of one code: any permutation and any
 * duplication of its observations ends in the same state as the ordered sequence; states survive
 * JSON; malformed input never throws.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AccessCode, ActionAttempt, SeamEvent } from '@seamapi/types/connect';
import {
  OBSERVATION_TYPES,
  initialCodeState,
  parseCodeState,
  transition,
  transitionAll,
  type CodeState,
  type Observation,
  type RequestOperation,
} from '../../src/lifecycle/index.js';
import {
  BACKUP_CODE_ID,
  CODE_ID,
  accessCode,
  accessCodeEvent,
  accountDisconnected,
  actionAttempt,
  at,
  codeError,
  codeWarning,
  deviceError,
  uuid,
} from './fixtures.js';

// Times on a coarse grid of minutes, so that many observations share a moment.
const minute = fc.integer({ min: -20, max: 20 }).map((n) => n / 2);

const ERRORS = [
  () => codeError('failed_to_set_on_device'),
  () => codeError('failed_to_remove_from_device'),
  () => codeError('code_modified_external_to_seam'),
  () => codeError('no_space_for_access_code_on_device'),
  () => codeError('august_device_programming_delay'),
  () => deviceError('device_offline'),
  () => accountDisconnected(),
];
const WARNINGS = [
  () => codeWarning('delay_in_setting_on_device'),
  () => codeWarning('delay_in_removing_from_device'),
  () => codeWarning('code_modified_external_to_seam'),
  () => codeWarning('third_party_integration_detected'),
];

const snapshotArb: fc.Arbitrary<AccessCode> = fc
  .record({
    status: fc.constantFrom('setting', 'set', 'unset', 'removing', 'unknown' as const),
    window: fc.option(
      fc.record({
        starts: fc.integer({ min: -3000, max: 6000 }),
        length: fc.integer({ min: 30, max: 6000 }),
      }),
    ),
    errors: fc.subarray(ERRORS, { maxLength: 2 }),
    warnings: fc.subarray(WARNINGS, { maxLength: 2 }),
    scheduled: fc.boolean(),
    waiting: fc.boolean(),
    backupAvailable: fc.boolean(),
    pulledBackup: fc.boolean(),
    allowed: fc.boolean(),
  })
  .map((draw) =>
    accessCode({
      status: draw.status,
      ...(draw.window === null
        ? { type: 'ongoing' as const, starts_at: null, ends_at: null }
        : {
            type: 'time_bound' as const,
            starts_at: at(draw.window.starts),
            ends_at: at(draw.window.starts + draw.window.length),
          }),
      errors: draw.errors.map((make) => make()),
      warnings: draw.warnings.map((make) => make()),
      is_scheduled_on_device: draw.scheduled,
      is_waiting_for_code_assignment: draw.waiting,
      code: draw.waiting ? null : '482913',
      is_backup_access_code_available: draw.backupAvailable,
      pulled_backup_access_code_id: draw.pulledBackup ? BACKUP_CODE_ID : null,
      is_external_modification_allowed: draw.allowed,
    }),
  );

const REMOVAL_EVENT_TYPES = ['access_code.removed_from_device'];
const EVENT_TYPES = [
  'access_code.created',
  'access_code.changed',
  'access_code.scheduled_on_device',
  'access_code.set_on_device',
  'access_code.delay_in_setting_on_device',
  'access_code.failed_to_set_on_device',
  'access_code.removed_from_device',
  'access_code.delay_in_removing_from_device',
  'access_code.failed_to_remove_from_device',
  'access_code.deleted',
  'access_code.modified_external_to_seam',
  'access_code.deleted_external_to_seam',
  'access_code.backup_access_code_pulled',
  'lock.unlocked',
];

/** Ids fix what they stand for: one event per id, one operation per request id, ... */
const ATTEMPT_TYPES = ['CREATE_ACCESS_CODE', 'UPDATE_ACCESS_CODE', 'DELETE_ACCESS_CODE'] as const;
const REQUEST_OPERATIONS: RequestOperation[] = ['create', 'update', 'delete', 'update'];

const attemptArb: fc.Arbitrary<ActionAttempt> = fc
  .record({
    index: fc.integer({ min: 0, max: 2 }),
    status: fc.constantFrom('pending', 'success', 'error' as const),
    errorType: fc.constantFrom('uncategorized_error', 'action_attempt_expired'),
    withCode: fc.option(snapshotArb),
  })
  .map(({ index, status, errorType, withCode }) => {
    const actionType = ATTEMPT_TYPES[index] ?? 'CREATE_ACCESS_CODE';
    const result =
      withCode !== null && actionType !== 'DELETE_ACCESS_CODE' ? { access_code: withCode } : {};
    return actionAttempt(actionType, status, { id: uuid(0xa00 + index), result, errorType });
  });

const failureArb = fc.constantFrom(
  { type: 'invalid_input', message: 'bad', status: 400 },
  { type: 'access_code_not_found', message: 'gone', status: 404 },
  { type: 'rate_limited', message: 'slow down', status: 429 },
  { type: 'server_error', message: 'oops', status: 503 },
  { type: 'network_error', message: 'offline', status: null },
  { type: 'timeout', message: 'slow', status: null },
);

/** One observation about CODE_ID; events get their ids later, by position. */
const observationArb: fc.Arbitrary<Observation | { pendingEvent: string; minutes: number }> =
  fc.oneof(
    {
      arbitrary: fc
        .record({ snapshot: snapshotArb, minutes: minute })
        .map(({ snapshot, minutes }): Observation => ({
          type: 'code.observed',
          accessCode: snapshot,
          observedAt: at(minutes),
        })),
      weight: 6,
    },
    {
      arbitrary: minute.map((minutes): Observation => ({
        type: 'code.notFound',
        accessCodeId: CODE_ID,
        observedAt: at(minutes),
      })),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        pendingEvent: fc.constantFrom(
          ...EVENT_TYPES.filter((type) => !REMOVAL_EVENT_TYPES.includes(type)),
        ),
        minutes: minute,
      }),
      weight: 6,
    },
    // Removal is absorbing: keep it rare enough that most histories end elsewhere.
    {
      arbitrary: fc.record({
        pendingEvent: fc.constantFrom(...REMOVAL_EVENT_TYPES),
        minutes: minute,
      }),
      weight: 1,
    },
    {
      arbitrary: fc
        .record({ attempt: attemptArb, minutes: minute })
        .map(({ attempt, minutes }): Observation => ({
          type: 'actionAttempt.observed',
          actionAttempt: attempt,
          observedAt: at(minutes),
        })),
      weight: 2,
    },
    {
      arbitrary: fc
        .record({
          index: fc.integer({ min: 0, max: 3 }),
          kind: fc.constantFrom('started', 'succeeded', 'failed'),
          minutes: minute,
          snapshot: snapshotArb,
          attempt: fc.option(attemptArb),
          failure: failureArb,
        })
        .map(({ index, kind, minutes, snapshot, attempt, failure }): Observation => {
          const requestId = `request-${index}`;
          const operation = REQUEST_OPERATIONS[index] ?? 'update';
          const observedAt = at(minutes);
          if (kind === 'started')
            return { type: 'request.started', requestId, operation, observedAt };
          if (kind === 'failed') {
            return { type: 'request.failed', requestId, operation, observedAt, error: failure };
          }
          return {
            type: 'request.succeeded',
            requestId,
            operation,
            observedAt,
            accessCode: operation === 'create' ? snapshot : null,
            actionAttempt: attempt,
          };
        }),
      weight: 3,
    },
    {
      arbitrary: fc
        .record({ minutes: minute, failure: failureArb })
        .map(({ minutes, failure }): Observation => ({
          type: 'transport.failed',
          observedAt: at(minutes),
          error: failure,
        })),
      weight: 1,
    },
  );

/** A history of one code: at most 16 observations, so it fits the state's bounds. */
const historyArb: fc.Arbitrary<Observation[]> = fc
  .array(observationArb, { minLength: 1, maxLength: 16 })
  .map((drawn) =>
    drawn.map((item, index): Observation => {
      if (!('pendingEvent' in item)) return item;
      const event: SeamEvent = accessCodeEvent(item.pendingEvent, item.minutes, {
        eventId: uuid(0xe000 + index),
      });
      return { type: 'event.received', event };
    }),
  );

function timeOf(observation: Observation): number {
  return Date.parse(
    observation.type === 'event.received' ? observation.event.occurred_at : observation.observedAt,
  );
}

/** The history in the order things happened (stable for ties). */
function ordered(history: Observation[]): Observation[] {
  return [...history].sort((a, b) => timeOf(a) - timeOf(b));
}

/** A shuffle of the history with some observations repeated. */
const scrambledArb = historyArb.chain((history) =>
  fc
    .tuple(
      fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length }),
      fc.array(fc.integer({ min: 0, max: history.length - 1 }), { maxLength: 8 }),
      fc.array(fc.nat(), { maxLength: 8 }),
    )
    .map(([shuffled, repeats, positions]) => {
      const scrambled = [...shuffled];
      repeats.forEach((index, n) => {
        const position = (positions[n] ?? 0) % (scrambled.length + 1);
        scrambled.splice(position, 0, history[index] as Observation);
      });
      return { history, scrambled };
    }),
);

const startArb = fc.constantFrom(CODE_ID, null);

describe('order and repetition do not matter', () => {
  it('any permutation and duplication ends in the same state as the ordered sequence', () => {
    fc.assert(
      fc.property(scrambledArb, startArb, ({ history, scrambled }, id) => {
        const [expected] = transitionAll(initialCodeState(id), ordered(history));
        const [actual, effects] = transitionAll(initialCodeState(id), scrambled);
        expect(effects.filter((effect) => effect.type === 'invalidObservation')).toEqual([]);
        expect(actual).toStrictEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('applying an observation a second time changes nothing', () => {
    fc.assert(
      fc.property(historyArb, startArb, (history, id) => {
        const [state] = transitionAll(initialCodeState(id), history);
        for (const observation of history) {
          const [again] = transition(state, observation);
          expect(again).toStrictEqual(state);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('an older snapshot never replaces a newer one', () => {
    fc.assert(
      fc.property(snapshotArb, snapshotArb, minute, minute, (first, second, t1, t2) => {
        fc.pre(t1 !== t2);
        const early = {
          type: 'code.observed',
          accessCode: first,
          observedAt: at(Math.min(t1, t2)),
        } as const;
        const late = {
          type: 'code.observed',
          accessCode: second,
          observedAt: at(Math.max(t1, t2)),
        } as const;
        for (const sequence of [
          [early, late],
          [late, early],
        ]) {
          const [state] = transitionAll(initialCodeState(CODE_ID), sequence);
          expect(state.snapshot).toStrictEqual({ accessCode: second, observedAt: late.observedAt });
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('states are plain JSON', () => {
  function hasNoUndefined(value: unknown, path = 'state'): void {
    if (value === undefined) throw new Error(`${path} is undefined`);
    if (Array.isArray(value))
      value.forEach((item, index) => hasNoUndefined(item, `${path}[${index}]`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) hasNoUndefined(item, `${path}.${key}`);
    }
  }

  it('survive JSON and structuredClone unchanged, and continue the same way', () => {
    fc.assert(
      fc.property(historyArb, observationArb, startArb, (history, extra, id) => {
        const [state] = transitionAll(initialCodeState(id), history);
        hasNoUndefined(state);
        const json = JSON.parse(JSON.stringify(state)) as CodeState;
        expect(json).toStrictEqual(state);
        expect(structuredClone(state)).toStrictEqual(state);
        expect(parseCodeState(json)).toStrictEqual(state);
        if (!('pendingEvent' in extra)) {
          expect(transition(json, extra)).toStrictEqual(transition(state, extra));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('transition is total', () => {
  const state = transitionAll(initialCodeState(CODE_ID), [
    { type: 'code.observed', accessCode: accessCode({ status: 'setting' }), observedAt: at(0) },
  ])[0];

  it('never throws on arbitrary values, and leaves the state alone when it refuses one', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const [next, effects] = transition(state, value as Observation);
        if (effects.some((effect) => effect.type === 'invalidObservation')) {
          expect(next).toBe(state);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on observations of a known type with arbitrary fields', () => {
    const looseObservation = fc.record(
      {
        type: fc.constantFrom(...OBSERVATION_TYPES),
        observedAt: fc.oneof(minute.map(at), fc.string()),
        accessCode: fc.oneof(
          snapshotArb,
          fc.dictionary(
            fc.constantFrom('access_code_id', 'status', 'errors', 'warnings', 'type', 'ends_at'),
            fc.anything(),
          ),
        ),
        accessCodeId: fc.oneof(fc.constant(CODE_ID), fc.anything()),
        event: fc.oneof(
          fc.constantFrom(...EVENT_TYPES).map((type) => accessCodeEvent(type, 1)),
          fc.dictionary(
            fc.constantFrom('event_id', 'event_type', 'occurred_at', 'access_code_id'),
            fc.anything(),
          ),
        ),
        actionAttempt: fc.oneof(attemptArb, fc.anything()),
        requestId: fc.oneof(fc.string(), fc.anything()),
        operation: fc.oneof(fc.constantFrom('create', 'update', 'delete'), fc.anything()),
        error: fc.oneof(failureArb, fc.anything()),
      },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(looseObservation, (value) => {
        const [next, effects] = transition(state, value as unknown as Observation);
        expect(next.schemaVersion).toBe(1);
        for (const effect of effects) expect(typeof effect.type).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
