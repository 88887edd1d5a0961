import type { Device } from '@seamapi/types/connect';
import {
  PIN_RULES,
  isKnownConstraintType,
  isPinConstraintType,
  type PinConstraintType,
  type PinRule,
} from './pin-rules.js';
import { isRecord } from './is-record.js';

/** PIN lengths Seam's API accepts when a device does not list its own (`code`: 4–9 in 1.721). */
export const SEAM_CODE_LENGTHS: readonly number[] = [4, 5, 6, 7, 8, 9];

/** A device's code and name rules, read once from `properties` and normalised. */
export interface DeviceRules {
  /** Digit rules that apply, in the order the device lists them, without repeats. */
  pinRules: PinRule[];
  /** `cannot_specify_pin_code`: the provider generates every PIN. */
  cannotSpecifyPin: boolean;
  /** `pin_code_matches_existing_set`: a chosen PIN must be one the account already uses. */
  pinMustMatchExistingSet: boolean;
  /** `start_date_in_future`: a time-bound code must start in the future. */
  startDateInFuture: boolean;
  /** Shortest name allowed (`name_length.min_length`; the largest when listed twice). */
  nameMinLength: number | null;
  /** Longest name allowed (`name_length.max_length`; the smallest when listed twice). */
  nameMaxLength: number | null;
  /** `name_must_be_unique`: no two codes on the device may share a name. */
  nameMustBeUnique: boolean;
  /** PIN lengths the device takes, ascending; Seam's 4–9 when the device lists none. */
  supportedCodeLengths: number[];
  /** True when `supportedCodeLengths` came from the device rather than Seam's default. */
  codeLengthsDeclared: boolean;
  /** Digits a PIN may contain on this device, ascending. */
  allowedDigits: string;
  /** Constraint types this package does not know, as the device spells them. */
  unknownConstraintTypes: string[];
}

function nonNegativeInteger(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/** The device's `properties`, or an empty record when a caller passed something malformed. */
export function deviceProperties(device: unknown): Record<string, unknown> {
  return isRecord(device) && isRecord(device.properties) ? device.properties : {};
}

/** Reads the rules a device imposes on codes; never throws, even on a malformed device. */
export function readDeviceRules(device: Device): DeviceRules {
  const properties = deviceProperties(device);
  const rules: DeviceRules = {
    pinRules: [],
    cannotSpecifyPin: false,
    pinMustMatchExistingSet: false,
    startDateInFuture: false,
    nameMinLength: null,
    nameMaxLength: null,
    nameMustBeUnique: false,
    supportedCodeLengths: [...SEAM_CODE_LENGTHS],
    codeLengthsDeclared: false,
    allowedDigits: '0123456789',
    unknownConstraintTypes: [],
  };

  const seenPinTypes = new Set<PinConstraintType>();
  const constraints = Array.isArray(properties.code_constraints) ? properties.code_constraints : [];
  for (const constraint of constraints) {
    const type = isRecord(constraint) ? constraint.constraint_type : undefined;
    if (typeof type !== 'string' || !isKnownConstraintType(type)) {
      const label = typeof type === 'string' ? type : '(a constraint without a type)';
      if (!rules.unknownConstraintTypes.includes(label)) rules.unknownConstraintTypes.push(label);
      continue;
    }
    if (isPinConstraintType(type)) {
      if (!seenPinTypes.has(type)) rules.pinRules.push(PIN_RULES[type]);
      seenPinTypes.add(type);
      continue;
    }
    switch (type) {
      case 'cannot_specify_pin_code':
        rules.cannotSpecifyPin = true;
        break;
      case 'pin_code_matches_existing_set':
        rules.pinMustMatchExistingSet = true;
        break;
      case 'start_date_in_future':
        rules.startDateInFuture = true;
        break;
      case 'name_must_be_unique':
        rules.nameMustBeUnique = true;
        break;
      case 'name_length': {
        const record = constraint as Record<string, unknown>;
        const min = nonNegativeInteger(record.min_length);
        const max = nonNegativeInteger(record.max_length);
        if (min !== null) rules.nameMinLength = Math.max(rules.nameMinLength ?? 0, min);
        if (max !== null) rules.nameMaxLength = Math.min(rules.nameMaxLength ?? max, max);
        break;
      }
    }
  }

  const forbidden = new Set(rules.pinRules.flatMap((rule) => [...rule.forbiddenDigits]));
  rules.allowedDigits = [...'0123456789'].filter((digit) => !forbidden.has(digit)).join('');

  const declared = Array.isArray(properties.supported_code_lengths)
    ? properties.supported_code_lengths
    : [];
  const lengths = [
    ...new Set(
      declared.filter(
        (length): length is number =>
          typeof length === 'number' && Number.isInteger(length) && length > 0,
      ),
    ),
  ].sort((a, b) => a - b);
  if (lengths.length > 0) {
    rules.supportedCodeLengths = lengths;
    rules.codeLengthsDeclared = true;
  }
  return rules;
}

/** Describes a list of lengths for a sentence: "6", "4 or 6", "4 to 8". */
export function describeLengths(lengths: readonly number[]): string {
  if (lengths.length === 0) return 'no';
  const first = lengths[0] as number;
  const last = lengths[lengths.length - 1] as number;
  const contiguous = last - first === lengths.length - 1;
  if (lengths.length === 1) return String(first);
  if (contiguous && lengths.length > 2) return `${first} to ${last}`;
  return `${lengths.slice(0, -1).join(', ')} or ${last}`;
}
