/** The scheduling rules, one by one, and the manual clock that drives them in tests. */
import { describe, expect, it } from 'vitest';
import type { AccessCode } from '@seamapi/types/connect';
import { codeStateFrom, initialCodeState } from '../../src/lifecycle/index.js';
import {
  DEFAULT_POLL_OPTIONS,
  createManualClock,
  phaseClass,
  realClock,
} from '../../src/verify/index.js';
import {
  backoffMs,
  chunk,
  eventsIntervalMs,
  pollIntervalMs,
  resolveEventsOptions,
} from '../../src/verify/schedule.js';

const at = '2026-03-02T15:00:00.000Z';
const code = (fields: Partial<AccessCode>): AccessCode =>
  ({
    access_code_id: '5e0c2a4b-1d3f-4a6b-8c9d-0e1f2a3b4c5d',
    device_id: '6e0c2a4b-1d3f-4a6b-8c9d-0e1f2a3b4c5d',
    code: '1234',
    name: 'Guest',
    type: 'ongoing',
    status: 'setting',
    errors: [],
    warnings: [],
    created_at: at,
    is_scheduled_on_device: false,
    is_waiting_for_code_assignment: false,
    ...fields,
  }) as AccessCode;

describe('phase classes', () => {
  it.each([
    [{ status: 'setting' }, 'moving'],
    [{ status: 'unset' }, 'moving'],
    [
      {
        status: 'unset',
        type: 'time_bound',
        starts_at: '2026-03-09T15:00:00Z',
        ends_at: '2026-03-10T15:00:00Z',
      },
      'quiet',
    ],
    [{ status: 'set' }, 'quiet'],
    [{ status: 'removing' }, 'moving'],
    [{ status: 'unknown' }, 'stuck'],
    [
      {
        status: 'setting',
        errors: [
          {
            error_code: 'failed_to_set_on_device',
            is_access_code_error: true,
            message: 'x',
            created_at: at,
          },
        ],
      },
      'stuck',
    ],
  ] as const)('%j is %s', (fields, expected) => {
    expect(phaseClass(codeStateFrom(code(fields as Partial<AccessCode>), at))).toBe(expected);
  });

  it('a pending time-bound code is quiet before its start and on its way from its start', () => {
    const pending = codeStateFrom(
      code({
        status: 'unset',
        type: 'time_bound',
        starts_at: '2026-03-09T15:00:00Z',
        ends_at: '2026-03-10T15:00:00Z',
      } as Partial<AccessCode>),
      at,
    );
    const startsAt = Date.parse('2026-03-09T15:00:00Z');
    expect(phaseClass(pending, startsAt - 1)).toBe('quiet');
    // Seam owes the lock the code now: a poller that slept until ends_at would never see it set.
    expect(phaseClass(pending, startsAt)).toBe('moving');
    expect(phaseClass(pending, startsAt + 6 * 3_600_000)).toBe('moving');
  });

  it('a code nothing is known of is moving (fetch it), a terminal one done', () => {
    expect(phaseClass(initialCodeState('x'))).toBe('moving');
    expect(phaseClass({ ...initialCodeState('x'), phase: 'removed', terminal: true })).toBe('done');
  });
});

describe('intervals', () => {
  const options = DEFAULT_POLL_OPTIONS;
  it('grow by 1.5 from 2 s to 30 s while moving, to 2 min while stuck', () => {
    const moving = [0, 1, 2, 3, 10].map((looks) =>
      pollIntervalMs('moving', looks, false, false, options),
    );
    expect(moving).toEqual([2_000, 3_000, 4_500, 6_750, 30_000]);
    expect(pollIntervalMs('stuck', 20, false, false, options)).toBe(120_000);
  });

  it('sleep a quiet code until its due moment, or every 30 minutes without one; fast while bursting', () => {
    expect(pollIntervalMs('quiet', 0, false, true, options)).toBe(Number.POSITIVE_INFINITY);
    expect(pollIntervalMs('quiet', 0, false, false, options)).toBe(30 * 60_000);
    expect(pollIntervalMs('quiet', 1, true, true, options)).toBe(3_000);
    expect(pollIntervalMs('done', 0, false, false, options)).toBe(Number.POSITIVE_INFINITY);
  });

  it('events: fast while a code moves, slow when all are quiet', () => {
    const events = resolveEventsOptions(true);
    expect(eventsIntervalMs(true, 0, events)).toBe(2_000);
    expect(eventsIntervalMs(true, 50, events)).toBe(30_000);
    expect(eventsIntervalMs(false, 0, events)).toBe(60_000);
  });

  it('backoff doubles with equal jitter up to its ceiling', () => {
    expect([1, 2, 3].map((failures) => backoffMs(failures, 2_000, 300_000, () => 0))).toEqual([
      1_000, 2_000, 4_000,
    ]);
    expect(backoffMs(40, 2_000, 300_000, () => 0.999_999)).toBeCloseTo(300_000, 0);
  });

  it('chunks keep order and size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
  });
});

describe('clocks', () => {
  it('the manual clock runs timers in time order, moving the other clock before each', async () => {
    let other = 1_000;
    const moves: number[] = [];
    const clock = createManualClock({
      now: () => other,
      advanceTo: (time) => {
        moves.push(time);
        other = time;
      },
    });
    const ran: string[] = [];
    clock.setTimeout(() => ran.push(`b@${clock.now()}`), 200);
    const cancelled = clock.setTimeout(() => ran.push('never'), 50);
    clock.setTimeout(() => {
      ran.push(`a@${clock.now()}`);
      clock.setTimeout(() => ran.push(`c@${clock.now()}`), 50);
    }, 100);
    clock.clearTimeout(cancelled);
    expect(clock.nextTimerAt()).toBe(1_100);
    await clock.advance(500);
    // c, scheduled by a, runs before b: time order, not the order of scheduling.
    expect(ran).toEqual(['a@1100', 'c@1150', 'b@1200']);
    expect(moves).toEqual([1_100, 1_150, 1_200, 1_500]);
    expect(clock.pendingTimers()).toBe(0);
    await expect(clock.advance(-1)).rejects.toThrow(RangeError);
  });

  it('the real clock sleeps longer than setTimeout allows by re-arming', async () => {
    const handle = realClock.setTimeout(() => undefined, 3_000_000_000);
    realClock.clearTimeout(handle);
    const fired = await new Promise<boolean>((resolve) => {
      realClock.setTimeout(() => resolve(true), 5);
    });
    expect(fired).toBe(true);
  });
});
