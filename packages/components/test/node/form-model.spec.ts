/**
 * The creator's form model in Node, over every lock of the sandbox's catalogue: fresh forms,
 * lock switches, and (with fast-check) any sequence of edits and switches. The draft always
 * equals what the form shows, and a time-bound choice never yields an ongoing draft.
 */
import {
  SeamClient,
  describeCapabilities,
  validateCodeDraft,
  type AccessCodeDraft,
  type DeviceCapabilities,
} from '@seam-codes/core';
import { createSandbox, SANDBOX_CATALOGUE } from '@seam-codes/sandbox';
import type { Device } from '@seamapi/types/connect';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreatorField, CreatorForm } from '../../src/code-creator/code-creator.types.js';
import {
  SEAM_NAME_MAX_LENGTH,
  defaultWindow,
  draftOf,
  freshForm,
  lockRules,
  setOffline,
  setPinMode,
  setTiming,
  switchLocks,
  viewOf,
  type FormView,
  type LockRules,
} from '../../src/code-creator/form-model.js';

const START = Date.parse('2026-01-14T17:00:00.000Z');
const ZONE = 'Europe/Berlin';

interface Lock {
  readonly role: string;
  readonly device: Device;
  readonly capabilities: DeviceCapabilities;
  readonly rules: LockRules;
}

let locks: Lock[] = [];

beforeAll(async () => {
  const sandbox = createSandbox({ speed: 0, start: new Date(START).toISOString() });
  const client = SeamClient.fromClientSessionToken(sandbox.credentials.clientSessionToken, {
    endpoint: 'https://sandbox.invalid',
    fetch: (request: Request) => sandbox.fetch(request),
    retry: false,
  });
  const roles = Object.entries(SANDBOX_CATALOGUE.devices).filter(
    ([role]) => role !== 'ownerOnly' && role !== 'otherWorkspace',
  );
  locks = await Promise.all(
    roles.map(async ([role, deviceId]) => {
      const device = await client.devices.get({ device_id: deviceId });
      const existingCodes = await client.accessCodes.list({ device_id: deviceId });
      const capabilities = describeCapabilities(device, { existingCodes });
      return { role, device, capabilities, rules: lockRules([capabilities]) };
    }),
  );
});

const lock = (role: string): Lock => {
  const found = locks.find((candidate) => candidate.role === role);
  if (found === undefined) throw new Error(`no ${role} in the catalogue`);
  return found;
};

const window = defaultWindow(START, ZONE);

/** The draft a form's view asks for, written out field by field: the reference for `draftOf`. */
function expectedDraft(view: FormView): AccessCodeDraft {
  const draft: AccessCodeDraft = {};
  if (view.name !== '') draft.name = view.name;
  if (view.code !== null && view.code !== '') draft.code = view.code;
  if (view.preferredCodeLength?.value != null) {
    draft.preferred_code_length = view.preferredCodeLength.value;
  }
  if (view.options.preferNativeScheduling === false) draft.prefer_native_scheduling = false;
  if (view.options.allowExternalModification) draft.allow_external_modification = true;
  if (view.options.useBackupAccessCodePool) draft.use_backup_access_code_pool = true;
  if (view.options.isOfflineAccessCode) {
    draft.is_offline_access_code = true;
    if (view.options.isOneTimeUse) draft.is_one_time_use = true;
  }
  return draft;
}

describe('a fresh form, for every lock of the catalogue', () => {
  it('covers the whole catalogue', () => {
    expect(locks.length).toBeGreaterThanOrEqual(15);
  });

  it('shows only what the lock takes, and its draft passes core for the locks that take codes', () => {
    for (const { role, device, capabilities, rules } of locks) {
      const form = freshForm(rules, { ...emptyPresets, name: 'Guest Ana' }, window);
      const view = viewOf(form, rules);
      expect(view.code === null, role).toBe(!rules.canChoosePin || view.noPin === 'offline');
      if (!rules.canTakeOnline && rules.canTakeOffline) {
        expect(view.timing, role).toBe('time_bound');
        expect(view.ongoingAllowed, role).toBe(false);
      }
      if (!rules.canChoosePin) expect(view.pinMode, role).toBeNull();
      const result = draftOf(form, rules, ZONE, START);
      expect(result.draft, role).not.toBeNull();
      if (
        rules.canTake &&
        capabilities.reasons.onlineCodes.every((r) => r.severity !== 'blocking')
      ) {
        const core = validateCodeDraft(result.draft, { device, now: START });
        // Kwikset's 2-14 name rule and the like: "Guest Ana" fits every lock.
        expect(
          core.errors.filter((issue) => issue.field !== 'device' && issue.field !== 'starts_at'),
          role,
        ).toEqual([]);
      }
    }
  });
});

const emptyPresets = { name: '', startsAt: '', endsAt: '', code: '', preferredCodeLength: null };

describe('item 1: a time-bound choice never becomes "until deleted"', () => {
  it('with both times cleared: an error on each, and no draft', () => {
    const { rules } = lock('builtInKeypad');
    let form = setTiming(freshForm(rules), 'time_bound', window);
    form = { ...form, startsAt: '', endsAt: '' };
    const result = draftOf(form, rules, ZONE, START);
    expect(result.draft).toBeNull();
    expect(result.errors.map((issue) => [issue.field, issue.code])).toEqual([
      ['starts_at', 'window_time_missing'],
      ['ends_at', 'window_time_missing'],
    ]);
  });

  it('with an unreadable end: an error on the end, and no draft', () => {
    const { rules } = lock('builtInKeypad');
    const form = { ...setTiming(freshForm(rules), 'time_bound', window), endsAt: '0026-02-31T' };
    const result = draftOf(form, rules, ZONE, START);
    expect(result.draft).toBeNull();
    expect(result.errors.map((issue) => issue.field)).toEqual(['ends_at']);
  });
});

describe('item 5: switching locks gives the form a fresh load gives', () => {
  it('Salto (the lock picks the PIN) then the built-in keypad: "Choose it", PIN field shown', () => {
    const salto = lock('salto').rules;
    const keypad = lock('builtInKeypad').rules;
    let form = freshForm(salto, emptyPresets, window);
    expect(viewOf(form, salto).pinMode).toBeNull();
    form = { ...form, name: 'Guest Ana' };
    const touched = new Set<CreatorField | 'timing'>(['name']);
    const switched = switchLocks(form, touched, keypad, emptyPresets, window);
    expect(viewOf(switched, keypad)).toEqual(
      viewOf({ ...freshForm(keypad, emptyPresets, window), name: 'Guest Ana' }, keypad),
    );
    expect(viewOf(switched, keypad).pinMode).toBe('choose');
    expect(viewOf(switched, keypad).code).toBe('');
  });

  it('keeps a typed window, and drops a typed PIN', () => {
    const nuki = lock('nuki').rules;
    const kwikset = lock('kwikset').rules;
    let form = setTiming(freshForm(nuki), 'time_bound', window);
    form = { ...form, code: '345678', startsAt: '2026-02-01T15:00', endsAt: '2026-02-03T11:00' };
    const touched = new Set<CreatorField | 'timing'>(['timing', 'starts_at', 'ends_at', 'code']);
    const switched = switchLocks(form, touched, kwikset, emptyPresets, window);
    expect(switched.timing).toBe('time_bound');
    expect([switched.startsAt, switched.endsAt]).toEqual(['2026-02-01T15:00', '2026-02-03T11:00']);
    expect(switched.code).toBe('');
  });
});

describe('item 8 and item 4: names follow the lock and Seam', () => {
  it('Kwikset (2 to 14): an empty name is an error, as the hint says', () => {
    const { rules } = lock('kwikset');
    expect(rules.nameMin).toBe(2);
    const result = draftOf(freshForm(rules), rules, ZONE, START);
    expect(result.errors.map((issue) => [issue.field, issue.code])).toEqual([
      ['name', 'name_required'],
    ]);
  });

  it('a lock without a limit: Seam’s 60 characters', () => {
    const { rules } = lock('builtInKeypad');
    expect(rules.nameMax).toBe(SEAM_NAME_MAX_LENGTH);
    const form = { ...freshForm(rules), name: 'x'.repeat(5000) };
    expect(draftOf(form, rules, ZONE, START).errors.map((issue) => issue.code)).toEqual([
      'name_too_long',
    ]);
  });
});

describe('item 9: a start in the past is said before Create', () => {
  it('warns that the code starts now', () => {
    const { rules } = lock('builtInKeypad');
    const form = {
      ...setTiming(freshForm(rules), 'time_bound', window),
      startsAt: '2026-01-14T08:00',
      endsAt: '2026-01-16T11:00',
    };
    const result = draftOf(form, rules, ZONE, START);
    expect(result.draft).not.toBeNull();
    expect(result.warnings.map((issue) => [issue.field, issue.code])).toEqual([
      ['starts_at', 'starts_now'],
    ]);
  });
});

// --- Property tests --------------------------------------------------------------------------

type Edit =
  | { kind: 'name'; value: string }
  | { kind: 'timing'; value: 'ongoing' | 'time_bound' }
  | { kind: 'startsAt' | 'endsAt'; value: string }
  | { kind: 'pinMode'; value: 'choose' | 'seam' }
  | { kind: 'code'; value: string }
  | { kind: 'length'; value: number | null }
  | {
      kind: 'option';
      key:
        | 'preferNativeScheduling'
        | 'allowExternalModification'
        | 'useBackupAccessCodePool'
        | 'isOneTimeUse';
      value: boolean;
    }
  | { kind: 'offline'; value: boolean }
  | { kind: 'switch'; index: number };

const wallTime = fc
  .record({
    day: fc.integer({ min: 1, max: 31 }),
    month: fc.integer({ min: 1, max: 12 }),
    hour: fc.integer({ min: 0, max: 23 }),
  })
  .map(
    ({ day, month, hour }) =>
      `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00`,
  );

const timeText = fc.oneof(wallTime, fc.constant(''), fc.string({ maxLength: 12 }));

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('name' as const), value: fc.string({ maxLength: 80 }) }),
  fc.record({
    kind: fc.constant('timing' as const),
    value: fc.constantFrom('ongoing' as const, 'time_bound' as const),
  }),
  fc.record({ kind: fc.constantFrom('startsAt' as const, 'endsAt' as const), value: timeText }),
  fc.record({
    kind: fc.constant('pinMode' as const),
    value: fc.constantFrom('choose' as const, 'seam' as const),
  }),
  fc.record({ kind: fc.constant('code' as const), value: fc.stringMatching(/^[0-9]{0,9}$/) }),
  fc.record({
    kind: fc.constant('length' as const),
    value: fc.option(fc.integer({ min: 4, max: 9 }), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('option' as const),
    key: fc.constantFrom(
      'preferNativeScheduling' as const,
      'allowExternalModification' as const,
      'useBackupAccessCodePool' as const,
      'isOneTimeUse' as const,
    ),
    value: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('offline' as const), value: fc.boolean() }),
  fc.record({ kind: fc.constant('switch' as const), index: fc.nat() }),
);

/** Runs edits the way the element does, tracking what the user touched. */
function run(start: number, edits: readonly Edit[]): { form: CreatorForm; rules: LockRules } {
  let rules = (locks[start % locks.length] as Lock).rules;
  let form = freshForm(rules, emptyPresets, window);
  const touched = new Set<CreatorField | 'timing'>();
  for (const step of edits) {
    switch (step.kind) {
      case 'name':
        form = { ...form, name: step.value };
        touched.add('name');
        break;
      case 'timing':
        form = setTiming(form, step.value, window);
        touched.add('timing');
        break;
      case 'startsAt':
        form = { ...form, startsAt: step.value };
        touched.add('starts_at');
        break;
      case 'endsAt':
        form = { ...form, endsAt: step.value };
        touched.add('ends_at');
        break;
      case 'pinMode':
        form = setPinMode(form, step.value);
        break;
      case 'code':
        form = { ...form, code: step.value };
        break;
      case 'length':
        form = { ...form, preferredCodeLength: step.value };
        break;
      case 'option':
        form = { ...form, [step.key]: step.value };
        break;
      case 'offline':
        form = setOffline(form, step.value, window);
        break;
      case 'switch':
        rules = (locks[step.index % locks.length] as Lock).rules;
        form = switchLocks(form, touched, rules, emptyPresets, window);
        break;
    }
  }
  return { form, rules };
}

describe('any sequence of edits and lock switches (fast-check)', () => {
  it('the draft sent equals what the form shows', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { maxLength: 25 }), (start, edits) => {
        const { form, rules } = run(start, edits);
        const view = viewOf(form, rules);
        const result = draftOf(form, rules, ZONE, START);
        if (result.draft === null) return;
        const { starts_at, ends_at, ...rest } = result.draft;
        expect(rest).toEqual(expectedDraft(view));
        if (view.window === null) {
          expect(starts_at).toBeUndefined();
          expect(ends_at).toBeUndefined();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a time-bound choice never yields an ongoing draft', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { maxLength: 25 }), (start, edits) => {
        const { form, rules } = run(start, edits);
        const view = viewOf(form, rules);
        const result = draftOf(form, rules, ZONE, START);
        if (view.timing !== 'time_bound') return;
        if (result.draft === null) {
          expect(
            result.errors.some((issue) => issue.field === 'starts_at' || issue.field === 'ends_at'),
          ).toBe(true);
          return;
        }
        expect(typeof result.draft.starts_at).toBe('string');
        expect(typeof result.draft.ends_at).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('a lock switch gives what a fresh load gives, but for the name and window typed', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { maxLength: 15 }), fc.nat(), (start, edits, next) => {
        const before = run(start, edits).form;
        const rules = (locks[next % locks.length] as Lock).rules;
        const touched = new Set<CreatorField | 'timing'>(['name']);
        const switched = switchLocks(before, touched, rules, emptyPresets, window);
        const fresh = { ...freshForm(rules, emptyPresets, window), name: before.name };
        expect(viewOf(switched, rules)).toEqual(viewOf(fresh, rules));
      }),
      { numRuns: 300 },
    );
  });
});
