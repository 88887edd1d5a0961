// Table tests of the create request: normalisation, the in-flight key, and matching a found code.
import { describe, expect, it } from 'vitest';

import { SeamApiError, SeamNetworkError, SeamTimeoutError } from '../../src/client/index.js';
import {
  accessCodeRequestKey,
  buildCreateMultipleRequest,
  buildCreateRequest,
  matchesCreateRequest,
  mayHaveBeenActedOn,
} from '../../src/codes/index.js';

describe('buildCreateRequest', () => {
  it('keeps set fields only, sorted, with canonical UTC times', () => {
    expect(
      buildCreateRequest({
        device_id: 'd1',
        name: 'Guest',
        code: '',
        starts_at: '2031-01-01T08:00:00-07:00',
        ends_at: null,
        preferred_code_length: null,
        prefer_native_scheduling: false,
        max_time_rounding: '1d',
      }),
    ).toEqual({
      device_id: 'd1',
      max_time_rounding: '1d',
      name: 'Guest',
      prefer_native_scheduling: false,
      starts_at: '2031-01-01T15:00:00.000Z',
    });
  });

  it('leaves an unparseable time as written, for Seam to reject in its own words', () => {
    expect(buildCreateRequest({ device_id: 'd1', starts_at: 'next tuesday' }).starts_at).toBe(
      'next tuesday',
    );
  });

  it('create_multiple takes only the fields Seam accepts there', () => {
    expect(
      buildCreateMultipleRequest({
        device_ids: ['a', 'b'],
        name: 'Both',
        behavior_when_code_cannot_be_shared: 'throw',
      }),
    ).toEqual({
      behavior_when_code_cannot_be_shared: 'throw',
      device_ids: ['a', 'b'],
      name: 'Both',
    });
    expect(() => buildCreateMultipleRequest({ device_ids: [] })).toThrow(/non-empty array/);
    expect(() =>
      buildCreateMultipleRequest({
        device_ids: ['a'],
        behavior_when_code_cannot_be_shared: 'skip',
      } as never),
    ).toThrow(/"throw" or "create_random_code"/);
  });
});

describe('accessCodeRequestKey', () => {
  const key = (input: Parameters<typeof buildCreateRequest>[0]) =>
    accessCodeRequestKey(buildCreateRequest(input));

  it.each([
    ['key order', { name: 'A', device_id: 'd1' }, { device_id: 'd1', name: 'A' }],
    [
      'empty and null fields',
      { device_id: 'd1', name: 'A', code: '', ends_at: null },
      { device_id: 'd1', name: 'A' },
    ],
    [
      'two spellings of one instant',
      { device_id: 'd1', starts_at: '2031-01-01T15:00:00Z', ends_at: '2031-01-02T00:00:00+02:00' },
      { device_id: 'd1', starts_at: '2031-01-01T15:00:00.000Z', ends_at: '2031-01-01T22:00:00Z' },
    ],
  ])('is equal across %s', (_label, a, b) => {
    expect(key(a)).toBe(key(b));
  });

  it.each([
    ['name', { device_id: 'd1', name: 'A' }, { device_id: 'd1', name: 'B' }],
    ['device', { device_id: 'd1' }, { device_id: 'd2' }],
    ['PIN', { device_id: 'd1', code: '1234' }, { device_id: 'd1', code: '1235' }],
    [
      'window',
      { device_id: 'd1', starts_at: '2031-01-01T15:00:00Z' },
      { device_id: 'd1', starts_at: '2031-01-01T15:00:01Z' },
    ],
    ['an option', { device_id: 'd1' }, { device_id: 'd1', prefer_native_scheduling: false }],
  ])('differs by %s', (_label, a, b) => {
    expect(key(a)).not.toBe(key(b));
  });
});

describe('matchesCreateRequest', () => {
  const requestedAt = Date.parse('2026-06-01T12:00:00Z');
  const body = buildCreateRequest({
    device_id: 'd1',
    name: 'Guest',
    code: '4821',
    starts_at: '2026-07-01T15:00:00Z',
    ends_at: '2026-07-03T11:00:00Z',
  });
  const found = {
    device_id: 'd1',
    name: 'Guest',
    code: '4821',
    starts_at: '2026-07-01T15:00:00.000Z',
    ends_at: '2026-07-03T11:00:00.000Z',
    created_at: '2026-06-01T12:00:01Z',
  };

  it.each([
    ['the same code', {}, true],
    [
      'created within the clock-skew allowance before the request',
      { created_at: '2026-06-01T11:59:00Z' },
      true,
    ],
    ['another device', { device_id: 'd2' }, false],
    ['another name', { name: 'Guest 2' }, false],
    ['another PIN', { code: '4822' }, false],
    ['another start', { starts_at: '2026-07-01T16:00:00Z' }, false],
    ['no window (ongoing)', { starts_at: null, ends_at: null }, false],
    ['created well before the request', { created_at: '2026-06-01T11:00:00Z' }, false],
    ['a backup code', { is_backup: true }, false],
  ])('%s → %s', (_label, change, expected) => {
    expect(matchesCreateRequest({ ...found, ...change }, body, 'd1', requestedAt - 120_000)).toBe(
      expected,
    );
  });

  it('without a chosen PIN or name, any PIN and name match; an ongoing request wants no window', () => {
    const ongoing = buildCreateRequest({ device_id: 'd1' });
    const code = { ...found, starts_at: null, ends_at: null };
    expect(
      matchesCreateRequest(
        { ...code, code: '9999', name: 'Seam named it' },
        ongoing,
        'd1',
        requestedAt,
      ),
    ).toBe(true);
    expect(matchesCreateRequest(found, ongoing, 'd1', requestedAt)).toBe(false);
  });
});

describe('mayHaveBeenActedOn', () => {
  it.each([
    ['a timeout', new SeamTimeoutError({ timeoutMs: 1 }), true],
    [
      'a connection lost after sending',
      new SeamNetworkError({ message: 'm', requestMayHaveBeenSent: true }),
      true,
    ],
    [
      'a refused connection',
      new SeamNetworkError({ message: 'm', requestMayHaveBeenSent: false }),
      false,
    ],
    ['a 503', new SeamApiError({ type: 'service_unavailable', message: 'm', status: 503 }), true],
    [
      'an unreadable 200',
      new SeamApiError({ type: 'invalid_response', message: 'm', status: 200 }),
      true,
    ],
    ['a 400', new SeamApiError({ type: 'invalid_input', message: 'm', status: 400 }), false],
    [
      'a 409',
      new SeamApiError({ type: 'duplicate_access_code', message: 'm', status: 409 }),
      false,
    ],
    ['an unknown error', new Error('x'), false],
  ])('%s → %s', (_label, error, expected) => {
    expect(mayHaveBeenActedOn(error)).toBe(expected);
  });
});
