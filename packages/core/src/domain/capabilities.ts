import type { Device } from '@seamapi/types/connect';
import { deviceProperties, readDeviceRules, type DeviceRules } from './device-rules.js';
import { PIN_RULES, isPinConstraintType, type KnownConstraintType } from './pin-rules.js';
import type { ExistingCode } from './types.js';
import { isRecord } from './is-record.js';
import { deviceTimeZone, nativeSchedulingOf, type NativeScheduling } from './lock-facts.js';

export type { NativeScheduling } from './lock-facts.js';

/**
 * One reason bearing on what a device can take. `blocking` reasons are why a capability is off
 * (the capability is on exactly when none is present); `caution` reasons leave it on but may
 * delay or defeat a code (lock offline, keypad battery low, Office Mode...).
 */
export interface CapabilityReason {
  /** Stable snake_case code: ours (`no_keypad`) or Seam's own `error_code`/`warning_code`. */
  code: string;
  /** What it means for codes and what to do, as a full sentence. */
  message: string;
  /** Whether this reason alone switches the capability off. */
  severity: 'blocking' | 'caution';
  /** Seam's message, when the reason comes from a device error or warning. */
  seamMessage?: string;
}

/** A device error or warning exactly as Seam reported it. */
export interface DeviceIssue {
  /** `error` from `device.errors`, `warning` from `device.warnings`. */
  kind: 'error' | 'warning';
  /** Seam's `error_code` or `warning_code`. */
  code: string;
  /** Seam's message. */
  message: string;
  /** True for errors of the connected account (or its bridge) rather than of the device. */
  isConnectedAccountError: boolean;
}

/** How the lock wants names. */
export interface NameRules {
  /** Shortest name allowed, or null when the lock sets no minimum. */
  minLength: number | null;
  /** Longest name allowed, or null when the lock sets no maximum. */
  maxLength: number | null;
  /** No two codes on the lock may share a name. */
  mustBeUnique: boolean;
}

/** A code constraint the device declares, as data for hints and forms. */
export interface DeclaredConstraint {
  /** The constraint type as Seam names it. */
  type: KnownConstraintType;
  /** A few words for a hint, e.g. "No zeros" or "Name 2 to 14 characters". */
  summary: string;
}

/**
 * What a device can take and why not: the answer `describeCapabilities` gives, used by the
 * creator form to show only what the lock supports and to explain the rest in words.
 */
export interface DeviceCapabilities {
  /** The device can take an online code now (Seam programs it over the network). */
  canTakeOnlineCodes: boolean;
  /** The device can take an offline (algorithmic) code now. */
  canTakeOfflineCodes: boolean;
  /** A PIN may be chosen (online codes only, and the provider lets the caller choose). */
  canChoosePin: boolean;
  /** Reasons for each capability; see `CapabilityReason` for blocking versus caution. */
  reasons: {
    onlineCodes: CapabilityReason[];
    offlineCodes: CapabilityReason[];
    choosePin: CapabilityReason[];
  };
  /** Every device error and warning, with Seam's message. */
  deviceIssues: DeviceIssue[];
  /** PIN lengths the device takes, ascending (Seam's 4–9 when the device lists none). */
  supportedCodeLengths: number[];
  /** True when the lengths come from the device's `supported_code_lengths`. */
  codeLengthsDeclared: boolean;
  /** Digits a PIN may contain on this device, e.g. `123456` for a 1–6 keypad. */
  allowedDigits: string;
  /** Name rules from `name_length` and `name_must_be_unique`. */
  nameRules: NameRules;
  /** `max_active_codes_supported`, or null when the device does not say. */
  maxActiveCodes: number | null;
  /**
   * Codes that take or will take a slot on the lock: every code in `existingCodes`, in any status
   * (a `removing` code still holds its slot until it is gone, and natively scheduled locks count
   * preloaded future codes). It may over-count far-future codes on just-in-time locks.
   */
  activeCodeCount: number;
  /** True when `maxActiveCodes` is known and `activeCodeCount` has reached it. */
  isFull: boolean;
  /** Native scheduling support from the provider list of spec §B8. */
  nativeScheduling: NativeScheduling;
  /** `properties.supports_backup_access_code_pool`. */
  supportsBackupPool: boolean;
  /** The lock's IANA time zone (`location.time_zone`), or null when Seam does not know it. */
  timeZone: string | null;
  /** A time-bound code must start in the future (`start_date_in_future`). */
  startMustBeInFuture: boolean;
  /** The known constraints the device declares, in its order. */
  constraints: DeclaredConstraint[];
  /** Constraint types this package does not know; Seam still enforces them on create. */
  unknownConstraintTypes: string[];
}

/**
 * How a device error or warning bears on online and offline codes. `connectivity` is blocking
 * when the capability flag is false (it is the likely cause) and a caution otherwise: Seam keeps
 * `can_program_online_access_codes` true while a lock is briefly offline and programs it later.
 */
type Effect = 'blocking' | 'caution' | 'connectivity';

interface KnownIssue {
  online: Effect;
  offline: Effect;
  message: string;
}

const KNOWN_ISSUES: Readonly<Record<string, KnownIssue>> = {
  account_disconnected: {
    online: 'blocking',
    offline: 'blocking',
    message:
      "The lock's account is disconnected from Seam. Reconnect the account by signing in to the " +
      'lock provider again, then create the code.',
  },
  bridge_disconnected: {
    online: 'blocking',
    offline: 'blocking',
    message:
      'Seam cannot reach Seam Bridge for this lock. Restart Seam Bridge, or the computer that runs ' +
      'it, then try again.',
  },
  salto_ks_subscription_limit_exceeded: {
    online: 'blocking',
    offline: 'blocking',
    message:
      'The Salto site has reached its user limit, and every code uses one user. Delete unused ' +
      'codes or raise the Salto subscription.',
  },
  device_removed: {
    online: 'blocking',
    offline: 'blocking',
    message: "This lock was removed from its account. Add it again in the provider's app.",
  },
  missing_device_credentials: {
    online: 'blocking',
    offline: 'blocking',
    message: "Seam is missing credentials for this lock. Reconnect the lock's account.",
  },
  subscription_required: {
    online: 'blocking',
    offline: 'blocking',
    message:
      'The provider requires a subscription before this lock can take codes. Activate it with ' +
      'the provider.',
  },
  august_lock_not_authorized: {
    online: 'blocking',
    offline: 'blocking',
    message:
      'Seam is not authorized to manage this August lock. Give the connected account owner ' +
      'access in the August app.',
  },
  keynest_unsupported_locker: {
    online: 'blocking',
    offline: 'blocking',
    message: 'This key is in a KeyNest locker that does not support access codes.',
  },
  device_offline: {
    online: 'connectivity',
    offline: 'caution',
    message:
      'The lock is offline. Seam programs the code when it reconnects; check its power and Wi-Fi.',
  },
  hub_disconnected: {
    online: 'connectivity',
    offline: 'caution',
    message:
      'The hub or bridge that connects this lock is offline. Seam programs the code when it ' +
      'reconnects; check its power and network.',
  },
  device_disconnected: {
    online: 'connectivity',
    offline: 'caution',
    message:
      'The lock is disconnected. Seam programs the code when it reconnects; check its power and ' +
      'connection.',
  },
  august_lock_missing_bridge: {
    online: 'blocking',
    offline: 'caution',
    message:
      'This August lock has no Wi-Fi bridge, so Seam cannot program codes on it remotely. Install ' +
      'and pair an August Connect bridge.',
  },
  ttlock_lock_not_paired_to_gateway: {
    online: 'blocking',
    offline: 'caution',
    message:
      'This TTLock lock is not paired with a gateway, so Seam cannot program codes on it ' +
      'remotely. Pair a TTLock gateway in the TTLock app.',
  },
  lockly_missing_wifi_bridge: {
    online: 'blocking',
    offline: 'caution',
    message:
      'This Lockly lock has no Wi-Fi bridge, so Seam cannot program online codes on it. Connect ' +
      'a Lockly Wi-Fi hub, or use an offline code.',
  },
  wyze_device_missing_gateway: {
    online: 'blocking',
    offline: 'caution',
    message:
      'This Wyze lock is not connected to its gateway, so Seam cannot program codes on it. ' +
      'Connect the Wyze gateway.',
  },
  accessory_keypad_setup_required: {
    online: 'blocking',
    offline: 'caution',
    message:
      'The keypad is not linked to the igloohome Bridge, so online codes will fail. Link the ' +
      'keypad to the bridge in the igloohome app.',
  },
  salto_ks_office_mode: {
    online: 'caution',
    offline: 'caution',
    message:
      'The lock is in Office Mode: access codes will not unlock the door until Office Mode is ' +
      'turned off.',
  },
  salto_ks_privacy_mode: {
    online: 'caution',
    offline: 'caution',
    message:
      'The lock is in Privacy Mode: access codes will not unlock the door until Privacy Mode is ' +
      'turned off.',
  },
  ultraloq_time_zone_unknown: {
    online: 'caution',
    offline: 'caution',
    message:
      "Seam does not know this Ultraloq lock's time zone, so it refuses time-bound codes. Set the " +
      "lock's time zone, or create an ongoing code.",
  },
  lockly_time_zone_not_configured: {
    online: 'caution',
    offline: 'caution',
    message:
      'This Lockly lock has no time zone configured, so time-bound codes may start or end at the ' +
      'wrong hour. Set the time zone in the Lockly app.',
  },
};

function readIssues(list: unknown, kind: 'error' | 'warning'): DeviceIssue[] {
  if (!Array.isArray(list)) return [];
  const codeKey = kind === 'error' ? 'error_code' : 'warning_code';
  const issues: DeviceIssue[] = [];
  for (const entry of list) {
    if (!isRecord(entry) || typeof entry[codeKey] !== 'string') continue;
    const code = entry[codeKey];
    issues.push({
      kind,
      code,
      message: typeof entry.message === 'string' ? entry.message : '',
      isConnectedAccountError:
        entry.is_connected_account_error === true ||
        entry.is_bridge_error === true ||
        code === 'account_disconnected' ||
        code === 'bridge_disconnected',
    });
  }
  return issues;
}

/** Every device error and warning, errors first. */
export function readDeviceIssues(device: Device): DeviceIssue[] {
  const record: Record<string, unknown> = isRecord(device) ? device : {};
  return [...readIssues(record.errors, 'error'), ...readIssues(record.warnings, 'warning')];
}

/** Capability flag, falling back to the deprecated property when the flag is absent. */
function capabilityFlag(
  device: Device,
  flag: 'can_program_online_access_codes' | 'can_program_offline_access_codes',
  deprecated: 'online_access_codes_enabled' | 'offline_access_codes_enabled',
): boolean | undefined {
  const value: unknown = isRecord(device) ? device[flag] : undefined;
  if (typeof value === 'boolean') return value;
  const legacy = deviceProperties(device)[deprecated];
  return typeof legacy === 'boolean' ? legacy : undefined;
}

/** A 0..1 level; some providers report percent, which is scaled down. */
function batteryLevel(value: unknown): number | null {
  const level = isRecord(value) ? value.level : undefined;
  if (typeof level !== 'number' || !Number.isFinite(level) || level < 0) return null;
  return level > 1 ? Math.min(level / 100, 1) : level;
}

/** At or below this keypad battery level (20 %), a dead keypad is a real risk for the stay. */
export const KEYPAD_BATTERY_LOW_LEVEL = 0.2;

/** Reasons from the keypad: none, not connected, battery low. Shared by online and offline. */
function keypadReasons(device: Device, flag: boolean | undefined): CapabilityReason[] {
  const properties = deviceProperties(device);
  const model = isRecord(properties.model) ? properties.model : {};
  const accessory = isRecord(properties.accessory_keypad) ? properties.accessory_keypad : null;
  const builtIn = model.has_built_in_keypad;
  const canConnect = [
    model.can_connect_accessory_keypad,
    model.accessory_keypad_supported,
    properties.supports_accessory_keypad,
  ].find((value) => typeof value === 'boolean');
  const reasons: CapabilityReason[] = [];

  if (builtIn !== true) {
    if (accessory?.is_connected === false) {
      reasons.push({
        code: 'keypad_not_connected',
        severity: 'blocking',
        message:
          "The lock's keypad is not connected, so a guest cannot enter a PIN. Reconnect or pair " +
          "the keypad in the lock's app, then try again.",
      });
    } else if (accessory === null && builtIn === false && canConnect === false) {
      reasons.push({
        code: 'no_keypad',
        severity: 'blocking',
        message:
          'This lock has no keypad, so there is nowhere to enter a PIN. Use a lock with a keypad.',
      });
    } else if (accessory === null && builtIn === false && canConnect === true) {
      // Seam's flag is the better witness when it says codes work; otherwise this is the cause.
      reasons.push({
        code: 'keypad_not_connected',
        severity: flag === true ? 'caution' : 'blocking',
        message:
          'This lock has no built-in keypad and no accessory keypad is reported, so a guest may ' +
          "have nowhere to enter a PIN. Pair a keypad in the lock's app.",
      });
    }
  }

  // Both fields may be present; the weaker reading is the one that strands a guest.
  const levels = [batteryLevel(accessory?.battery), batteryLevel(properties.keypad_battery)].filter(
    (value): value is number => value !== null,
  );
  const level = levels.length > 0 ? Math.min(...levels) : null;
  if (level !== null && level <= KEYPAD_BATTERY_LOW_LEVEL) {
    reasons.push({
      code: 'keypad_battery_low',
      severity: 'caution',
      message:
        `The keypad battery is low (${Math.round(level * 100)} %). Replace it before the guest ` +
        'arrives: a dead keypad cannot take a PIN.',
    });
  }
  return reasons;
}

/** Adds a reason unless one with the same code is there; keeps the stricter severity. */
function addReason(reasons: CapabilityReason[], reason: CapabilityReason): void {
  const existing = reasons.find((candidate) => candidate.code === reason.code);
  if (!existing) {
    reasons.push(reason);
    return;
  }
  if (reason.severity === 'blocking') existing.severity = 'blocking';
  if (reason.seamMessage !== undefined && existing.seamMessage === undefined) {
    existing.seamMessage = reason.seamMessage;
  }
}

function severityOf(effect: Effect, flag: boolean | undefined): CapabilityReason['severity'] {
  if (effect === 'connectivity') return flag === false ? 'blocking' : 'caution';
  return effect;
}

function reasonsFor(
  kind: 'online' | 'offline',
  device: Device,
  issues: readonly DeviceIssue[],
): CapabilityReason[] {
  const flag =
    kind === 'online'
      ? capabilityFlag(device, 'can_program_online_access_codes', 'online_access_codes_enabled')
      : capabilityFlag(device, 'can_program_offline_access_codes', 'offline_access_codes_enabled');
  const label = kind === 'online' ? 'online' : 'offline';

  if (flag === undefined) {
    // Absent means the device does not have the capability at all; its errors are beside the point.
    return [
      {
        code: `${label}_access_codes_unsupported`,
        severity: 'blocking',
        message:
          kind === 'online'
            ? 'This device does not support online access codes. Choose a lock that does.'
            : 'This device does not support offline access codes. Create an online code instead.',
      },
    ];
  }

  const reasons: CapabilityReason[] = [];
  if (flag === false) {
    reasons.push({
      code: `${label}_access_codes_unavailable`,
      severity: 'blocking',
      message:
        `This lock supports ${label} access codes, but Seam reports that it cannot take them ` +
        "right now. Fix the lock's other problems, or check it in the provider's app, then try " +
        'again.',
    });
  }
  if (kind === 'online' && deviceProperties(device).online === false) {
    addReason(reasons, {
      code: 'device_offline',
      severity: severityOf('connectivity', flag),
      message: KNOWN_ISSUES.device_offline?.message ?? '',
    });
  }
  for (const reason of keypadReasons(device, flag)) addReason(reasons, reason);
  for (const issue of issues) {
    const known = KNOWN_ISSUES[issue.code];
    const effect: Effect = known
      ? known[kind]
      : issue.isConnectedAccountError && issue.kind === 'error'
        ? 'blocking'
        : 'caution';
    addReason(reasons, {
      code: issue.code,
      severity: severityOf(effect, flag),
      message: known?.message ?? issue.message,
      seamMessage: issue.message,
    });
  }
  return reasons;
}

function summaryOf(type: KnownConstraintType, rules: DeviceRules): string {
  if (isPinConstraintType(type)) return PIN_RULES[type].summary;
  switch (type) {
    case 'cannot_specify_pin_code':
      return 'The lock chooses the PIN';
    case 'pin_code_matches_existing_set':
      return 'PIN must be one the account already uses';
    case 'start_date_in_future':
      return 'Start must be in the future';
    case 'name_must_be_unique':
      return 'Name must be unique on this lock';
    case 'name_length': {
      const { nameMinLength: min, nameMaxLength: max } = rules;
      if (min !== null && max !== null) return `Name ${min} to ${max} characters`;
      if (max !== null) return `Name at most ${max} characters`;
      if (min !== null) return `Name at least ${min} characters`;
      return 'Name length is limited';
    }
  }
}

function declaredConstraints(device: Device, rules: DeviceRules): DeclaredConstraint[] {
  const seen = new Set<string>();
  const declared: DeclaredConstraint[] = [];
  const list = deviceProperties(device).code_constraints;
  for (const constraint of Array.isArray(list) ? list : []) {
    const type = isRecord(constraint) ? constraint.constraint_type : undefined;
    if (typeof type !== 'string' || seen.has(type) || rules.unknownConstraintTypes.includes(type)) {
      continue;
    }
    seen.add(type);
    declared.push({
      type: type as KnownConstraintType,
      summary: summaryOf(type as KnownConstraintType, rules),
    });
  }
  return declared;
}

/** Well-formed entries of `existingCodes`, minus the code being updated. */
export function otherCodes(
  existingCodes: readonly ExistingCode[] | undefined,
  ignoreAccessCodeId?: string,
): ExistingCode[] {
  if (!Array.isArray(existingCodes)) return [];
  return existingCodes.filter(
    (code): code is ExistingCode =>
      isRecord(code) &&
      (ignoreAccessCodeId === undefined || code.access_code_id !== ignoreAccessCodeId),
  );
}

/** `max_active_codes_supported` when it is a usable number. */
export function maxActiveCodes(device: Device): number | null {
  const value = deviceProperties(device).max_active_codes_supported;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * Explains what a device can take: online codes, offline codes, a chosen PIN, each with the
 * reasons why not (or what may get in the way), and what it supports: code lengths, digits, name
 * rules, free slots, native scheduling, backup pool and time zone. Pure and total: a malformed
 * device yields "cannot" with reasons, never an exception.
 *
 * @example
 * const caps = describeCapabilities(device, { existingCodes });
 * if (!caps.canTakeOnlineCodes) show(caps.reasons.onlineCodes.filter((r) => r.severity === 'blocking'));
 */
export function describeCapabilities(
  device: Device,
  context: { existingCodes?: readonly ExistingCode[] } = {},
): DeviceCapabilities {
  const rules = readDeviceRules(device);
  const deviceIssues = readDeviceIssues(device);
  const onlineCodes = reasonsFor('online', device, deviceIssues);
  const offlineCodes = reasonsFor('offline', device, deviceIssues);
  const blocked = (reasons: CapabilityReason[]) =>
    reasons.some((reason) => reason.severity === 'blocking');
  const canTakeOnlineCodes = !blocked(onlineCodes);
  const canTakeOfflineCodes = !blocked(offlineCodes);

  const choosePin: CapabilityReason[] = [];
  if (!canTakeOnlineCodes) {
    choosePin.push({
      code: 'online_codes_required',
      severity: 'blocking',
      message:
        'A PIN can only be chosen for an online code, and this lock cannot take online codes ' +
        'right now.',
    });
  }
  if (rules.cannotSpecifyPin) {
    choosePin.push({
      code: 'cannot_specify_pin_code',
      severity: 'blocking',
      message:
        'This lock chooses its own PINs. Leave the PIN empty; Seam reports the PIN once the lock ' +
        'has assigned it.',
    });
  }
  if (rules.pinMustMatchExistingSet) {
    choosePin.push({
      code: 'pin_code_matches_existing_set',
      severity: 'caution',
      message:
        'A chosen PIN must be one this account already uses on its locks; Seam checks this when ' +
        'the code is created.',
    });
  }

  const maxActive = maxActiveCodes(device);
  const activeCodeCount = otherCodes(context.existingCodes).length;
  return {
    canTakeOnlineCodes,
    canTakeOfflineCodes,
    canChoosePin: !blocked(choosePin),
    reasons: { onlineCodes, offlineCodes, choosePin },
    deviceIssues,
    supportedCodeLengths: rules.supportedCodeLengths,
    codeLengthsDeclared: rules.codeLengthsDeclared,
    allowedDigits: rules.allowedDigits,
    nameRules: {
      minLength: rules.nameMinLength,
      maxLength: rules.nameMaxLength,
      mustBeUnique: rules.nameMustBeUnique,
    },
    maxActiveCodes: maxActive,
    activeCodeCount,
    isFull: maxActive !== null && activeCodeCount >= maxActive,
    nativeScheduling: nativeSchedulingOf(device),
    supportsBackupPool: deviceProperties(device).supports_backup_access_code_pool === true,
    timeZone: deviceTimeZone(device),
    startMustBeInFuture: rules.startDateInFuture,
    constraints: declaredConstraints(device, rules),
    unknownConstraintTypes: rules.unknownConstraintTypes,
  };
}
