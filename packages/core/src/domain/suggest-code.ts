import type { Device } from '@seamapi/types/connect';
import { describeCapabilities, otherCodes } from './capabilities.js';
import { readDeviceRules, type DeviceRules } from './device-rules.js';
import type { ExistingCode } from './types.js';

/** Options for `suggestCode`. */
export interface SuggestCodeOptions {
  /** Length to try first (e.g. the form's preferred length); ignored when the lock does not take it. */
  length?: number;
  /** The code being edited: its own PIN is not a duplicate. */
  ignoreAccessCodeId?: string;
}

/** Candidate nodes one search may visit before it gives a length up as unworkable. */
const SEARCH_BUDGET = 200_000;

/** The shortest PIN worth suggesting; 3-digit PINs are guessable in minutes at a keypad. */
const MIN_SUGGESTED_LENGTH = 4;

/** An index in [0, size) from `random`, tolerating generators that stray outside [0, 1). */
function pick(random: () => number, size: number): number {
  const value = random();
  const unit = Number.isFinite(value) ? value - Math.floor(value) : 0;
  return Math.min(size - 1, Math.floor(unit * size));
}

function shuffled(digits: string, random: () => number): string[] {
  const result = [...digits];
  for (let i = result.length - 1; i > 0; i--) {
    const j = pick(random, i + 1);
    [result[i], result[j]] = [result[j] as string, result[i] as string];
  }
  return result;
}

/**
 * Lengths to try, best first: the requested length when the lock takes it, then the supported
 * lengths of at least 4 digits from shortest up (short PINs are easier for a guest to type, and
 * every length the lock lists is one it accepts), then any shorter ones.
 */
function lengthsToTry(rules: DeviceRules, requested: number | undefined): number[] {
  const supported = rules.supportedCodeLengths;
  const preferred = supported.filter((length) => length >= MIN_SUGGESTED_LENGTH);
  const shorter = supported.filter((length) => length < MIN_SUGGESTED_LENGTH).reverse();
  const order = [...preferred, ...shorter];
  if (requested !== undefined && supported.includes(requested)) {
    return [requested, ...order.filter((length) => length !== requested)];
  }
  return order;
}

/**
 * Depth-first search over digits in random order, pruning prefixes that can no longer pass (a
 * prefix rule broken, a first four digits already in use, too few positions left for three
 * distinct digits). Complete within its budget: when a length admits a PIN, the search finds one.
 */
function searchLength(
  length: number,
  rules: DeviceRules,
  taken: ReadonlySet<string>,
  takenPrefixes: ReadonlySet<string>,
  random: () => number,
): string | null {
  const has = (type: string) => rules.pinRules.some((rule) => rule.type === type);
  const noStart12 = has('cannot_start_with_12');
  const noTriples = has('no_triple_consecutive_ints');
  const firstFourDistinct = has('unique_first_four_digits');
  const threeDistinct = has('at_least_three_unique_digits');
  const digits: number[] = [];
  let budget = SEARCH_BUDGET;

  const prefixAllowed = (): boolean => {
    const n = digits.length;
    const last = digits[n - 1] as number;
    if (noStart12 && n === 2 && digits[0] === 1 && last === 2) return false;
    if (noTriples && n >= 3) {
      const a = digits[n - 3] as number;
      const b = digits[n - 2] as number;
      if (Math.abs(b - a) <= 1 && last - b === b - a) return false;
    }
    if (firstFourDistinct && n <= 4 && digits.indexOf(last) !== n - 1) return false;
    if (n === 4 && takenPrefixes.has(digits.join(''))) return false;
    if (threeDistinct && new Set(digits).size + (length - n) < 3) return false;
    return true;
  };

  const visit = (): string | null => {
    if (budget-- <= 0) return null;
    if (digits.length === length) {
      const pin = digits.join('');
      return !taken.has(pin) && rules.pinRules.every((rule) => rule.allows(pin)) ? pin : null;
    }
    for (const digit of shuffled(rules.allowedDigits, random)) {
      digits.push(Number(digit));
      const found = prefixAllowed() ? visit() : null;
      digits.pop();
      if (found !== null || budget <= 0) return found;
    }
    return null;
  };
  return visit();
}

/**
 * Suggests a PIN that `validateCodeDraft` accepts for this lock: only allowed digits, a supported
 * length (the shortest of at least 4 digits unless `options.length` asks for another), every
 * digit constraint satisfied, not a PIN already on the lock, and (where codes are keyed on their
 * first four digits) not starting like one when that can be avoided. `random` is the only source
 * of chance (default `Math.random`; pass a seeded one for repeatable results, or a crypto-backed
 * one).
 *
 * @returns the PIN, or null when the lock cannot take a chosen PIN (`cannot_specify_pin_code`, no
 * online codes now), has no free slot, or has no PIN of any supported length left.
 */
export function suggestCode(
  device: Device,
  existingCodes?: readonly ExistingCode[],
  random: () => number = Math.random,
  options: SuggestCodeOptions = {},
): string | null {
  try {
    const others = otherCodes(existingCodes, options.ignoreAccessCodeId);
    const capabilities = describeCapabilities(device, { existingCodes: others });
    if (!capabilities.canChoosePin || capabilities.isFull) return null;
    const rules = readDeviceRules(device);
    if (rules.allowedDigits === '') return null;
    const taken = new Set<string>();
    const takenPrefixes = new Set<string>();
    for (const code of others) {
      if (typeof code.code === 'string') {
        taken.add(code.code);
        takenPrefixes.add(code.code.slice(0, 4));
      }
    }
    const keyedOnFirstFour = rules.pinRules.some(
      (rule) => rule.type === 'unique_first_four_digits',
    );
    const noPrefixes = new Set<string>();
    for (const length of lengthsToTry(rules, options.length)) {
      // Avoid first-four clashes where codes are keyed on them; fall back (it is only a warning).
      const pin =
        (keyedOnFirstFour ? searchLength(length, rules, taken, takenPrefixes, random) : null) ??
        searchLength(length, rules, taken, noPrefixes, random);
      if (pin !== null) return pin;
    }
    return null;
  } catch {
    // A malformed device or a throwing `random` must not take a form down with it.
    return null;
  }
}
