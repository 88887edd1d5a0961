import type { Device } from '@seamapi/types/connect';
import {
  describeCapabilities,
  maxActiveCodes,
  otherCodes,
  readDeviceIssues,
  type CapabilityReason,
} from './capabilities.js';
import { describeLengths, readDeviceRules, type DeviceRules } from './device-rules.js';
import { deviceTimeZone } from './lock-facts.js';
import { checkTimeFrame, readTimeFrameOptions } from './time-frames.js';
import { parseInstant } from './time-zones.js';
import type { DraftField, DraftIssue, DraftValidation, ExistingCode } from './types.js';
import { isRecord } from './is-record.js';

/** How far ahead `start_date_in_future` wants the start by default: Seam's Kwikset advice. */
export const DEFAULT_START_DATE_MARGIN_MS = 15 * 60_000;

/** What `validateCodeDraft` checks a draft against. */
export interface CodeDraftContext {
  /** The lock, as `/devices/get` returns it. */
  device: Device;
  /** Codes already on the lock (managed and unmanaged), for duplicates, names and free slots. */
  existingCodes?: readonly ExistingCode[];
  /** The current time; validation reads no clock of its own. */
  now: Date | string | number;
  /**
   * `start_date_in_future` needs `starts_at` at least this far ahead; default 15 min (Seam's
   * Kwikset advice). The server passes 0.
   */
  startDateMarginMs?: number;
  /** When updating a code, its id: it does not count as a duplicate of itself. */
  ignoreAccessCodeId?: string;
}

const BOOLEAN_OPTIONS = [
  'prefer_native_scheduling',
  'allow_external_modification',
  'use_backup_access_code_pool',
  'is_offline_access_code',
  'is_one_time_use',
] as const;

type BooleanOption = (typeof BOOLEAN_OPTIONS)[number];

const MAX_TIME_ROUNDING_VALUES: readonly string[] = ['1hour', '1day', '1h', '1d'];

/** camelCase spellings that host pages send by mistake, mapped to Seam's field. */
const CAMEL_CASE_FIELDS: Readonly<Record<string, DraftField>> = {
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  preferredCodeLength: 'preferred_code_length',
  pinCode: 'code',
  pin: 'code',
};

/** A draft read defensively: every field either has its proper type or is absent. */
interface ReadDraft {
  name: string | null;
  code: string | null;
  startsAt: string | null;
  endsAt: string | null;
  preferredCodeLength: number | null;
  options: Partial<Record<BooleanOption, boolean>>;
  maxTimeRounding: string | null;
}

class Findings {
  readonly errors: DraftIssue[] = [];
  readonly warnings: DraftIssue[] = [];
  error(field: DraftField, code: string, message: string): void {
    this.errors.push({ field, code, message });
  }
  warning(field: DraftField, code: string, message: string): void {
    this.warnings.push({ field, code, message });
  }
  hasError(field: DraftField): boolean {
    return this.errors.some((issue) => issue.field === field);
  }
}

/** Names a value's kind for a message without ever converting it (symbols throw on that). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a Date object';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isNaN(value) ? 'NaN' : 'a number';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return 'a bigint';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    case 'undefined':
      return 'undefined';
    default:
      return 'an object';
  }
}

/** Reads one property; a throwing getter counts as a value of the wrong type. */
function readProperty(draft: Record<string, unknown>, key: string): { value: unknown } | 'threw' {
  try {
    return { value: draft[key] };
  } catch {
    return 'threw';
  }
}

function readText(
  draft: Record<string, unknown>,
  key: DraftField,
  findings: Findings,
  advice: string,
): string | null {
  const read = readProperty(draft, key);
  const value = read === 'threw' ? Symbol('unreadable') : read.value;
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value;
  findings.error(key, 'wrong_type', `${advice} It is ${kindOf(value)}.`);
  return null;
}

function readDraft(draft: Record<string, unknown>, findings: Findings): ReadDraft {
  const read: ReadDraft = {
    name: readText(
      draft,
      'name',
      findings,
      'The name must be text, such as "Guest: Ana Silva", or left empty.',
    ),
    code: readText(
      draft,
      'code',
      findings,
      'The PIN must be text made of digits, such as "4827" (a number would lose leading zeros), ' +
        'or left empty to let Seam choose one.',
    ),
    startsAt: readText(
      draft,
      'starts_at',
      findings,
      'The start must be ISO 8601 text with an offset, such as "2026-12-03T22:00:00Z" ' +
        '(use date.toISOString() for a Date).',
    ),
    endsAt: readText(
      draft,
      'ends_at',
      findings,
      'The end must be ISO 8601 text with an offset, such as "2026-12-06T17:00:00Z" ' +
        '(use date.toISOString() for a Date).',
    ),
    preferredCodeLength: null,
    options: {},
    maxTimeRounding: null,
  };

  const length = readProperty(draft, 'preferred_code_length');
  const lengthValue = length === 'threw' ? Symbol('unreadable') : length.value;
  if (typeof lengthValue === 'number' && Number.isInteger(lengthValue)) {
    read.preferredCodeLength = lengthValue;
  } else if (lengthValue !== undefined && lengthValue !== null) {
    findings.error(
      'preferred_code_length',
      'wrong_type',
      `The preferred PIN length must be a whole number of digits, such as 6. It is ${kindOf(lengthValue)}.`,
    );
  }

  for (const option of BOOLEAN_OPTIONS) {
    const property = readProperty(draft, option);
    const value = property === 'threw' ? Symbol('unreadable') : property.value;
    if (typeof value === 'boolean') read.options[option] = value;
    else if (value !== undefined) {
      findings.error(
        'device',
        'wrong_type',
        `The option ${option} must be true or false, or left out. It is ${kindOf(value)}.`,
      );
    }
  }

  const rounding = readProperty(draft, 'max_time_rounding');
  const roundingValue = rounding === 'threw' ? Symbol('unreadable') : rounding.value;
  if (typeof roundingValue === 'string' && MAX_TIME_ROUNDING_VALUES.includes(roundingValue)) {
    read.maxTimeRounding = roundingValue;
  } else if (roundingValue !== undefined) {
    findings.error(
      'device',
      'wrong_type',
      'The option max_time_rounding must be one of "1hour", "1day", "1h" or "1d", or left out.',
    );
  }

  for (const [camel, field] of Object.entries(CAMEL_CASE_FIELDS)) {
    if (Object.prototype.hasOwnProperty.call(draft, camel)) {
      findings.warning(
        field,
        'unknown_property',
        `The draft has a property "${camel}", which Seam does not know, so it is ignored. ` +
          `Use "${field}" instead.`,
      );
    }
  }
  return read;
}

/** Reads `now` as epoch milliseconds, or null when it is not a usable time. */
function readNow(now: unknown): number | null {
  if (now instanceof Date) return Number.isFinite(now.getTime()) ? now.getTime() : null;
  if (typeof now === 'number') return Number.isFinite(now) ? now : null;
  if (typeof now === 'string') {
    const parsed = parseInstant(now);
    return parsed.ok ? parsed.epochMs : null;
  }
  return null;
}

function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 120 && minutes % 60 === 0) return `${minutes / 60} hours`;
  if (minutes >= 1) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

function checkInstant(
  field: 'starts_at' | 'ends_at',
  text: string | null,
  findings: Findings,
): number | null {
  if (text === null) return null;
  const label = field === 'starts_at' ? 'start' : 'end';
  const parsed = parseInstant(text);
  if (parsed.ok) return parsed.epochMs;
  switch (parsed.problem) {
    case 'missing_offset':
      findings.error(
        field,
        'missing_offset',
        `The ${label} time has no time zone offset, so Seam would read it as UTC. Add "Z" or an ` +
          'offset such as "+02:00", or convert the lock\'s local time with zonedWallTimeToInstant.',
      );
      break;
    case 'impossible_date':
      findings.error(
        field,
        'invalid_instant',
        `The ${label} time names a date or time that does not exist. Check the day, month and hour.`,
      );
      break;
    case 'not_iso_8601':
      findings.error(
        field,
        'invalid_instant',
        `The ${label} time is not in ISO 8601 form. Write it like "2026-12-03T22:00:00Z".`,
      );
      break;
  }
  return null;
}

/** Names compared as a lock's keypad app would show them: trimmed, case-insensitive. */
function normaliseName(name: string): string {
  return name.trim().toLocaleLowerCase('en-US');
}

function checkName(
  name: string | null,
  rules: DeviceRules,
  others: readonly ExistingCode[],
  findings: Findings,
): void {
  if (name === null) return;
  if (name.trim() === '') {
    findings.error(
      'name',
      'name_blank',
      'The name is only spaces. Type a name, or leave it empty to let Seam name the code.',
    );
    return;
  }
  // Code points, so an accented letter or an emoji counts once, as on a lock's display.
  const length = [...name].length;
  if (rules.nameMinLength !== null && length < rules.nameMinLength) {
    findings.error(
      'name',
      'name_too_short',
      `This lock needs names of at least ${rules.nameMinLength} characters; this one has ` +
        `${length}. Use a longer name.`,
    );
  }
  if (rules.nameMaxLength !== null && length > rules.nameMaxLength) {
    findings.error(
      'name',
      'name_too_long',
      `This lock allows names of at most ${rules.nameMaxLength} characters; this one has ` +
        `${length}. Shorten it.`,
    );
  }
  const wanted = normaliseName(name);
  const twin = others.find(
    (code) => typeof code.name === 'string' && normaliseName(code.name) === wanted,
  );
  if (twin) {
    if (rules.nameMustBeUnique) {
      findings.error(
        'name',
        'name_not_unique',
        `Another code on this lock is already named "${twin.name}", and this lock needs unique ` +
          'names. Choose a different name.',
      );
    } else {
      findings.warning(
        'name',
        'duplicate_name',
        `Another code on this lock is already named "${twin.name}". A different name makes the ` +
          "two easier to tell apart in the lock's app.",
      );
    }
  }
}

function checkChosenPin(
  code: string,
  rules: DeviceRules,
  others: readonly ExistingCode[],
  findings: Findings,
): void {
  if (!/^[0-9]+$/.test(code)) {
    findings.error(
      'code',
      'code_not_digits',
      /\s/.test(code)
        ? 'The PIN contains spaces. Use digits only, such as 4827.'
        : 'The PIN may contain only the digits 0 to 9. Remove any letters, signs or other characters.',
    );
    return;
  }
  if (!rules.supportedCodeLengths.includes(code.length)) {
    const lengths = describeLengths(rules.supportedCodeLengths);
    findings.error(
      'code',
      'code_length_unsupported',
      `This lock takes PINs of ${lengths} digits; this one has ${code.length}. Choose a PIN of ` +
        `${lengths} digits.`,
    );
  }
  for (const rule of rules.pinRules) {
    if (!rule.allows(code)) findings.error('code', rule.type, rule.message);
  }
  // Codes being removed count too: they stay on the lock until removal succeeds, and it can fail.
  const twin = others.find((other) => other.code === code);
  if (twin) {
    const named =
      typeof twin.name === 'string' && twin.name.trim() !== '' ? ` ("${twin.name}")` : '';
    findings.error(
      'code',
      'duplicate_code',
      `Another code on this lock${named} already uses this PIN. Choose a different PIN.`,
    );
  }
  if (rules.pinRules.some((rule) => rule.type === 'unique_first_four_digits')) {
    const prefix = code.slice(0, 4);
    const clash = others.some(
      (other) =>
        typeof other.code === 'string' && other !== twin && other.code.slice(0, 4) === prefix,
    );
    if (clash) {
      findings.warning(
        'code',
        'first_four_digits_in_use',
        'Another code on this lock starts with the same four digits. A lock with this rule may ' +
          'take the two for one code; choose a PIN that starts differently to be safe.',
      );
    }
  }
  if (rules.pinMustMatchExistingSet) {
    findings.warning(
      'code',
      'pin_code_matches_existing_set',
      'This lock only accepts a PIN that this account already uses on its locks, which cannot be ' +
        'checked here; Seam checks it when the code is created. Leave the PIN empty if unsure.',
    );
  }
}

function reportReasons(reasons: readonly CapabilityReason[], findings: Findings): void {
  for (const reason of reasons) {
    if (reason.severity === 'blocking') findings.error('device', reason.code, reason.message);
    else findings.warning('device', reason.code, reason.message);
  }
}

/** What every check needs: the draft as read, the lock, its rules and its other codes. */
interface CheckInput {
  read: ReadDraft;
  device: Device;
  rules: DeviceRules;
  others: ExistingCode[];
  offline: boolean;
  hasWindow: boolean;
}

/** Can the lock take this kind of code at all, and the options that depend on the lock. */
function checkDevice(input: CheckInput, findings: Findings): void {
  const { read, device, rules, others, offline } = input;
  const capabilities = describeCapabilities(device, { existingCodes: others });
  reportReasons(
    offline ? capabilities.reasons.offlineCodes : capabilities.reasons.onlineCodes,
    findings,
  );
  const max = maxActiveCodes(device);
  if (max !== null && others.length >= max) {
    findings.error(
      'device',
      'lock_full',
      `This lock holds at most ${max} codes and already has ${others.length}. Delete a code that ` +
        'is no longer needed, then create this one.',
    );
  }
  if (read.options.is_one_time_use === true && !offline) {
    findings.error(
      'device',
      'one_time_use_requires_offline_code',
      'One-time-use codes are offline codes. Turn on is_offline_access_code as well, or turn off ' +
        'is_one_time_use.',
    );
  }
  if (read.maxTimeRounding !== null && !offline) {
    findings.warning(
      'device',
      'max_time_rounding_ignored',
      'max_time_rounding only applies to offline codes, so it has no effect here. Leave it out.',
    );
  }
  if (read.options.use_backup_access_code_pool === true && !capabilities.supportsBackupPool) {
    findings.error(
      'device',
      'backup_pool_unsupported',
      'This lock does not support a backup code pool. Turn off use_backup_access_code_pool.',
    );
  }
  if (
    read.options.prefer_native_scheduling === true &&
    capabilities.nativeScheduling.supported === false
  ) {
    findings.warning(
      'device',
      'native_scheduling_unsupported',
      "This lock's provider has no native scheduling, so Seam programs the code about an hour " +
        'before it starts instead of preloading it.',
    );
  }
  for (const type of rules.unknownConstraintTypes) {
    findings.warning(
      'device',
      'unknown_constraint',
      `This lock has a code rule ("${type}") that this app does not know yet, so it cannot be ` +
        'checked here; Seam checks it when the code is created.',
    );
  }
}

/** The PIN: allowed at all, then digits, length, constraints and duplicates. */
function checkPin(input: CheckInput, findings: Findings): void {
  const { read, rules, others, offline } = input;
  if (read.code !== null) {
    if (offline) {
      findings.error(
        'code',
        'offline_code_pin_not_allowed',
        'Offline codes are generated by the lock provider, so a PIN cannot be chosen. Leave the ' +
          'PIN empty.',
      );
    } else if (rules.cannotSpecifyPin) {
      findings.error(
        'code',
        'cannot_specify_pin_code',
        'This lock chooses its own PINs. Leave the PIN empty; Seam reports the PIN once the lock ' +
          'has assigned it.',
      );
    } else {
      checkChosenPin(read.code, rules, others, findings);
    }
  }
}

/** `preferred_code_length`: a length the lock takes, and only useful without a PIN. */
function checkPreferredLength(input: CheckInput, findings: Findings): void {
  const { read, rules } = input;
  if (read.preferredCodeLength !== null) {
    const lengths = describeLengths(rules.supportedCodeLengths);
    if (!rules.supportedCodeLengths.includes(read.preferredCodeLength)) {
      findings.error(
        'preferred_code_length',
        'code_length_unsupported',
        `This lock takes PINs of ${lengths} digits, not ${read.preferredCodeLength}. Choose one ` +
          'of those lengths.',
      );
    }
    if (read.code !== null) {
      findings.warning(
        'preferred_code_length',
        'preferred_code_length_ignored',
        'A preferred length only applies when Seam chooses the PIN, and this draft has a PIN. ' +
          'Leave one of the two out.',
      );
    }
  }
}

/** The window: both ends or neither, parseable, in order, in the future, and lock time zones. */
function checkWindow(input: CheckInput, context: CodeDraftContext, findings: Findings): void {
  const { read, device, rules, offline, hasWindow } = input;
  const startsAt = checkInstant('starts_at', read.startsAt, findings);
  const endsAt = checkInstant('ends_at', read.endsAt, findings);
  if (read.startsAt !== null && read.endsAt === null && !findings.hasError('ends_at')) {
    findings.error(
      'ends_at',
      'window_incomplete',
      'A time-bound code needs an end as well as a start. Add the end, or clear the start for a ' +
        'code that lasts until it is deleted.',
    );
  }
  if (read.endsAt !== null && read.startsAt === null && !findings.hasError('starts_at')) {
    findings.error(
      'starts_at',
      'window_incomplete',
      'A time-bound code needs a start as well as an end. Add the start, or clear the end for a ' +
        'code that lasts until it is deleted.',
    );
  }
  if (!hasWindow && !findings.hasError('starts_at') && !findings.hasError('ends_at')) {
    if (offline) {
      findings.error(
        'starts_at',
        'offline_code_requires_window',
        'Offline codes need a start and an end. Set both times.',
      );
    }
    if (read.options.use_backup_access_code_pool === true) {
      findings.error(
        'starts_at',
        'backup_pool_requires_window',
        'The backup code pool works for time-bound codes only. Set a start and an end, or turn ' +
          'off use_backup_access_code_pool.',
      );
    }
  }
  if (startsAt !== null && endsAt !== null && endsAt <= startsAt) {
    findings.error(
      'ends_at',
      'ends_before_start',
      'The end must come after the start. Move the end later or the start earlier.',
    );
  }
  if (startsAt !== null && endsAt !== null && endsAt > startsAt) {
    // The lock's `*_time_frame_options` (1.977): the window must fit one of them.
    const options = readTimeFrameOptions(device, offline);
    for (const finding of options === null
      ? []
      : checkTimeFrame(options, startsAt, endsAt, deviceTimeZone(device))) {
      findings[finding.kind](finding.field, finding.code, finding.message);
    }
  }
  const now = readNow(context.now);
  if ((startsAt !== null || endsAt !== null) && now === null) {
    findings.error(
      'starts_at',
      'now_invalid',
      'The current time given to the check is not a valid time, so the window could not be ' +
        'checked. Pass now as a Date, epoch milliseconds or an ISO 8601 instant.',
    );
  }
  if (now !== null && endsAt !== null && endsAt <= now) {
    findings.error(
      'ends_at',
      'ends_in_past',
      'The end is already in the past. Choose an end time in the future.',
    );
  }
  if (now !== null && startsAt !== null && rules.startDateInFuture) {
    const margin =
      typeof context.startDateMarginMs === 'number' &&
      Number.isFinite(context.startDateMarginMs) &&
      context.startDateMarginMs >= 0
        ? context.startDateMarginMs
        : DEFAULT_START_DATE_MARGIN_MS;
    if (startsAt < now + margin || startsAt <= now) {
      findings.error(
        'starts_at',
        'start_date_in_future',
        margin > 0
          ? `This lock needs the start at least ${describeDuration(margin)} from now. Move the ` +
              'start later.'
          : 'This lock needs a start in the future. Move the start later.',
      );
    }
  }
  if (hasWindow) {
    const deviceWarnings = readDeviceIssues(device).filter((issue) => issue.kind === 'warning');
    if (deviceWarnings.some((issue) => issue.code === 'ultraloq_time_zone_unknown')) {
      findings.error(
        'starts_at',
        'time_zone_required',
        "Seam does not know this lock's time zone, so it refuses time-bound codes. Set the " +
          "lock's time zone first, or clear the start and end for an ongoing code.",
      );
    }
    if (deviceWarnings.some((issue) => issue.code === 'lockly_time_zone_not_configured')) {
      findings.warning(
        'starts_at',
        'time_zone_not_configured',
        'This lock has no time zone configured, so the code may start and end at the wrong hour. ' +
          "Set the time zone in the lock's app.",
      );
    }
  }
}

function runChecks(draft: unknown, context: CodeDraftContext, findings: Findings): void {
  if (!isRecord(draft) || Array.isArray(draft)) {
    findings.error(
      'device',
      'draft_not_object',
      `The draft must be an object such as { name, code, starts_at, ends_at }; it is ${kindOf(draft)}.`,
    );
    return;
  }
  const read = readDraft(draft, findings);
  const device = isRecord(context) ? context.device : undefined;
  if (!isRecord(device)) {
    findings.error(
      'device',
      'device_missing',
      'No lock was given to check the draft against. Load the device with devices.get and pass it.',
    );
    return;
  }
  const input: CheckInput = {
    read,
    device,
    rules: readDeviceRules(device),
    others: otherCodes(context.existingCodes, context.ignoreAccessCodeId),
    offline: read.options.is_offline_access_code === true,
    hasWindow: read.startsAt !== null || read.endsAt !== null,
  };
  checkDevice(input, findings);
  checkName(read.name, input.rules, input.others, findings);
  checkPin(input, findings);
  checkPreferredLength(input, findings);
  checkWindow(input, context, findings);
}

/**
 * Checks a draft against a lock before anything is sent: every `code_constraints` type of spec
 * §B6, digits and supported lengths, duplicates among the lock's codes, name rules, the window
 * (both ends, parseable, in order, in the future, `start_date_in_future` with a margin), offline and
 * backup-pool requirements, free slots, and whether the lock can take a code at all.
 *
 * Never throws, whatever `draft` is: wrong types become errors on their field. Issues come in
 * form order (device, name, PIN, length, start, end). One rule set serves
 * the browser and the sandbox server, so both judge a draft alike. Messages never contain the PIN.
 *
 * @example
 * const result = validateCodeDraft({ code: '1234', name: 'Ana' }, { device, existingCodes, now: Date.now() });
 * if (!result.ok) for (const e of result.errors) form.showError(e.field, e.message);
 */
export function validateCodeDraft(draft: unknown, context: CodeDraftContext): DraftValidation {
  const findings = new Findings();
  try {
    runChecks(draft, context, findings);
  } catch {
    // Only a hostile object (a throwing Proxy, say) can get here; report it instead of throwing.
    findings.error(
      'device',
      'draft_unreadable',
      'The draft or the lock could not be read. Pass plain data such as a parsed JSON object.',
    );
  }
  return {
    ok: findings.errors.length === 0,
    errors: inFormOrder(findings.errors),
    warnings: inFormOrder(findings.warnings),
  };
}

/** The order of a creator form, top to bottom; issues of one field keep their rule order. */
const FIELD_ORDER: readonly DraftField[] = [
  'device',
  'name',
  'code',
  'preferred_code_length',
  'starts_at',
  'ends_at',
];

function inFormOrder(issues: DraftIssue[]): DraftIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        FIELD_ORDER.indexOf(a.issue.field) - FIELD_ORDER.indexOf(b.issue.field) ||
        a.index - b.index,
    )
    .map(({ issue }) => issue);
}
