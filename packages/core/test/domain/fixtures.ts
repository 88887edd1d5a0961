import type { Device } from '@seamapi/types/connect';
import type { ExistingCode } from '../../src/domain/index.js';

/** Top-level fields to change, with `properties` merged into the base rather than replaced. */
export type DeviceOverrides = Omit<Partial<Device>, 'properties'> & {
  properties?: Partial<Device['properties']>;
};

const CREATED_AT = '2026-01-05T10:00:00.000Z';

/** A deterministic UUID per fixture, so failures name the same device every run. */
function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

let nextId = 1;

/**
 * A complete lock as `/devices/get` returns it (@seamapi/types 1.977.0): online, reachable, with a
 * built-in keypad and online codes. Each fixture below changes what its brand changes.
 */
export function makeDevice(overrides: DeviceOverrides = {}): Device {
  const { properties, ...rest } = overrides;
  return {
    device_id: uuid(nextId++),
    device_type: 'schlage_lock',
    space_ids: [],
    display_name: 'Front Door',
    capabilities_supported: ['access_code', 'lock'],
    properties: {
      online: true,
      name: 'Front Door',
      appearance: { name: 'Front Door' },
      model: {
        display_name: 'Encode Plus',
        manufacturer_display_name: 'Schlage',
        has_built_in_keypad: true,
        can_connect_accessory_keypad: false,
      },
      battery_level: 0.9,
      battery: { level: 0.9, status: 'full' },
      manufacturer: 'schlage',
      image_url: 'https://connect.getseam.com/assets/images/devices/schlage_encode.png',
      image_alt_text: 'Schlage Encode Plus, front',
      locked: true,
      door_open: false,
      supported_code_lengths: [4, 5, 6, 7, 8],
      max_active_codes_supported: 100,
      code_constraints: [],
      supports_backup_access_code_pool: true,
      has_native_entry_events: true,
      ...properties,
    },
    location: { location_name: 'Casa Azul', timezone: 'America/New_York' },
    connected_account_id: uuid(9000),
    workspace_id: uuid(9001),
    errors: [],
    warnings: [],
    created_at: CREATED_AT,
    is_managed: true,
    custom_metadata: {},
    device_provider: {
      device_provider_name: 'schlage',
      display_name: 'Schlage',
      provider_category: 'stable',
    },
    can_remotely_lock: true,
    can_remotely_unlock: true,
    can_program_online_access_codes: true,
    can_unlock_with_code: true,
    ...rest,
  } as Device;
}

function provider(name: string, display: string): Device['device_provider'] {
  return { device_provider_name: name, display_name: display, provider_category: 'stable' };
}

function model(
  display: string,
  manufacturer: string,
  keypad: { builtIn: boolean; accessory: boolean },
): Device['properties']['model'] {
  return {
    display_name: display,
    manufacturer_display_name: manufacturer,
    has_built_in_keypad: keypad.builtIn,
    can_connect_accessory_keypad: keypad.accessory,
  };
}

/** Nuki Smart Lock 3.0 Pro with a paired keypad: the docs' example constraints. */
export const nuki = (overrides: DeviceOverrides = {}) =>
  makeDevice({
    device_type: 'nuki_lock',
    device_provider: provider('nuki', 'Nuki'),
    location: { location_name: 'Altbau', timezone: 'Europe/Berlin' },
    ...overrides,
    properties: {
      model: model('Smart Lock 3.0 Pro', 'Nuki', { builtIn: false, accessory: true }),
      accessory_keypad: { is_connected: true, battery: { level: 0.86 } },
      supported_code_lengths: [6],
      max_active_codes_supported: 200,
      supports_backup_access_code_pool: true,
      code_constraints: [
        { constraint_type: 'cannot_start_with_12' },
        { constraint_type: 'no_zeros' },
        { constraint_type: 'name_length', max_length: 20 },
        { constraint_type: 'name_must_be_unique' },
      ],
      ...overrides.properties,
    },
  });

/** Kwikset Halo Touch: 4–8 digits, names 2–14 characters, start in the future. */
export const kwikset = (overrides: DeviceOverrides = {}) =>
  makeDevice({
    device_type: 'kwikset_lock',
    device_provider: provider('kwikset', 'Kwikset'),
    location: { location_name: 'Cabin', timezone: 'America/Denver' },
    ...overrides,
    properties: {
      model: model('Halo Touch', 'Kwikset', { builtIn: true, accessory: false }),
      supported_code_lengths: [4, 5, 6, 7, 8],
      max_active_codes_supported: 250,
      code_constraints: [
        { constraint_type: 'start_date_in_future' },
        { constraint_type: 'name_length', min_length: 2, max_length: 14 },
        { constraint_type: 'name_must_be_unique' },
      ],
      ...overrides.properties,
    },
  });

/** Schlage Encode: codes keyed on their first four digits. */
export const schlage = (overrides: DeviceOverrides = {}) =>
  makeDevice({
    ...overrides,
    properties: {
      code_constraints: [{ constraint_type: 'unique_first_four_digits' }],
      ...overrides.properties,
    },
  });

/** TTLock cylinder whose keypad has only the keys 1–6. */
export const ttlockCylinder = (overrides: DeviceOverrides = {}) =>
  makeDevice({
    device_type: 'ttlock_lock',
    device_provider: provider('ttlock', 'TTLock'),
    ...overrides,
    properties: {
      model: model('Cylinder K1', 'TTLock', { builtIn: true, accessory: false }),
      supported_code_lengths: [4, 5, 6, 7, 8, 9],
      code_constraints: [{ constraint_type: 'cannot_contain_0789' }],
      ...overrides.properties,
    },
  });

/** Tedee PRO with the Tedee keypad: 5–8 digits, three distinct digits, no pure runs. */
export const tedee = (overrides: DeviceOverrides = {}) =>
  makeDevice({
    device_type: 'tedee_lock',
    device_provider: provider('tedee', 'Tedee'),
    location: { location_name: 'Studio', timezone: 'Europe/Warsaw' },
    ...overrides,
    properties: {
      model: model('Tedee PRO', 'Tedee', { builtIn: false, accessory: true }),
      accessory_keypad: { is_connected: true, battery: { level: 0.64 } },
      supported_code_lengths: [5, 6, 7, 8],
      supports_backup_access_code_pool: false,
      code_constraints: [
        { constraint_type: 'at_least_three_unique_digits' },
        { constraint_type: 'no_ascending_or_descending_sequence' },
      ],
      ...overrides.properties,
    },
  });

/** Salto KS lock: the system assigns PINs that must come from the account's set. */
export const salto = (overrides: DeviceOverrides = {}) =>
  makeDevice({
    device_type: 'salto_lock',
    device_provider: provider('salto_ks', 'Salto KS'),
    location: { location_name: 'Office', timezone: 'Europe/Madrid' },
    ...overrides,
    properties: {
      model: model('XS4 One', 'Salto', { builtIn: true, accessory: false }),
      supported_code_lengths: undefined,
      max_active_codes_supported: undefined,
      supports_backup_access_code_pool: false,
      code_constraints: [{ constraint_type: 'pin_code_matches_existing_set' }],
      ...overrides.properties,
    },
  });

/** dormakaba Oracode door: offline codes only, provider-generated PINs. */
export const dormakabaOracode = (overrides: DeviceOverrides = {}) =>
  makeDevice({
    device_type: 'dormakaba_oracode_door',
    device_provider: provider('dormakaba_oracode', 'dormakaba Oracode'),
    location: { location_name: 'Seaside', timezone: 'Australia/Sydney' },
    can_program_online_access_codes: undefined,
    can_program_offline_access_codes: true,
    can_remotely_lock: undefined,
    can_remotely_unlock: undefined,
    ...overrides,
    properties: {
      model: model('Oracode', 'dormakaba', { builtIn: true, accessory: false }),
      supported_code_lengths: undefined,
      supports_backup_access_code_pool: false,
      code_constraints: [{ constraint_type: 'cannot_specify_pin_code' }],
      ...overrides.properties,
    },
  });

/** igloohome Smart Deadbolt 02 on a bridge: online and offline codes. */
export const igloohome = (overrides: DeviceOverrides = {}) =>
  makeDevice({
    device_type: 'igloohome_lock',
    device_provider: provider('igloohome', 'igloohome'),
    location: { location_name: 'Shophouse', timezone: 'Asia/Singapore' },
    can_program_offline_access_codes: true,
    ...overrides,
    properties: {
      model: model('Smart Deadbolt 02', 'igloohome', { builtIn: true, accessory: false }),
      supported_code_lengths: [4, 5, 6],
      max_active_codes_supported: 199,
      ...overrides.properties,
    },
  });

/** August Wi-Fi lock whose accessory keypad dropped off: Seam turns online codes off. */
export const augustKeypadGone = (overrides: DeviceOverrides = {}) =>
  makeDevice({
    device_type: 'august_lock',
    device_provider: provider('august', 'August'),
    can_program_online_access_codes: false,
    ...overrides,
    properties: {
      model: model('Wi-Fi Smart Lock', 'August', { builtIn: false, accessory: true }),
      accessory_keypad: { is_connected: false },
      supported_code_lengths: [4, 5, 6, 7, 8],
      ...overrides.properties,
    },
  });

/** SmartThings Z-Wave lock whose account was disconnected (the flag is still true). */
export const smartthingsDisconnected = (overrides: DeviceOverrides = {}) =>
  makeDevice({
    device_type: 'smartthings_lock',
    device_provider: provider('smartthings', 'SmartThings'),
    errors: [
      {
        error_code: 'account_disconnected',
        message: 'Account Disconnected',
        is_connected_account_error: true,
        is_device_error: false,
        created_at: CREATED_AT,
      },
    ],
    ...overrides,
    properties: {
      model: model('BE469ZP', 'Schlage', { builtIn: true, accessory: false }),
      ...overrides.properties,
    },
  });

/** Ultraloq U-Bolt Pro whose time zone Seam does not know. */
export const ultraloqNoTimeZone = (overrides: DeviceOverrides = {}) =>
  makeDevice({
    device_type: 'ultraloq_lock',
    device_provider: provider('ultraloq', 'Ultraloq'),
    location: undefined,
    warnings: [
      {
        warning_code: 'ultraloq_time_zone_unknown',
        message: 'Time zone unknown. Set the time zone to enable time-bound codes.',
        created_at: CREATED_AT,
      },
    ],
    ...overrides,
    properties: {
      model: model('U-Bolt Pro WiFi', 'Ultraloq', { builtIn: true, accessory: false }),
      supported_code_lengths: [4, 5, 6, 7, 8],
      ...overrides.properties,
    },
  });

/** A Minut noise sensor: no code capability at all. */
export const noiseSensor = (overrides: DeviceOverrides = {}) =>
  makeDevice({
    device_type: 'minut_sensor',
    device_provider: provider('minut', 'Minut'),
    capabilities_supported: ['noise_detection'],
    can_program_online_access_codes: undefined,
    can_remotely_lock: undefined,
    can_remotely_unlock: undefined,
    can_unlock_with_code: undefined,
    ...overrides,
    properties: {
      model: { display_name: 'Minut Point', manufacturer_display_name: 'Minut' },
      supported_code_lengths: undefined,
      max_active_codes_supported: undefined,
      code_constraints: undefined,
      supports_backup_access_code_pool: undefined,
      locked: undefined,
      door_open: undefined,
      ...overrides.properties,
    },
  });

/** Every brand fixture, for tests that run across all of them. */
export const ALL_FIXTURES: Readonly<Record<string, () => Device>> = {
  schlage: () => schlage(),
  nuki: () => nuki(),
  kwikset: () => kwikset(),
  ttlockCylinder: () => ttlockCylinder(),
  tedee: () => tedee(),
  salto: () => salto(),
  dormakabaOracode: () => dormakabaOracode(),
  igloohome: () => igloohome(),
  augustKeypadGone: () => augustKeypadGone(),
  smartthingsDisconnected: () => smartthingsDisconnected(),
  ultraloqNoTimeZone: () => ultraloqNoTimeZone(),
  noiseSensor: () => noiseSensor(),
};

/** A code already on the lock. */
export function existing(
  id: number,
  code: string | null,
  name: string | null,
  extra: Partial<ExistingCode> = {},
): ExistingCode {
  return { access_code_id: uuid(5000 + id), code, name, status: 'set', ...extra };
}

/** A small, fast, seeded generator (mulberry32) for repeatable `random` arguments. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
