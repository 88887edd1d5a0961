import type { Device } from '@seamapi/types/connect';
import { describe, expect, it } from 'vitest';
import { describeCapabilities, type CapabilityReason } from '../../src/domain/index.js';
import {
  ALL_FIXTURES,
  augustKeypadGone,
  dormakabaOracode,
  existing,
  igloohome,
  kwikset,
  makeDevice,
  noiseSensor,
  nuki,
  salto,
  schlage,
  smartthingsDisconnected,
} from './fixtures.js';

const CREATED_AT = '2026-01-05T10:00:00.000Z';

/** `code/severity` of each reason, for compact assertions. */
const summary = (reasons: CapabilityReason[]) => reasons.map((r) => `${r.code}/${r.severity}`);

describe('describeCapabilities over realistic devices', () => {
  it('a healthy Schlage Encode takes online codes with a chosen PIN', () => {
    const caps = describeCapabilities(schlage());
    expect(caps).toMatchObject({
      canTakeOnlineCodes: true,
      canTakeOfflineCodes: false,
      canChoosePin: true,
      supportedCodeLengths: [4, 5, 6, 7, 8],
      codeLengthsDeclared: true,
      allowedDigits: '0123456789',
      maxActiveCodes: 100,
      activeCodeCount: 0,
      isFull: false,
      nativeScheduling: { supported: true, basis: 'provider' },
      supportsBackupPool: true,
      timeZone: 'America/New_York',
      startMustBeInFuture: false,
      constraints: [
        { type: 'unique_first_four_digits', summary: 'First four digits all different' },
      ],
      unknownConstraintTypes: [],
      deviceIssues: [],
    });
    expect(caps.reasons.onlineCodes).toEqual([]);
    expect(summary(caps.reasons.offlineCodes)).toEqual([
      'offline_access_codes_unsupported/blocking',
    ]);
  });

  it('a Nuki with its keypad: digits, name rules and constraints as data', () => {
    const caps = describeCapabilities(nuki());
    expect(caps.canTakeOnlineCodes).toBe(true);
    expect(caps.allowedDigits).toBe('123456789');
    expect(caps.supportedCodeLengths).toEqual([6]);
    expect(caps.nameRules).toEqual({ minLength: null, maxLength: 20, mustBeUnique: true });
    expect(caps.constraints).toEqual([
      { type: 'cannot_start_with_12', summary: 'Must not start with 12' },
      { type: 'no_zeros', summary: 'No zeros' },
      { type: 'name_length', summary: 'Name at most 20 characters' },
      { type: 'name_must_be_unique', summary: 'Name must be unique on this lock' },
    ]);
    expect(caps.timeZone).toBe('Europe/Berlin');
  });

  it('a Kwikset wants starts in the future and names of 2 to 14 characters', () => {
    const caps = describeCapabilities(kwikset());
    expect(caps.startMustBeInFuture).toBe(true);
    expect(caps.nameRules).toEqual({ minLength: 2, maxLength: 14, mustBeUnique: true });
    expect(caps.constraints.map((c) => c.summary)).toContain('Name 2 to 14 characters');
    expect(caps.timeZone).toBe('America/Denver');
  });

  it('an igloohome takes online and offline codes', () => {
    const caps = describeCapabilities(igloohome());
    expect([caps.canTakeOnlineCodes, caps.canTakeOfflineCodes, caps.canChoosePin]).toEqual([
      true,
      true,
      true,
    ]);
    expect(caps.maxActiveCodes).toBe(199);
  });

  it('a dormakaba Oracode takes only offline codes and never a chosen PIN', () => {
    const caps = describeCapabilities(dormakabaOracode());
    expect(caps.canTakeOnlineCodes).toBe(false);
    expect(caps.canTakeOfflineCodes).toBe(true);
    expect(caps.canChoosePin).toBe(false);
    expect(summary(caps.reasons.onlineCodes)).toEqual(['online_access_codes_unsupported/blocking']);
    expect(summary(caps.reasons.choosePin)).toEqual([
      'online_codes_required/blocking',
      'cannot_specify_pin_code/blocking',
    ]);
    expect(caps.nativeScheduling).toEqual({ supported: false, basis: 'provider' });
    expect(caps.codeLengthsDeclared).toBe(false);
  });

  it('a Salto lock lets a PIN be chosen, with a caution that it must match the account set', () => {
    const caps = describeCapabilities(salto());
    expect(caps.canChoosePin).toBe(true);
    expect(summary(caps.reasons.choosePin)).toEqual(['pin_code_matches_existing_set/caution']);
    expect(caps.maxActiveCodes).toBeNull();
    expect(caps.isFull).toBe(false);
    expect(caps.nativeScheduling).toEqual({ supported: true, basis: 'provider' });
  });

  it('an August whose keypad dropped off says so, beside the false flag', () => {
    const caps = describeCapabilities(augustKeypadGone());
    expect(caps.canTakeOnlineCodes).toBe(false);
    expect(summary(caps.reasons.onlineCodes)).toEqual([
      'online_access_codes_unavailable/blocking',
      'keypad_not_connected/blocking',
    ]);
  });

  it('a SmartThings lock with a disconnected account is blocked although its flag is true', () => {
    const caps = describeCapabilities(smartthingsDisconnected());
    expect(caps.canTakeOnlineCodes).toBe(false);
    expect(caps.reasons.onlineCodes).toEqual([
      {
        code: 'account_disconnected',
        severity: 'blocking',
        message: expect.stringMatching(/^The lock's account is disconnected.*Reconnect/),
        seamMessage: 'Account Disconnected',
      },
    ]);
    expect(caps.deviceIssues).toEqual([
      {
        kind: 'error',
        code: 'account_disconnected',
        message: 'Account Disconnected',
        isConnectedAccountError: true,
      },
    ]);
    expect(caps.nativeScheduling).toEqual({ supported: false, basis: 'provider' });
  });

  it('a noise sensor has no code capability and nothing known about scheduling', () => {
    const caps = describeCapabilities(noiseSensor());
    expect(caps.canTakeOnlineCodes || caps.canTakeOfflineCodes || caps.canChoosePin).toBe(false);
    expect(caps.nativeScheduling).toEqual({ supported: null, basis: 'unknown' });
    expect(caps.supportedCodeLengths).toEqual([4, 5, 6, 7, 8, 9]);
    expect(caps.codeLengthsDeclared).toBe(false);
  });

  it.each(Object.entries(ALL_FIXTURES))(
    '%s: a capability is on exactly when no reason blocks it',
    (_, make) => {
      const caps = describeCapabilities(make());
      const blocks = (reasons: CapabilityReason[]) =>
        reasons.some((r) => r.severity === 'blocking');
      expect(caps.canTakeOnlineCodes).toBe(!blocks(caps.reasons.onlineCodes));
      expect(caps.canTakeOfflineCodes).toBe(!blocks(caps.reasons.offlineCodes));
      expect(caps.canChoosePin).toBe(!blocks(caps.reasons.choosePin));
      for (const reason of Object.values(caps.reasons).flat()) {
        expect(reason.message).toMatch(/^[A-Z].*\.$/);
      }
    },
  );
});

describe('describeCapabilities: why not', () => {
  it('tells an absent flag (no capability) from a false one (not working now)', () => {
    const absent = describeCapabilities(makeDevice({ can_program_online_access_codes: undefined }));
    const off = describeCapabilities(makeDevice({ can_program_online_access_codes: false }));
    expect(summary(absent.reasons.onlineCodes)).toEqual([
      'online_access_codes_unsupported/blocking',
    ]);
    expect(summary(off.reasons.onlineCodes)).toEqual(['online_access_codes_unavailable/blocking']);
  });

  it('falls back to the deprecated properties when the flag is absent', () => {
    const legacy = makeDevice({
      can_program_online_access_codes: undefined,
      properties: { online_access_codes_enabled: true },
    });
    expect(describeCapabilities(legacy).canTakeOnlineCodes).toBe(true);
  });

  it('a briefly offline lock still takes codes (Seam programs it later), with a caution', () => {
    const device = makeDevice({
      properties: { online: false },
      errors: [
        {
          error_code: 'device_offline',
          message: 'Device is offline',
          is_device_error: true,
          created_at: CREATED_AT,
        },
      ],
    });
    const caps = describeCapabilities(device);
    expect(caps.canTakeOnlineCodes).toBe(true);
    expect(caps.reasons.onlineCodes).toEqual([
      {
        code: 'device_offline',
        severity: 'caution',
        message: expect.stringContaining('Seam programs the code when it reconnects'),
        seamMessage: 'Device is offline',
      },
    ]);
  });

  it('an offline lock whose flag is false is blocked by being offline', () => {
    const caps = describeCapabilities(
      makeDevice({ can_program_online_access_codes: false, properties: { online: false } }),
    );
    expect(summary(caps.reasons.onlineCodes)).toEqual([
      'online_access_codes_unavailable/blocking',
      'device_offline/blocking',
    ]);
  });

  it('a lock with no keypad at all cannot take a PIN, whatever the flag says', () => {
    const device = makeDevice({
      properties: {
        model: {
          display_name: 'Lever',
          manufacturer_display_name: 'Acme',
          has_built_in_keypad: false,
          can_connect_accessory_keypad: false,
        },
      },
    });
    expect(summary(describeCapabilities(device).reasons.onlineCodes)).toEqual([
      'no_keypad/blocking',
    ]);
  });

  it.each<[boolean, string]>([
    [true, 'caution'],
    [false, 'blocking'],
  ])('an accessory keypad that is not reported, with the flag %s, is a %s', (flag, severity) => {
    const device = makeDevice({
      can_program_online_access_codes: flag,
      properties: {
        model: {
          display_name: 'Wi-Fi Smart Lock',
          manufacturer_display_name: 'August',
          has_built_in_keypad: false,
          can_connect_accessory_keypad: true,
        },
      },
    });
    expect(summary(describeCapabilities(device).reasons.onlineCodes)).toContain(
      `keypad_not_connected/${severity}`,
    );
  });

  it.each<[string, Partial<Device['properties']>, string | null]>([
    [
      'an accessory keypad at 12 %',
      { accessory_keypad: { is_connected: true, battery: { level: 0.12 } } },
      '12 %',
    ],
    ['keypad_battery at 0.2', { keypad_battery: { level: 0.2 } }, '20 %'],
    ['keypad_battery reported in percent', { keypad_battery: { level: 15 } }, '15 %'],
    ['a healthy keypad', { keypad_battery: { level: 0.8 } }, null],
  ])('keypad battery: %s', (_, properties, percent) => {
    const caps = describeCapabilities(nuki({ properties }));
    const low = caps.reasons.onlineCodes.find((r) => r.code === 'keypad_battery_low');
    expect(caps.canTakeOnlineCodes).toBe(true);
    if (percent === null) expect(low).toBeUndefined();
    else expect(low?.message).toContain(`(${percent})`);
  });

  it('a disconnected Seam Bridge blocks online and offline codes', () => {
    const device = igloohome({
      errors: [
        {
          error_code: 'bridge_disconnected',
          message: 'Seam Bridge is offline',
          is_bridge_error: true,
          created_at: CREATED_AT,
        } as never,
      ],
    });
    const caps = describeCapabilities(device);
    expect(caps.canTakeOnlineCodes).toBe(false);
    expect(caps.canTakeOfflineCodes).toBe(false);
    expect(caps.deviceIssues[0]?.isConnectedAccountError).toBe(true);
  });

  it('a missing bridge blocks online codes but not offline ones', () => {
    const device = igloohome({
      warnings: [
        {
          warning_code: 'accessory_keypad_setup_required',
          message: 'Keypad not linked to bridge',
          created_at: CREATED_AT,
        },
      ],
    });
    const caps = describeCapabilities(device);
    expect(caps.canTakeOnlineCodes).toBe(false);
    expect(caps.canTakeOfflineCodes).toBe(true);
    expect(summary(caps.reasons.offlineCodes)).toEqual(['accessory_keypad_setup_required/caution']);
  });

  it('lists every device error and warning with its message, unknown ones included', () => {
    const device = makeDevice({
      errors: [
        {
          error_code: 'empty_backup_access_code_pool',
          message: 'No backup codes left',
          is_device_error: true,
          created_at: CREATED_AT,
        },
        {
          error_code: 'brand_new_error',
          message: 'Something new went wrong.',
          is_device_error: true,
          created_at: CREATED_AT,
        } as never,
      ],
      warnings: [
        { warning_code: 'salto_ks_privacy_mode', message: 'Privacy mode', created_at: CREATED_AT },
        {
          warning_code: 'brand_new_warning',
          message: 'Something new to know.',
          created_at: CREATED_AT,
        } as never,
      ],
    });
    const caps = describeCapabilities(device);
    expect(caps.deviceIssues.map((i) => `${i.kind}:${i.code}:${i.message}`)).toEqual([
      'error:empty_backup_access_code_pool:No backup codes left',
      'error:brand_new_error:Something new went wrong.',
      'warning:salto_ks_privacy_mode:Privacy mode',
      'warning:brand_new_warning:Something new to know.',
    ]);
    expect(caps.canTakeOnlineCodes).toBe(true);
    expect(caps.reasons.onlineCodes.map((r) => [r.code, r.severity, r.message])).toEqual([
      ['empty_backup_access_code_pool', 'caution', 'No backup codes left'],
      ['brand_new_error', 'caution', 'Something new went wrong.'],
      ['salto_ks_privacy_mode', 'caution', expect.stringContaining('will not unlock the door')],
      ['brand_new_warning', 'caution', 'Something new to know.'],
    ]);
  });
});

describe('describeCapabilities: what the lock supports', () => {
  it('counts the codes on the lock and says when it is full', () => {
    const device = makeDevice({ properties: { max_active_codes_supported: 3 } });
    const codes = [
      existing(1, '5831', 'A'),
      existing(2, '6942', 'B', { status: 'removing' }),
      existing(3, null, 'C', { status: 'unset', type: 'time_bound' }),
    ];
    expect(describeCapabilities(device, { existingCodes: codes.slice(0, 2) })).toMatchObject({
      activeCodeCount: 2,
      isFull: false,
    });
    expect(describeCapabilities(device, { existingCodes: codes })).toMatchObject({
      activeCodeCount: 3,
      isFull: true,
    });
  });

  it('falls back to the device type when the provider is not on the list', () => {
    const device = makeDevice({
      device_type: 'lockly_lock',
      device_provider: {
        device_provider_name: 'some_reseller',
        display_name: 'X',
        provider_category: 'stable',
      },
    });
    expect(describeCapabilities(device).nativeScheduling).toEqual({
      supported: false,
      basis: 'device_type',
    });
  });

  it('reports unknown constraint types and keeps going', () => {
    const device = makeDevice({
      properties: {
        code_constraints: [
          { constraint_type: 'must_rhyme' } as never,
          { constraint_type: 'no_zeros' },
        ],
      },
    });
    const caps = describeCapabilities(device);
    expect(caps.unknownConstraintTypes).toEqual(['must_rhyme']);
    expect(caps.constraints.map((c) => c.type)).toEqual(['no_zeros']);
  });

  it('has no time zone when Seam does not know it', () => {
    expect(describeCapabilities(makeDevice({ location: undefined })).timeZone).toBeNull();
    // Seam sent `location: null` before @seamapi/types made the object optional.
    const legacy = { ...makeDevice(), location: null } as unknown as Device;
    expect(describeCapabilities(legacy).timeZone).toBeNull();
    expect(
      describeCapabilities(makeDevice({ location: { location_name: 'x' } })).timeZone,
    ).toBeNull();
  });

  it('reads location.time_zone, Seam’s current name, before the deprecated timezone', () => {
    const both = makeDevice({
      location: { time_zone: 'Europe/Berlin', timezone: 'America/Denver' },
    });
    expect(describeCapabilities(both).timeZone).toBe('Europe/Berlin');
    const current = makeDevice({ location: { time_zone: 'Asia/Kolkata' } });
    expect(describeCapabilities(current).timeZone).toBe('Asia/Kolkata');
    const deprecated = makeDevice({ location: { timezone: 'America/Denver' } });
    expect(describeCapabilities(deprecated).timeZone).toBe('America/Denver');
  });

  it.each<[string, unknown]>([
    ['an empty object', {}],
    ['null properties', { properties: null, errors: 'nope', warnings: [null, 1] }],
    ['null', null],
  ])('survives a malformed device (%s) and says it cannot take codes', (_, device) => {
    const caps = describeCapabilities(device as Device);
    expect(caps.canTakeOnlineCodes).toBe(false);
    expect(caps.canChoosePin).toBe(false);
  });
});
