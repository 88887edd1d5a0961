/**
 * The seeded world: workspaces, connected accounts, locks of many brands, credentials. Every id
 * is derived from the seed, so for a given seed the ids never change: tests, the playground and
 * the README can name a device by its role (`SANDBOX_CATALOGUE.devices.nuki`).
 */
import type { Device, DeviceWarning } from '@seamapi/types/connect';
import {
  newAccessCodeRecord,
  type AccessCodeRecord,
  type ConnectedAccountRecord,
  type DeviceBehaviour,
  type DeviceRecord,
  type SandboxState,
  type SchedulingStrategy,
  type UnmanagedCodeRecord,
} from './state.js';
import { derivedToken, derivedUuid, randomState } from './util/random.js';

/** The seed used when none is given; `SANDBOX_CATALOGUE` describes it. */
export const DEFAULT_SEED = 1;

/** Every device role in the catalogue, in display order. */
export const SANDBOX_DEVICE_ROLES = [
  'builtInKeypad',
  'keypadDisconnected',
  'lowKeypadBattery',
  'offline',
  'accountDisconnected',
  'nuki',
  'kwikset',
  'schlage',
  'salto',
  'ttlock',
  'nativeScheduling',
  'justInTime',
  'offlineCodes',
  'nearlyFull',
  'noAccessCodes',
  'failing',
  'slow',
  'ownerOnly',
  'otherWorkspace',
] as const;

/** A device role: the stable name of one catalogue device. */
export type SandboxDeviceRole = (typeof SANDBOX_DEVICE_ROLES)[number];

/** Every connected-account role in the catalogue. */
export const SANDBOX_ACCOUNT_ROLES = [
  'yale',
  'august',
  'nuki',
  'kwikset',
  'schlage',
  'salto',
  'ttlock',
  'tedee',
  'lockly',
  'igloohome',
  'korelock',
  'smartthings',
  'smartthingsDisconnected',
  'ownerPrivate',
  'otherWorkspace',
] as const;

/** A connected-account role. */
export type SandboxAccountRole = (typeof SANDBOX_ACCOUNT_ROLES)[number];

/** The well-known credentials of a seeded sandbox. None of them is a secret: it is a sandbox. */
export interface SandboxCredentials {
  /** API key of the main workspace (`Authorization: Bearer …`). Full power: backend only. */
  apiKey: string;
  /** Publishable key of the main workspace (`seam-publishable-key`), for client sessions only. */
  publishableKey: string;
  /** A client session token scoped to every main-workspace account except `ownerPrivate`. */
  clientSessionToken: string;
  /** The `user_identifier_key` the demo client session was created with. */
  clientSessionUserIdentifierKey: string;
  /** API key of the second workspace, to check that workspaces do not see each other. */
  otherWorkspaceApiKey: string;
  /** Token for the `/_sandbox/*` control routes (`Authorization: Bearer …`). */
  controlToken: string;
}

/** What the catalogue of one seed contains, by role. */
export interface SandboxCatalogue {
  seed: number;
  /** The main workspace. */
  workspaceId: string;
  /** A second workspace with one lock, never visible to the main workspace's credentials. */
  otherWorkspaceId: string;
  /** Device ids by role. */
  devices: Record<SandboxDeviceRole, string>;
  /** Connected-account ids by role. */
  connectedAccounts: Record<SandboxAccountRole, string>;
  /** One line per device role: what it is and what it shows. */
  descriptions: Record<SandboxDeviceRole, string>;
  /** The demo client session's id. */
  clientSessionId: string;
  credentials: SandboxCredentials;
}

interface LockSpec {
  role: SandboxDeviceRole;
  account: SandboxAccountRole;
  description: string;
  device_type: Device['device_type'];
  name: string;
  model: string;
  manufacturer: string;
  manufacturerDisplay: string;
  provider: string;
  providerDisplay: string;
  timezone: string | null;
  locationName: string;
  keypad: 'built_in' | 'accessory' | 'none';
  keypadConnected?: boolean;
  keypadBattery?: number;
  codeLengths?: number[];
  constraints?: NonNullable<Device['properties']['code_constraints']>;
  maxCodes?: number;
  scheduling: SchedulingStrategy;
  offlineCodes?: boolean;
  onlineCodes?: boolean;
  backupPool?: boolean;
  battery: number;
  online?: boolean;
  metadata: Record<string, unknown>;
  warnings?: DeviceWarning['warning_code'][];
  behaviour?: Partial<DeviceBehaviour>;
  customMetadata?: Record<string, string>;
}

// Hardware shared by several roles: one description of each lock model.
/** Yale Assure Lock 2 Touch (built-in keypad) on Yale Home. */
const yaleAssure2Touch = {
  device_type: 'yale_lock',
  model: 'Assure Lock 2 Touch',
  manufacturer: 'yale',
  manufacturerDisplay: 'Yale',
  provider: 'yale_access',
  providerDisplay: 'Yale Home',
  keypad: 'built_in',
  codeLengths: [4, 5, 6, 7, 8],
  maxCodes: 250,
  scheduling: 'native',
  backupPool: true,
} satisfies Partial<LockSpec>;

/** August Wi-Fi Smart Lock with an accessory keypad. */
const augustWifiSmartLock = {
  device_type: 'august_lock',
  model: 'Wi-Fi Smart Lock',
  manufacturer: 'august',
  manufacturerDisplay: 'August',
  provider: 'august',
  providerDisplay: 'August',
  keypad: 'accessory',
  codeLengths: [4, 5, 6, 7, 8],
  maxCodes: 250,
  scheduling: 'native',
  backupPool: true,
} satisfies Partial<LockSpec>;

/** Schlage BE469ZP behind a SmartThings hub: just-in-time programming, 30 slots. */
const schlageOnSmartThings = {
  device_type: 'smartthings_lock',
  model: 'Schlage BE469ZP',
  manufacturer: 'schlage',
  manufacturerDisplay: 'Schlage',
  provider: 'smartthings',
  providerDisplay: 'SmartThings',
  keypad: 'built_in',
  codeLengths: [4, 5, 6, 7, 8],
  maxCodes: 30,
  scheduling: 'just_in_time',
  backupPool: true,
} satisfies Partial<LockSpec>;

const lockSpecs: LockSpec[] = [
  {
    role: 'builtInKeypad',
    account: 'yale',
    description:
      'Yale Assure Lock 2 Touch with a built-in keypad: the happy path. Codes set in seconds; two unmanaged codes; backup pool supported.',
    ...yaleAssure2Touch,
    name: 'Front Door',
    timezone: 'America/Los_Angeles',
    locationName: 'Seaside Cottage',
    battery: 0.82,
    metadata: {
      august_metadata: {
        lock_id: 'B0A7D3C2E1F4',
        lock_name: 'Front Door',
        house_name: 'Seaside Cottage',
        house_id: 'house-seaside',
        has_keypad: true,
        model: 'Assure Lock 2 Touch',
      },
    },
    customMetadata: { property: 'Seaside Cottage' },
  },
  {
    role: 'keypadDisconnected',
    account: 'august',
    description:
      'August Wi-Fi Smart Lock whose accessory keypad is disconnected: cannot program codes until it is reconnected.',
    ...augustWifiSmartLock,
    name: 'Garden Gate',
    timezone: 'America/New_York',
    locationName: 'Harbor Loft',
    keypadConnected: false,
    battery: 0.67,
    metadata: {
      august_metadata: {
        lock_id: 'A8E9C1D2B3F4',
        lock_name: 'Garden Gate',
        house_name: 'Harbor Loft',
        house_id: 'house-harbor',
        has_keypad: false,
        model: 'Wi-Fi Smart Lock',
      },
    },
  },
  {
    role: 'lowKeypadBattery',
    account: 'august',
    description:
      'August Smart Lock Pro with an accessory keypad at 12 % battery: codes still work; the battery needs attention.',
    device_type: 'august_lock',
    name: 'Back Door',
    model: 'Smart Lock Pro',
    manufacturer: 'august',
    manufacturerDisplay: 'August',
    provider: 'august',
    providerDisplay: 'August',
    timezone: 'America/Chicago',
    locationName: 'Prairie House',
    keypad: 'accessory',
    keypadConnected: true,
    keypadBattery: 0.12,
    codeLengths: [4, 5, 6, 7, 8],
    maxCodes: 250,
    scheduling: 'native',
    backupPool: true,
    battery: 0.9,
    metadata: {
      august_metadata: {
        lock_id: 'C4D5E6F7A8B9',
        lock_name: 'Back Door',
        house_name: 'Prairie House',
        house_id: 'house-prairie',
        has_keypad: true,
        keypad_battery_level: 'Low',
        model: 'Smart Lock Pro',
      },
    },
  },
  {
    role: 'offline',
    account: 'yale',
    description:
      'Yale Assure Lock SL that is offline: new codes wait in `setting` with a delay warning until it comes back.',
    device_type: 'yale_lock',
    name: 'Side Door',
    model: 'Assure Lock SL',
    manufacturer: 'yale',
    manufacturerDisplay: 'Yale',
    provider: 'yale_access',
    providerDisplay: 'Yale Home',
    timezone: 'America/Los_Angeles',
    locationName: 'Seaside Cottage',
    keypad: 'built_in',
    codeLengths: [4, 5, 6, 7, 8],
    maxCodes: 250,
    scheduling: 'native',
    backupPool: true,
    battery: 0.41,
    online: false,
    metadata: {
      august_metadata: {
        lock_id: 'D1E2F3A4B5C6',
        lock_name: 'Side Door',
        house_name: 'Seaside Cottage',
        house_id: 'house-seaside',
        has_keypad: true,
        model: 'Assure Lock SL',
      },
    },
  },
  {
    role: 'accountDisconnected',
    account: 'smartthingsDisconnected',
    description:
      'Schlage lock behind a SmartThings account that lost its authorisation: codes go `unknown` until the account reconnects.',
    ...schlageOnSmartThings,
    name: 'Loft Entrance',
    timezone: 'America/New_York',
    locationName: 'Brick Loft',
    battery: 0.55,
    metadata: {
      smartthings_metadata: {
        device_id: 'st-loft-entrance',
        device_name: 'Loft Entrance',
        model: 'BE469ZP',
        location_id: 'st-location-loft',
      },
    },
  },
  {
    role: 'nuki',
    account: 'nuki',
    description:
      'Nuki Smart Lock 3.0 Pro with Keypad 2.0: 6-digit PINs, no zeros, not starting with 12, names up to 20 characters and unique.',
    device_type: 'nuki_lock',
    name: 'Apartment 3B',
    model: 'Smart Lock 3.0 Pro',
    manufacturer: 'nuki',
    manufacturerDisplay: 'Nuki',
    provider: 'nuki',
    providerDisplay: 'Nuki',
    timezone: 'Europe/Berlin',
    locationName: 'Altbau Apartment',
    keypad: 'accessory',
    keypadConnected: true,
    keypadBattery: 0.74,
    codeLengths: [6],
    constraints: [
      { constraint_type: 'no_zeros' },
      { constraint_type: 'cannot_start_with_12' },
      { constraint_type: 'name_length', max_length: 20 },
      { constraint_type: 'name_must_be_unique' },
    ],
    maxCodes: 200,
    scheduling: 'native',
    backupPool: true,
    battery: 0.78,
    metadata: {
      nuki_metadata: {
        device_id: '4A8C2F91',
        device_name: 'Apartment 3B',
        keypad_paired: true,
        keypad_2_paired: true,
        keypad_battery_critical: false,
      },
    },
    behaviour: { setLatencyMs: 6_000 },
  },
  {
    role: 'kwikset',
    account: 'kwikset',
    description:
      'Kwikset Halo Touch: 4–8 digits, time-bound codes must start in the future, names of 2–14 characters.',
    device_type: 'kwikset_lock',
    name: 'Guest Suite',
    model: 'Halo Touch',
    manufacturer: 'kwikset',
    manufacturerDisplay: 'Kwikset',
    provider: 'kwikset',
    providerDisplay: 'Kwikset',
    timezone: 'America/Denver',
    locationName: 'Aspen Lodge',
    keypad: 'built_in',
    codeLengths: [4, 5, 6, 7, 8],
    constraints: [
      { constraint_type: 'start_date_in_future' },
      { constraint_type: 'name_length', min_length: 2, max_length: 14 },
    ],
    maxCodes: 250,
    scheduling: 'native',
    backupPool: true,
    battery: 0.63,
    metadata: {
      kwikset_metadata: {
        device_id: 'kw-guest-suite',
        device_name: 'Guest Suite',
        model_number: '99390-001',
      },
    },
    behaviour: { setLatencyMs: 8_000 },
  },
  {
    role: 'schlage',
    account: 'schlage',
    description: 'Schlage Encode Plus: 4–8 digits and the first four digits must all differ.',
    device_type: 'schlage_lock',
    name: 'Main Entrance',
    model: 'Encode Plus',
    manufacturer: 'schlage',
    manufacturerDisplay: 'Schlage',
    provider: 'schlage',
    providerDisplay: 'Schlage',
    timezone: 'America/New_York',
    locationName: 'Brownstone',
    keypad: 'built_in',
    codeLengths: [4, 5, 6, 7, 8],
    constraints: [{ constraint_type: 'unique_first_four_digits' }],
    maxCodes: 100,
    scheduling: 'native',
    backupPool: true,
    battery: 0.88,
    metadata: {
      schlage_metadata: {
        device_id: 'sch-main-entrance',
        device_name: 'Main Entrance',
        model: 'BE499WB',
      },
    },
  },
  {
    role: 'salto',
    account: 'salto',
    description:
      'Salto KS lock: the provider picks the PIN (`cannot_specify_pin_code`); codes wait for assignment with `code: null`. No backup pool.',
    device_type: 'salto_lock',
    name: 'Office Door',
    model: 'XS4 One',
    manufacturer: 'salto',
    manufacturerDisplay: 'Salto',
    provider: 'salto_ks',
    providerDisplay: 'Salto KS',
    timezone: 'Europe/Madrid',
    locationName: 'Coworking Gràcia',
    keypad: 'built_in',
    codeLengths: [6, 7, 8, 9, 10],
    constraints: [{ constraint_type: 'cannot_specify_pin_code' }],
    maxCodes: 1000,
    scheduling: 'native',
    backupPool: false,
    battery: 0.71,
    metadata: {
      salto_ks_metadata: {
        lock_id: 'salto-office-door',
        customer_reference: 'Office Door',
        lock_type: 'wall_reader',
        battery_level: 'normal',
        locked_state: 'locked',
        model: 'XS4 One',
        has_custom_pin_subscription: false,
      },
    },
    behaviour: { setLatencyMs: 5_000 },
  },
  {
    role: 'ttlock',
    account: 'ttlock',
    description: 'TTLock keypad lock behind a gateway: 4–9 digits without 0, 8 or 9.',
    device_type: 'ttlock_lock',
    name: 'Studio 12',
    model: 'TTLock K2',
    manufacturer: 'ttlock',
    manufacturerDisplay: 'TTLock',
    provider: 'ttlock',
    providerDisplay: 'TTLock',
    timezone: 'Asia/Shanghai',
    locationName: 'Riverside Studios',
    keypad: 'built_in',
    codeLengths: [4, 5, 6, 7, 8, 9],
    constraints: [{ constraint_type: 'cannot_contain_089' }],
    maxCodes: 150,
    scheduling: 'native',
    backupPool: true,
    battery: 0.59,
    metadata: {
      ttlock_metadata: {
        lock_id: 7_345_112,
        lock_alias: 'Studio 12',
        feature_value: '3C45F5D3F3',
        features: {
          passcode: true,
          passcode_management: true,
          unlock_via_gateway: true,
          lock_command: true,
          incomplete_keyboard_passcode: false,
          wifi: false,
        },
        has_gateway: true,
      },
    },
    behaviour: { setLatencyMs: 7_000 },
  },
  {
    role: 'nativeScheduling',
    account: 'tedee',
    description:
      'Tedee GO with keypad and native scheduling: time-bound codes are preloaded 72 h ahead (`is_scheduled_on_device`). 5–8 digits, at least three different, no runs.',
    device_type: 'tedee_lock',
    name: 'Penthouse',
    model: 'Tedee GO',
    manufacturer: 'tedee',
    manufacturerDisplay: 'tedee',
    provider: 'tedee',
    providerDisplay: 'tedee',
    timezone: 'Europe/Warsaw',
    locationName: 'Old Town Penthouse',
    keypad: 'accessory',
    keypadConnected: true,
    keypadBattery: 0.95,
    codeLengths: [5, 6, 7, 8],
    constraints: [
      { constraint_type: 'at_least_three_unique_digits' },
      { constraint_type: 'no_ascending_or_descending_sequence' },
    ],
    maxCodes: 100,
    scheduling: 'native',
    backupPool: true,
    battery: 0.7,
    metadata: {
      tedee_metadata: {
        device_id: 48_213,
        serial_number: '10210201-000213',
        device_name: 'Penthouse',
        device_model: 'Tedee GO',
        bridge_id: 9_121,
        bridge_name: 'Penthouse Bridge',
        keypad_id: 5_530,
      },
    },
  },
  {
    role: 'justInTime',
    account: 'lockly',
    description:
      'Lockly Secure Pro without native scheduling: time-bound codes are programmed 60 minutes before `starts_at`. 6–8 digits.',
    device_type: 'lockly_lock',
    name: 'Pool House',
    model: 'Secure Pro',
    manufacturer: 'lockly',
    manufacturerDisplay: 'Lockly',
    provider: 'lockly',
    providerDisplay: 'Lockly',
    timezone: 'Australia/Sydney',
    locationName: 'Bondi Villa',
    keypad: 'built_in',
    codeLengths: [6, 7, 8],
    maxCodes: 100,
    scheduling: 'just_in_time',
    backupPool: true,
    battery: 0.52,
    metadata: {
      lockly_metadata: {
        device_id: 'PGH-200-BONDI',
        device_name: 'Pool House',
        model: 'PGD728W',
      },
    },
  },
  {
    role: 'offlineCodes',
    account: 'igloohome',
    description:
      'igloohome Smart Deadbolt 02 with a bridge: online PINs of 4–6 digits and offline (algoPIN) codes, hourly up to 28 days or daily from 29 (`offline_time_frame_options`).',
    device_type: 'igloohome_lock',
    name: 'Mountain Cabin',
    model: 'Smart Deadbolt 02',
    manufacturer: 'igloohome',
    manufacturerDisplay: 'igloohome',
    provider: 'igloohome',
    providerDisplay: 'igloohome',
    timezone: 'Asia/Singapore',
    locationName: 'Hillside Cabin',
    keypad: 'built_in',
    codeLengths: [4, 5, 6],
    maxCodes: 199,
    scheduling: 'native',
    offlineCodes: true,
    backupPool: true,
    battery: 0.86,
    metadata: {
      igloohome_metadata: {
        device_id: 'IGP1A2B3C4D5',
        device_name: 'Mountain Cabin',
        bridge_id: 'IGB9Z8Y7X6',
        bridge_name: 'Cabin Bridge',
        keypad_id: 'IGK1122',
        is_accessory_keypad_linked_to_bridge: true,
      },
      // algoPIN time frames (1.977's `offline_time_frame_options`): hourly codes up to 28 days,
      // daily ones from 29 days, starting and ending at the same time of day.
      offline_time_frame_options: [
        { display_name: 'Hourly', min_duration: 'PT1H', max_duration: 'PT672H' },
        {
          display_name: 'Daily',
          min_duration: 'P29D',
          max_duration: 'P367D',
          matching_start_end_time: true,
        },
      ],
    },
  },
  {
    role: 'nearlyFull',
    account: 'korelock',
    description:
      'Korelock with room for 5 codes and 4 already on it: the next code fills it and the one after is refused; a code typed on the lock meanwhile fails a pending one with `no_space_for_access_code_on_device`.',
    // @seamapi/types 1.977 dropped `korelock_lock`: Korelock stays a provider (with
    // `korelock_metadata`) but, like Sifely, Dusaw and 33 Lock, has no lock type of its own. The
    // sandbox picks `ttlock_lock` (a current type with native scheduling, as this lock has); the
    // maker stays in `device_provider`, `device_manufacturer` and the metadata.
    device_type: 'ttlock_lock',
    name: 'Shed',
    model: 'Nova',
    manufacturer: 'korelock',
    manufacturerDisplay: 'Korelock',
    provider: 'korelock',
    providerDisplay: 'Korelock',
    timezone: 'Asia/Kolkata',
    locationName: 'Garden Villa',
    keypad: 'built_in',
    codeLengths: [4, 5, 6, 7, 8],
    constraints: [
      { constraint_type: 'no_ascending_or_descending_sequence' },
      { constraint_type: 'no_all_same_digits' },
    ],
    maxCodes: 5,
    scheduling: 'native',
    backupPool: true,
    battery: 0.47,
    metadata: {
      korelock_metadata: {
        device_id: 'KL-4417',
        device_name: 'Shed',
        model_code: 'NOVA',
        serial_number: 'KL-NOVA-00417',
        firmware_version: '2.4.1',
        wifi_signal_strength: 0.62,
      },
    },
  },
  {
    role: 'noAccessCodes',
    account: 'yale',
    description:
      'Yale Linus lock with no keypad and none possible: it cannot take access codes at all (no capability flag).',
    device_type: 'yale_lock',
    name: 'Garage',
    model: 'Linus Smart Lock L2',
    manufacturer: 'yale',
    manufacturerDisplay: 'Yale',
    provider: 'yale_access',
    providerDisplay: 'Yale Home',
    timezone: 'America/Los_Angeles',
    locationName: 'Seaside Cottage',
    keypad: 'none',
    onlineCodes: false,
    scheduling: 'native',
    battery: 0.95,
    metadata: {
      august_metadata: {
        lock_id: 'E5F6A7B8C9D0',
        lock_name: 'Garage',
        house_name: 'Seaside Cottage',
        house_id: 'house-seaside',
        has_keypad: false,
        model: 'Linus L2',
      },
    },
  },
  {
    role: 'failing',
    account: 'smartthings',
    description:
      'Schlage lock on SmartThings with a third-party app interfering: every attempt fails (`failed_to_set_on_device`), Seam keeps retrying. Time zone unknown (no `location`).',
    ...schlageOnSmartThings,
    name: 'Basement',
    timezone: null,
    locationName: '',
    battery: 0.35,
    warnings: ['third_party_integration_detected'],
    metadata: {
      smartthings_metadata: {
        device_id: 'st-basement',
        device_name: 'Basement',
        model: 'BE469ZP',
        location_id: 'st-location-home',
      },
    },
    behaviour: { setFailureProbability: 1, setLatencyMs: 9_000 },
  },
  {
    role: 'slow',
    account: 'yale',
    description:
      'Yale Assure Lock 2 on flaky Wi-Fi: programming takes 20 minutes, so codes get `delay_in_setting_on_device` before they are set.',
    device_type: 'yale_lock',
    name: 'Carriage House',
    model: 'Assure Lock 2',
    manufacturer: 'yale',
    manufacturerDisplay: 'Yale',
    provider: 'yale_access',
    providerDisplay: 'Yale Home',
    timezone: 'America/Los_Angeles',
    locationName: 'Seaside Cottage',
    keypad: 'built_in',
    codeLengths: [4, 5, 6, 7, 8],
    maxCodes: 250,
    scheduling: 'native',
    backupPool: true,
    battery: 0.6,
    warnings: ['device_has_flaky_connection'],
    metadata: {
      august_metadata: {
        lock_id: 'F7A8B9C0D1E2',
        lock_name: 'Carriage House',
        house_name: 'Seaside Cottage',
        house_id: 'house-seaside',
        has_keypad: true,
        model: 'Assure Lock 2',
      },
    },
    behaviour: { setLatencyMs: 20 * 60_000, removeLatencyMs: 12 * 60_000 },
  },
  {
    role: 'ownerOnly',
    account: 'ownerPrivate',
    description:
      "The owner's private Yale lock: in the main workspace but outside the demo client session's accounts.",
    ...yaleAssure2Touch,
    name: "Owner's Study",
    timezone: 'America/Los_Angeles',
    locationName: 'Seaside Cottage',
    battery: 0.99,
    metadata: {
      august_metadata: {
        lock_id: 'A0B1C2D3E4F5',
        lock_name: "Owner's Study",
        house_name: 'Seaside Cottage',
        house_id: 'house-seaside',
        has_keypad: true,
        model: 'Assure Lock 2 Touch',
      },
    },
  },
  {
    role: 'otherWorkspace',
    account: 'otherWorkspace',
    description: 'An August lock in the second workspace: invisible to the main workspace.',
    ...augustWifiSmartLock,
    name: 'Neighbour Door',
    timezone: 'Europe/London',
    locationName: 'Next Door',
    keypadConnected: true,
    keypadBattery: 0.8,
    battery: 0.8,
    metadata: {
      august_metadata: {
        lock_id: 'B9C8D7E6F5A4',
        lock_name: 'Neighbour Door',
        house_name: 'Next Door',
        has_keypad: true,
        model: 'Wi-Fi Smart Lock',
      },
    },
  },
];

const accountSpecs: Record<
  SandboxAccountRole,
  { type: string; display: string; workspace: 'main' | 'other'; disconnected?: boolean }
> = {
  yale: { type: 'yale_access', display: 'host@seaside.example', workspace: 'main' },
  august: { type: 'august', display: 'host@harbor.example', workspace: 'main' },
  nuki: { type: 'nuki', display: 'host@altbau.example', workspace: 'main' },
  kwikset: { type: 'kwikset', display: 'host@aspen.example', workspace: 'main' },
  schlage: { type: 'schlage', display: 'host@brownstone.example', workspace: 'main' },
  salto: { type: 'salto_ks', display: 'ops@cowork.example', workspace: 'main' },
  ttlock: { type: 'ttlock', display: 'host@riverside.example', workspace: 'main' },
  tedee: { type: 'tedee', display: 'host@oldtown.example', workspace: 'main' },
  lockly: { type: 'lockly', display: 'host@bondi.example', workspace: 'main' },
  igloohome: { type: 'igloohome', display: 'host@hillside.example', workspace: 'main' },
  korelock: { type: 'korelock', display: 'host@gardenvilla.example', workspace: 'main' },
  smartthings: { type: 'smartthings', display: 'host@home.example', workspace: 'main' },
  smartthingsDisconnected: {
    type: 'smartthings',
    display: 'host@brickloft.example',
    workspace: 'main',
    disconnected: true,
  },
  ownerPrivate: { type: 'yale_access', display: 'owner@seaside.example', workspace: 'main' },
  otherWorkspace: { type: 'august', display: 'neighbour@nextdoor.example', workspace: 'other' },
};

/** Behaviour of a device unless its catalogue entry or the control API says otherwise. */
export const DEFAULT_BEHAVIOUR: Readonly<DeviceBehaviour> = Object.freeze({
  setLatencyMs: 4_000,
  removeLatencyMs: 3_000,
  delayWarningAfterMs: 5 * 60_000,
  delayExtraMs: 10 * 60_000,
  retryIntervalMs: 2 * 60_000,
  setFailureProbability: 0,
  removeFailureProbability: 0,
  nextSetOutcomes: [],
  nextRemoveOutcomes: [],
});

/** Describes the catalogue of a seed: ids by role and the credentials (no state is built). */
export function describeCatalogue(seed: number = DEFAULT_SEED): SandboxCatalogue {
  assertSeed(seed);
  const devices = Object.fromEntries(
    SANDBOX_DEVICE_ROLES.map((role) => [role, derivedUuid(seed, 'device', role)]),
  ) as Record<SandboxDeviceRole, string>;
  const connectedAccounts = Object.fromEntries(
    SANDBOX_ACCOUNT_ROLES.map((role) => [role, derivedUuid(seed, 'connected_account', role)]),
  ) as Record<SandboxAccountRole, string>;
  const descriptions = Object.fromEntries(
    lockSpecs.map((spec) => [spec.role, spec.description]),
  ) as Record<SandboxDeviceRole, string>;
  return {
    seed,
    workspaceId: derivedUuid(seed, 'workspace', 'main'),
    otherWorkspaceId: derivedUuid(seed, 'workspace', 'other'),
    devices,
    connectedAccounts,
    descriptions,
    clientSessionId: derivedUuid(seed, 'client_session', 'demo'),
    credentials: {
      apiKey: `seam_sandbox_${derivedToken(seed, 24, 'api_key', 'main')}`,
      publishableKey: `seam_pk_sandbox_${derivedToken(seed, 24, 'publishable_key', 'main')}`,
      clientSessionToken: `seam_cst_sandbox_${derivedToken(seed, 28, 'client_session', 'demo')}`,
      clientSessionUserIdentifierKey: `demo-host-${derivedToken(seed, 12, 'user_identifier_key')}`,
      otherWorkspaceApiKey: `seam_sandbox_${derivedToken(seed, 24, 'api_key', 'other')}`,
      controlToken: `sandbox_control_${derivedToken(seed, 24, 'control')}`,
    },
  };
}

/** The catalogue of the default seed: the ids the README, the playground and tests use. */
export const SANDBOX_CATALOGUE: SandboxCatalogue = describeCatalogue(DEFAULT_SEED);

/** Checks a seed: an integer from 0 to 2^31 - 1, so it survives JSON and CLI flags unchanged. */
export function assertSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 2_147_483_647) {
    throw new RangeError(`seed must be an integer from 0 to 2147483647, got ${seed}`);
  }
}

const day = 24 * 60 * 60 * 1000;

/** Builds the seeded world at virtual time `now` (epoch ms). */
export function buildInitialState(seed: number, now: number): SandboxState {
  const catalogue = describeCatalogue(seed);
  const iso = (offset: number) => new Date(now + offset).toISOString();
  const workspaceOf = (role: SandboxAccountRole) =>
    accountSpecs[role].workspace === 'main' ? catalogue.workspaceId : catalogue.otherWorkspaceId;

  const connected_accounts: ConnectedAccountRecord[] = SANDBOX_ACCOUNT_ROLES.map((role) => ({
    connected_account_id: catalogue.connectedAccounts[role],
    workspace_id: workspaceOf(role),
    account_type: accountSpecs[role].type,
    display_name: accountSpecs[role].display,
    created_at: iso(-200 * day),
    disconnected_at: accountSpecs[role].disconnected === true ? iso(-1 * day) : null,
  }));

  const devices: DeviceRecord[] = lockSpecs.map((spec, index) =>
    buildDevice(spec, {
      seed,
      device_id: catalogue.devices[spec.role],
      connected_account_id: catalogue.connectedAccounts[spec.account],
      workspace_id: workspaceOf(spec.account),
      created_at: iso(-(180 - index) * day),
      offline_since: iso(-2 * 60 * 60 * 1000),
    }),
  );

  const counters: Record<string, number> = {};
  const seededCode = (
    role: SandboxDeviceRole,
    name: string,
    code: string,
    ageDays: number,
  ): AccessCodeRecord => ({
    ...newAccessCodeRecord({
      access_code_id: derivedUuid(seed, 'seeded_access_code', role, name),
      device_id: catalogue.devices[role],
      workspace_id: catalogue.workspaceId,
      created_at: iso(-ageDays * day),
      programmable_at: now - ageDays * day,
    }),
    name,
    code,
    on_device: true,
    status: 'set',
  });
  const access_codes: AccessCodeRecord[] = [
    seededCode('nearlyFull', 'Owner', '2580', 90),
    seededCode('nearlyFull', 'Gardener', '7314', 60),
    seededCode('nearlyFull', 'Pool service', '4096', 45),
    seededCode('nearlyFull', 'Neighbour', '5821', 30),
    // Set before the account lost its authorisation: Seam can no longer vouch for it.
    { ...seededCode('accountDisconnected', 'Cleaner', '4680', 20), status: 'unknown' },
  ];

  const unmanaged = (role: SandboxDeviceRole, name: string, code: string, ageDays: number) =>
    ({
      access_code_id: derivedUuid(seed, 'unmanaged_access_code', role, name),
      device_id: catalogue.devices[role],
      workspace_id: catalogue.workspaceId,
      name,
      code,
      created_at: iso(-ageDays * day),
    }) satisfies UnmanagedCodeRecord;
  const unmanaged_access_codes: UnmanagedCodeRecord[] = [
    unmanaged('builtInKeypad', 'Owner', '5550', 400),
    unmanaged('builtInKeypad', 'Cleaner', '8642', 120),
    unmanaged('schlage', 'Property manager', '3917', 300),
  ];

  const demoAccounts = SANDBOX_ACCOUNT_ROLES.filter(
    (role) => accountSpecs[role].workspace === 'main' && role !== 'ownerPrivate',
  ).map((role) => catalogue.connectedAccounts[role]);

  return {
    version: 1,
    seed,
    now,
    counters,
    workspaces: [
      {
        workspace_id: catalogue.workspaceId,
        name: 'Sandbox Workspace',
        publishable_key: catalogue.credentials.publishableKey,
      },
      {
        workspace_id: catalogue.otherWorkspaceId,
        name: 'Other Workspace',
        publishable_key: `seam_pk_sandbox_${derivedToken(seed, 24, 'publishable_key', 'other')}`,
      },
    ],
    api_keys: [
      {
        token: catalogue.credentials.apiKey,
        workspace_id: catalogue.workspaceId,
        name: 'Sandbox API key',
      },
      {
        token: catalogue.credentials.otherWorkspaceApiKey,
        workspace_id: catalogue.otherWorkspaceId,
        name: 'Other workspace API key',
      },
    ],
    client_sessions: [
      {
        client_session_id: catalogue.clientSessionId,
        workspace_id: catalogue.workspaceId,
        token: catalogue.credentials.clientSessionToken,
        user_identifier_key: catalogue.credentials.clientSessionUserIdentifierKey,
        connected_account_ids: demoAccounts,
        connect_webview_ids: [],
        user_identity_ids: [],
        created_at: iso(-1 * day),
        // The demo token must outlive any demo, even one that advances the clock by months.
        expires_at: iso(3650 * day),
        from_publishable_key: false,
      },
    ],
    connected_accounts,
    devices,
    access_codes,
    unmanaged_access_codes,
    action_attempts: [],
    events: [],
    webhooks: [],
    deliveries: [],
    rate_limits: {},
  };
}

interface DeviceIds {
  seed: number;
  device_id: string;
  connected_account_id: string;
  workspace_id: string;
  created_at: string;
  offline_since: string;
}

function buildDevice(spec: LockSpec, ids: DeviceIds): DeviceRecord {
  const takesCodes = spec.onlineCodes !== false;
  const properties: Record<string, unknown> = {
    online: spec.online !== false,
    name: spec.name,
    appearance: { name: spec.name },
    model: {
      display_name: spec.model,
      manufacturer_display_name: spec.manufacturerDisplay,
      has_built_in_keypad: spec.keypad === 'built_in',
      can_connect_accessory_keypad: spec.keypad === 'accessory',
      online_access_codes_supported: takesCodes,
      offline_access_codes_supported: spec.offlineCodes === true,
    },
    has_direct_power: false,
    battery_level: spec.battery,
    battery: { level: spec.battery, status: batteryStatus(spec.battery) },
    manufacturer: spec.manufacturer,
    serial_number: `SN-${ids.device_id.slice(0, 8).toUpperCase()}`,
    locked: true,
    door_open: false,
    ...spec.metadata,
  };
  if (takesCodes) {
    properties['online_access_codes_enabled'] = true;
    properties['supported_code_lengths'] = [...(spec.codeLengths ?? [4, 5, 6, 7, 8])];
    properties['code_constraints'] = spec.constraints ?? [];
    properties['max_active_codes_supported'] = spec.maxCodes ?? 100;
    properties['supports_backup_access_code_pool'] = spec.backupPool === true;
    properties['has_native_entry_events'] = true;
  }
  if (spec.offlineCodes === true) properties['offline_access_codes_enabled'] = true;

  const flags: Record<string, boolean> = {
    can_remotely_lock: true,
    can_remotely_unlock: true,
    can_simulate_removal: true,
    can_simulate_connection: true,
    can_simulate_disconnection: true,
  };
  if (takesCodes) {
    flags['can_program_online_access_codes'] = true;
    flags['can_unlock_with_code'] = true;
  }
  if (spec.offlineCodes === true) flags['can_program_offline_access_codes'] = true;

  const base = {
    device_id: ids.device_id,
    device_type: spec.device_type,
    space_ids: [],
    display_name: spec.name,
    capabilities_supported: takesCodes ? ['access_code', 'lock', 'battery'] : ['lock', 'battery'],
    properties,
    // Seam omits the location when it knows none (the object is optional, no longer nullable);
    // `time_zone` is the current name; the deprecated `timezone`, which the schema still allows,
    // stays for clients that read it (@seamapi/react 4.14 does).
    ...(spec.timezone === null
      ? {}
      : {
          location: {
            location_name: spec.locationName,
            time_zone: spec.timezone,
            timezone: spec.timezone,
          },
        }),
    connected_account_id: ids.connected_account_id,
    workspace_id: ids.workspace_id,
    errors: [],
    warnings: [],
    created_at: ids.created_at,
    is_managed: true,
    custom_metadata: spec.customMetadata ?? {},
    device_provider: {
      provider_category: 'stable',
      device_provider_name: spec.provider,
      display_name: spec.providerDisplay,
    },
    device_manufacturer: {
      manufacturer: spec.manufacturer,
      display_name: spec.manufacturerDisplay,
    },
    ...flags,
  } as unknown as Device;

  const keypadConnected = spec.keypad === 'accessory' ? (spec.keypadConnected ?? true) : null;
  return {
    device_id: ids.device_id,
    workspace_id: ids.workspace_id,
    connected_account_id: ids.connected_account_id,
    role: spec.role,
    base,
    scheduling: spec.scheduling,
    needs_accessory_keypad: spec.keypad === 'accessory',
    online: spec.online !== false,
    offline_since: spec.online === false ? ids.offline_since : null,
    keypad_connected: keypadConnected,
    keypad_battery_level: spec.keypad === 'accessory' ? (spec.keypadBattery ?? null) : null,
    locked: true,
    extra_warnings: (spec.warnings ?? []).map(
      (warning_code) =>
        ({
          warning_code,
          message: deviceWarningMessages[warning_code] ?? warning_code,
          created_at: ids.created_at,
        }) as DeviceWarning,
    ),
    behaviour: {
      ...DEFAULT_BEHAVIOUR,
      nextSetOutcomes: [],
      nextRemoveOutcomes: [],
      ...spec.behaviour,
    },
    random: randomState(ids.seed, `device:${ids.device_id}`),
    backup_pool_active: false,
    backup_pool_size: 3,
  };
}

/** Seam's battery status buckets for a level in [0, 1]. */
export function batteryStatus(level: number): 'critical' | 'low' | 'good' | 'full' {
  if (level < 0.1) return 'critical';
  if (level < 0.25) return 'low';
  if (level < 0.95) return 'good';
  return 'full';
}

/** Messages for device warnings the catalogue or the control API can raise. */
export const deviceWarningMessages: Partial<Record<DeviceWarning['warning_code'], string>> = {
  third_party_integration_detected:
    'A third-party integration is managing this lock and may overwrite or block access codes.',
  device_has_flaky_connection:
    'The device has a flaky connection; commands may take a long time to reach it.',
  device_communication_degraded: 'The device appears to be unresponsive.',
  partial_backup_access_code_pool:
    'Seam is struggling to refill the backup access code pool for this device.',
  many_active_backup_codes: 'Several backup access codes are in use on this device.',
};
