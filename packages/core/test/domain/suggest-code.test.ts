import type { Device } from '@seamapi/types/connect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PIN_CONSTRAINT_TYPES,
  suggestCode,
  validateCodeDraft,
  type ExistingCode,
} from '../../src/domain/index.js';
import {
  augustKeypadGone,
  dormakabaOracode,
  existing,
  kwikset,
  makeDevice,
  noiseSensor,
  nuki,
  schlage,
  seededRandom,
  tedee,
  ttlockCylinder,
} from './fixtures.js';

const NOW = '2026-12-01T12:00:00.000Z';

function validates(device: Device, code: string, existingCodes: ExistingCode[] = []): boolean {
  return validateCodeDraft({ code }, { device, existingCodes, now: NOW }).ok;
}

/** A healthy lock with exactly these digit constraints and lengths, and no slot limit. */
function lockWith(types: readonly string[], lengths: readonly number[] | undefined): Device {
  return makeDevice({
    properties: {
      supported_code_lengths: lengths && [...lengths],
      max_active_codes_supported: undefined,
      code_constraints: types.map((constraint_type) => ({ constraint_type })) as never,
    },
  });
}

/** Every PIN of the given lengths, for brute-force checks on small spaces. */
function allPins(lengths: readonly number[]): string[] {
  return lengths.flatMap((length) =>
    Array.from({ length: 10 ** length }, (_, n) => String(n).padStart(length, '0')),
  );
}

describe('suggestCode', () => {
  it.each<[string, Device]>([
    ['a Nuki (6 digits, no zeros, not 12…)', nuki()],
    ['a Kwikset', kwikset()],
    ['a Schlage', schlage()],
    ['a Tedee (5–8 digits, 3 distinct, no runs)', tedee()],
    ['a TTLock cylinder (keys 1–6)', ttlockCylinder()],
  ])('suggests a PIN that validates on %s', (_, device) => {
    for (let seed = 1; seed <= 50; seed++) {
      const pin = suggestCode(device, [], seededRandom(seed));
      expect(pin).not.toBeNull();
      expect(validates(device, pin as string), `seed ${seed}: ${pin}`).toBe(true);
    }
  });

  it('is repeatable with the same random source and varies with another', () => {
    const a = suggestCode(nuki(), [], seededRandom(7));
    expect(suggestCode(nuki(), [], seededRandom(7))).toBe(a);
    const many = new Set(
      Array.from({ length: 20 }, (_, i) => suggestCode(nuki(), [], seededRandom(i))),
    );
    expect(many.size).toBeGreaterThan(15);
  });

  it('prefers the shortest supported length of at least 4, or the one asked for', () => {
    expect(suggestCode(schlage(), [], seededRandom(1))).toHaveLength(4);
    expect(suggestCode(tedee(), [], seededRandom(1))).toHaveLength(5);
    expect(suggestCode(schlage(), [], seededRandom(1), { length: 7 })).toHaveLength(7);
    expect(suggestCode(schlage(), [], seededRandom(1), { length: 3 })).toHaveLength(4);
    expect(suggestCode(lockWith([], [3, 6]), [], seededRandom(1))).toHaveLength(6);
  });

  it.each<[string, Device, ExistingCode[]]>([
    ['the lock chooses its own PINs', lockWith(['cannot_specify_pin_code'], undefined), []],
    ['an offline-only Oracode', dormakabaOracode(), []],
    ['an August without its keypad', augustKeypadGone(), []],
    ['a noise sensor', noiseSensor(), []],
    [
      'a full lock',
      makeDevice({ properties: { max_active_codes_supported: 1 } }),
      [existing(1, '5831', 'A')],
    ],
    [
      'no supported length admits a PIN (2 digits, three distinct needed)',
      lockWith(['at_least_three_unique_digits'], [2]),
      [],
    ],
  ])('returns null when %s', (_, device, codes) => {
    expect(suggestCode(device, codes, seededRandom(1))).toBeNull();
  });

  it('finds the one PIN left when every other is taken', () => {
    const device = lockWith(['cannot_contain_0789'], [4]);
    const valid = allPins([4]).filter((pin) => /^[1-6]+$/.test(pin));
    expect(valid).toHaveLength(1296);
    const codes = valid
      .filter((pin) => pin !== '3526')
      .map((pin, i) => existing(i, pin, `Code ${i}`));
    expect(suggestCode(device, codes, seededRandom(3))).toBe('3526');
    expect(
      suggestCode(device, [...codes, existing(9999, '3526', 'Last')], seededRandom(3)),
    ).toBeNull();
  });

  it('moves to a longer length when a length is used up', () => {
    const device = lockWith(['cannot_contain_0789'], [4, 5]);
    const codes = allPins([4])
      .filter((pin) => /^[1-6]+$/.test(pin))
      .map((pin, i) => existing(i, pin, `Code ${i}`));
    const pin = suggestCode(device, codes, seededRandom(5));
    expect(pin).toHaveLength(5);
    expect(validates(device, pin as string, codes)).toBe(true);
  });

  it('avoids the first four digits of other codes where codes are keyed on them', () => {
    const codes = ['1234', '5678', '2345'].map((pin, i) => existing(i, `${pin}99`, `C${i}`));
    for (let seed = 0; seed < 30; seed++) {
      const pin = suggestCode(schlage(), codes, seededRandom(seed), { length: 6 }) as string;
      expect(codes.map((c) => c.code?.slice(0, 4))).not.toContain(pin.slice(0, 4));
      const result = validateCodeDraft(
        { code: pin },
        { device: schlage(), existingCodes: codes, now: NOW },
      );
      expect(result.warnings).toEqual([]);
    }
  });

  it('ignores the code being edited', () => {
    const device = lockWith(['cannot_contain_0789'], [4]);
    const codes = allPins([4])
      .filter((pin) => /^[1-6]+$/.test(pin))
      .map((pin, i) => existing(i, pin, `Code ${i}`));
    const own = codes[100] as ExistingCode;
    expect(
      suggestCode(device, codes, seededRandom(1), { ignoreAccessCodeId: own.access_code_id }),
    ).toBe(own.code);
  });

  it('survives a random source that misbehaves', () => {
    for (const random of [() => 1, () => -0.5, () => Number.NaN, () => 7.25]) {
      const pin = suggestCode(nuki(), [], random);
      expect(validates(nuki(), pin as string)).toBe(true);
    }
    expect(
      suggestCode(nuki(), [], () => {
        throw new Error('no entropy');
      }),
    ).toBeNull();
  });
});

describe('suggestCode properties', () => {
  const constraintSet = fc.subarray([
    ...PIN_CONSTRAINT_TYPES,
    'cannot_specify_pin_code',
    'pin_code_matches_existing_set',
    'must_rhyme',
  ]);

  it('every suggestion validates, for any constraints, lengths and codes on the lock', () => {
    let suggested = 0;
    fc.assert(
      fc.property(
        constraintSet,
        fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 5 }), {
          nil: undefined,
        }),
        fc.array(fc.stringMatching(/^[0-9]{4,6}$/), { maxLength: 40 }),
        fc.integer(),
        (types, lengths, pins, seed) => {
          const device = lockWith(types, lengths);
          const codes = pins.map((pin, i) => existing(i, pin, `Code ${i}`));
          const pin = suggestCode(device, codes, seededRandom(seed));
          if (types.includes('cannot_specify_pin_code')) {
            expect(pin).toBeNull();
            return;
          }
          if (pin === null) return; // completeness is the next property's job
          suggested++;
          const result = validateCodeDraft(
            { code: pin },
            { device, existingCodes: codes, now: NOW },
          );
          expect(result.errors).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
    // The property is only as strong as the PINs it saw.
    expect(suggested).toBeGreaterThan(200);
  });

  it('suggests a PIN whenever one exists (brute force over 3- and 4-digit locks)', () => {
    fc.assert(
      fc.property(
        fc.subarray([...PIN_CONSTRAINT_TYPES]),
        fc.constantFrom([3], [4], [3, 4]),
        fc.array(fc.stringMatching(/^[1-6]{3,4}$/), { maxLength: 300 }),
        fc.integer(),
        (types, lengths, pins, seed) => {
          const device = lockWith(types, lengths);
          const codes = pins.map((pin, i) => existing(i, pin, `Code ${i}`));
          const exists = allPins(lengths).some(
            (candidate) =>
              validateCodeDraft({ code: candidate }, { device, existingCodes: codes, now: NOW }).ok,
          );
          const pin = suggestCode(device, codes, seededRandom(seed));
          expect(pin !== null).toBe(exists);
          if (pin !== null) expect(validates(device, pin, codes)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
