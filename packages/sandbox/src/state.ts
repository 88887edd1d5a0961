/**
 * The sandbox's whole world as plain JSON: what persistence writes to disk and what a reset
 * rebuilds. Public Seam objects (devices, codes, events...) are rendered from these records on
 * every read, so a record only holds what cannot be derived.
 */
import type {
  AccessCode,
  AccessCodeError,
  AccessCodeWarning,
  ActionAttempt,
  Device,
  DeviceWarning,
  SeamEvent,
} from '@seamapi/types/connect';
import type { RandomState } from './util/random.js';

/** How a lock programs time-bound codes (spec §B8). */
export type SchedulingStrategy = 'native' | 'just_in_time';

/** The outcome of one simulated attempt to program or remove a code. */
export type AttemptOutcome = 'success' | 'failure' | 'delay';

/** Per-device simulation knobs. Every field can be changed at run time through the control API. */
export interface DeviceBehaviour {
  /** Virtual ms a successful attempt to put a code on the lock takes. */
  setLatencyMs: number;
  /** Virtual ms a successful removal takes. */
  removeLatencyMs: number;
  /** After this long in `setting`/`removing`, the code gets a `delay_in_*` warning and event. */
  delayWarningAfterMs: number;
  /** Extra virtual ms an attempt scripted as `delay` takes (beyond the latency). */
  delayExtraMs: number;
  /** Virtual ms before a failed attempt is retried (Seam keeps retrying, spec §B3). */
  retryIntervalMs: number;
  /** Probability in [0, 1] that an attempt to set fails (seeded, so it replays). */
  setFailureProbability: number;
  /** Probability in [0, 1] that an attempt to remove fails. */
  removeFailureProbability: number;
  /** Scripted outcomes for the next set attempts on this device, consumed first to last. */
  nextSetOutcomes: AttemptOutcome[];
  /** Scripted outcomes for the next removal attempts on this device. */
  nextRemoveOutcomes: AttemptOutcome[];
}

/** A connected account: a login to one provider, owning devices. */
export interface ConnectedAccountRecord {
  connected_account_id: string;
  workspace_id: string;
  account_type: string;
  display_name: string;
  created_at: string;
  /** When the account lost its authorisation; null while connected. */
  disconnected_at: string | null;
}

/** One lock (or other device) and its simulated hardware state. */
export interface DeviceRecord {
  device_id: string;
  workspace_id: string;
  connected_account_id: string;
  /** The stable catalogue role (`nuki`, `offline`...), or null for devices added later. */
  role: string | null;
  /** Everything static about the device, already in Seam's shape; dynamic fields are overlaid. */
  base: Device;
  scheduling: SchedulingStrategy;
  /** Whether the provider needs a keypad for PINs and this lock has only an accessory one. */
  needs_accessory_keypad: boolean;
  online: boolean;
  /** When the device went offline; null while online. */
  offline_since: string | null;
  /** null when the lock has no accessory keypad (built-in keypad or none). */
  keypad_connected: boolean | null;
  /** Accessory keypad battery level in [0, 1]; null when unknown or no keypad. */
  keypad_battery_level: number | null;
  locked: boolean;
  /** Device warnings configured by the catalogue or the control API (e.g. third-party app). */
  extra_warnings: DeviceWarning[];
  behaviour: DeviceBehaviour;
  /** The device's own random stream: outcomes on one lock do not depend on traffic to others. */
  random: RandomState;
  /** Backup access code pool, once activated with `use_backup_access_code_pool` (spec §B13). */
  backup_pool_active: boolean;
  /** Target size of the backup pool. */
  backup_pool_size: number;
}

/** An operation in flight on the lock for one code. */
export interface CodeOperation {
  kind: 'set' | 'remove';
  /** When this programming effort began (survives retries; drives the delay warning). */
  started_at: number;
  /** When the current attempt completes. */
  due_at: number;
  /** 1 for the first attempt, then 2, 3... after failures. */
  attempt: number;
  /** Whether the delay warning was already raised for this effort. */
  delay_reported: boolean;
  /** The outcome decided when the attempt began (scripted or drawn). */
  outcome: AttemptOutcome;
}

/** A managed access code and its simulation state. */
export interface AccessCodeRecord {
  access_code_id: string;
  device_id: string;
  workspace_id: string;
  name: string | null;
  code: string | null;
  type: 'ongoing' | 'time_bound';
  starts_at: string | null;
  ends_at: string | null;
  created_at: string;
  common_code_key: string | null;
  is_external_modification_allowed: boolean;
  is_one_time_use: boolean;
  is_offline_access_code: boolean;
  prefer_native_scheduling: boolean;
  /** Asked for the device's backup pool (time-bound codes only). */
  use_backup_access_code_pool: boolean;
  /** A member of the device's backup pool (hidden) or a pulled backup (visible). */
  is_backup: boolean;
  /** True while the code sits unpulled in the backup pool (never listed). */
  in_backup_pool: boolean;
  pulled_backup_access_code_id: string | null;
  /** The provider picks the PIN; `code` stays null until assigned. */
  waiting_for_code_assignment: boolean;
  /** Access-code errors and warnings of the code itself (device errors are merged on render). */
  errors: AccessCodeError[];
  warnings: AccessCodeWarning[];
  /** Whether the PIN physically sits on the lock (active or natively scheduled). */
  on_device: boolean;
  /** An offline code that the manufacturer's server registered. */
  offline_registered: boolean;
  /** Delete was requested: the code is on its way out. */
  deleting: boolean;
  /** Seam starts working on the code from this virtual time (epoch ms), shortly after a change. */
  programmable_at: number;
  /** The last status the simulation announced (drives transition events). */
  status: AccessCode['status'];
  op: CodeOperation | null;
  /** Scripted outcomes for this code's next attempts, before the device's. */
  script: AttemptOutcome[];
  /** Action attempts waiting for this code's next outcome. */
  waiting_attempts: string[];
  /** Set while an external change was made and Seam is putting the code back. */
  external_change: 'modified' | 'removed' | null;
}

/** An access code that exists on the lock but was not created through this workspace. */
export interface UnmanagedCodeRecord {
  access_code_id: string;
  device_id: string;
  workspace_id: string;
  name: string | null;
  code: string | null;
  created_at: string;
}

/** An API key of a workspace. */
export interface ApiKeyRecord {
  token: string;
  workspace_id: string;
  name: string;
}

/** A client session and its token. */
export interface ClientSessionRecord {
  client_session_id: string;
  workspace_id: string;
  token: string;
  user_identifier_key: string | null;
  connected_account_ids: string[];
  connect_webview_ids: string[];
  user_identity_ids: string[];
  created_at: string;
  expires_at: string;
  /** Created with a publishable key (such sessions start empty, as Seam's do). */
  from_publishable_key: boolean;
}

/** A workspace and its publishable key. */
export interface WorkspaceRecord {
  workspace_id: string;
  name: string;
  publishable_key: string;
}

/** A registered webhook endpoint. */
export interface WebhookRecord {
  webhook_id: string;
  workspace_id: string;
  url: string;
  event_types: string[] | null;
  secret: string;
  created_at: string;
}

/** One HTTP attempt to deliver an event to a webhook. */
export interface DeliveryAttempt {
  /** Virtual time of the attempt. */
  at: string;
  /** HTTP status, or null when the request itself failed. */
  status: number | null;
  /** Why it failed (network error text, or `HTTP 500`); null on success. */
  error: string | null;
}

/** The delivery of one event to one webhook, with its retries (spec §B15). */
export interface DeliveryRecord {
  delivery_id: string;
  /** The Svix message id (`svix-id` header): stable across retries. */
  message_id: string;
  webhook_id: string;
  event_id: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
  /** Virtual time of the next attempt while pending. */
  next_attempt_at: number | null;
}

/** An action attempt and what it waits for. */
export interface ActionAttemptRecord {
  workspace_id: string;
  /**
   * The device the attempt acts on, so a client session sees only the attempts of its own
   * accounts' devices. Absent in state saved before it was recorded: such attempts are then
   * visible to API keys only.
   */
  device_id?: string;
  attempt: ActionAttempt;
}

/** Everything the sandbox knows. */
export interface SandboxState {
  /** Format version of this JSON. */
  version: 1;
  seed: number;
  /** Virtual time when the state was taken, epoch ms. */
  now: number;
  /** Monotonic counters for derived ids, by kind. */
  counters: Record<string, number>;
  workspaces: WorkspaceRecord[];
  api_keys: ApiKeyRecord[];
  client_sessions: ClientSessionRecord[];
  connected_accounts: ConnectedAccountRecord[];
  devices: DeviceRecord[];
  access_codes: AccessCodeRecord[];
  unmanaged_access_codes: UnmanagedCodeRecord[];
  action_attempts: ActionAttemptRecord[];
  events: SeamEvent[];
  webhooks: WebhookRecord[];
  deliveries: DeliveryRecord[];
  /** Timestamps (virtual ms) of recent rate-limited calls, keyed `route:device_id`. */
  rate_limits: Record<string, number[]>;
}

/** Who a new code record belongs to and when it exists; every other field starts at its default. */
export type AccessCodeRecordIdentity = Pick<
  AccessCodeRecord,
  'access_code_id' | 'device_id' | 'workspace_id' | 'created_at' | 'programmable_at'
>;

/**
 * A code as Seam first records it: ongoing, no name or PIN yet, `unset`, not on the lock. The one
 * place the record's defaults live: creation and the seeded catalogue start from it.
 */
export function newAccessCodeRecord(identity: AccessCodeRecordIdentity): AccessCodeRecord {
  return {
    ...identity,
    name: null,
    code: null,
    type: 'ongoing',
    starts_at: null,
    ends_at: null,
    common_code_key: null,
    is_external_modification_allowed: false,
    is_one_time_use: false,
    is_offline_access_code: false,
    prefer_native_scheduling: true,
    use_backup_access_code_pool: false,
    is_backup: false,
    in_backup_pool: false,
    pulled_backup_access_code_id: null,
    waiting_for_code_assignment: false,
    errors: [],
    warnings: [],
    on_device: false,
    offline_registered: false,
    deleting: false,
    status: 'unset',
    op: null,
    script: [],
    waiting_attempts: [],
    external_change: null,
  };
}
