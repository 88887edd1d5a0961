import { describe, expect, it } from 'vitest';
import type { AccessCode } from '@seamapi/types/connect';
import { derivePhase, nextDueAt, type DerivedPhase } from '../../src/lifecycle/index.js';
import {
  DAY,
  HOUR,
  accessCode,
  accountDisconnected,
  at,
  codeError,
  codeWarning,
  deviceError,
  newerAccessCode,
  newerCodeError,
  timeBound,
} from './fixtures.js';

const NOW = at(0);

describe('derivePhase (spec §B8 "Derived UI states", in order)', () => {
  const cases: [string, AccessCode, DerivedPhase][] = [
    ['set ongoing code', accessCode({ status: 'set' }), 'active'],
    ['setting', accessCode({ status: 'setting' }), 'programming'],
    [
      'setting with delay_in_setting_on_device',
      accessCode({ status: 'setting', warnings: [codeWarning('delay_in_setting_on_device')] }),
      'delayed',
    ],
    [
      'setting with the August delay as a warning',
      accessCode({ status: 'setting', warnings: [codeWarning('august_device_programming_delay')] }),
      'delayed',
    ],
    [
      'setting with the Hubitat delay as an error (a delay, not a failure)',
      accessCode({ status: 'setting', errors: [codeError('hubitat_device_programming_delay')] }),
      'delayed',
    ],
    [
      'setting with failed_to_set_on_device',
      accessCode({ status: 'setting', errors: [codeError('failed_to_set_on_device')] }),
      'failed',
    ],
    [
      'unset with no_space_for_access_code_on_device',
      timeBound(120, 60, {
        status: 'unset',
        errors: [codeError('no_space_for_access_code_on_device')],
      }),
      'failed',
    ],
    [
      'a provider-specific error we do not know yet still fails the code',
      newerAccessCode([newerCodeError('provider_issue')], [], { status: 'setting' }),
      'failed',
    ],
    [
      'set with code_modified_external_to_seam (a flag, not a failure)',
      accessCode({ status: 'set', errors: [codeError('code_modified_external_to_seam')] }),
      'active',
    ],
    [
      'setting while Seam re-sets an externally modified code',
      accessCode({ status: 'setting', errors: [codeError('code_modified_external_to_seam')] }),
      'programming',
    ],
    [
      'set with an access-code error is still active (errors fail only codes not set)',
      accessCode({ status: 'set', errors: [codeError('duplicate_code_on_device')] }),
      'active',
    ],
    [
      'a device error alone does not fail the code',
      accessCode({ status: 'setting', errors: [deviceError('device_offline')] }),
      'programming',
    ],
    [
      'waiting for code assignment',
      accessCode({ status: 'setting', code: null, is_waiting_for_code_assignment: true }),
      'awaiting_code',
    ],
    ['code null', accessCode({ status: 'set', code: null }), 'awaiting_code'],
    [
      'unset, preloaded onto the lock',
      timeBound(2 * 24 * 60, 3 * 24 * 60, { status: 'unset', is_scheduled_on_device: true }),
      'scheduled',
    ],
    ['unset, not on the lock yet', timeBound(5 * 24 * 60, 60, { status: 'unset' }), 'pending'],
    ['removing', accessCode({ status: 'removing' }), 'removing'],
    [
      'removing with failed_to_remove_from_device',
      accessCode({ status: 'removing', errors: [codeError('failed_to_remove_from_device')] }),
      'removing_failed',
    ],
    [
      'still set after a failed removal',
      accessCode({ status: 'set', errors: [codeError('failed_to_remove_from_device')] }),
      'removing_failed',
    ],
    ['status unknown', accessCode({ status: 'unknown' }), 'unknown'],
    [
      'account_disconnected makes it unknown',
      accessCode({ status: 'set', errors: [accountDisconnected()] }),
      'unknown',
    ],
    [
      'removing beats unknown (evaluated in order)',
      accessCode({ status: 'removing', errors: [accountDisconnected()] }),
      'removing',
    ],
    [
      'a time-bound code past ends_at no longer opens the door: removing',
      timeBound(-120, 60, { status: 'set' }),
      'removing',
    ],
    [
      'past ends_at but Seam cannot verify: unknown',
      timeBound(-120, 60, { status: 'unknown' }),
      'unknown',
    ],
  ];

  it.each(cases)('%s → %s', (_name, code, expected) => {
    expect(derivePhase(code, NOW)).toBe(expected);
  });

  it('accepts now as a Date, a number or an ISO string', () => {
    const code = timeBound(-120, 60, { status: 'set' });
    const ms = Date.parse(NOW);
    expect(derivePhase(code, new Date(ms))).toBe('removing');
    expect(derivePhase(code, ms)).toBe('removing');
    expect(derivePhase(code, at(-90))).toBe('active');
  });
});

describe('nextDueAt', () => {
  const startsIn = 5 * DAY;
  const code = timeBound(startsIn / 60_000, 3 * 24 * 60, { status: 'unset' });
  const nowMs = Date.parse(NOW);
  const iso = (ms: number) => new Date(ms).toISOString();

  it('pending: 72 h before start, then 60 min before, then start, then end', () => {
    expect(nextDueAt(code, 'pending', nowMs)).toBe(iso(nowMs + startsIn - 72 * HOUR));
    expect(nextDueAt(code, 'pending', nowMs + startsIn - 72 * HOUR)).toBe(
      iso(nowMs + startsIn - HOUR),
    );
    expect(nextDueAt(code, 'pending', nowMs + startsIn - HOUR)).toBe(iso(nowMs + startsIn));
    expect(nextDueAt(code, 'pending', nowMs + startsIn)).toBe(iso(nowMs + startsIn + 3 * DAY));
    expect(nextDueAt(code, 'pending', nowMs + startsIn + 3 * DAY)).toBeNull();
  });

  it('scheduled waits for start; active for end', () => {
    expect(nextDueAt(code, 'scheduled', nowMs)).toBe(iso(nowMs + startsIn));
    expect(nextDueAt(code, 'active', nowMs)).toBe(iso(nowMs + startsIn + 3 * DAY));
  });

  it('is null for ongoing codes and for phases only Seam moves', () => {
    expect(nextDueAt(accessCode({ status: 'set' }), 'active', nowMs)).toBeNull();
    expect(nextDueAt(code, 'removing', nowMs)).toBeNull();
    expect(nextDueAt(code, 'removed', nowMs)).toBeNull();
    expect(nextDueAt(code, 'submitting', nowMs)).toBeNull();
  });
});
