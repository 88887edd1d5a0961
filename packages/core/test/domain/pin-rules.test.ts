import { describe, expect, it } from 'vitest';
import {
  KNOWN_CONSTRAINT_TYPES,
  PIN_CONSTRAINT_TYPES,
  PIN_RULES,
  type PinConstraintType,
} from '../../src/domain/index.js';

/** Passing and failing PINs for every digit rule, edge cases included. */
const CASES: Record<PinConstraintType, { allowed: string[]; refused: string[] }> = {
  no_zeros: {
    allowed: ['1234', '987654', '111111111'],
    refused: ['0123', '1230', '10101', '0000'],
  },
  cannot_start_with_12: {
    allowed: ['2134', '1324', '3125', '0012', '1112'],
    refused: ['1234', '120000', '12'],
  },
  no_triple_consecutive_ints: {
    // Mixed patterns and the 9 → 0 wrap are not runs.
    allowed: ['1122', '1213', '9013', '8901', '1357', '2468', '1124'],
    refused: ['1114', '4777', '1234', '4321', '2345', '9870', '91238', '5654'],
  },
  no_ascending_or_descending_sequence: {
    // Only a PIN that is one run end to end; partial runs and wrap-around pass.
    allowed: ['1235', '1243', '7890', '0987', '5555', '12345670'],
    refused: ['1234', '0123', '9876', '3210', '456789', '87654321'],
  },
  at_least_three_unique_digits: {
    allowed: ['1123', '1230', '90001'],
    refused: ['1122', '1111', '121212', '9990'],
  },
  cannot_contain_089: {
    allowed: ['1234', '7654321', '1111'],
    refused: ['0123', '1238', '9111', '8888'],
  },
  cannot_contain_0789: {
    allowed: ['1234', '654321', '1616'],
    refused: ['0123', '1237', '1238', '9111'],
  },
  unique_first_four_digits: {
    // Only the first four matter; digits after them may repeat.
    allowed: ['2741', '27411111', '0123', '9876'],
    refused: ['2721', '1123', '11112345', '5665'],
  },
  no_all_same_digits: {
    allowed: ['1112', '0001', '90909'],
    refused: ['1111', '000000', '99999999'],
  },
};

describe('digit rules', () => {
  it('cover every digit constraint type of spec §B6', () => {
    expect(Object.keys(CASES).sort()).toEqual([...PIN_CONSTRAINT_TYPES].sort());
    for (const type of PIN_CONSTRAINT_TYPES) {
      expect(KNOWN_CONSTRAINT_TYPES).toContain(type);
    }
    expect(KNOWN_CONSTRAINT_TYPES).toHaveLength(14);
  });

  describe.each(Object.entries(CASES))('%s', (type, { allowed, refused }) => {
    const rule = PIN_RULES[type as PinConstraintType];
    it.each(allowed)('allows %s', (pin) => expect(rule.allows(pin)).toBe(true));
    it.each(refused)('refuses %s', (pin) => expect(rule.allows(pin)).toBe(false));
    it('says what is wrong and how to fix it, in sentences', () => {
      expect(rule.message).toMatch(/^This lock.*\.\s.*\.$/);
      expect(rule.summary.length).toBeGreaterThan(3);
    });
    it('lists forbidden digits that the rule indeed refuses', () => {
      for (const digit of rule.forbiddenDigits) {
        expect(rule.allows(`${digit}${digit === '1' ? '2' : '1'}35`)).toBe(false);
      }
    });
  });
});
