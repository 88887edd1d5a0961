import { describe, expect, it } from 'vitest';
import { historyOf, initialCodeState, transitionAll } from '../../src/lifecycle/index.js';
import { CODE_ID, accessCode, accessCodeEvent, actionAttempt, at } from './fixtures.js';

describe('historyOf (issue 8, item 12)', () => {
  it('with events: one entry per fact, in Seam’s order and clock', () => {
    // This runtime's clock runs 90 s ahead of Seam's.
    const ahead = 1.5;
    const [state] = transitionAll(initialCodeState(), [
      { type: 'request.started', requestId: 'c1', operation: 'create', observedAt: at(ahead) },
      {
        type: 'request.succeeded',
        requestId: 'c1',
        operation: 'create',
        observedAt: at(ahead + 0.01),
        accessCode: accessCode({ created_at: at(0), status: 'unset' }),
        actionAttempt: actionAttempt('CREATE_ACCESS_CODE', 'pending'),
      },
      { type: 'event.received', event: accessCodeEvent('access_code.created', 0) },
      {
        type: 'code.observed',
        accessCode: accessCode({ created_at: at(0), status: 'setting' }),
        observedAt: at(ahead + 0.5),
      },
      { type: 'event.received', event: accessCodeEvent('access_code.set_on_device', 1) },
      {
        type: 'code.observed',
        accessCode: accessCode({ created_at: at(0), status: 'set' }),
        observedAt: at(ahead + 1.2),
      },
      {
        type: 'code.observed',
        accessCode: accessCode({ created_at: at(0), status: 'set' }),
        observedAt: at(ahead + 3),
      },
    ]);
    const history = historyOf(state);
    const told = history.map((entry) =>
      entry.kind === 'event'
        ? entry.eventType
        : entry.kind === 'status'
          ? entry.status
          : entry.kind,
    );
    expect(told).toEqual(['access_code.created', 'setting', 'access_code.set_on_device']);
    // Every time is in Seam's clock: the status seen here is moved back by the 90 s skew.
    expect(history.map((entry) => entry.at)).toEqual([at(0), at(0.49), at(1)]);
    expect(state.timeline.length).toBeGreaterThan(history.length);
    expect(state.accessCodeId).toBe(CODE_ID);
  });

  it('without events: what was seen here, a request told by its outcome', () => {
    const [state] = transitionAll(initialCodeState(CODE_ID), [
      { type: 'code.observed', accessCode: accessCode({ status: 'set' }), observedAt: at(0) },
      { type: 'request.started', requestId: 'd1', operation: 'delete', observedAt: at(1) },
      { type: 'request.succeeded', requestId: 'd1', operation: 'delete', observedAt: at(1.1) },
      { type: 'code.observed', accessCode: accessCode({ status: 'removing' }), observedAt: at(2) },
      { type: 'code.notFound', accessCodeId: CODE_ID, observedAt: at(3) },
    ]);
    expect(
      historyOf(state).map((entry) =>
        entry.kind === 'status'
          ? entry.status
          : entry.kind === 'request'
            ? entry.outcome
            : entry.kind,
      ),
    ).toEqual(['set', 'succeeded', 'removing', 'not_found']);
  });
});
