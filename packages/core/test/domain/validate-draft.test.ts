import type { Device } from '@seamapi/types/connect';
import { describe, expect, it } from 'vitest';
import {
  PIN_CONSTRAINT_TYPES,
  validateCodeDraft,
  type CodeDraftContext,
  type DraftValidation,
  type ExistingCode,
} from '../../src/domain/index.js';
import {
  augustKeypadGone,
  dormakabaOracode,
  existing,
  igloohome,
  kwikset,
  makeDevice,
  noiseSensor,
  nuki,
  schlage,
  smartthingsDisconnected,
  tedee,
  ultraloqNoTimeZone,
} from './fixtures.js';

const NOW = '2026-12-01T12:00:00.000Z';
const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.parse(NOW) + offsetMs).toISOString();

function check(
  device: Device,
  draft: unknown,
  context: Partial<CodeDraftContext> = {},
): DraftValidation {
  return validateCodeDraft(draft, { device, now: NOW, ...context });
}

/** `field:code` of every issue, for compact assertions. */
const errorsOf = (result: DraftValidation) => result.errors.map((e) => `${e.field}:${e.code}`);
const warningsOf = (result: DraftValidation) => result.warnings.map((w) => `${w.field}:${w.code}`);

/** A lock with only the given constraints, default lengths (4–9) and nothing else in the way. */
const withConstraints = (...types: string[]) =>
  makeDevice({
    properties: {
      supported_code_lengths: undefined,
      code_constraints: types.map((constraint_type) => ({ constraint_type })) as never,
    },
  });

describe('validateCodeDraft: acceptable drafts', () => {
  it.each<[string, Device, unknown, Partial<CodeDraftContext>?]>([
    ['an empty draft (ongoing code, Seam picks the PIN)', schlage(), {}],
    ['an ongoing code with a PIN on a Nuki', nuki(), { name: 'Cleaner', code: '345678' }],
    [
      'a Kwikset stay starting tomorrow',
      kwikset(),
      { name: 'Ana Silva', code: '4827', starts_at: at(24 * HOUR), ends_at: at(96 * HOUR) },
    ],
    [
      'times with offsets instead of Z',
      schlage(),
      { starts_at: '2026-12-03T15:00:00-07:00', ends_at: '2026-12-06T11:00:00.000-07:00' },
    ],
    ['nulls and empty text as "not given"', schlage(), { name: '', code: null, starts_at: null }],
    [
      'an offline igloohome code',
      igloohome(),
      { is_offline_access_code: true, starts_at: at(HOUR), ends_at: at(49 * HOUR) },
    ],
    [
      'an offline one-time-use code rounded to the day',
      igloohome(),
      {
        is_offline_access_code: true,
        is_one_time_use: true,
        max_time_rounding: '1d',
        starts_at: at(HOUR),
        ends_at: at(25 * HOUR),
      },
    ],
    [
      'the backup pool on a time-bound code',
      schlage(),
      { use_backup_access_code_pool: true, starts_at: at(HOUR), ends_at: at(2 * HOUR) },
    ],
    ['a preferred length without a PIN', makeDevice(), { preferred_code_length: 6 }],
  ])('accepts %s', (_, device, draft, context) => {
    const result = check(device, draft, context);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('validateCodeDraft: the shape of the draft', () => {
  it.each([null, undefined, 42, 'a string', true, [], [{ code: '1234' }]])(
    'refuses %j as a draft on the device field',
    (draft) => {
      const result = check(schlage(), draft);
      expect(errorsOf(result)).toEqual(['device:draft_not_object']);
      expect(result.ok).toBe(false);
    },
  );

  it.each<[string, Record<string, unknown>, string]>([
    ['a numeric name', { name: 42 }, 'name:wrong_type'],
    ['a numeric PIN (leading zeros would be lost)', { code: 4827 }, 'code:wrong_type'],
    ['a Date start', { starts_at: new Date(NOW), ends_at: at(HOUR) }, 'starts_at:wrong_type'],
    ['an epoch end', { starts_at: at(HOUR), ends_at: Date.parse(NOW) }, 'ends_at:wrong_type'],
    ['a text length', { preferred_code_length: '6' }, 'preferred_code_length:wrong_type'],
    ['a fractional length', { preferred_code_length: 6.5 }, 'preferred_code_length:wrong_type'],
    ['a NaN length', { preferred_code_length: Number.NaN }, 'preferred_code_length:wrong_type'],
    ['a text flag', { prefer_native_scheduling: 'yes' }, 'device:wrong_type'],
    ['a null flag', { is_offline_access_code: null }, 'device:wrong_type'],
    ['an unknown rounding', { max_time_rounding: '2h' }, 'device:wrong_type'],
    ['a symbol PIN', { code: Symbol('pin') }, 'code:wrong_type'],
    ['a bigint name', { name: 10n }, 'name:wrong_type'],
  ])('reports %s on its field', (_, draft, expected) => {
    expect(errorsOf(check(schlage(), draft))).toEqual([expected]);
  });

  it('reports a getter that throws as a wrong type on that field', () => {
    const draft = {
      get code(): string {
        throw new Error('boom');
      },
    };
    expect(errorsOf(check(schlage(), draft))).toEqual(['code:wrong_type']);
  });

  it('reports a hostile proxy instead of throwing', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('get');
        },
        has: () => {
          throw new Error('has');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('descriptor');
        },
      },
    );
    const result = check(schlage(), hostile);
    expect(result.ok).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it('warns about camelCase fields that Seam would ignore', () => {
    const result = check(schlage(), { startsAt: at(HOUR), pin: '4827' });
    expect(warningsOf(result)).toEqual(['code:unknown_property', 'starts_at:unknown_property']);
    expect(result.warnings[1]?.message).toContain('"starts_at"');
  });

  it('refuses to judge without a device', () => {
    const result = validateCodeDraft({ code: '4827' }, { device: null as never, now: NOW });
    expect(errorsOf(result)).toEqual(['device:device_missing']);
  });
});

describe('validateCodeDraft: the PIN', () => {
  it.each([
    ['12a4', 'letters'],
    ['12 34', 'spaces'],
    ['+1234', 'signs'],
    ['١٢٣٤', 'non-ASCII digits'],
    ['1234\n', 'a trailing newline'],
  ])('refuses %j (%s) as not digits', (code) => {
    expect(errorsOf(check(schlage(), { code }))).toEqual(['code:code_not_digits']);
  });

  it.each<[string, Device, string, boolean]>([
    ['Nuki takes 6 digits only', nuki(), '34567', false],
    ['Nuki takes 6 digits only', nuki(), '345678', true],
    ["Seam's default 4–9 when the lock lists none", withConstraints(), '123', false],
    ["Seam's default 4–9 when the lock lists none", withConstraints(), '5831', true],
    ["Seam's default 4–9 when the lock lists none", withConstraints(), '583190264', true],
    ["Seam's default 4–9 when the lock lists none", withConstraints(), '5831902641', false],
    ['Tedee takes 5 to 8', tedee(), '58319', true],
    ['Tedee takes 5 to 8', tedee(), '5831', false],
  ])('%s: %s', (_, device, code, accepted) => {
    const result = check(device, { code });
    expect(errorsOf(result).includes('code:code_length_unsupported')).toBe(!accepted);
  });

  it('says which lengths the lock takes', () => {
    const [issue] = check(tedee(), { code: '5831' }).errors;
    expect(issue?.message).toBe(
      'This lock takes PINs of 5 to 8 digits; this one has 4. Choose a PIN of 5 to 8 digits.',
    );
  });

  describe.each<[string, string, string]>([
    ['no_zeros', '4827', '4807'],
    ['cannot_start_with_12', '2148', '1248'],
    ['no_triple_consecutive_ints', '1357', '1456'],
    ['no_ascending_or_descending_sequence', '1243', '1234'],
    ['at_least_three_unique_digits', '1123', '1122'],
    ['cannot_contain_089', '1357', '1358'],
    ['cannot_contain_0789', '1356', '1357'],
    ['unique_first_four_digits', '2741', '2721'],
    ['no_all_same_digits', '1112', '1111'],
  ])('constraint %s', (type, good, bad) => {
    const device = withConstraints(type);
    it(`accepts ${good}`, () => expect(check(device, { code: good }).errors).toEqual([]));
    it(`refuses ${bad} with code ${type} on the PIN`, () => {
      expect(errorsOf(check(device, { code: bad }))).toEqual([`code:${type}`]);
    });
  });

  it('covers every digit constraint in the table above', () => {
    expect(PIN_CONSTRAINT_TYPES).toHaveLength(9);
  });

  it('reports each broken constraint separately', () => {
    const device = withConstraints('no_zeros', 'no_all_same_digits', 'cannot_contain_089');
    expect(errorsOf(check(device, { code: '0000' }))).toEqual([
      'code:no_zeros',
      'code:no_all_same_digits',
      'code:cannot_contain_089',
    ]);
  });

  it('refuses any PIN when the lock chooses its own (cannot_specify_pin_code)', () => {
    const device = withConstraints('cannot_specify_pin_code');
    expect(errorsOf(check(device, { code: '4827' }))).toEqual(['code:cannot_specify_pin_code']);
    expect(check(device, { name: 'Ana' }).ok).toBe(true);
  });

  it('warns that pin_code_matches_existing_set cannot be checked locally', () => {
    const device = withConstraints('pin_code_matches_existing_set');
    const result = check(device, { code: '4827' });
    expect(result.ok).toBe(true);
    expect(warningsOf(result)).toEqual(['code:pin_code_matches_existing_set']);
    expect(warningsOf(check(device, {}))).toEqual([]);
  });

  const codes: ExistingCode[] = [
    existing(1, '482739', 'Guest Ana'),
    existing(2, '551177', 'Cleaner', { status: 'removing' }),
    existing(3, null, 'Waiting for assignment', { status: 'setting' }),
    existing(4, '909090', 'Old lock code', { is_managed: false }),
  ];
  it.each<[string, string, boolean]>([
    ['a PIN in use', '482739', true],
    ['a PIN of a code being removed (it is on the lock until it is gone)', '551177', true],
    ['a PIN of an unmanaged code', '909090', true],
    ['a new PIN', '482730', false],
  ])('duplicates: %s', (_, code, duplicate) => {
    const result = check(makeDevice(), { code }, { existingCodes: codes });
    expect(errorsOf(result).includes('code:duplicate_code')).toBe(duplicate);
  });

  it('names the other code but never repeats the PIN', () => {
    const [issue] = check(makeDevice(), { code: '482739' }, { existingCodes: codes }).errors;
    expect(issue?.message).toBe(
      'Another code on this lock ("Guest Ana") already uses this PIN. Choose a different PIN.',
    );
  });

  it('does not count the code being updated as its own duplicate', () => {
    const result = check(
      makeDevice(),
      { code: '482739' },
      { existingCodes: codes, ignoreAccessCodeId: codes[0]?.access_code_id },
    );
    expect(result.ok).toBe(true);
  });

  it('warns when a Schlage code starts like another one', () => {
    const result = check(
      schlage(),
      { code: '274156' },
      { existingCodes: [existing(1, '2741', 'A')] },
    );
    expect(result.ok).toBe(true);
    expect(warningsOf(result)).toEqual(['code:first_four_digits_in_use']);
  });
});

describe('validateCodeDraft: the name', () => {
  it.each<[string, string, string[]]>([
    ['one character is too short for Kwikset', 'A', ['name:name_too_short']],
    ['two characters are enough', 'Al', []],
    ['fourteen are the most', 'Abcdefghijklmn', []],
    ['fifteen are too many', 'Abcdefghijklmno', ['name:name_too_long']],
    ['emoji count once each', '🙂🙂', []],
    ['spaces only is blank', '   ', ['name:name_blank']],
  ])('%s', (_, name, expected) => {
    expect(errorsOf(check(kwikset(), { name }))).toEqual(expected);
  });

  it('explains the limit and the actual length', () => {
    const [issue] = check(nuki(), { name: 'Guest: Ana Silva (Dec stay)' }).errors;
    expect(issue?.message).toBe(
      'This lock allows names of at most 20 characters; this one has 27. Shorten it.',
    );
  });

  const codes = [existing(1, '482739', 'Guest Ana'), existing(2, '551177', 'Cleaner')];
  it('refuses a name in use where names must be unique (ignoring case and edge spaces)', () => {
    const result = check(nuki(), { name: ' guest ana ' }, { existingCodes: codes });
    expect(errorsOf(result)).toEqual(['name:name_not_unique']);
  });
  it('only warns about a repeated name where the lock allows it', () => {
    const result = check(schlage(), { name: 'Cleaner' }, { existingCodes: codes });
    expect(result.ok).toBe(true);
    expect(warningsOf(result)).toEqual(['name:duplicate_name']);
  });
  it('lets a code keep its own name when it is updated', () => {
    const result = check(
      nuki(),
      { name: 'Guest Ana' },
      { existingCodes: codes, ignoreAccessCodeId: codes[0]?.access_code_id },
    );
    expect(result.ok).toBe(true);
  });
  it('takes the strictest of repeated name_length constraints', () => {
    const device = makeDevice({
      properties: {
        code_constraints: [
          { constraint_type: 'name_length', min_length: 1, max_length: 12 },
          { constraint_type: 'name_length', min_length: 3, max_length: 20 },
        ],
      },
    });
    expect(errorsOf(check(device, { name: 'Al' }))).toEqual(['name:name_too_short']);
    expect(errorsOf(check(device, { name: 'Thirteen char' }))).toEqual(['name:name_too_long']);
  });
});

describe('validateCodeDraft: the window', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a start without an end', { starts_at: at(HOUR) }, ['ends_at:window_incomplete']],
    ['an end without a start', { ends_at: at(HOUR) }, ['starts_at:window_incomplete']],
    [
      'an offset-less start (Seam would read it as UTC)',
      { starts_at: '2026-12-03T15:00:00', ends_at: at(96 * HOUR) },
      ['starts_at:missing_offset'],
    ],
    [
      'a date that does not exist',
      { starts_at: '2026-02-30T15:00:00Z', ends_at: at(96 * HOUR) },
      ['starts_at:invalid_instant'],
    ],
    [
      'text that is not ISO 8601',
      { starts_at: at(HOUR), ends_at: 'next Friday' },
      ['ends_at:invalid_instant'],
    ],
    [
      'an end equal to the start',
      { starts_at: at(HOUR), ends_at: at(HOUR) },
      ['ends_at:ends_before_start'],
    ],
    [
      'an end before the start',
      { starts_at: at(5 * HOUR), ends_at: at(2 * HOUR) },
      ['ends_at:ends_before_start'],
    ],
    [
      'an end in the past',
      { starts_at: at(-5 * HOUR), ends_at: at(-HOUR) },
      ['ends_at:ends_in_past'],
    ],
    ['an end exactly now', { starts_at: at(-5 * HOUR), ends_at: NOW }, ['ends_at:ends_in_past']],
    [
      'a start in the past (allowed without start_date_in_future)',
      { starts_at: at(-HOUR), ends_at: at(HOUR) },
      [],
    ],
  ])('%s', (_, draft, expected) => {
    expect(errorsOf(check(schlage(), draft))).toEqual(expected);
  });

  it.each<[string, number, number | undefined, boolean]>([
    ['10 minutes ahead is inside the default 15-minute margin', 10 * 60_000, undefined, false],
    ['15 minutes ahead meets it', 15 * 60_000, undefined, true],
    ['20 minutes ahead is fine', 20 * 60_000, undefined, true],
    ['one second ahead passes a zero margin (the server)', 1000, 0, true],
    ['exactly now fails even a zero margin', 0, 0, false],
    ['a past start fails', -HOUR, 0, false],
    ['a custom one-hour margin', 30 * 60_000, HOUR, false],
  ])('start_date_in_future: %s', (_, ahead, margin, accepted) => {
    const result = check(
      kwikset(),
      { starts_at: at(ahead), ends_at: at(48 * HOUR) },
      margin === undefined ? {} : { startDateMarginMs: margin },
    );
    expect(errorsOf(result)).toEqual(accepted ? [] : ['starts_at:start_date_in_future']);
  });

  it('states the margin in the message', () => {
    const [issue] = check(kwikset(), { starts_at: at(60_000), ends_at: at(HOUR) }).errors;
    expect(issue?.message).toBe(
      'This lock needs the start at least 15 minutes from now. Move the start later.',
    );
  });

  it.each([new Date(NOW), Date.parse(NOW), NOW])('reads now given as %j', (now) => {
    const result = validateCodeDraft(
      { starts_at: at(-2 * HOUR), ends_at: at(-HOUR) },
      { device: schlage(), now },
    );
    expect(errorsOf(result)).toEqual(['ends_at:ends_in_past']);
  });

  it('reports an unusable now instead of guessing', () => {
    const result = validateCodeDraft(
      { starts_at: at(HOUR), ends_at: at(2 * HOUR) },
      { device: schlage(), now: 'yesterday' },
    );
    expect(errorsOf(result)).toEqual(['starts_at:now_invalid']);
  });

  it('refuses time-bound codes on an Ultraloq with no time zone, but not ongoing ones', () => {
    const device = ultraloqNoTimeZone();
    expect(errorsOf(check(device, { starts_at: at(HOUR), ends_at: at(2 * HOUR) }))).toEqual([
      'starts_at:time_zone_required',
    ]);
    expect(check(device, { code: '4827' }).ok).toBe(true);
  });

  it('warns about a Lockly lock without a configured time zone', () => {
    const device = makeDevice({
      device_type: 'lockly_lock',
      warnings: [
        {
          warning_code: 'lockly_time_zone_not_configured',
          message: 'Time zone not configured.',
          created_at: NOW,
        },
      ],
    });
    const result = check(device, { starts_at: at(HOUR), ends_at: at(2 * HOUR) });
    expect(result.ok).toBe(true);
    expect(warningsOf(result)).toContain('starts_at:time_zone_not_configured');
  });
});

describe('validateCodeDraft: preferred_code_length', () => {
  it('refuses a length the lock does not take', () => {
    expect(errorsOf(check(nuki(), { preferred_code_length: 4 }))).toEqual([
      'preferred_code_length:code_length_unsupported',
    ]);
    expect(check(nuki(), { preferred_code_length: 6 }).ok).toBe(true);
  });
  it('warns that it is ignored next to a PIN', () => {
    const result = check(nuki(), { code: '345678', preferred_code_length: 6 });
    expect(result.ok).toBe(true);
    expect(warningsOf(result)).toEqual(['preferred_code_length:preferred_code_length_ignored']);
  });
});

describe('validateCodeDraft: the device', () => {
  it('refuses any code on a device without the capability', () => {
    expect(errorsOf(check(noiseSensor(), {}))).toEqual(['device:online_access_codes_unsupported']);
  });

  it('explains why an August lock without its keypad cannot take a code', () => {
    expect(errorsOf(check(augustKeypadGone(), { code: '4827' }))).toEqual([
      'device:online_access_codes_unavailable',
      'device:keypad_not_connected',
    ]);
  });

  it('refuses a code while the account is disconnected, even if the flag says yes', () => {
    const result = check(smartthingsDisconnected(), {});
    expect(errorsOf(result)).toEqual(['device:account_disconnected']);
    expect(result.errors[0]?.message).toContain('Reconnect the account');
  });

  it('passes device cautions on as warnings', () => {
    const device = makeDevice({
      properties: { online: false },
      warnings: [{ warning_code: 'salto_ks_office_mode', message: 'Office mode', created_at: NOW }],
    });
    const result = check(device, {});
    expect(result.ok).toBe(true);
    expect(warningsOf(result)).toEqual(['device:device_offline', 'device:salto_ks_office_mode']);
  });

  it.each<[string, Device, Record<string, unknown>, string[]]>([
    [
      'an offline code on a lock without offline codes',
      schlage(),
      { is_offline_access_code: true, starts_at: at(HOUR), ends_at: at(2 * HOUR) },
      ['device:offline_access_codes_unsupported'],
    ],
    [
      'an offline code without a window',
      igloohome(),
      { is_offline_access_code: true },
      ['starts_at:offline_code_requires_window'],
    ],
    [
      'an offline code with a chosen PIN',
      igloohome(),
      { is_offline_access_code: true, code: '4827', starts_at: at(HOUR), ends_at: at(2 * HOUR) },
      ['code:offline_code_pin_not_allowed'],
    ],
    [
      'an online code on an offline-only Oracode',
      dormakabaOracode(),
      {},
      ['device:online_access_codes_unsupported'],
    ],
    [
      'one-time use on an online code',
      igloohome(),
      { is_one_time_use: true },
      ['device:one_time_use_requires_offline_code'],
    ],
    [
      'the backup pool on a lock without one',
      tedee(),
      { use_backup_access_code_pool: true, starts_at: at(HOUR), ends_at: at(2 * HOUR) },
      ['device:backup_pool_unsupported'],
    ],
    [
      'the backup pool on an ongoing code',
      schlage(),
      { use_backup_access_code_pool: true },
      ['starts_at:backup_pool_requires_window'],
    ],
  ])('refuses %s', (_, device, draft, expected) => {
    expect(errorsOf(check(device, draft))).toEqual(expected);
  });

  it('accepts an offline code on the offline-only Oracode', () => {
    const result = check(dormakabaOracode(), {
      is_offline_access_code: true,
      starts_at: at(HOUR),
      ends_at: at(25 * HOUR),
    });
    expect(result.errors).toEqual([]);
  });

  it('warns that max_time_rounding is ignored on online codes', () => {
    expect(warningsOf(check(schlage(), { max_time_rounding: '1h' }))).toEqual([
      'device:max_time_rounding_ignored',
    ]);
  });

  it('warns when native scheduling is asked of a provider without it', () => {
    const lockly = makeDevice({
      device_type: 'lockly_lock',
      device_provider: {
        device_provider_name: 'lockly',
        display_name: 'Lockly',
        provider_category: 'stable',
      },
    });
    expect(warningsOf(check(lockly, { prefer_native_scheduling: true }))).toEqual([
      'device:native_scheduling_unsupported',
    ]);
    expect(warningsOf(check(schlage(), { prefer_native_scheduling: true }))).toEqual([]);
  });

  it('refuses a code on a full lock, except an update of a code already there', () => {
    const device = makeDevice({ properties: { max_active_codes_supported: 2 } });
    const codes = [existing(1, '5831', 'A'), existing(2, '6942', 'B', { status: 'removing' })];
    expect(errorsOf(check(device, {}, { existingCodes: codes }))).toEqual(['device:lock_full']);
    const update = check(
      device,
      {},
      { existingCodes: codes, ignoreAccessCodeId: codes[1]?.access_code_id },
    );
    expect(update.ok).toBe(true);
  });

  it('turns an unknown constraint type into a warning, never an error', () => {
    const device = makeDevice({
      properties: {
        code_constraints: [
          { constraint_type: 'must_rhyme' } as never,
          'garbage' as never,
          { constraint_type: 'no_zeros' },
        ],
      },
    });
    const result = check(device, { code: '4827' });
    expect(result.ok).toBe(true);
    expect(warningsOf(result)).toEqual(['device:unknown_constraint', 'device:unknown_constraint']);
    expect(result.warnings[0]?.message).toContain('"must_rhyme"');
    expect(errorsOf(check(device, { code: '4807' }))).toEqual(['code:no_zeros']);
  });
});

describe('validateCodeDraft: messages', () => {
  const noisy = check(
    kwikset({
      properties: {
        code_constraints: [
          { constraint_type: 'no_zeros' },
          { constraint_type: 'no_all_same_digits' },
          { constraint_type: 'start_date_in_future' },
          { constraint_type: 'name_length', min_length: 2, max_length: 14 },
        ],
      },
    }),
    {
      code: '0000',
      name: 'X',
      starts_at: at(-HOUR),
      ends_at: at(-2 * HOUR),
      preferred_code_length: 3,
    },
    { existingCodes: [existing(1, '0000', 'Other')] },
  );

  it('come in form order', () => {
    expect(errorsOf(noisy)).toEqual([
      'name:name_too_short',
      'code:no_zeros',
      'code:no_all_same_digits',
      'code:duplicate_code',
      'preferred_code_length:code_length_unsupported',
      'starts_at:start_date_in_future',
      'ends_at:ends_before_start',
      'ends_at:ends_in_past',
    ]);
  });

  it('are full sentences', () => {
    expect(noisy.errors.length).toBeGreaterThanOrEqual(6);
    for (const issue of [...noisy.errors, ...noisy.warnings]) {
      expect(issue.message).toMatch(/^[A-Z"].*[.)]$/);
      expect(issue.code).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
    }
  });

  it('never contain the PIN', () => {
    for (const issue of [...noisy.errors, ...noisy.warnings]) {
      expect(issue.message).not.toContain('0000');
    }
  });
});
