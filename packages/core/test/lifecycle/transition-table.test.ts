/**
 * `transition` over every kind of observation in every derived phase. Each row starts from a state
 * in one phase (built from real observations), applies one observation at minute 1 (after
 * everything in the start state), and states the phase and the effect types that must follow.
 */
import { describe, expect, it } from 'vitest';
import {
  DERIVED_PHASES,
  initialCodeState,
  transition,
  transitionAll,
  type CodeState,
  type DerivedPhase,
  type Effect,
  type Observation,
} from '../../src/lifecycle/index.js';
import {
  DEVICE_ID,
  accessCode,
  accessCodeEvent,
  accountDisconnected,
  actionAttempt,
  at,
  codeError,
  codeWarning,
  timeBound,
} from './fixtures.js';

const observed = (code: ReturnType<typeof accessCode>, minutes: number): Observation => ({
  type: 'code.observed',
  accessCode: code,
  observedAt: at(minutes),
});

/** Observations that put a code in each phase; all happen at or before minute 0. */
const START: Record<DerivedPhase, { fromId: boolean; observations: Observation[] }> = {
  submitting: {
    fromId: true,
    observations: [
      observed(accessCode({ status: 'set' }), -10),
      { type: 'request.started', requestId: 'r-upd', operation: 'update', observedAt: at(0) },
    ],
  },
  rejected: {
    fromId: false,
    observations: [
      { type: 'request.started', requestId: 'r-create', operation: 'create', observedAt: at(-1) },
      {
        type: 'request.failed',
        requestId: 'r-create',
        operation: 'create',
        observedAt: at(0),
        error: {
          type: 'invalid_input',
          message: 'ends_at must be after starts_at',
          status: 400,
          fieldErrors: { ends_at: ['ends_at must be after starts_at'] },
        },
      },
    ],
  },
  pending: {
    fromId: true,
    observations: [observed(timeBound(5 * 24 * 60, 60, { status: 'unset' }), 0)],
  },
  scheduled: {
    fromId: true,
    observations: [
      observed(
        timeBound(2 * 24 * 60, 3 * 24 * 60, { status: 'unset', is_scheduled_on_device: true }),
        0,
      ),
    ],
  },
  programming: { fromId: true, observations: [observed(accessCode({ status: 'setting' }), 0)] },
  delayed: {
    fromId: true,
    observations: [
      observed(
        accessCode({ status: 'setting', warnings: [codeWarning('delay_in_setting_on_device')] }),
        0,
      ),
    ],
  },
  failed: {
    fromId: true,
    observations: [
      observed(
        accessCode({
          status: 'setting',
          errors: [codeError('failed_to_set_on_device')],
          is_backup_access_code_available: true,
        }),
        0,
      ),
    ],
  },
  awaiting_code: {
    fromId: true,
    observations: [
      observed(
        accessCode({ status: 'setting', code: null, is_waiting_for_code_assignment: true }),
        0,
      ),
    ],
  },
  active: { fromId: true, observations: [observed(accessCode({ status: 'set' }), 0)] },
  removing: { fromId: true, observations: [observed(accessCode({ status: 'removing' }), 0)] },
  removing_failed: {
    fromId: true,
    observations: [
      observed(
        accessCode({ status: 'removing', errors: [codeError('failed_to_remove_from_device')] }),
        0,
      ),
    ],
  },
  removed: {
    fromId: true,
    observations: [
      observed(accessCode({ status: 'set' }), -10),
      { type: 'code.notFound', accessCodeId: accessCode().access_code_id, observedAt: at(0) },
    ],
  },
  unknown: {
    fromId: true,
    observations: [observed(accessCode({ status: 'unknown', errors: [accountDisconnected()] }), 0)],
  },
};

function startIn(phase: DerivedPhase): CodeState {
  const { fromId, observations } = START[phase];
  const initial = initialCodeState(fromId ? accessCode().access_code_id : null);
  return transitionAll(initial, observations)[0];
}

/** The observations of the table, all at minute 1 except the stale snapshot. */
const OBSERVATIONS = {
  snapshotNewer: () => observed(accessCode({ status: 'set' }), 1),
  snapshotOlder: () => observed(accessCode({ status: 'setting' }), -30),
  notFound: (): Observation => ({
    type: 'code.notFound',
    accessCodeId: accessCode().access_code_id,
    observedAt: at(1),
  }),
  setOnDevice: (): Observation => ({
    type: 'event.received',
    event: accessCodeEvent('access_code.set_on_device', 1),
  }),
  failedToSet: (): Observation => ({
    type: 'event.received',
    event: accessCodeEvent('access_code.failed_to_set_on_device', 1),
  }),
  removedFromDevice: (): Observation => ({
    type: 'event.received',
    event: accessCodeEvent('access_code.removed_from_device', 1),
  }),
  unlocked: (): Observation => ({
    type: 'event.received',
    event: accessCodeEvent('lock.unlocked', 1),
  }),
  modifiedExternally: (): Observation => ({
    type: 'event.received',
    event: accessCodeEvent('access_code.modified_external_to_seam', 1),
  }),
  deleteAttemptFailed: (): Observation => ({
    type: 'actionAttempt.observed',
    actionAttempt: actionAttempt('DELETE_ACCESS_CODE', 'error'),
    observedAt: at(1),
  }),
  updateStarted: (): Observation => ({
    type: 'request.started',
    requestId: 'r-new',
    operation: 'update',
    observedAt: at(1),
  }),
  deleteSucceeded: (): Observation => ({
    type: 'request.succeeded',
    requestId: 'r-del',
    operation: 'delete',
    observedAt: at(1),
  }),
  updateRefused: (): Observation => ({
    type: 'request.failed',
    requestId: 'r-upd',
    operation: 'update',
    observedAt: at(1),
    error: { type: 'invalid_input', message: 'code must be 4-8 digits', status: 400 },
  }),
  transportFailed: (): Observation => ({
    type: 'transport.failed',
    observedAt: at(1),
    error: { type: 'network_error', message: 'fetch failed', status: null },
  }),
} satisfies Record<string, () => Observation>;

type Column = keyof typeof OBSERVATIONS;
/** `phase` or `phase: effect types in order`. */
type Cell = string;

// prettier-ignore
const TABLE: Record<DerivedPhase, Record<Column, Cell>> = {
  submitting: {
    snapshotNewer: 'submitting', snapshotOlder: 'submitting', notFound: 'removed: stopWatching notify',
    setOnDevice: 'submitting', failedToSet: 'submitting: refetch notify',
    removedFromDevice: 'removed: stopWatching notify', unlocked: 'submitting: notify',
    modifiedExternally: 'submitting: refetch notify', deleteAttemptFailed: 'submitting: refetch notify',
    updateStarted: 'submitting', deleteSucceeded: 'removing: refetch notify',
    updateRefused: 'active: notify', transportFailed: 'submitting: notify',
  },
  rejected: {
    snapshotNewer: 'active: notify', snapshotOlder: 'programming: notify', notFound: 'removed: notify',
    setOnDevice: 'active: notify', failedToSet: 'failed: refetch notify',
    removedFromDevice: 'removed: notify', unlocked: 'rejected: notify',
    modifiedExternally: 'rejected: notify', deleteAttemptFailed: 'removing_failed: notify',
    updateStarted: 'submitting: notify', deleteSucceeded: 'removing: notify',
    updateRefused: 'unknown: notify', transportFailed: 'rejected: notify',
  },
  pending: {
    snapshotNewer: 'active: notify', snapshotOlder: 'pending', notFound: 'removed: stopWatching notify',
    setOnDevice: 'active: scheduleCheck notify', failedToSet: 'failed: refetch scheduleCheck notify',
    removedFromDevice: 'removed: stopWatching notify', unlocked: 'pending: notify',
    modifiedExternally: 'pending: refetch notify', deleteAttemptFailed: 'removing_failed: refetch notify',
    updateStarted: 'submitting: notify', deleteSucceeded: 'removing: refetch notify',
    updateRefused: 'pending: notify', transportFailed: 'pending: notify',
  },
  scheduled: {
    snapshotNewer: 'active: notify', snapshotOlder: 'scheduled', notFound: 'removed: stopWatching notify',
    setOnDevice: 'active: scheduleCheck notify', failedToSet: 'failed: refetch notify',
    removedFromDevice: 'removed: stopWatching notify', unlocked: 'scheduled: notify',
    modifiedExternally: 'scheduled: refetch notify', deleteAttemptFailed: 'removing_failed: refetch notify',
    updateStarted: 'submitting: notify', deleteSucceeded: 'removing: refetch notify',
    updateRefused: 'scheduled: notify', transportFailed: 'scheduled: notify',
  },
  programming: {
    snapshotNewer: 'active: notify', snapshotOlder: 'programming', notFound: 'removed: stopWatching notify',
    setOnDevice: 'active: notify', failedToSet: 'failed: refetch notify',
    removedFromDevice: 'removed: stopWatching notify', unlocked: 'programming: notify',
    modifiedExternally: 'programming: refetch notify', deleteAttemptFailed: 'removing_failed: refetch notify',
    updateStarted: 'submitting: notify', deleteSucceeded: 'removing: refetch notify',
    updateRefused: 'programming: notify', transportFailed: 'programming: notify',
  },
  delayed: {
    snapshotNewer: 'active: notify', snapshotOlder: 'delayed', notFound: 'removed: stopWatching notify',
    setOnDevice: 'active: notify', failedToSet: 'failed: refetch notify',
    removedFromDevice: 'removed: stopWatching notify', unlocked: 'delayed: notify',
    modifiedExternally: 'delayed: refetch notify', deleteAttemptFailed: 'removing_failed: refetch notify',
    updateStarted: 'submitting: notify', deleteSucceeded: 'removing: refetch notify',
    updateRefused: 'delayed: notify', transportFailed: 'delayed: notify',
  },
  failed: {
    snapshotNewer: 'active: notify', snapshotOlder: 'failed', notFound: 'removed: stopWatching notify',
    setOnDevice: 'active: notify', failedToSet: 'failed: refetch notify',
    removedFromDevice: 'removed: stopWatching notify', unlocked: 'failed: notify',
    modifiedExternally: 'failed: refetch notify', deleteAttemptFailed: 'removing_failed: refetch notify',
    updateStarted: 'submitting: notify', deleteSucceeded: 'removing: refetch notify',
    updateRefused: 'failed: notify', transportFailed: 'failed: notify',
  },
  awaiting_code: {
    snapshotNewer: 'active: notify', snapshotOlder: 'awaiting_code', notFound: 'removed: stopWatching notify',
    setOnDevice: 'active: notify', failedToSet: 'failed: refetch notify',
    removedFromDevice: 'removed: stopWatching notify', unlocked: 'awaiting_code: notify',
    modifiedExternally: 'awaiting_code: refetch notify', deleteAttemptFailed: 'removing_failed: refetch notify',
    updateStarted: 'submitting: notify', deleteSucceeded: 'removing: refetch notify',
    updateRefused: 'awaiting_code: notify', transportFailed: 'awaiting_code: notify',
  },
  active: {
    snapshotNewer: 'active', snapshotOlder: 'active', notFound: 'removed: stopWatching notify',
    setOnDevice: 'active', failedToSet: 'failed: refetch notify',
    removedFromDevice: 'removed: stopWatching notify', unlocked: 'active: notify',
    modifiedExternally: 'active: refetch notify', deleteAttemptFailed: 'removing_failed: refetch notify',
    updateStarted: 'submitting: notify', deleteSucceeded: 'removing: refetch notify',
    updateRefused: 'active: notify', transportFailed: 'active: notify',
  },
  removing: {
    snapshotNewer: 'active: notify', snapshotOlder: 'removing', notFound: 'removed: stopWatching notify',
    setOnDevice: 'active: notify', failedToSet: 'failed: refetch notify',
    removedFromDevice: 'removed: stopWatching notify', unlocked: 'removing: notify',
    modifiedExternally: 'removing: refetch notify', deleteAttemptFailed: 'removing_failed: refetch notify',
    updateStarted: 'submitting: notify', deleteSucceeded: 'removing: refetch',
    updateRefused: 'removing: notify', transportFailed: 'removing: notify',
  },
  removing_failed: {
    snapshotNewer: 'active: notify', snapshotOlder: 'removing_failed', notFound: 'removed: stopWatching notify',
    setOnDevice: 'active: notify', failedToSet: 'failed: refetch notify',
    removedFromDevice: 'removed: stopWatching notify', unlocked: 'removing_failed: notify',
    modifiedExternally: 'removing_failed: refetch notify', deleteAttemptFailed: 'removing_failed: refetch notify',
    updateStarted: 'submitting: notify', deleteSucceeded: 'removing: refetch notify',
    updateRefused: 'removing_failed: notify', transportFailed: 'removing_failed: notify',
  },
  removed: {
    snapshotNewer: 'removed', snapshotOlder: 'removed', notFound: 'removed',
    setOnDevice: 'removed', failedToSet: 'removed',
    removedFromDevice: 'removed', unlocked: 'removed: notify',
    modifiedExternally: 'removed: notify', deleteAttemptFailed: 'removed',
    updateStarted: 'removed', deleteSucceeded: 'removed',
    updateRefused: 'removed', transportFailed: 'removed: notify',
  },
  unknown: {
    snapshotNewer: 'active: notify', snapshotOlder: 'unknown', notFound: 'removed: stopWatching notify',
    setOnDevice: 'active: notify', failedToSet: 'failed: refetch notify',
    removedFromDevice: 'removed: stopWatching notify', unlocked: 'unknown: notify',
    modifiedExternally: 'unknown: refetch notify', deleteAttemptFailed: 'removing_failed: refetch notify',
    updateStarted: 'submitting: notify', deleteSucceeded: 'removing: refetch notify',
    updateRefused: 'unknown: notify', transportFailed: 'unknown: notify',
  },
};

function parseCell(cell: Cell): { phase: string; effects: string[] } {
  const [phase = '', effects = ''] = cell.split(':').map((part) => part.trim());
  return { phase, effects: effects === '' ? [] : effects.split(/\s+/) };
}

describe('the start states', () => {
  it.each(DERIVED_PHASES)('%s is reached from real observations', (phase) => {
    expect(startIn(phase).phase).toBe(phase);
  });
});

describe('transition table: every observation in every phase', () => {
  const rows = DERIVED_PHASES.flatMap((phase) =>
    (Object.keys(OBSERVATIONS) as Column[]).map((column) => [phase, column] as const),
  );

  it.each(rows)('%s + %s', (phase, column) => {
    const expected = parseCell(TABLE[phase][column]);
    const before = startIn(phase);
    const [after, effects] = transition(before, OBSERVATIONS[column]());
    expect(after.phase).toBe(expected.phase);
    expect(effects.map((effect) => effect.type)).toEqual(expected.effects);
    expect(after.terminal).toBe(after.phase === 'removed' || after.phase === 'rejected');
    for (const effect of effects) checkEffect(effect, before, after);
  });
});

function checkEffect(effect: Effect, before: CodeState, after: CodeState): void {
  switch (effect.type) {
    case 'notify':
      expect(effect).toMatchObject({ phase: after.phase, previousPhase: before.phase });
      expect(effect.accessCodeId).toBe(after.accessCodeId);
      break;
    case 'stopWatching':
      expect(effect.reason).toBe(after.phase);
      break;
    case 'scheduleCheck':
      expect(effect.at).toBe(after.nextCheckAt);
      break;
    case 'refetch':
      expect(effect.accessCodeId).toBe(after.accessCodeId);
      break;
    case 'invalidObservation':
      throw new Error(`unexpected invalidObservation: ${effect.message}`);
  }
}

describe('the table’s details', () => {
  it('a stale snapshot leaves the newer one in place', () => {
    const before = startIn('active');
    const [after] = transition(before, OBSERVATIONS.snapshotOlder());
    expect(after.snapshot).toEqual(before.snapshot);
  });

  it('the refused update shows Seam’s message as a request issue', () => {
    const [after] = transition(startIn('submitting'), OBSERVATIONS.updateRefused());
    expect(after.issues).toEqual([
      expect.objectContaining({
        scope: 'request',
        code: 'invalid_input',
        guidanceKey: 'request.error.invalid_input',
        action: 'fix_request',
        message: 'code must be 4-8 digits',
      }),
    ]);
  });

  it('a failed code offers the backup code Seam says is available', () => {
    const state = startIn('failed');
    expect(state.flags.backupAvailable).toBe(true);
    expect(state.issues).toEqual([
      expect.objectContaining({
        code: 'failed_to_set_on_device',
        source: 'snapshot',
        action: 'pull_backup_code',
        message: 'Seam says: failed_to_set_on_device',
      }),
    ]);
  });

  it('an unknown code keeps the account error beside a newer set event', () => {
    const [after] = transition(startIn('unknown'), OBSERVATIONS.setOnDevice());
    expect(after.issues.map((issue) => issue.guidanceKey)).toEqual([
      'connected_account.error.account_disconnected',
    ]);
  });

  it('the rejected create has no code, no id, and keeps Seam’s field errors', () => {
    const state = startIn('rejected');
    expect(state.accessCodeId).toBeNull();
    expect(state.deviceId).toBeNull();
    expect(state.requests[0]?.outcome).toMatchObject({
      ok: false,
      error: { fieldErrors: { ends_at: ['ends_at must be after starts_at'] } },
    });
    expect(state.issues.map((issue) => issue.guidanceKey)).toEqual(['request.error.invalid_input']);
  });

  it('the unlock sets the used flag with its time', () => {
    const [after] = transition(startIn('active'), OBSERVATIONS.unlocked());
    expect(after.flags).toMatchObject({ used: true, firstUsedAt: at(1), lastUsedAt: at(1) });
    expect(after.deviceId).toBe(DEVICE_ID);
  });
});
