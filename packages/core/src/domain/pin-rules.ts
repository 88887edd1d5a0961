/**
 * The `code_constraints` of spec §B6 that judge a PIN by its digits alone, as data: one entry per
 * constraint type, shared by `validateCodeDraft` (which reports them) and `suggestCode` (which
 * avoids them), so the two can never disagree.
 */

/** Constraint types whose rule is a property of the PIN's digits. */
export const PIN_CONSTRAINT_TYPES = [
  'no_zeros',
  'cannot_start_with_12',
  'no_triple_consecutive_ints',
  'no_ascending_or_descending_sequence',
  'at_least_three_unique_digits',
  'cannot_contain_089',
  'cannot_contain_0789',
  'unique_first_four_digits',
  'no_all_same_digits',
] as const;

/** A constraint type judged from the PIN's digits alone. */
export type PinConstraintType = (typeof PIN_CONSTRAINT_TYPES)[number];

/** Every `constraint_type` of @seamapi/types 1.977.0 (the same twelve code and two name types as 1.721.0), in the order of spec §B6. */
export const KNOWN_CONSTRAINT_TYPES = [
  'no_zeros',
  'cannot_start_with_12',
  'no_triple_consecutive_ints',
  'cannot_specify_pin_code',
  'pin_code_matches_existing_set',
  'start_date_in_future',
  'no_ascending_or_descending_sequence',
  'at_least_three_unique_digits',
  'cannot_contain_089',
  'cannot_contain_0789',
  'unique_first_four_digits',
  'no_all_same_digits',
  'name_length',
  'name_must_be_unique',
] as const;

/** A `constraint_type` this package understands. */
export type KnownConstraintType = (typeof KNOWN_CONSTRAINT_TYPES)[number];

/** One digit rule: whether a PIN passes it, and what to tell the user when it does not. */
export interface PinRule {
  /** The `constraint_type` this rule enforces; also the issue code when it fails. */
  type: PinConstraintType;
  /** A few words for a hint next to the PIN field, e.g. "No zeros". */
  summary: string;
  /** What is wrong and how to fix it, as a full sentence without the PIN itself. */
  message: string;
  /** Digits this rule never allows anywhere, so a generator can skip them. */
  forbiddenDigits: string;
  /** True when the complete PIN (ASCII digits) passes the rule. */
  allows(pin: string): boolean;
}

/** The step between two digit characters: +1 counts up, -1 counts down. No wrap from 9 to 0. */
function step(pin: string, index: number): number {
  return pin.charCodeAt(index + 1) - pin.charCodeAt(index);
}

/**
 * True when some three adjacent digits repeat (`777`) or count by one (`345`, `543`). Mixed
 * patterns (`112`, `121`) and wrap-around (`901`) are not runs.
 */
export function hasTripleRun(pin: string): boolean {
  for (let i = 0; i + 2 < pin.length; i++) {
    const first = step(pin, i);
    if (Math.abs(first) <= 1 && step(pin, i + 1) === first) return true;
  }
  return false;
}

/** True when the whole PIN counts up or down by one (`0123`, `98765`); 9 → 0 does not count. */
export function isPureSequence(pin: string): boolean {
  if (pin.length < 2) return false;
  const first = step(pin, 0);
  if (first !== 1 && first !== -1) return false;
  for (let i = 1; i + 1 < pin.length; i++) if (step(pin, i) !== first) return false;
  return true;
}

function distinctDigits(pin: string): number {
  return new Set(pin).size;
}

/** The digit rules, keyed by constraint type. */
export const PIN_RULES: Readonly<Record<PinConstraintType, PinRule>> = {
  no_zeros: {
    type: 'no_zeros',
    summary: 'No zeros',
    message: 'This lock does not accept the digit 0. Choose a PIN without zeros.',
    forbiddenDigits: '0',
    allows: (pin) => !pin.includes('0'),
  },
  cannot_start_with_12: {
    type: 'cannot_start_with_12',
    summary: 'Must not start with 12',
    message:
      'This lock does not accept a PIN that starts with 12. Choose a PIN that starts differently.',
    forbiddenDigits: '',
    allows: (pin) => !pin.startsWith('12'),
  },
  no_triple_consecutive_ints: {
    type: 'no_triple_consecutive_ints',
    summary: 'No three repeated or counting digits in a row',
    message:
      'This lock does not accept three digits in a row that repeat or count up or down by one ' +
      '(such as 777, 345 or 543). Change one of those digits.',
    forbiddenDigits: '',
    allows: (pin) => !hasTripleRun(pin),
  },
  no_ascending_or_descending_sequence: {
    type: 'no_ascending_or_descending_sequence',
    summary: 'Not a counting sequence',
    message:
      'This lock does not accept a PIN that only counts up or down (such as 1234 or 9876). ' +
      'Choose a less predictable PIN.',
    forbiddenDigits: '',
    allows: (pin) => !isPureSequence(pin),
  },
  at_least_three_unique_digits: {
    type: 'at_least_three_unique_digits',
    summary: 'At least three different digits',
    message:
      'This lock needs at least three different digits in the PIN (1123 works, 1122 does not). ' +
      'Use another digit.',
    forbiddenDigits: '',
    allows: (pin) => distinctDigits(pin) >= 3,
  },
  cannot_contain_089: {
    type: 'cannot_contain_089',
    summary: 'Digits 1 to 7 only',
    message:
      'This lock does not accept the digits 0, 8 and 9. Choose a PIN made of the digits 1 to 7.',
    forbiddenDigits: '089',
    allows: (pin) => !/[089]/.test(pin),
  },
  cannot_contain_0789: {
    type: 'cannot_contain_0789',
    summary: 'Digits 1 to 6 only',
    message: "This lock's keypad only has the keys 1 to 6. Choose a PIN made of the digits 1 to 6.",
    forbiddenDigits: '0789',
    allows: (pin) => !/[0789]/.test(pin),
  },
  unique_first_four_digits: {
    type: 'unique_first_four_digits',
    summary: 'First four digits all different',
    message:
      'This lock needs the first four digits of the PIN to be all different (2741 works, 2721 ' +
      'does not). Change the repeated digit.',
    forbiddenDigits: '',
    allows: (pin) => distinctDigits(pin.slice(0, 4)) === Math.min(pin.length, 4),
  },
  no_all_same_digits: {
    type: 'no_all_same_digits',
    summary: 'Not one repeated digit',
    message:
      'This lock does not accept a PIN made of one repeated digit (such as 1111). Use at least ' +
      'two different digits.',
    forbiddenDigits: '',
    allows: (pin) => distinctDigits(pin) > 1,
  },
};

/** Narrows an arbitrary string to a digit-rule constraint type. */
export function isPinConstraintType(type: string): type is PinConstraintType {
  return (PIN_CONSTRAINT_TYPES as readonly string[]).includes(type);
}

/** Narrows an arbitrary string to a constraint type this package understands. */
export function isKnownConstraintType(type: string): type is KnownConstraintType {
  return (KNOWN_CONSTRAINT_TYPES as readonly string[]).includes(type);
}
