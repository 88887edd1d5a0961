/**
 * The creator's form as a pure model: what the user chose and typed (`CreatorForm`), what the
 * form shows for the lock(s) (`viewOf`), the draft Seam receives (`draftOf`) and the form's own
 * field errors. No DOM, no Lit, no clock of its own: the element renders `viewOf` and sends
 * `draftOf`; Node tests run it over every lock of the sandbox's catalogue.
 *
 * Two rules keep it honest:
 * - The kind of code is the user's choice (`timing`), never inferred from field contents: a
 *   time-bound choice with a missing or unreadable start or end is an error on that field, and
 *   no draft is made.
 * - The draft is made from the view, so what is sent is exactly what the form shows.
 */
import {
  instantToZonedWallTime,
  parseInstant,
  zonedWallTimeToInstant,
  type AccessCodeDraft,
  type DeviceCapabilities,
  type DraftIssue,
} from '@seam-codes/core';
import type { CreatorField, CreatorForm, PinMode, Timing } from './code-creator.types.js';

/**
 * The longest name Seam's own access-code form takes; applies when the lock sets no limit, so a
 * pasted page of text never reaches Seam or the lock's app.
 */
export const SEAM_NAME_MAX_LENGTH = 60;

/** What every target lock accepts, combined: all the model needs to know of the lock(s). */
export interface LockRules {
  readonly multiple: boolean;
  readonly canTake: boolean;
  readonly canTakeOnline: boolean;
  readonly canTakeOffline: boolean;
  readonly canChoosePin: boolean;
  readonly lengths: readonly number[];
  readonly nativeScheduling: boolean;
  readonly backupPool: boolean;
  readonly nameMin: number | null;
  /** The lock's limit, else Seam's. */
  readonly nameMax: number;
  readonly nameMustBeUnique: boolean;
}

/** Combines the capabilities of every target lock (one PIN for all of them). */
export function lockRules(capabilities: readonly DeviceCapabilities[]): LockRules {
  const multiple = capabilities.length > 1;
  const canTakeOnline =
    capabilities.length > 0 && capabilities.every((c) => c.canTakeOnlineCodes && !c.isFull);
  const canTakeOffline =
    capabilities.length === 1 && capabilities.every((c) => c.canTakeOfflineCodes && !c.isFull);
  const mins = capabilities.map((c) => c.nameRules.minLength).filter((n) => n !== null);
  const maxes = capabilities.map((c) => c.nameRules.maxLength).filter((n) => n !== null);
  const [first = [], ...rest] = capabilities.map((c) => c.supportedCodeLengths);
  return {
    multiple,
    canTake: canTakeOnline || canTakeOffline,
    canTakeOnline,
    canTakeOffline,
    canChoosePin: capabilities.length > 0 && capabilities.every((c) => c.canChoosePin),
    lengths: first.filter((length) => rest.every((list) => list.includes(length))),
    nativeScheduling: capabilities.every((c) => c.nativeScheduling.supported !== false),
    backupPool: !multiple && capabilities.every((c) => c.supportsBackupPool),
    nameMin: mins.length > 0 ? Math.max(...mins) : null,
    nameMax: Math.min(SEAM_NAME_MAX_LENGTH, ...maxes),
    nameMustBeUnique: capabilities.some((c) => c.nameRules.mustBeUnique),
  };
}

/** What the host gave as attributes, times already read as wall times in the lock's zone. */
export interface FormPresets {
  readonly name: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly code: string;
  readonly preferredCodeLength: number | null;
}

export const NO_PRESETS: FormPresets = {
  name: '',
  startsAt: '',
  endsAt: '',
  code: '',
  preferredCodeLength: null,
};

/** A start and an end as wall times, for a new window. */
export interface WallWindow {
  readonly startsAt: string;
  readonly endsAt: string;
}

const HOUR_MS = 3_600_000;

/** The next full hour at least 15 min away, for one day, as wall times in `timeZone`. */
export function defaultWindow(now: number, timeZone: string): WallWindow {
  const start = Math.ceil((now + 15 * 60_000) / HOUR_MS) * HOUR_MS;
  return {
    startsAt: instantToZonedWallTime(new Date(start).toISOString(), timeZone),
    endsAt: instantToZonedWallTime(new Date(start + 24 * HOUR_MS).toISOString(), timeZone),
  };
}

const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** A preset time as a wall time: as it is, or an instant read in the lock's zone; null if neither. */
export function presetWallTime(value: string, timeZone: string): string | null {
  const text = value.trim();
  if (text === '') return '';
  if (WALL_TIME.test(text)) return text.slice(0, 16);
  return parseInstant(text).ok ? instantToZonedWallTime(text, timeZone) : null;
}

/** The form a fresh load shows for these locks, before presets. */
function emptyFor(rules: LockRules | null): CreatorForm {
  const offlineOnly = rules !== null && !rules.canTakeOnline && rules.canTakeOffline;
  return {
    name: '',
    timing: offlineOnly ? 'time_bound' : 'ongoing',
    startsAt: '',
    endsAt: '',
    pinMode: rules !== null && !rules.canChoosePin ? 'seam' : 'choose',
    code: '',
    preferredCodeLength: null,
    preferNativeScheduling: true,
    allowExternalModification: false,
    useBackupAccessCodePool: false,
    isOfflineAccessCode: offlineOnly,
    isOneTimeUse: false,
  };
}

/**
 * The form a fresh load shows: the lock's defaults, then the host's presets. A preset start or
 * end makes the code time-bound; a missing one is filled from `window` (the user sees both).
 */
export function freshForm(
  rules: LockRules | null,
  presets: FormPresets = NO_PRESETS,
  window?: WallWindow,
): CreatorForm {
  let form = emptyFor(rules);
  form = { ...form, name: presets.name };
  if (presets.code.trim() !== '' && rules?.canChoosePin !== false) {
    form = { ...form, code: presets.code.trim(), pinMode: 'choose' };
  } else if (
    presets.preferredCodeLength !== null &&
    Number.isInteger(presets.preferredCodeLength)
  ) {
    form = { ...form, preferredCodeLength: presets.preferredCodeLength, pinMode: 'seam' };
  }
  if (presets.startsAt !== '' || presets.endsAt !== '') {
    form = { ...form, timing: 'time_bound', startsAt: presets.startsAt, endsAt: presets.endsAt };
  } else if (form.timing === 'time_bound' && window !== undefined) {
    form = { ...form, ...window };
  }
  return form;
}

/**
 * Another lock chosen: exactly the form a fresh load gives for it, keeping only what the user
 * typed that still applies there (the name, and the window or the choice of "until deleted").
 */
export function switchLocks(
  previous: CreatorForm,
  touched: ReadonlySet<CreatorField | 'timing'>,
  rules: LockRules,
  presets: FormPresets = NO_PRESETS,
  window?: WallWindow,
): CreatorForm {
  let form = freshForm(rules, presets, window);
  if (touched.has('name')) form = { ...form, name: previous.name };
  const windowTouched = touched.has('timing') || touched.has('starts_at') || touched.has('ends_at');
  const ongoingAllowed = rules.canTakeOnline;
  if (windowTouched && (previous.timing === 'time_bound' || ongoingAllowed)) {
    form = {
      ...form,
      timing: previous.timing,
      startsAt: previous.startsAt,
      endsAt: previous.endsAt,
    };
  }
  return form;
}

/** The user picked a kind of code; a window appears prefilled the first time. */
export function setTiming(form: CreatorForm, timing: Timing, window: WallWindow): CreatorForm {
  if (timing === 'time_bound' && form.startsAt === '' && form.endsAt === '') {
    return { ...form, timing, ...window };
  }
  return { ...form, timing };
}

/** Offline codes are time-bound and get their PIN from the lock maker. */
export function setOffline(form: CreatorForm, offline: boolean, window: WallWindow): CreatorForm {
  if (!offline) return { ...form, isOfflineAccessCode: false, isOneTimeUse: false };
  const next = setTiming({ ...form, isOfflineAccessCode: true }, 'time_bound', window);
  return next;
}

export function setPinMode(form: CreatorForm, pinMode: PinMode): CreatorForm {
  return { ...form, pinMode };
}

/** What the form shows for these locks: every field, its value, or absent when hidden. */
export interface FormView {
  readonly name: string;
  readonly timing: Timing;
  /** Whether "until deleted" can be picked (not for offline codes). */
  readonly ongoingAllowed: boolean;
  /** The window's fields, shown for a time-bound code. */
  readonly window: WallWindow | null;
  /** "Choose it" / "Let Seam choose", shown when the user may choose the PIN. */
  readonly pinMode: PinMode | null;
  /** The PIN field, shown when the user chooses the PIN. */
  readonly code: string | null;
  /** The length select, shown when Seam (or the lock) chooses the PIN online. */
  readonly preferredCodeLength: { readonly value: number | null } | null;
  /** Why no PIN can be chosen, when none can. */
  readonly noPin: 'offline' | 'lock_picks' | null;
  /** Each option, with its value when shown. */
  readonly options: {
    readonly preferNativeScheduling?: boolean;
    readonly allowExternalModification?: boolean;
    readonly useBackupAccessCodePool?: boolean;
    readonly isOfflineAccessCode?: boolean;
    readonly isOneTimeUse?: boolean;
  };
}

export function viewOf(form: CreatorForm, rules: LockRules): FormView {
  const offline = rules.canTakeOffline && (form.isOfflineAccessCode || !rules.canTakeOnline);
  const timing: Timing = offline ? 'time_bound' : form.timing;
  const pinAllowed = rules.canChoosePin && !offline;
  const pinMode = pinAllowed ? form.pinMode : null;
  const options: Record<string, boolean> = {};
  if (rules.nativeScheduling && timing === 'time_bound' && !offline) {
    options.preferNativeScheduling = form.preferNativeScheduling;
  }
  if (!offline) options.allowExternalModification = form.allowExternalModification;
  if (rules.backupPool && timing === 'time_bound' && !offline) {
    options.useBackupAccessCodePool = form.useBackupAccessCodePool;
  }
  if (rules.canTakeOffline) {
    options.isOfflineAccessCode = offline;
    if (offline) options.isOneTimeUse = form.isOneTimeUse;
  }
  return {
    name: form.name,
    timing,
    ongoingAllowed: !offline,
    window: timing === 'time_bound' ? { startsAt: form.startsAt, endsAt: form.endsAt } : null,
    pinMode,
    code: pinMode === 'choose' ? form.code : null,
    preferredCodeLength:
      !offline && (pinMode === 'seam' || !pinAllowed) ? { value: form.preferredCodeLength } : null,
    noPin: pinAllowed ? null : offline ? 'offline' : 'lock_picks',
    options,
  };
}

/** The draft, or the form's own errors that stop one being made. */
export interface DraftResult {
  /** What Seam receives; null while the window is incomplete (it is never sent without one). */
  readonly draft: AccessCodeDraft | null;
  /** The draft without the broken window, for core to check the other fields meanwhile. */
  readonly checkable: AccessCodeDraft;
  /** Errors the form finds itself, before core's rules (which need a draft). */
  readonly errors: DraftIssue[];
  /** Warnings the form adds to core's. */
  readonly warnings: DraftIssue[];
}

function wallInstant(
  wall: string,
  timeZone: string,
  field: 'starts_at' | 'ends_at',
  errors: DraftIssue[],
): string | null {
  const label = field === 'starts_at' ? 'start' : 'end';
  if (wall.trim() === '') {
    errors.push({
      field,
      code: 'window_time_missing',
      message:
        `A code from a start to an end needs the ${label}. Enter the ${label} date and time, or ` +
        'choose "Until deleted".',
    });
    return null;
  }
  try {
    return zonedWallTimeToInstant(wall, timeZone);
  } catch {
    errors.push({
      field,
      code: 'window_time_invalid',
      message: `The ${label} is not a complete date and time. Check the day, month, year and hour.`,
    });
    return null;
  }
}

/**
 * The draft Seam receives, made from what the form shows. A time-bound choice yields a draft
 * with both times or none at all; a lock's name limits (and Seam's) are checked here because an
 * empty name never reaches core's rules.
 */
export function draftOf(
  form: CreatorForm,
  rules: LockRules,
  timeZone: string,
  now: number,
): DraftResult {
  const view = viewOf(form, rules);
  const errors: DraftIssue[] = [];
  const warnings: DraftIssue[] = [];
  const draft: AccessCodeDraft = {};

  const nameLength = [...view.name].length;
  if (view.name.trim() === '' && rules.nameMin !== null && rules.nameMin > 0) {
    errors.push({
      field: 'name',
      code: 'name_required',
      message: `This lock needs a name of at least ${rules.nameMin} characters. Type a name.`,
    });
  } else if (nameLength > rules.nameMax) {
    errors.push({
      field: 'name',
      code: 'name_too_long',
      message:
        `Names can have at most ${rules.nameMax} characters; this one has ${nameLength}. ` +
        'Shorten it.',
    });
  }
  if (view.name !== '') draft.name = view.name;

  if (view.window !== null) {
    const startsAt = wallInstant(view.window.startsAt, timeZone, 'starts_at', errors);
    const endsAt = wallInstant(view.window.endsAt, timeZone, 'ends_at', errors);
    if (startsAt !== null && endsAt !== null) {
      draft.starts_at = startsAt;
      draft.ends_at = endsAt;
      if (Date.parse(startsAt) <= now && Date.parse(endsAt) > now) {
        warnings.push({
          field: 'starts_at',
          code: 'starts_now',
          message:
            'The start is already past, so the code starts as soon as it reaches the lock, ' +
            'and works until the end.',
        });
      }
    }
  }
  if (view.code !== null && view.code !== '') draft.code = view.code;
  if (view.preferredCodeLength !== null && view.preferredCodeLength.value !== null) {
    draft.preferred_code_length = view.preferredCodeLength.value;
  }
  const { options } = view;
  if (options.preferNativeScheduling === false) draft.prefer_native_scheduling = false;
  if (options.allowExternalModification === true) draft.allow_external_modification = true;
  if (options.useBackupAccessCodePool === true) draft.use_backup_access_code_pool = true;
  if (options.isOfflineAccessCode === true) {
    draft.is_offline_access_code = true;
    if (options.isOneTimeUse === true) draft.is_one_time_use = true;
  }
  const windowBroken = errors.some(
    (issue) => issue.field === 'starts_at' || issue.field === 'ends_at',
  );
  return { draft: windowBroken ? null : draft, checkable: draft, errors, warnings };
}
