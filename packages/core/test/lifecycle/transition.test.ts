import { describe, expect, it } from 'vitest';
import type { SeamEvent } from '@seamapi/types/connect';
import {
  LIFECYCLE_LIMITS,
  LifecycleStateError,
  REQUEST_STALE_MS,
  codeStateFrom,
  initialCodeState,
  parseCodeState,
  transition,
  transitionAll,
  type CodeState,
  type Effect,
  type Observation,
} from '../../src/lifecycle/index.js';
import {
  BACKUP_CODE_ID,
  CODE_ID,
  DAY,
  HOUR,
  OTHER_CODE_ID,
  accessCode,
  accessCodeEvent,
  actionAttempt,
  at,
  codeError,
  codeWarning,
  deviceError,
  timeBound,
  uuid,
} from './fixtures.js';

const observed = (code: ReturnType<typeof accessCode>, minutes: number): Observation => ({
  type: 'code.observed',
  accessCode: code,
  observedAt: at(minutes),
});
const event = (type: string, minutes: number, options = {}): Observation => ({
  type: 'event.received',
  event: accessCodeEvent(type, minutes, options),
});
const types = (effects: Effect[]) => effects.map((effect) => effect.type);

/** Applies observations one by one, collecting each step's phase and effect types. */
function walk(state: CodeState, observations: Observation[]) {
  const steps: { phase: string; effects: string[] }[] = [];
  let current = state;
  for (const observation of observations) {
    const [next, effects] = transition(current, observation);
    steps.push({ phase: next.phase, effects: types(effects) });
    current = next;
  }
  return { state: current, steps };
}

describe('a just-in-time code from create to removal', () => {
  // Starts in 2 days, lasts 3: Seam programs it 60 min before the start, removes it at the end.
  const window = { starts: 2 * 24 * 60, length: 3 * 24 * 60 };
  const code = (overrides: Parameters<typeof accessCode>[0]) =>
    timeBound(window.starts, window.length, overrides);

  it('walks submitting → pending → programming → active → removing → removed', () => {
    const { state, steps } = walk(initialCodeState(), [
      { type: 'request.started', requestId: 'create-1', operation: 'create', observedAt: at(0) },
      {
        type: 'request.succeeded',
        requestId: 'create-1',
        operation: 'create',
        observedAt: at(0.5),
        accessCode: code({ status: 'unset' }),
        actionAttempt: actionAttempt('CREATE_ACCESS_CODE', 'pending'),
      },
      observed(code({ status: 'setting' }), window.starts - 60),
      event('access_code.set_on_device', window.starts - 59),
      observed(code({ status: 'removing' }), window.starts + window.length),
      event('access_code.removed_from_device', window.starts + window.length + 1),
    ]);
    expect(steps).toEqual([
      { phase: 'submitting', effects: ['notify'] },
      { phase: 'pending', effects: ['scheduleCheck', 'notify'] },
      { phase: 'programming', effects: ['scheduleCheck', 'notify'] },
      { phase: 'active', effects: ['scheduleCheck', 'notify'] },
      { phase: 'removing', effects: ['notify'] },
      { phase: 'removed', effects: ['stopWatching', 'notify'] },
    ]);
    expect(state.accessCodeId).toBe(CODE_ID);
    expect(state.terminal).toBe(true);
    expect(state.issues).toEqual([]);
    expect(state.timeline.map((entry) => entry.key)).toEqual([
      'request:create-1:started',
      // Lines of the same moment are ordered by key, the same way every time.
      'attempt:00000000-0000-4000-8000-0000000000aa:pending',
      'request:create-1:succeeded',
      'status:unset',
      'status:setting',
      `event:${state.seenEvents[0]?.id}`,
      'status:removing',
      `event:${state.seenEvents[1]?.id}`,
    ]);
  });

  it('sleeps until each moment the code is due to change', () => {
    const startsMs = Date.parse(at(window.starts));
    const [pending, effects] = transition(
      initialCodeState(CODE_ID),
      observed(code({ status: 'unset' }), 0),
    );
    // Native preload would happen 72 h before the start, which is already past: next is JIT.
    expect(pending.nextCheckAt).toBe(new Date(startsMs - HOUR).toISOString());
    expect(effects).toContainEqual({
      type: 'scheduleCheck',
      accessCodeId: CODE_ID,
      at: pending.nextCheckAt,
    });
    const far = codeStateFrom(timeBound(10 * 24 * 60, 60, { status: 'unset' }), at(0));
    expect(far.nextCheckAt).toBe(new Date(Date.parse(at(10 * 24 * 60)) - 3 * DAY).toISOString());
    const active = codeStateFrom(code({ status: 'set' }), at(window.starts));
    expect(active.nextCheckAt).toBe(at(window.starts + window.length));
  });
});

describe('a natively scheduled code', () => {
  it('is scheduled after the preload event and active after set_on_device at the start', () => {
    const starts = 3 * 24 * 60;
    const { steps } = walk(codeStateFrom(timeBound(starts, 120, { status: 'unset' }), at(0)), [
      event('access_code.scheduled_on_device', 1),
      observed(timeBound(starts, 120, { status: 'unset', is_scheduled_on_device: true }), 2),
      event('access_code.set_on_device', starts),
    ]);
    expect(steps.map((step) => step.phase)).toEqual(['scheduled', 'scheduled', 'active']);
  });
});

describe('ordering and duplicates', () => {
  const base = codeStateFrom(accessCode({ status: 'setting' }), at(0));

  it('ignores an event it has already applied, returning the very same state', () => {
    const setEvent = event('access_code.set_on_device', 1);
    const [once] = transition(base, setEvent);
    const [twice, effects] = transition(once, setEvent);
    expect(twice).toBe(once);
    expect(effects).toEqual([]);
  });

  it('never lets an older snapshot overwrite a newer one', () => {
    const [newer] = transition(base, observed(accessCode({ status: 'set' }), 5));
    const [after] = transition(newer, observed(accessCode({ status: 'setting' }), 3));
    expect(after.snapshot?.accessCode.status).toBe('set');
    expect(after.snapshot?.observedAt).toBe(at(5));
    expect(after.phase).toBe('active');
  });

  it('lets a snapshot observed after an event win, and an event after a snapshot win', () => {
    const failed = event('access_code.failed_to_set_on_device', 1);
    const [afterEvent] = transition(base, failed);
    expect(afterEvent.phase).toBe('failed');
    const [afterSnapshot] = transition(afterEvent, observed(accessCode({ status: 'set' }), 2));
    expect(afterSnapshot.phase).toBe('active');
    expect(afterSnapshot.issues).toEqual([]);
  });

  it('asks Seam when an older event is further along than the snapshot (skewed clocks)', () => {
    const [state, effects] = transition(base, event('access_code.set_on_device', -0.1));
    expect(state.phase).toBe('programming');
    expect(effects).toEqual([{ type: 'refetch', accessCodeId: CODE_ID, reason: 'conflict' }]);
  });

  it('takes an older event that is merely behind the snapshot without a refetch', () => {
    const set = codeStateFrom(accessCode({ status: 'set' }), at(10));
    const [state, effects] = transition(set, event('access_code.delay_in_setting_on_device', 5));
    expect(state.phase).toBe('active');
    expect(effects).toEqual([]);
  });

  it('two different outcomes reported for one request at one instant end the same either way', () => {
    const failed = (error: { type: string; message: string; status: number | null }) =>
      ({
        type: 'request.failed',
        requestId: 'd1',
        operation: 'delete',
        observedAt: at(1),
        error,
      }) as const;
    const timeout = failed({ type: 'timeout', message: 'slow', status: null });
    const refused = failed({ type: 'invalid_input', message: 'bad', status: 400 });
    const active = codeStateFrom(accessCode({ status: 'set' }), at(0));
    const [one] = transitionAll(active, [timeout, refused]);
    const [other] = transitionAll(active, [refused, timeout]);
    expect(one).toStrictEqual(other);
  });

  it('ignores observations about another code', () => {
    for (const observation of [
      observed(accessCode({ access_code_id: OTHER_CODE_ID }), 1),
      event('access_code.set_on_device', 1, { accessCodeId: OTHER_CODE_ID }),
      event('lock.unlocked', 1, { accessCodeId: OTHER_CODE_ID }),
      { type: 'code.notFound', accessCodeId: OTHER_CODE_ID, observedAt: at(1) } as Observation,
    ]) {
      const [state, effects] = transition(base, observation);
      expect(state).toBe(base);
      expect(effects).toEqual([]);
    }
  });

  it('ignores events that name no code (device and account events are the runtime’s)', () => {
    const unlockedByHand = accessCodeEvent('lock.unlocked', 1, {
      extra: { access_code_id: undefined, method: 'manual' },
    });
    const [state, effects] = transition(base, { type: 'event.received', event: unlockedByHand });
    expect(state).toBe(base);
    expect(effects).toEqual([]);
  });

  it('bounds the event ids and the timeline, keeping the newest', () => {
    const unlocks = Array.from({ length: 200 }, (_, index) => event('lock.unlocked', index + 1));
    const [state] = transitionAll(base, unlocks);
    expect(state.seenEvents).toHaveLength(LIFECYCLE_LIMITS.seenEvents);
    expect(state.timeline).toHaveLength(LIFECYCLE_LIMITS.timeline);
    expect(state.timeline.at(-1)?.at).toBe(at(200));
    expect(state.flags).toMatchObject({ used: true, firstUsedAt: at(1), lastUsedAt: at(200) });
  });
});

describe('requests', () => {
  const active = codeStateFrom(accessCode({ status: 'set' }), at(0));

  it('shows an update as submitting, then programming once accepted, then what Seam says', () => {
    const { steps } = walk(active, [
      { type: 'request.started', requestId: 'u1', operation: 'update', observedAt: at(1) },
      { type: 'request.succeeded', requestId: 'u1', operation: 'update', observedAt: at(1.2) },
      observed(accessCode({ status: 'setting', code: '111222' }), 2),
      event('access_code.set_on_device', 3),
    ]);
    expect(steps).toEqual([
      { phase: 'submitting', effects: ['notify'] },
      { phase: 'programming', effects: ['refetch', 'notify'] },
      { phase: 'programming', effects: [] },
      { phase: 'active', effects: ['notify'] },
    ]);
  });

  it('stops holding a request in flight once it is older than REQUEST_STALE_MS', () => {
    const [sent] = transition(active, {
      type: 'request.started',
      requestId: 'u1',
      operation: 'update',
      observedAt: at(1),
    });
    const later = (REQUEST_STALE_MS + 60_000) / 60_000;
    const [polled] = transition(sent, observed(accessCode({ status: 'set' }), 1 + later));
    expect(sent.phase).toBe('submitting');
    expect(polled.phase).toBe('active');
  });

  it('deletes: removing while in flight and after, removed on 404', () => {
    const { steps, state } = walk(active, [
      { type: 'request.started', requestId: 'd1', operation: 'delete', observedAt: at(1) },
      {
        type: 'request.succeeded',
        requestId: 'd1',
        operation: 'delete',
        observedAt: at(1.5),
        actionAttempt: actionAttempt('DELETE_ACCESS_CODE', 'pending', { id: uuid(0xd1) }),
      },
      observed(accessCode({ status: 'removing' }), 2),
      { type: 'code.notFound', accessCodeId: CODE_ID, observedAt: at(3) },
    ]);
    expect(steps).toEqual([
      { phase: 'removing', effects: ['notify'] },
      { phase: 'removing', effects: ['refetch'] },
      { phase: 'removing', effects: [] },
      { phase: 'removed', effects: ['stopWatching', 'notify'] },
    ]);
    expect(state.removal).toEqual({ at: at(3), evidence: 'not_found' });
  });

  // A poll answered in the same millisecond as our request cannot reflect it: it raced with it.
  describe('an accepted request against a snapshot of the same instant', () => {
    const accepted = (operation: 'update' | 'delete'): Observation[] => [
      { type: 'request.started', requestId: 'r1', operation, observedAt: at(1) },
      { type: 'request.succeeded', requestId: 'r1', operation, observedAt: at(2) },
    ];
    const racingPoll = observed(accessCode({ status: 'set' }), 2);

    for (const [operation, phase] of [
      ['delete', 'removing'],
      ['update', 'programming'],
    ] as const) {
      it(`an accepted ${operation} is newer news than the snapshot, whichever arrives first`, () => {
        const [pollFirst] = transitionAll(active, [racingPoll, ...accepted(operation)]);
        const [requestFirst] = transitionAll(active, [...accepted(operation), racingPoll]);
        expect(pollFirst.phase).toBe(phase);
        expect(requestFirst).toStrictEqual(pollFirst);
      });
    }

    it('a snapshot a moment later still decides', () => {
      const [state] = transitionAll(active, [
        ...accepted('delete'),
        observed(accessCode({ status: 'set' }), 2.001),
      ]);
      expect(state.phase).toBe('active');
    });

    it('a failed delete attempt reported at that instant beats the acceptance it follows', () => {
      const [state] = transitionAll(active, [
        ...accepted('delete'),
        racingPoll,
        {
          type: 'actionAttempt.observed',
          actionAttempt: actionAttempt('DELETE_ACCESS_CODE', 'error', { id: uuid(0xd2) }),
          observedAt: at(2),
        },
      ]);
      expect(state.phase).toBe('removing_failed');
    });
  });

  it('takes access_code_not_found on a delete as proof the code is gone', () => {
    const [state, effects] = transition(active, {
      type: 'request.failed',
      requestId: 'd1',
      operation: 'delete',
      observedAt: at(1),
      error: { type: 'access_code_not_found', message: 'Access code not found', status: 404 },
    });
    expect(state.phase).toBe('removed');
    expect(types(effects)).toEqual(['stopWatching', 'notify']);
  });

  it('a refused delete leaves the code active and says why', () => {
    const [state, effects] = transition(active, {
      type: 'request.failed',
      requestId: 'd1',
      operation: 'delete',
      observedAt: at(1),
      error: { type: 'rate_limited', message: 'Too many requests', status: 429 },
    });
    expect(state.phase).toBe('active');
    expect(state.issues).toEqual([
      expect.objectContaining({ scope: 'request', code: 'rate_limited', action: 'retry_later' }),
    ]);
    expect(types(effects)).toEqual(['notify']);
  });

  it('a create whose answer was lost is unknown, not rejected, and can still be adopted', () => {
    const { steps, state } = walk(initialCodeState(), [
      { type: 'request.started', requestId: 'c1', operation: 'create', observedAt: at(0) },
      {
        type: 'request.failed',
        requestId: 'c1',
        operation: 'create',
        observedAt: at(0.2),
        error: { type: 'network_error', message: 'socket hang up', status: null },
      },
      observed(accessCode({ status: 'setting' }), 0.5),
    ]);
    expect(steps).toEqual([
      { phase: 'submitting', effects: ['notify'] },
      { phase: 'unknown', effects: ['notify'] },
      { phase: 'programming', effects: ['notify'] },
    ]);
    expect(state.accessCodeId).toBe(CODE_ID);
    expect(state.terminal).toBe(false);
  });

  it('a refused create is rejected and terminal with no code to stop watching', () => {
    const [state, effects] = transitionAll(initialCodeState(), [
      { type: 'request.started', requestId: 'c1', operation: 'create', observedAt: at(0) },
      {
        type: 'request.failed',
        requestId: 'c1',
        operation: 'create',
        observedAt: at(0.2),
        error: { type: 'device_not_found', message: 'Device not found', status: 404 },
      },
    ]);
    expect(state.phase).toBe('rejected');
    expect(effects).toContainEqual({
      type: 'stopWatching',
      accessCodeId: null,
      reason: 'rejected',
    });
    expect(state.issues[0]).toMatchObject({ guidanceKey: 'request.error.device_not_found' });
  });
});

describe('action attempts', () => {
  const setting = codeStateFrom(accessCode({ status: 'setting' }), at(0));

  it('takes the access code of a successful create attempt as a snapshot, with no refetch', () => {
    const [state, effects] = transition(setting, {
      type: 'actionAttempt.observed',
      actionAttempt: actionAttempt('CREATE_ACCESS_CODE', 'success', {
        result: { access_code: accessCode({ status: 'set' }) },
      }),
      observedAt: at(1),
    });
    expect(state.phase).toBe('active');
    expect(types(effects)).toEqual(['notify']);
  });

  it('refetches when an attempt fails, once', () => {
    const failedAttempt: Observation = {
      type: 'actionAttempt.observed',
      actionAttempt: actionAttempt('UPDATE_ACCESS_CODE', 'error', {
        errorType: 'action_attempt_expired',
      }),
      observedAt: at(1),
    };
    const [state, effects] = transition(setting, failedAttempt);
    expect(state.phase).toBe('failed');
    expect(state.issues).toEqual([
      expect.objectContaining({
        scope: 'action_attempt',
        guidanceKey: 'action_attempt.error.action_attempt_expired',
      }),
    ]);
    expect(effects[0]).toEqual({
      type: 'refetch',
      accessCodeId: CODE_ID,
      reason: 'action_attempt',
    });
    const [, again] = transition(state, { ...failedAttempt, observedAt: at(2) });
    expect(again).toEqual([]);
  });

  it('never moves an attempt back from success to pending', () => {
    const id = uuid(0xbb);
    const [state] = transitionAll(setting, [
      {
        type: 'actionAttempt.observed',
        actionAttempt: actionAttempt('DELETE_ACCESS_CODE', 'success', { id }),
        observedAt: at(2),
      },
      {
        type: 'actionAttempt.observed',
        actionAttempt: actionAttempt('DELETE_ACCESS_CODE', 'pending', { id }),
        observedAt: at(3),
      },
    ]);
    expect(state.actionAttempts).toEqual([expect.objectContaining({ status: 'success' })]);
    expect(state.phase).toBe('removing');
  });
});

describe('flags beside the phase', () => {
  const active = codeStateFrom(accessCode({ status: 'set' }), at(0));

  it('an external modification is a flag with guidance until a newer snapshot says otherwise', () => {
    const [modified, effects] = transition(
      active,
      event('access_code.modified_external_to_seam', 1),
    );
    expect(modified.phase).toBe('active');
    expect(modified.flags.externallyModified).toBe(true);
    expect(modified.issues).toEqual([
      expect.objectContaining({
        kind: 'error',
        code: 'code_modified_external_to_seam',
        source: 'event',
        action: 'delete_and_recreate',
      }),
    ]);
    expect(effects[0]).toEqual({ type: 'refetch', accessCodeId: CODE_ID, reason: 'event' });
    // Seam re-sets the code; the next snapshot shows it set again with no error.
    const [restored] = transition(modified, observed(accessCode({ status: 'set' }), 2));
    expect(restored.flags.externallyModified).toBe(false);
    expect(restored.issues).toEqual([]);
  });

  it('reads the external-modification warning of a snapshot as the flag too', () => {
    const state = codeStateFrom(
      accessCode({
        status: 'set',
        is_external_modification_allowed: true,
        warnings: [codeWarning('code_modified_external_to_seam')],
      }),
      at(0),
    );
    expect(state.flags.externallyModified).toBe(true);
    expect(state.issues).toEqual([
      expect.objectContaining({ kind: 'warning', action: 'none', source: 'snapshot' }),
    ]);
  });

  it('records the backup code from the event and from the snapshot', () => {
    const [pulled, effects] = transition(active, event('access_code.backup_access_code_pulled', 1));
    expect(pulled.flags.backupAccessCodeId).toBe(BACKUP_CODE_ID);
    expect(types(effects)).toEqual(['refetch', 'notify']);
    const fromSnapshot = codeStateFrom(
      accessCode({ pulled_backup_access_code_id: BACKUP_CODE_ID, is_backup: false }),
      at(0),
    );
    expect(fromSnapshot.flags.backupAccessCodeId).toBe(BACKUP_CODE_ID);
    expect(codeStateFrom(accessCode({ is_backup: true }), at(0)).flags.isBackup).toBe(true);
  });

  it('marks the connection degraded after a failed poll and clears it on the next answer', () => {
    const [failing] = transition(active, {
      type: 'transport.failed',
      observedAt: at(1),
      error: { type: 'timeout', message: 'No answer in 10 s', status: null },
    });
    expect(failing.flags.connectionDegraded).toBe(true);
    expect(failing.issues).toEqual([
      expect.objectContaining({ scope: 'transport', code: 'timeout', action: 'wait' }),
    ]);
    expect(failing.phase).toBe('active');
    const [back] = transition(failing, observed(accessCode({ status: 'set' }), 2));
    expect(back.flags.connectionDegraded).toBe(false);
    expect(back.issues).toEqual([]);
  });

  it('keeps device errors from the snapshot beside a phase taken from a newer event', () => {
    const offline = codeStateFrom(
      accessCode({
        status: 'setting',
        errors: [codeError('failed_to_set_on_device')],
        warnings: [codeWarning('delay_in_setting_on_device')],
      }),
      at(0),
    );
    const [state] = transition(offline, event('access_code.set_on_device', 1));
    expect(state.phase).toBe('active');
    expect(state.issues).toEqual([]);
  });

  it('refetches on event types it does not know yet (newer Seam), and records them', () => {
    const nameChanged = {
      ...accessCodeEvent('access_code.changed', 1),
      event_type: 'access_code.name_changed',
    } as unknown as SeamEvent;
    const [state, effects] = transition(active, { type: 'event.received', event: nameChanged });
    expect(types(effects)).toEqual(['refetch']);
    expect(state.timeline.at(-1)).toMatchObject({
      kind: 'event',
      eventType: 'access_code.name_changed',
    });
  });
});

describe('bad input', () => {
  const state = codeStateFrom(accessCode(), at(0));
  const cases: [string, unknown, RegExp][] = [
    ['not an object', 'code.observed', /must be an object with a `type`/],
    ['an unknown type', { type: 'code.seen' }, /Unknown observation type "code.seen"/],
    [
      'a time that is not a time',
      { type: 'code.observed', accessCode: accessCode(), observedAt: 'yesterday' },
      /`observedAt` must be an ISO 8601 time .*got "yesterday"/,
    ],
    [
      'a snapshot without an id',
      { type: 'code.observed', accessCode: { status: 'set' }, observedAt: at(1) },
      /`accessCode.access_code_id` must be a non-empty string/,
    ],
    [
      'an event without an id',
      { type: 'event.received', event: { event_type: 'access_code.set_on_device' } },
      /`event.event_id` and `event.event_type` must be non-empty strings/,
    ],
    [
      'an event without a time',
      {
        type: 'event.received',
        event: { ...accessCodeEvent('access_code.set_on_device', 1), occurred_at: 'soon' },
      },
      /`event.occurred_at` must be an ISO 8601 time/,
    ],
    [
      'a create that succeeded without its access code',
      { type: 'request.succeeded', requestId: 'c', operation: 'create', observedAt: at(1) },
      /a create must carry `accessCode`/,
    ],
    [
      'an operation we do not make',
      { type: 'request.started', requestId: 'c', operation: 'patch', observedAt: at(1) },
      /`operation` must be one of create, update, delete \(got "patch"\)/,
    ],
    [
      'a failure with a status that is not one',
      {
        type: 'request.failed',
        requestId: 'c',
        operation: 'update',
        observedAt: at(1),
        error: { type: 'x', message: 'y', status: '500' },
      },
      /`error.status` must be the HTTP status, or null/,
    ],
    [
      'an attempt with a made-up status',
      {
        type: 'actionAttempt.observed',
        observedAt: at(1),
        actionAttempt: { action_attempt_id: 'a', action_type: 'CREATE_ACCESS_CODE', status: 'ok' },
      },
      /`actionAttempt.status` must be 'pending', 'success' or 'error'/,
    ],
  ];

  it.each(cases)('refuses %s with a message that says what to fix', (_name, input, message) => {
    const [next, effects] = transition(state, input as Observation);
    expect(next).toBe(state);
    expect(effects).toHaveLength(1);
    expect(effects[0]).toMatchObject({ type: 'invalidObservation' });
    expect((effects[0] as { message: string }).message).toMatch(message);
  });

  it('refuses a state that is not one instead of throwing', () => {
    const [next, effects] = transition({ phase: 'active' } as unknown as CodeState, {
      type: 'code.notFound',
      accessCodeId: CODE_ID,
      observedAt: at(1),
    });
    expect(next).toEqual({ phase: 'active' });
    expect(effects[0]).toMatchObject({ type: 'invalidObservation' });
  });
});

describe('codeStateFrom', () => {
  it('throws a TypeError that says what is wrong with the snapshot', () => {
    expect(() => codeStateFrom(accessCode(), 'now')).toThrow(TypeError);
    expect(() => codeStateFrom(accessCode(), 'now')).toThrow(
      /codeStateFrom: Invalid code.observed observation: `observedAt` must be an ISO 8601 time/,
    );
    expect(() =>
      codeStateFrom({ ...accessCode(), errors: [{ message: 'x' }] } as never, at(0)),
    ).toThrow(/`accessCode.errors\[0\].error_code` must be a string \(got nothing\)/);
  });
});

describe('parseCodeState', () => {
  it('restores a stored state and recomputes what is derived', () => {
    const state = codeStateFrom(accessCode({ status: 'setting' }), at(0));
    const stored = JSON.parse(JSON.stringify({ ...state, phase: 'active', issues: [] }));
    expect(parseCodeState(stored)).toEqual(state);
  });

  it('throws LifecycleStateError saying what is wrong and what to do', () => {
    expect(() => parseCodeState({ ...initialCodeState(), schemaVersion: 2 })).toThrow(
      LifecycleStateError,
    );
    expect(() => parseCodeState({ ...initialCodeState(), schemaVersion: 2 })).toThrow(
      /schemaVersion 2, expected 1\. Start from initialCodeState\(\)/,
    );
    expect(() => parseCodeState({ ...initialCodeState(), timeline: null })).toThrow(
      /lacks the array `timeline`/,
    );
    expect(() => parseCodeState(null)).toThrow(/must be an object made by initialCodeState/);
    try {
      parseCodeState('x');
    } catch (error) {
      expect((error as Error).name).toBe('LifecycleStateError');
    }
  });
});

describe('removed only once Seam confirms it (issue 8, item 3)', () => {
  const active = accessCode({ status: 'set' });

  it('access_code.deleted while Seam still lists the code as removing: removing, not removed', () => {
    const { state, steps } = walk(initialCodeState(CODE_ID), [
      observed(active, 0),
      { type: 'request.started', requestId: 'delete-1', operation: 'delete', observedAt: at(1) },
      { type: 'request.succeeded', requestId: 'delete-1', operation: 'delete', observedAt: at(1) },
      event('access_code.deleted', 1),
      observed(accessCode({ status: 'removing' }), 3),
      observed(accessCode({ status: 'removing' }), 40),
    ]);
    expect(steps.map((step) => step.phase)).toEqual([
      'active',
      'removing',
      'removing',
      'removing',
      'removing',
      'removing',
    ]);
    expect(state.terminal).toBe(false);
  });

  it('a 404 from get, or removed_from_device, is removed', () => {
    const base = [
      observed(active, 0),
      event('access_code.deleted', 1),
      observed(accessCode({ status: 'removing' }), 3),
    ];
    const by404 = walk(initialCodeState(CODE_ID), [
      ...base,
      { type: 'code.notFound', accessCodeId: CODE_ID, observedAt: at(41) },
    ]);
    expect(by404.state.phase).toBe('removed');
    const byEvent = walk(initialCodeState(CODE_ID), [
      ...base,
      event('access_code.removed_from_device', 41),
    ]);
    expect(byEvent.state.phase).toBe('removed');
  });

  it('access_code.deleted when the account was deleted but the lock still holds it: not removed', () => {
    const { state } = walk(initialCodeState(CODE_ID), [
      event('access_code.deleted', 1),
      observed(active, 2),
    ]);
    expect(state.phase).toBe('active');
  });
});

describe('the backup pool is spoken of only when it matters (issue 8, item 6)', () => {
  const emptyPool = deviceError('empty_backup_access_code_pool');
  it('an active code does not show the lock’s empty pool', () => {
    const [state] = transition(
      initialCodeState(CODE_ID),
      observed(accessCode({ status: 'set', errors: [emptyPool] }), 1),
    );
    expect(state.phase).toBe('active');
    expect(state.issues.map((item) => item.code)).not.toContain('empty_backup_access_code_pool');
  });
  it('a failed code does', () => {
    const [state] = transition(
      initialCodeState(CODE_ID),
      observed(
        accessCode({
          status: 'setting',
          errors: [codeError('failed_to_set_on_device'), emptyPool],
        }),
        1,
      ),
    );
    expect(state.phase).toBe('failed');
    expect(state.issues.map((item) => item.code)).toContain('empty_backup_access_code_pool');
  });
});
