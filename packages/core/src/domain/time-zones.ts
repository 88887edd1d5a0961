/**
 * Time zones with nothing but `Intl.DateTimeFormat`: the runtime's own tz database, a few hundred
 * bytes shipped (spec pms-sites-and-extension.md §3 compares the libraries). Wall times resolve as
 * Temporal's `disambiguation: 'compatible'` does; the tests hold this against `temporal-polyfill`.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** A UTC instant with a zone offset: `YYYY-MM-DDTHH:mm[:ss[.fff]](Z|±HH:mm|±HHmm|±HH)`. */
const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/** A wall time without an offset: `YYYY-MM-DDTHH:mm[:ss[.fff]]`. */
const WALL_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** Why a text is not a usable instant; `missing_offset` gets its own advice. */
export type InstantProblem = 'not_iso_8601' | 'missing_offset' | 'impossible_date';

/** The outcome of `parseInstant`: epoch milliseconds, or the reason it failed. */
export type ParsedInstant = { ok: true; epochMs: number } | { ok: false; problem: InstantProblem };

interface CalendarFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function isRealCalendarTime(f: CalendarFields): boolean {
  return (
    f.year >= 1 &&
    f.month >= 1 &&
    f.month <= 12 &&
    f.day >= 1 &&
    f.day <= daysInMonth(f.year, f.month) &&
    f.hour <= 23 &&
    f.minute <= 59 &&
    f.second <= 59
  );
}

/** Epoch milliseconds of calendar fields read as UTC; years 1–99 are not shifted to 19xx. */
function utcEpochMs(f: CalendarFields): number {
  const date = new Date(0);
  date.setUTCFullYear(f.year, f.month - 1, f.day);
  date.setUTCHours(f.hour, f.minute, f.second, f.millisecond);
  return date.getTime();
}

function fractionToMs(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(fraction.padEnd(3, '0').slice(0, 3));
}

/**
 * Reads an ISO 8601 instant strictly: calendar-checked (no 31 April), with `Z` or an offset.
 * Offset-less text is refused because Seam silently reads it as UTC (seamapi/docs#405).
 * Fractions beyond milliseconds are truncated.
 */
export function parseInstant(text: string): ParsedInstant {
  const match = INSTANT_PATTERN.exec(text);
  if (!match) return { ok: false, problem: 'not_iso_8601' };
  const [, y, mo, d, h, mi, s, frac, zulu, sign, offH, offM] = match;
  const fields: CalendarFields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? '0'),
    millisecond: fractionToMs(frac),
  };
  if (!isRealCalendarTime(fields)) return { ok: false, problem: 'impossible_date' };
  if (zulu === undefined && sign === undefined) return { ok: false, problem: 'missing_offset' };
  let offsetMinutes = 0;
  if (sign !== undefined) {
    const hours = Number(offH);
    const minutes = Number(offM ?? '0');
    if (hours > 23 || minutes > 59) return { ok: false, problem: 'not_iso_8601' };
    offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return { ok: true, epochMs: utcEpochMs(fields) - offsetMinutes * MS_PER_MINUTE };
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building them is the slow part of Intl, reading them is cheap. */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone name (any case or alias) that this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function requireTimeZone(timeZone: string, caller: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new RangeError(
      `${caller}: ${JSON.stringify(timeZone)} is not a time zone this runtime knows. ` +
        `Pass an IANA name such as "America/Denver" (the device's location.time_zone).`,
    );
  }
}

/** Wall-clock fields of an instant in a zone, to the second. */
function wallFieldsAt(epochMs: number, timeZone: string): CalendarFields {
  const fields: CalendarFields = {
    year: 0,
    month: 0,
    day: 0,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
  };
  let beforeCommonEra = false;
  for (const part of partsFormatter(timeZone).formatToParts(epochMs)) {
    switch (part.type) {
      case 'era':
        beforeCommonEra = part.value.startsWith('B');
        break;
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        fields[part.type] = Number(part.value);
        break;
    }
  }
  if (beforeCommonEra) fields.year = 1 - fields.year;
  return fields;
}

/** The zone's offset from UTC at an instant, in milliseconds (whole seconds, as in tzdata). */
function offsetMsAt(epochMs: number, timeZone: string): number {
  const wholeSecondMs = Math.floor(epochMs / 1000) * 1000;
  return utcEpochMs(wallFieldsAt(wholeSecondMs, timeZone)) - wholeSecondMs;
}

/**
 * The UTC instant at which the clocks in `timeZone` show `wallTime`.
 *
 * A wall time skipped by a spring-forward change resolves to the later instant (02:30 in a 02:00
 * to 03:00 gap becomes 03:30 local time), and a wall time repeated by a fall-back change resolves to
 * the earlier of the two: Temporal's `disambiguation: 'compatible'`.
 *
 * @example zonedWallTimeToInstant('2026-12-03T15:00', 'America/Denver') // '2026-12-03T22:00:00.000Z'
 * @throws RangeError when the zone is unknown or the wall time is not a real `YYYY-MM-DDTHH:mm[:ss]`.
 */
export function zonedWallTimeToInstant(wallTime: string, timeZone: string): string {
  requireTimeZone(timeZone, 'zonedWallTimeToInstant');
  const match = typeof wallTime === 'string' ? WALL_TIME_PATTERN.exec(wallTime) : null;
  const fields: CalendarFields | null = match
    ? {
        year: Number(match[1]),
        month: Number(match[2]),
        day: Number(match[3]),
        hour: Number(match[4]),
        minute: Number(match[5]),
        second: Number(match[6] ?? '0'),
        millisecond: fractionToMs(match[7]),
      }
    : null;
  if (!fields || !isRealCalendarTime(fields)) {
    throw new RangeError(
      `zonedWallTimeToInstant: ${JSON.stringify(wallTime)} is not a wall time. ` +
        `Pass a real local date and time as "YYYY-MM-DDTHH:mm" or "YYYY-MM-DDTHH:mm:ss", ` +
        `without an offset, e.g. "2026-12-03T15:00".`,
    );
  }
  const wallMs = utcEpochMs(fields);
  // Offsets a day either side bracket any single transition near this wall time.
  const offsetBefore = offsetMsAt(wallMs - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMsAt(wallMs + MS_PER_DAY, timeZone);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (candidate) => candidate + offsetMsAt(candidate, timeZone) === wallMs,
  );
  // Both valid: a repeated hour, take the earlier. None valid: a skipped hour; reading the wall
  // time with the offset in force before the change lands after the gap ("later").
  const epochMs = candidates.length > 0 ? Math.min(...candidates) : wallMs - offsetBefore;
  return new Date(epochMs).toISOString();
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function requireInstant(instant: string, caller: string): number {
  const parsed = typeof instant === 'string' ? parseInstant(instant) : null;
  if (!parsed || !parsed.ok) {
    throw new RangeError(
      `${caller}: ${JSON.stringify(instant)} is not an ISO 8601 instant. ` +
        `Pass a UTC time with Z or an offset, e.g. "2026-12-03T22:00:00Z".`,
    );
  }
  return parsed.epochMs;
}

/**
 * The wall time (`YYYY-MM-DDTHH:mm`, seconds dropped) that clocks in `timeZone` show at `instant`:
 * what a `<input type="datetime-local">` expects. The inverse of `zonedWallTimeToInstant`, except
 * that the second pass of a repeated hour maps back to its first pass.
 *
 * @throws RangeError when the zone is unknown or `instant` is not an ISO 8601 instant with an offset.
 */
export function instantToZonedWallTime(instant: string, timeZone: string): string {
  requireTimeZone(timeZone, 'instantToZonedWallTime');
  const f = wallFieldsAt(requireInstant(instant, 'instantToZonedWallTime'), timeZone);
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}

/** An instant as read in one zone. */
export interface ZonedText {
  /** The IANA zone, as the runtime canonicalises it (e.g. `US/Mountain` → `America/Denver`). */
  timeZone: string;
  /** Date and time in the zone, e.g. `Dec 3, 2026, 3:00 PM`. */
  dateTime: string;
  /** The zone's abbreviation at that instant in the locale, e.g. `MST`, or `GMT+1` without one. */
  abbreviation: string;
  /** The zone's long name at that instant, e.g. `Mountain Standard Time`. */
  longName: string;
  /** The UTC offset at that instant, e.g. `-07:00`. */
  offset: string;
  /** `dateTime` and `abbreviation` together, e.g. `Dec 3, 2026, 3:00 PM MST`. */
  text: string;
}

/** An instant shown in the lock's zone and, when it differs, in the viewer's. */
export interface FormattedInstant {
  /** The instant, normalised to `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  instant: string;
  /** How the instant reads at the lock. */
  lock: ZonedText;
  /** How it reads for the viewer; null when no viewer zone was given or it is the lock's zone. */
  viewer: ZonedText | null;
}

function formatOffset(offsetMs: number): string {
  const totalMinutes = Math.round(Math.abs(offsetMs) / MS_PER_MINUTE);
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(totalMinutes / 60))}:${pad(totalMinutes % 60)}`;
}

function zoneName(epochMs: number, timeZone: string, locale: string, style: 'short' | 'long') {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style })
    .formatToParts(epochMs)
    .find((candidate) => candidate.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

function zonedText(epochMs: number, timeZone: string, locale: string): ZonedText {
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const dateTime = dateTimeFormat.format(epochMs);
  const abbreviation = zoneName(epochMs, timeZone, locale, 'short');
  return {
    timeZone: dateTimeFormat.resolvedOptions().timeZone,
    dateTime,
    abbreviation,
    longName: zoneName(epochMs, timeZone, locale, 'long'),
    offset: formatOffset(offsetMsAt(epochMs, timeZone)),
    text: `${dateTime} ${abbreviation}`,
  };
}

/**
 * Shows an instant in the lock's zone (`timeZone`) and, when `viewerTimeZone` is another zone, in
 * the viewer's too, so that "3:00 PM" is never ambiguous. `locale` defaults to `en-US` so that the
 * output does not depend on where it runs; pages pass `navigator.language`.
 *
 * @example formatInstant('2026-12-03T22:00:00Z', { timeZone: 'America/Denver', viewerTimeZone: 'Europe/Berlin' })
 * // lock.text 'Dec 3, 2026, 3:00 PM MST', viewer.text 'Dec 3, 2026, 11:00 PM GMT+1'
 * @throws RangeError for an unknown zone or locale, or an instant without an offset.
 */
export function formatInstant(
  instant: string,
  options: { timeZone: string; viewerTimeZone?: string; locale?: string },
): FormattedInstant {
  requireTimeZone(options.timeZone, 'formatInstant');
  if (options.viewerTimeZone !== undefined) {
    requireTimeZone(options.viewerTimeZone, 'formatInstant (viewerTimeZone)');
  }
  const locale = options.locale ?? 'en-US';
  try {
    Intl.getCanonicalLocales(locale);
  } catch {
    throw new RangeError(
      `formatInstant: ${JSON.stringify(locale)} is not a BCP 47 locale. Pass one such as "en-US" or "de".`,
    );
  }
  const epochMs = requireInstant(instant, 'formatInstant');
  const lock = zonedText(epochMs, options.timeZone, locale);
  const viewer =
    options.viewerTimeZone === undefined
      ? null
      : zonedText(epochMs, options.viewerTimeZone, locale);
  return {
    instant: new Date(epochMs).toISOString(),
    lock,
    viewer: viewer && viewer.timeZone !== lock.timeZone ? viewer : null,
  };
}
