import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  instantToZonedWallTime,
  isValidTimeZone,
  parseInstant,
  zonedWallTimeToInstant,
} from '../../src/domain/index.js';

/** Zones with 1-hour, 30-minute, 45-minute, half-hour-offset, midnight and no DST changes. */
const ORACLE_ZONES = [
  'America/Denver',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/St_Johns',
] as const;

/** What Temporal says, normalised to `toISOString` form. */
function oracleInstant(wallTime: string, timeZone: string): string {
  const epochMs = Temporal.PlainDateTime.from(wallTime)
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
    .toInstant().epochMilliseconds;
  return new Date(epochMs).toISOString();
}

function oracleWallTime(epochMs: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs)
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

/** Wall time `YYYY-MM-DDTHH:mm` of an instant read with a fixed offset. */
function wallAtOffset(epochMs: number, offsetMs: number): string {
  return new Date(epochMs + offsetMs).toISOString().slice(0, 16);
}

/** Every DST (or offset) change of a zone between two years, from the oracle. */
function transitions(timeZone: string, fromYear: number, toYear: number): number[] {
  const found: number[] = [];
  let cursor: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({
    year: fromYear,
    month: 1,
    day: 1,
    timeZone,
  });
  const end = Temporal.ZonedDateTime.from({ year: toYear + 1, month: 1, day: 1, timeZone });
  while (cursor) {
    cursor = cursor.getTimeZoneTransition('next');
    if (!cursor || Temporal.ZonedDateTime.compare(cursor, end) >= 0) break;
    found.push(cursor.epochMilliseconds);
  }
  return found;
}

describe('zonedWallTimeToInstant', () => {
  it.each<[string, string, string]>([
    ['2026-12-03T15:00', 'America/Denver', '2026-12-03T22:00:00.000Z'],
    ['2026-12-03T15:00', 'Europe/Madrid', '2026-12-03T14:00:00.000Z'],
    // A skipped hour resolves later, a repeated one earlier (spec pms-sites §3.3).
    ['2026-03-08T02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-10-04T02:30', 'Australia/Sydney', '2026-10-03T16:30:00.000Z'],
    ['2026-10-04T02:15', 'Australia/Lord_Howe', '2026-10-03T15:45:00.000Z'],
    ['2026-07-01T09:00:30', 'Asia/Kolkata', '2026-07-01T03:30:30.000Z'],
    ['2026-12-03T15:00', 'UTC', '2026-12-03T15:00:00.000Z'],
    ['0050-06-01T12:00', 'UTC', '0050-06-01T12:00:00.000Z'],
  ])('%s in %s is %s', (wallTime, timeZone, expected) => {
    expect(zonedWallTimeToInstant(wallTime, timeZone)).toBe(expected);
  });

  it.each([
    ['2026-02-30T10:00', 'a day that does not exist'],
    ['2026-12-03T24:00', 'hour 24'],
    ['2026-12-03 15:00', 'a space instead of T'],
    ['2026-12-03T15:00Z', 'an offset'],
    ['2026-12-03', 'no time'],
    ['3 Dec 2026, 3pm', 'free text'],
  ])('refuses %j (%s) with a RangeError that shows the expected form', (wallTime) => {
    expect(() => zonedWallTimeToInstant(wallTime, 'America/Denver')).toThrow(
      /not a wall time.*"YYYY-MM-DDTHH:mm"/,
    );
    expect(() => zonedWallTimeToInstant(wallTime, 'America/Denver')).toThrow(RangeError);
  });

  it.each(['Mars/Olympus', '', 'America/Denverr'])('refuses the zone %j', (zone) => {
    expect(() => zonedWallTimeToInstant('2026-12-03T15:00', zone)).toThrow(
      /is not a time zone this runtime knows.*IANA/,
    );
  });

  describe.each(ORACLE_ZONES)('agrees with Temporal around every change in %s', (timeZone) => {
    // São Paulo dropped DST in 2019, so look at its last years with it.
    const [from, to] = timeZone === 'America/Sao_Paulo' ? [2015, 2019] : [2024, 2027];
    const changes = transitions(timeZone, from, to);

    it(`has the changes expected (${changes.length} between ${from} and ${to})`, () => {
      expect(changes.length).toBe(
        timeZone === 'Asia/Kolkata'
          ? 0
          : 2 * (to - from + 1) - (timeZone === 'America/Sao_Paulo' ? 1 : 0),
      );
    });

    it('for every wall time within 3 hours of each change, in 5-minute steps', () => {
      let compared = 0;
      for (const change of changes) {
        const before = Temporal.Instant.fromEpochMilliseconds(change - 1).toZonedDateTimeISO(
          timeZone,
        );
        const after = Temporal.Instant.fromEpochMilliseconds(change).toZonedDateTimeISO(timeZone);
        for (let minutes = -180; minutes <= 180; minutes += 5) {
          const at = change + minutes * 60_000;
          for (const offset of [before.offsetNanoseconds, after.offsetNanoseconds]) {
            const wallTime = wallAtOffset(at, offset / 1e6);
            expect(zonedWallTimeToInstant(wallTime, timeZone), wallTime).toBe(
              oracleInstant(wallTime, timeZone),
            );
            compared++;
          }
        }
      }
      expect(compared).toBe(changes.length * 73 * 2);
    });
  });

  it('agrees with Temporal for arbitrary wall times and zones (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ORACLE_ZONES, 'America/New_York', 'Australia/Sydney', 'Pacific/Apia'),
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2100-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (timeZone, date) => {
          const wallTime = date.toISOString().slice(0, 19);
          expect(zonedWallTimeToInstant(wallTime, timeZone)).toBe(
            oracleInstant(wallTime, timeZone),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('instantToZonedWallTime', () => {
  it.each<[string, string, string]>([
    ['2026-12-03T22:00:00Z', 'America/Denver', '2026-12-03T15:00'],
    ['2026-12-03T23:00:00+01:00', 'America/Denver', '2026-12-03T15:00'],
    ['2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01T01:30'],
    ['2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01T01:30'],
    ['2026-12-03T22:00:59.999Z', 'Pacific/Chatham', '2026-12-04T11:45'],
  ])('%s in %s reads %s', (instant, timeZone, expected) => {
    expect(instantToZonedWallTime(instant, timeZone)).toBe(expected);
  });

  it('refuses an instant without an offset', () => {
    expect(() => instantToZonedWallTime('2026-12-03T22:00:00', 'UTC')).toThrow(
      /not an ISO 8601 instant.*Z or an offset/,
    );
  });

  it('agrees with Temporal, and zonedWallTimeToInstant undoes it outside repeated hours (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ORACLE_ZONES),
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (timeZone, epochMs) => {
          const instant = new Date(epochMs).toISOString();
          const wallTime = instantToZonedWallTime(instant, timeZone);
          expect(wallTime).toBe(oracleWallTime(epochMs, timeZone));
          const back = Date.parse(zonedWallTimeToInstant(wallTime, timeZone));
          const minute = Math.floor(epochMs / 60_000) * 60_000;
          // The second pass of a repeated hour maps back to the first pass, up to 1 hour earlier.
          expect(back === minute || (back < minute && minute - back <= 3_600_000)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('formatInstant', () => {
  it("shows the lock's zone and the viewer's when they differ", () => {
    const formatted = formatInstant('2026-12-03T22:00:00Z', {
      timeZone: 'America/Denver',
      viewerTimeZone: 'Europe/Berlin',
    });
    expect(formatted).toEqual({
      instant: '2026-12-03T22:00:00.000Z',
      lock: {
        timeZone: 'America/Denver',
        dateTime: 'Dec 3, 2026, 3:00 PM',
        abbreviation: 'MST',
        longName: 'Mountain Standard Time',
        offset: '-07:00',
        text: 'Dec 3, 2026, 3:00 PM MST',
      },
      viewer: {
        timeZone: 'Europe/Berlin',
        dateTime: 'Dec 3, 2026, 11:00 PM',
        abbreviation: 'GMT+1',
        longName: 'Central European Standard Time',
        offset: '+01:00',
        text: 'Dec 3, 2026, 11:00 PM GMT+1',
      },
    });
  });

  it.each([undefined, 'America/Denver', 'US/Mountain'])(
    'leaves the viewer out when it is %s (none, or the same zone)',
    (viewerTimeZone) => {
      const formatted = formatInstant('2026-07-03T22:00:00Z', {
        timeZone: 'America/Denver',
        ...(viewerTimeZone ? { viewerTimeZone } : {}),
      });
      expect(formatted.viewer).toBeNull();
      expect(formatted.lock.text).toBe('Jul 3, 2026, 4:00 PM MDT');
    },
  );

  it.each<[string, string, string]>([
    ['Australia/Lord_Howe', '2026-12-03T22:00:00Z', '+11:00'],
    ['Australia/Lord_Howe', '2026-07-03T22:00:00Z', '+10:30'],
    ['Asia/Kolkata', '2026-07-03T22:00:00Z', '+05:30'],
    ['Pacific/Chatham', '2026-12-03T22:00:00Z', '+13:45'],
    ['America/St_Johns', '2026-12-03T22:00:00Z', '-03:30'],
  ])('gives the offset in %s at %s: %s', (timeZone, instant, offset) => {
    expect(formatInstant(instant, { timeZone }).lock.offset).toBe(offset);
  });

  it('uses the requested locale', () => {
    const formatted = formatInstant('2026-12-03T22:00:00Z', {
      timeZone: 'Europe/Berlin',
      locale: 'de-DE',
    });
    expect(formatted.lock.dateTime).toBe('03.12.2026, 23:00');
    expect(formatted.lock.abbreviation).toBe('MEZ');
  });

  it.each<[string, Parameters<typeof formatInstant>[1], RegExp]>([
    ['2026-12-03T22:00:00Z', { timeZone: 'Nowhere/Land' }, /not a time zone/],
    ['2026-12-03T22:00:00Z', { timeZone: 'UTC', viewerTimeZone: 'Nowhere/Land' }, /viewerTimeZone/],
    ['2026-12-03T22:00:00Z', { timeZone: 'UTC', locale: 'not a locale!' }, /not a BCP 47 locale/],
    ['2026-12-03T22:00:00', { timeZone: 'UTC' }, /not an ISO 8601 instant/],
  ])('refuses %s with %j', (instant, options, message) => {
    expect(() => formatInstant(instant, options)).toThrow(message);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    'America/Denver',
    'UTC',
    'europe/berlin',
    'Etc/GMT+5',
    'US/Mountain',
    'Australia/Lord_Howe',
  ])('knows %s', (zone) => expect(isValidTimeZone(zone)).toBe(true));
  it.each([
    '',
    '   ',
    'Mars/Olympus',
    'EST5EDT6',
    42 as unknown as string,
    null as unknown as string,
  ])('does not know %j', (zone) => expect(isValidTimeZone(zone)).toBe(false));
});

describe('parseInstant', () => {
  it.each<[string, string | null]>([
    ['2026-12-03T22:00:00Z', '2026-12-03T22:00:00.000Z'],
    ['2026-12-03T22:00Z', '2026-12-03T22:00:00.000Z'],
    ['2026-12-03t22:00:00z', '2026-12-03T22:00:00.000Z'],
    ['2026-12-03T22:00:00.123456789Z', '2026-12-03T22:00:00.123Z'],
    ['2026-12-03T15:00:00-07:00', '2026-12-03T22:00:00.000Z'],
    ['2026-12-04T03:30:00+0530', '2026-12-03T22:00:00.000Z'],
    ['2026-12-03T23:00:00+01', '2026-12-03T22:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('reads %s', (text, expected) => {
    const parsed = parseInstant(text);
    expect(parsed.ok && new Date(parsed.epochMs).toISOString()).toBe(expected);
  });

  it.each<[string, string]>([
    ['2026-12-03T22:00:00', 'missing_offset'],
    ['2025-02-29T00:00:00Z', 'impossible_date'],
    ['2026-12-03T22:60:00Z', 'impossible_date'],
    ['2026-12-03T22:00:00+24:00', 'not_iso_8601'],
    ['2026-12-03 22:00:00Z', 'not_iso_8601'],
    ['Thu, 03 Dec 2026 22:00:00 GMT', 'not_iso_8601'],
    ['', 'not_iso_8601'],
  ])('refuses %j as %s', (text, problem) => {
    expect(parseInstant(text)).toEqual({ ok: false, problem });
  });
});
