/**
 * The time frames a lock offers for new codes (`online_time_frame_options` and
 * `offline_time_frame_options`, @seamapi/types 1.977): a list of options, each a duration band
 * plus time-of-day rules. A requested window must fit one of them; when the property is absent,
 * any window works. Read defensively: an option this package cannot read is never used to refuse.
 */
import type { Device } from '@seamapi/types/connect';
import { isValidTimeZone } from './time-zones.js';

/** A fixed start/end pairing of an option, as 24-hour `HH:MM` in the option's zone. */
export interface TimeFramePair {
  displayName: string;
  startTime: string;
  endTime: string;
}

/** One option as read: durations in milliseconds, null where the option sets no bound. */
export interface TimeFrameOption {
  displayName: string;
  minDurationMs: number | null;
  maxDurationMs: number | null;
  /** Start and end fall at the same time of day. */
  matchingStartEndTime: boolean;
  /** Fixed pairings to choose from; empty when the option fixes none. */
  timePairs: TimeFramePair[];
  /** The RRULEs dates must fall on; this package does not evaluate them (a warning says so). */
  dateRules: string[];
  /** The IANA zone of the pairs and rules, else the lock's. */
  timeZone: string | null;
}

/** Why a window does not fit, as a code, a field and a sentence (no PIN, no secret). */
export interface TimeFrameFinding {
  kind: 'error' | 'warning';
  field: 'starts_at' | 'ends_at';
  code: string;
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DAY_MS = 86_400_000;

/**
 * An ISO 8601 duration in milliseconds (`P29D`, `PT672H`, `P1W`, `PT1H30M`), or null when it
 * cannot be read exactly (years and months have no fixed length).
 */
export function parseIsoDuration(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    text,
  );
  if (match === null || text === 'P' || text.endsWith('T')) return null;
  const [, weeks, days, hours, minutes, seconds] = match;
  return (
    Number(weeks ?? 0) * 7 * DAY_MS +
    Number(days ?? 0) * DAY_MS +
    Number(hours ?? 0) * 3_600_000 +
    Number(minutes ?? 0) * 60_000 +
    Math.round(Number(seconds ?? 0) * 1000)
  );
}

function readPair(value: unknown): TimeFramePair | null {
  if (!isRecord(value)) return null;
  const { display_name, start_time, end_time } = value;
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (typeof start_time !== 'string' || !time.test(start_time)) return null;
  if (typeof end_time !== 'string' || !time.test(end_time)) return null;
  return {
    displayName: typeof display_name === 'string' ? display_name : `${start_time}–${end_time}`,
    startTime: start_time,
    endTime: end_time,
  };
}

function readOption(value: unknown): TimeFrameOption | null {
  if (!isRecord(value)) return null;
  const min = value['min_duration'] === undefined ? null : parseIsoDuration(value['min_duration']);
  const max = value['max_duration'] === undefined ? null : parseIsoDuration(value['max_duration']);
  // A bound that is there but unreadable makes the option unreadable: never refuse on a guess.
  if (value['min_duration'] !== undefined && min === null) return null;
  if (value['max_duration'] !== undefined && max === null) return null;
  const pairs = Array.isArray(value['time_pairs']) ? value['time_pairs'].map(readPair) : [];
  if (pairs.some((pair) => pair === null)) return null;
  const zone = value['time_zone'];
  return {
    displayName: typeof value['display_name'] === 'string' ? value['display_name'] : 'this option',
    minDurationMs: min,
    maxDurationMs: max,
    matchingStartEndTime: value['matching_start_end_time'] === true,
    timePairs: pairs as TimeFramePair[],
    dateRules: ['start_date_recurrence_rule', 'end_date_recurrence_rule']
      .map((key) => value[key])
      .filter((rule): rule is string => typeof rule === 'string' && rule !== ''),
    timeZone: typeof zone === 'string' && isValidTimeZone(zone) ? zone : null,
  };
}

/**
 * The options for online or offline codes, or null when the lock sets none (any window works)
 * or when one of them cannot be read (then nothing is refused on their account).
 */
export function readTimeFrameOptions(device: Device, offline: boolean): TimeFrameOption[] | null {
  const properties: Record<string, unknown> =
    isRecord(device) && isRecord(device.properties) ? device.properties : {};
  const list = properties[offline ? 'offline_time_frame_options' : 'online_time_frame_options'];
  if (!Array.isArray(list) || list.length === 0) return null;
  const options = list.map(readOption);
  return options.some((option) => option === null) ? null : (options as TimeFrameOption[]);
}

function describeMs(ms: number): string {
  if (ms % DAY_MS === 0) return `${ms / DAY_MS} day${ms === DAY_MS ? '' : 's'}`;
  const hours = ms / 3_600_000;
  return Number.isInteger(hours) ? `${hours} hour${hours === 1 ? '' : 's'}` : `${ms / 60_000} min`;
}

function describeBand(option: TimeFrameOption): string {
  const { minDurationMs: min, maxDurationMs: max } = option;
  if (min !== null && max !== null) return `${describeMs(min)} to ${describeMs(max)}`;
  if (min !== null) return `at least ${describeMs(min)}`;
  if (max !== null) return `at most ${describeMs(max)}`;
  return 'any length';
}

/** `HH:MM` that clocks in `timeZone` show at `epochMs`. */
function clockTime(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

function fitsRules(option: TimeFrameOption, start: number, end: number, zone: string): boolean {
  const startClock = clockTime(start, zone);
  const endClock = clockTime(end, zone);
  if (option.matchingStartEndTime && startClock !== endClock) return false;
  if (option.timePairs.length > 0) {
    return option.timePairs.some(
      (pair) => pair.startTime === startClock && pair.endTime === endClock,
    );
  }
  return true;
}

/**
 * Whether the window `[start, end)` fits one of the options: its length within the option's band,
 * then its time-of-day rules (in the option's zone, else `lockTimeZone`, else UTC). Date
 * recurrence rules are not evaluated; a warning says so when the chosen option has one.
 */
export function checkTimeFrame(
  options: readonly TimeFrameOption[],
  start: number,
  end: number,
  lockTimeZone: string | null,
): TimeFrameFinding[] {
  const duration = end - start;
  const inBand = options.filter(
    (option) =>
      (option.minDurationMs === null || duration >= option.minDurationMs) &&
      (option.maxDurationMs === null || duration <= option.maxDurationMs),
  );
  if (inBand.length === 0) {
    const offered = options.map((option) => `${option.displayName}: ${describeBand(option)}`);
    return [
      {
        kind: 'error',
        field: 'ends_at',
        code: 'time_frame_not_offered',
        message:
          `This lock offers codes of ${offered.join('; ')}. This one lasts ` +
          `${describeMs(duration)}: move the end so that the length fits.`,
      },
    ];
  }
  const zoneOf = (option: TimeFrameOption) => option.timeZone ?? lockTimeZone ?? 'UTC';
  const fitting = inBand.find((option) => fitsRules(option, start, end, zoneOf(option)));
  if (fitting === undefined) {
    const option = inBand[0]!;
    const zone = zoneOf(option);
    const message =
      option.timePairs.length > 0
        ? `${option.displayName} codes start and end at fixed times (${zone}): ` +
          `${option.timePairs.map((pair) => `${pair.displayName} ${pair.startTime}–${pair.endTime}`).join(', ')}. ` +
          'Choose one of these pairs for the start and end.'
        : `${option.displayName} codes must start and end at the same time of day (${zone}). ` +
          'Move the end to the same clock time as the start.';
    return [{ kind: 'error', field: 'starts_at', code: 'time_frame_rule', message }];
  }
  if (fitting.dateRules.length > 0) {
    return [
      {
        kind: 'warning',
        field: 'starts_at',
        code: 'time_frame_dates_unchecked',
        message:
          `${fitting.displayName} codes may only start or end on certain dates ` +
          `(${fitting.dateRules.join('; ')}), which were not checked here; Seam checks them.`,
      },
    ];
  }
  return [];
}
