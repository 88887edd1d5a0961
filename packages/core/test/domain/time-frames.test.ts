// The lock's *_time_frame_options (@seamapi/types 1.977) in validateCodeDraft and their reader.
import { describe, expect, it } from 'vitest';
import { validateCodeDraft, type DraftValidation } from '../../src/domain/index.js';
import { parseIsoDuration, readTimeFrameOptions } from '../../src/domain/time-frames.js';
import { makeDevice } from './fixtures.js';

const NOW = '2026-12-01T12:00:00.000Z';
const codes = (result: DraftValidation) => [
  ...result.errors.map((issue) => `${issue.field}:${issue.code}`),
  ...result.warnings.map((issue) => `warning ${issue.field}:${issue.code}`),
];

/** An igloohome-like lock: algoPIN hourly (1–672 h) or daily with matching times (1–367 days). */
const algopin = makeDevice({
  location: { time_zone: 'Europe/London' },
  can_program_offline_access_codes: true,
  properties: {
    offline_access_codes_enabled: true,
    online_time_frame_options: [
      { display_name: 'Hourly', min_duration: 'PT1H', max_duration: 'PT672H' },
      {
        display_name: 'Daily',
        min_duration: 'P29D',
        max_duration: 'P367D',
        matching_start_end_time: true,
      },
    ],
    offline_time_frame_options: [
      {
        display_name: 'Fixed check-in',
        max_duration: 'P30D',
        time_pairs: [{ display_name: 'Stay', start_time: '15:00', end_time: '11:00' }],
        time_zone: 'America/New_York',
        start_date_recurrence_rule: 'FREQ=WEEKLY;BYDAY=SA',
      },
    ],
  },
});

function check(starts_at: string, ends_at: string, extra: Record<string, unknown> = {}) {
  return codes(validateCodeDraft({ starts_at, ends_at, ...extra }, { device: algopin, now: NOW }));
}

describe('time frame options', () => {
  it('reads ISO 8601 durations exactly, and refuses to guess years and months', () => {
    expect(parseIsoDuration('PT1H')).toBe(3_600_000);
    expect(parseIsoDuration('P29D')).toBe(29 * 86_400_000);
    expect(parseIsoDuration('P1W')).toBe(7 * 86_400_000);
    expect(parseIsoDuration('PT1H30M')).toBe(5_400_000);
    expect(parseIsoDuration('P1Y')).toBeNull();
    expect(parseIsoDuration('P')).toBeNull();
  });

  it('accepts a window in a band whose rules it meets', () => {
    expect(check('2026-12-02T10:00:00Z', '2026-12-02T14:00:00Z')).toEqual([]);
    expect(check('2026-12-02T10:00:00Z', '2027-01-05T10:00:00Z')).toEqual([]);
  });

  it('refuses a length no option offers, naming the bands', () => {
    const result = validateCodeDraft(
      { starts_at: '2026-12-02T10:00:00Z', ends_at: '2026-12-31T09:00:00Z' },
      { device: algopin, now: NOW },
    );
    expect(codes(result)).toEqual(['ends_at:time_frame_not_offered']);
    expect(result.errors[0]!.message).toContain('Hourly: 1 hour to 28 days');
    expect(result.errors[0]!.message).toContain('Daily: 29 days to 367 days');
  });

  it('refuses a daily window whose end is not at the start’s clock time, in the lock’s zone', () => {
    const result = validateCodeDraft(
      { starts_at: '2026-12-02T10:00:00Z', ends_at: '2027-01-05T12:00:00Z' },
      { device: algopin, now: NOW },
    );
    expect(codes(result)).toEqual(['starts_at:time_frame_rule']);
    expect(result.errors[0]!.message).toContain('same time of day (Europe/London)');
  });

  it('holds offline codes to the offline options: fixed pairs in the option’s zone', () => {
    // 15:00 to 11:00 in New York (UTC-5 in December).
    expect(
      check('2026-12-05T20:00:00Z', '2026-12-08T16:00:00Z', { is_offline_access_code: true }),
    ).toEqual(['warning starts_at:time_frame_dates_unchecked']);
    const wrong = check('2026-12-05T19:00:00Z', '2026-12-08T16:00:00Z', {
      is_offline_access_code: true,
    });
    expect(wrong).toContain('starts_at:time_frame_rule');
  });

  it('refuses nothing when the lock sets no options or one cannot be read', () => {
    const open = makeDevice();
    expect(readTimeFrameOptions(open, false)).toBeNull();
    const odd = makeDevice({
      properties: {
        online_time_frame_options: [{ display_name: 'Monthly', max_duration: 'P1M' }],
      },
    });
    expect(readTimeFrameOptions(odd, false)).toBeNull();
    expect(
      codes(
        validateCodeDraft(
          { starts_at: '2026-12-02T10:00:00Z', ends_at: '2027-12-02T10:00:00Z' },
          { device: odd, now: NOW },
        ),
      ),
    ).toEqual([]);
  });
});
