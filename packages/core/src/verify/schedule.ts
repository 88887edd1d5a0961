/**
 * When to look again: pure helpers of the verifier's scheduling. Kept apart from the runtime so
 * the rules can be read (and tested) in one place.
 */
import { SeamInvalidArgumentError } from '../client/errors.js';
import type { CodeState } from '../lifecycle/types.js';
import type { EventsSourceOptions, PollSourceOptions } from './types.js';

/**
 * The most ids one request carries (`/access_codes/list`, `/events/list`, one relay stream).
 * Seam documents no maximum for `access_code_ids`; 500 keeps a request body under 20 KB and is the
 * relay's limit of codes per subscriber token. More codes are split into several requests.
 */
export const MAX_IDS_PER_REQUEST = 500;

/**
 * The event types the events source asks for: those that change what a code shows. Not
 * `access_code.created` (the verifier already knows the code) nor device events (they name no
 * code; their effect on codes shows in the next snapshot).
 */
export const VERIFIER_EVENT_TYPES: readonly string[] = [
  'access_code.changed',
  'access_code.scheduled_on_device',
  'access_code.set_on_device',
  'access_code.delay_in_setting_on_device',
  'access_code.failed_to_set_on_device',
  'access_code.removed_from_device',
  'access_code.delay_in_removing_from_device',
  'access_code.failed_to_remove_from_device',
  'access_code.deleted',
  'access_code.modified_external_to_seam',
  'access_code.deleted_external_to_seam',
  'access_code.backup_access_code_pulled',
  'lock.unlocked',
];

/**
 * How a code's phase bears on polling:
 * - `moving`: Seam is acting (submitting, programming, delayed, awaiting a code, removing, an
 *   ongoing code not yet programmed), or nothing is known yet: poll fast, backing off while
 *   nothing changes;
 * - `stuck`: Seam keeps retrying (failed, removing_failed, unknown): back off further;
 * - `quiet`: nothing happens until a due moment (a time-bound code pending, scheduled, active):
 *   sleep;
 * - `done`: terminal.
 */
export type PhaseClass = 'moving' | 'stuck' | 'quiet' | 'done';

/**
 * The {@link PhaseClass} of a state at `now` (epoch ms; without it, as if the code's window had
 * not begun).
 */
export function phaseClass(state: CodeState, now?: number): PhaseClass {
  if (state.terminal) return 'done';
  switch (state.phase) {
    case 'pending': {
      // An ongoing code is programmed right away; a time-bound one waits for its due moments,
      // until its window has begun: from then on Seam owes the lock the code, so it is followed
      // as a code on its way, not left asleep until `ends_at`.
      const accessCode = state.snapshot?.accessCode;
      if (accessCode?.type !== 'time_bound') return 'moving';
      const startsAt = Date.parse(accessCode.starts_at ?? '');
      return now !== undefined && Number.isFinite(startsAt) && now >= startsAt ? 'moving' : 'quiet';
    }
    case 'scheduled':
    case 'active':
      return 'quiet';
    case 'failed':
    case 'removing_failed':
      return 'stuck';
    case 'unknown':
      return state.snapshot === null ? 'moving' : 'stuck';
    case 'removed':
    case 'rejected':
      return 'done';
    default:
      return 'moving';
  }
}

/** Poll options with every default filled in. */
export type ResolvedPollOptions = Required<PollSourceOptions>;

/** Events options with every default filled in. */
export interface ResolvedEventsOptions {
  readonly fastIntervalMs: number;
  readonly slowIntervalMs: number;
  readonly quietIntervalMs: number;
  readonly lookbackMs: number;
  readonly eventTypes: readonly string[] | null;
}

/** The defaults of {@link PollSourceOptions}. */
export const DEFAULT_POLL_OPTIONS: Readonly<ResolvedPollOptions> = Object.freeze({
  fastIntervalMs: 2_000,
  backoffFactor: 1.5,
  slowIntervalMs: 30_000,
  stuckIntervalMs: 120_000,
  quietIntervalMs: 30 * 60_000,
  dueWindowMs: 15 * 60_000,
});

/** The defaults of {@link EventsSourceOptions}. */
export const DEFAULT_EVENTS_OPTIONS: Readonly<ResolvedEventsOptions> = Object.freeze({
  fastIntervalMs: 2_000,
  slowIntervalMs: 30_000,
  quietIntervalMs: 60_000,
  lookbackMs: 10_000,
  eventTypes: VERIFIER_EVENT_TYPES,
});

/** How much a quiet source backs off per unchanged look (the events source uses the poll's). */
const EVENTS_BACKOFF_FACTOR = 1.5;

function fail(message: string): never {
  throw new SeamInvalidArgumentError(`createVerifier: ${message}`);
}

function checkMs(value: unknown, name: string, allowInfinity = false): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    fail(`\`${name}\` must be a number of milliseconds above 0; got ${String(value)}.`);
  }
  if (!allowInfinity && !Number.isFinite(value)) {
    fail(`\`${name}\` must be finite; got ${String(value)}.`);
  }
  return value;
}

function checkObject(value: unknown, name: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(`\`${name}\` must be true or an options object; got ${JSON.stringify(value)}.`);
  }
  return value as Record<string, unknown>;
}

/** Fills in and checks the poll options; throws saying which field is wrong. */
export function resolvePollOptions(options: true | PollSourceOptions): ResolvedPollOptions {
  if (options === true) return { ...DEFAULT_POLL_OPTIONS };
  const given = checkObject(options, 'sources.poll');
  const resolved = { ...DEFAULT_POLL_OPTIONS, ...stripUndefined(given) } as ResolvedPollOptions;
  for (const key of [
    'fastIntervalMs',
    'slowIntervalMs',
    'stuckIntervalMs',
    'dueWindowMs',
  ] as const) {
    checkMs(resolved[key], `sources.poll.${key}`);
  }
  checkMs(resolved.quietIntervalMs, 'sources.poll.quietIntervalMs', true);
  if (
    typeof resolved.backoffFactor !== 'number' ||
    !Number.isFinite(resolved.backoffFactor) ||
    resolved.backoffFactor < 1
  ) {
    fail(
      `\`sources.poll.backoffFactor\` must be a number of 1 or more (1: no backoff); got ${String(resolved.backoffFactor)}.`,
    );
  }
  if (resolved.slowIntervalMs < resolved.fastIntervalMs) {
    fail(
      `\`sources.poll.slowIntervalMs\` (${resolved.slowIntervalMs}) must not be below \`fastIntervalMs\` (${resolved.fastIntervalMs}).`,
    );
  }
  return resolved;
}

/** Fills in and checks the events options; throws saying which field is wrong. */
export function resolveEventsOptions(options: true | EventsSourceOptions): ResolvedEventsOptions {
  if (options === true) return { ...DEFAULT_EVENTS_OPTIONS };
  const given = checkObject(options, 'sources.events');
  const resolved = {
    ...DEFAULT_EVENTS_OPTIONS,
    ...stripUndefined(given),
  } as ResolvedEventsOptions;
  for (const key of ['fastIntervalMs', 'slowIntervalMs', 'quietIntervalMs'] as const) {
    checkMs(resolved[key], `sources.events.${key}`);
  }
  if (
    typeof resolved.lookbackMs !== 'number' ||
    !Number.isFinite(resolved.lookbackMs) ||
    resolved.lookbackMs < 0
  ) {
    fail(
      `\`sources.events.lookbackMs\` must be a number of 0 or more; got ${String(resolved.lookbackMs)}.`,
    );
  }
  const types = resolved.eventTypes;
  if (
    types !== null &&
    (!Array.isArray(types) ||
      types.length === 0 ||
      types.some((type) => typeof type !== 'string' || type === ''))
  ) {
    fail(
      '`sources.events.eventTypes` must be a non-empty array of event type strings, or null for every type.',
    );
  }
  return resolved;
}

function stripUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}

/**
 * How long after its last look a code should be polled again, by its phase class and how many
 * looks in a row showed nothing new. `bursting` is true while a quiet code has just passed a due
 * moment and Seam is expected to act. A quiet code with a due moment ahead sleeps until then
 * (`Infinity` here; the caller takes the due moment); one without is looked at every
 * `quietIntervalMs`.
 */
export function pollIntervalMs(
  klass: PhaseClass,
  unchangedLooks: number,
  bursting: boolean,
  hasDueMoment: boolean,
  options: ResolvedPollOptions,
): number {
  const adaptive = options.fastIntervalMs * options.backoffFactor ** unchangedLooks;
  switch (klass) {
    case 'moving':
      return Math.min(options.slowIntervalMs, adaptive);
    case 'stuck':
      return Math.min(options.stuckIntervalMs, adaptive);
    case 'quiet':
      if (bursting) return Math.min(options.slowIntervalMs, adaptive);
      return hasDueMoment ? Number.POSITIVE_INFINITY : options.quietIntervalMs;
    case 'done':
      return Number.POSITIVE_INFINITY;
  }
}

/** The events source's interval: fast while a code moves (backing off), slow when all are quiet. */
export function eventsIntervalMs(
  anyMoving: boolean,
  unchangedLooks: number,
  options: ResolvedEventsOptions,
): number {
  if (!anyMoving) return options.quietIntervalMs;
  return Math.min(
    options.slowIntervalMs,
    options.fastIntervalMs * EVENTS_BACKOFF_FACTOR ** unchangedLooks,
  );
}

/**
 * The wait before the next try after `failures` failures in a row: exponential from `baseMs`,
 * capped at `maxMs`, with "equal jitter" (between half and all of it) so that many pages that
 * lost the network together do not come back in step.
 */
export function backoffMs(
  failures: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const exponent = Math.max(0, Math.min(30, failures - 1));
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  return ceiling / 2 + random() * (ceiling / 2);
}

/** Splits `items` into runs of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) {
    chunks.push(items.slice(index, index + size));
  }
  return chunks;
}
