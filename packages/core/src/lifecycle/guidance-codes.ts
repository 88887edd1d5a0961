/**
 * Which guidance each Seam error and warning gets: the key of its text and the action that
 * helps, without the English prose (in `guidance.ts`). The lifecycle and a form need only this;
 * the texts load with what shows them. Sources: spec §B3/§B4 (access codes), §B7 (devices and
 * connected accounts), §B17 (codes of @seamapi/types 1.977 and the docs at 1.918), and our own
 * requests, action attempts and transport.
 */

/** Whether Seam reported an error or a warning. */
export type IssueKind = 'error' | 'warning';

/**
 * What the issue is about. `access_code`, `device` and `connected_account` are Seam's errors and
 * warnings; `request` is one of our create/update/delete requests; `action_attempt` is Seam's
 * action attempt; `transport` is our connection to Seam.
 */
export type IssueScope =
  'access_code' | 'device' | 'connected_account' | 'request' | 'action_attempt' | 'transport';

/** What the user can do about an issue; a UI maps each to a button or a hint. */
export type GuidanceAction =
  | 'pull_backup_code'
  | 'connect_keypad'
  | 'replace_batteries'
  | 'check_connectivity'
  | 'connect_bridge'
  | 'reconnect_account'
  | 'reauthenticate'
  | 'delete_and_recreate'
  | 'free_up_slots'
  | 'resolve_duplicate'
  | 'change_code'
  | 'change_name'
  | 'change_time_window'
  | 'set_time_zone'
  | 'open_provider_app'
  | 'disable_other_integrations'
  | 'manage_subscription'
  | 'fix_request'
  | 'retry_later'
  | 'contact_support'
  | 'wait'
  | 'none';

/** The stable key of a guidance entry. */
export function guidanceKey(scope: IssueScope, kind: IssueKind, code: string): string {
  return `${scope}.${kind}.${code}`;
}

/** The action that helps for each text, and the one to offer when it is impossible. */
const ACTIONS = {
  not_set: ['pull_backup_code', 'check_connectivity'],
  not_set_no_backup: ['check_connectivity'],
  not_removed: ['open_provider_app'],
  changed_outside: ['delete_and_recreate'],
  changed_outside_allowed: ['none'],
  duplicate_on_lock: ['resolve_duplicate'],
  duplicate_pin: ['change_code'],
  unmanaged_conflict: ['resolve_duplicate'],
  lock_full: ['free_up_slots'],
  smartthings_conflict: ['disable_other_integrations'],
  kwikset_unconfirmed: ['change_code'],
  kwikset_admin: ['reconnect_account'],
  pin_rejected: ['change_code'],
  slow_to_set: ['check_connectivity'],
  slow_to_remove: ['check_connectivity'],
  temporarily_offline: ['check_connectivity'],
  no_keypad: ['connect_keypad'],
  salto_limit: ['manage_subscription'],
  salto_almost: ['manage_subscription'],
  duplicate_name: ['change_name'],
  oracode_time_range: ['change_time_window'],
  codes_unsupported: ['contact_support'],
  bridge_busy: ['wait'],
  provider_issue: ['wait'],
  inactive: ['delete_and_recreate'],
  inactive_for_now: ['wait'],
  insufficient_permissions: ['reconnect_account'],
  unconfirmed: ['check_connectivity'],
  replaced: ['none'],
  third_party: ['disable_other_integrations'],
  management_transferred: ['contact_support'],
  use_within_24_hours: ['none'],
  turned_off_in_app: ['open_provider_app'],
  rotating_pin: ['none'],
  window_widened: ['set_time_zone'],
  backup_in_use: ['none'],
  being_deleted: ['wait'],
  unknown_code_issue: ['contact_support'],
  dst_risk: ['set_time_zone'],
  lock_offline: ['check_connectivity'],
  lock_removed: ['reconnect_account'],
  hub_offline: ['check_connectivity'],
  no_backup_codes: ['check_connectivity'],
  no_bridge: ['connect_bridge'],
  no_gateway_paired: ['connect_bridge'],
  subscription_required: ['manage_subscription'],
  not_for_locks: ['none'],
  site_disconnected: ['reconnect_account'],
  backup_codes_low: ['check_connectivity'],
  many_backup_codes: ['check_connectivity'],
  poor_connection: ['check_connectivity'],
  unreliable_online_status: ['check_connectivity'],
  maintenance: ['wait'],
  power_saving: ['open_provider_app'],
  remote_unlock_off: ['open_provider_app'],
  weak_gateway_signal: ['check_connectivity'],
  office_mode: ['open_provider_app'],
  privacy_mode: ['open_provider_app'],
  time_zone_unknown: ['set_time_zone'],
  time_bound_blocked: ['set_time_zone'],
  time_zone_mismatch: ['set_time_zone'],
  hub_needed: ['connect_bridge'],
  keypad_not_linked: ['connect_keypad'],
  account_disconnected: ['reconnect_account'],
  seam_bridge_unreachable: ['check_connectivity'],
  account_issue: ['reconnect_account'],
  reauthorization_requested: ['reconnect_account'],
  account_being_deleted: ['none'],
  setup_required: ['open_provider_app'],
  site_unapproved: ['contact_support'],
  invalid_input: ['fix_request'],
  session_expired: ['reauthenticate'],
  rate_limited: ['retry_later'],
  device_not_found: ['reconnect_account'],
  code_not_found: ['none'],
  no_answer: ['retry_later'],
  request_timeout: ['retry_later'],
  server_error: ['retry_later'],
  attempt_failed: ['retry_later'],
  attempt_expired: ['check_connectivity'],
  status_offline: ['wait'],
  status_slow: ['wait'],
  status_session_expired: ['reauthenticate'],
  status_rate_limited: ['wait'],
  status_server_error: ['wait'],
  fallback_error: ['contact_support'],
  fallback_warning: ['none'],
} as const satisfies Record<string, readonly [GuidanceAction, GuidanceAction?]>;

/** The key of one of the table's texts. */
export type GuidanceTextKey = keyof typeof ACTIONS;

/** The action of a text, and its fallback (`null` when it has none). */
export function actionsOf(
  textKey: GuidanceTextKey,
): readonly [GuidanceAction, GuidanceAction | null] {
  const [action, fallbackAction] = ACTIONS[textKey] as readonly [GuidanceAction, GuidanceAction?];
  return [action, fallbackAction ?? null];
}

/**
 * Every code we explain, by `<scope>.<kind>`, with the key of its text. Sources: spec §B3 and
 * §B4 (access codes, with the troubleshooting doc's and the igloohome guide's extra codes), §B7
 * (devices and connected accounts), §B17, and our own requests, action attempts and transport.
 */
const CODES: Readonly<Record<`${IssueScope}.${IssueKind}`, Record<string, GuidanceTextKey>>> = {
  'access_code.error': {
    failed_to_set_on_device: 'not_set',
    failed_to_remove_from_device: 'not_removed',
    code_modified_external_to_seam: 'changed_outside',
    duplicate_code_on_device: 'duplicate_on_lock',
    duplicate_code_attempt_prevented: 'duplicate_pin',
    no_space_for_access_code_on_device: 'lock_full',
    smartthings_failed_to_set_access_code: 'not_set',
    smartthings_failed_to_set_after_multiple_retries: 'smartthings_conflict',
    smartthings_no_free_slots_available: 'lock_full',
    kwikset_unable_to_confirm_code: 'kwikset_unconfirmed',
    kwikset_unable_to_confirm_deletion: 'not_removed',
    kwikset_insufficient_permissions: 'kwikset_admin',
    august_lock_invalid_code_length: 'pin_rejected',
    august_device_programming_delay: 'slow_to_set',
    august_lock_temporarily_offline: 'temporarily_offline',
    august_lock_missing_keypad: 'no_keypad',
    salto_ks_user_not_subscribed: 'salto_limit',
    hubitat_device_programming_delay: 'slow_to_set',
    hubitat_no_free_positions_available: 'lock_full',
    wyze_duplicate_code_name: 'duplicate_name',
    wyze_potential_duplicate_code: 'duplicate_pin',
    dormakaba_oracode_invalid_time_range: 'oracode_time_range',
    keynest_unsupported_third_party_locker: 'codes_unsupported',
    conflicting_unmanaged_access_code_id: 'unmanaged_conflict',
    august_device_slots_full: 'lock_full',
    august_lock_bad_access_code_format: 'pin_rejected',
    salto_site_user_not_subscribed: 'salto_limit',
    igloohome_bridge_too_many_pending_jobs: 'bridge_busy',
    igloohome_bridge_offline: 'hub_offline',
    provider_issue: 'provider_issue',
    conflicting_external_modification: 'changed_outside',
    access_code_inactive: 'inactive',
    insufficient_permissions: 'insufficient_permissions',
    access_code_state_unconfirmed: 'unconfirmed',
    replaced_by_newer_access_code: 'replaced',
  },
  'access_code.warning': {
    delay_in_setting_on_device: 'slow_to_set',
    delay_in_removing_from_device: 'slow_to_remove',
    code_modified_external_to_seam: 'changed_outside_allowed',
    third_party_integration_detected: 'third_party',
    management_transferred: 'management_transferred',
    igloo_algopin_must_be_used_within_24_hours: 'use_within_24_hours',
    schlage_detected_duplicate: 'duplicate_pin',
    schlage_creation_outage: 'provider_issue',
    smartthings_failed_to_set_access_code: 'slow_to_set',
    august_device_programming_delay: 'slow_to_set',
    august_lock_temporarily_offline: 'temporarily_offline',
    kwikset_unable_to_confirm_code: 'kwikset_unconfirmed',
    ultraloq_access_code_disabled: 'turned_off_in_app',
    code_rotates_periodically: 'rotating_pin',
    time_frame_adjusted_for_unknown_time_zone: 'window_widened',
    external_modification_in_effect: 'changed_outside_allowed',
    using_backup_access_code: 'backup_in_use',
    being_deleted: 'being_deleted',
    unknown_issue_with_access_code: 'unknown_code_issue',
    provider_issue: 'provider_issue',
    schlage_access_code_ambiguous_timezone_dst_risk: 'dst_risk',
    access_code_inactive: 'inactive_for_now',
  },
  'device.error': {
    device_offline: 'lock_offline',
    device_removed: 'lock_removed',
    hub_disconnected: 'hub_offline',
    device_disconnected: 'lock_offline',
    salto_ks_subscription_limit_exceeded: 'salto_limit',
    empty_backup_access_code_pool: 'no_backup_codes',
    august_lock_not_authorized: 'insufficient_permissions',
    august_lock_missing_bridge: 'no_bridge',
    ttlock_lock_not_paired_to_gateway: 'no_gateway_paired',
    lockly_missing_wifi_bridge: 'no_bridge',
    missing_device_credentials: 'account_disconnected',
    subscription_required: 'subscription_required',
    auxiliary_heat_running: 'not_for_locks',
    dormakaba_sites_disconnected: 'site_disconnected',
  },
  'device.warning': {
    partial_backup_access_code_pool: 'backup_codes_low',
    many_active_backup_codes: 'many_backup_codes',
    third_party_integration_detected: 'third_party',
    device_communication_degraded: 'poor_connection',
    device_has_flaky_connection: 'poor_connection',
    scheduled_maintenance_window: 'maintenance',
    power_saving_mode: 'power_saving',
    ttlock_lock_gateway_unlocking_not_enabled: 'remote_unlock_off',
    ttlock_weak_gateway_signal: 'weak_gateway_signal',
    salto_ks_office_mode: 'office_mode',
    salto_ks_privacy_mode: 'privacy_mode',
    salto_ks_subscription_limit_almost_reached: 'salto_almost',
    wyze_device_missing_gateway: 'no_bridge',
    lockly_time_zone_not_configured: 'time_zone_unknown',
    ultraloq_time_zone_unknown: 'time_bound_blocked',
    hub_required_for_additional_capabilities: 'hub_needed',
    accessory_keypad_setup_required: 'keypad_not_linked',
    keynest_unsupported_locker: 'codes_unsupported',
    temperature_threshold_exceeded: 'not_for_locks',
    unknown_issue_with_phone: 'not_for_locks',
    privacy_mode: 'privacy_mode',
    salto_ks_lock_access_code_support_removed: 'codes_unsupported',
    time_zone_unknown: 'time_zone_unknown',
    time_zone_mismatch: 'time_zone_mismatch',
    two_n_device_missing_timezone: 'time_zone_unknown',
    provider_issue: 'provider_issue',
    unreliable_online_status: 'unreliable_online_status',
    max_access_codes_reached: 'lock_full',
    insufficient_permissions: 'insufficient_permissions',
  },
  'connected_account.error': {
    account_disconnected: 'account_disconnected',
    bridge_disconnected: 'seam_bridge_unreachable',
    salto_ks_subscription_limit_exceeded: 'salto_limit',
    dormakaba_sites_disconnected: 'site_disconnected',
  },
  'connected_account.warning': {
    unknown_issue_with_connected_account: 'account_issue',
    scheduled_maintenance_window: 'maintenance',
    salto_ks_subscription_limit_almost_reached: 'salto_almost',
    account_reauthorization_requested: 'reauthorization_requested',
    being_deleted: 'account_being_deleted',
    provider_service_unavailable: 'provider_issue',
    setup_required: 'setup_required',
    dormakaba_sites_unapproved: 'site_unapproved',
  },
  'request.error': {
    invalid_input: 'invalid_input',
    unauthorized: 'session_expired',
    rate_limited: 'rate_limited',
    device_not_found: 'device_not_found',
    access_code_not_found: 'code_not_found',
    duplicate_access_code: 'duplicate_pin',
    network_error: 'no_answer',
    timeout: 'request_timeout',
    server_error: 'server_error',
  },
  'request.warning': {},
  'action_attempt.error': {
    uncategorized_error: 'attempt_failed',
    action_attempt_expired: 'attempt_expired',
  },
  'action_attempt.warning': {},
  'transport.error': {
    network_error: 'status_offline',
    timeout: 'status_slow',
    unauthorized: 'status_session_expired',
    rate_limited: 'status_rate_limited',
    server_error: 'status_server_error',
  },
  'transport.warning': {},
};

/** Where a code's guidance is: its stable key, and the key of its text. */
export interface GuidanceRef {
  /** `<scope>.<kind>.<code>`, or `fallback.<kind>` for codes we do not know. Stable. */
  readonly key: string;
  readonly scope: IssueScope | null;
  readonly kind: IssueKind;
  /** Seam's `error_code` / `warning_code` (or ours); `*` for the fallbacks. */
  readonly code: string;
  /** The key of the text, shared by codes that mean the same. */
  readonly textKey: GuidanceTextKey;
}

function ref(
  key: string,
  scope: IssueScope | null,
  kind: IssueKind,
  code: string,
  textKey: GuidanceTextKey,
): GuidanceRef {
  return Object.freeze({ key, scope, kind, code, textKey });
}

/** The fallbacks for codes not in the table: the UI shows Seam's `message` with them. */
const FALLBACK_ERROR = ref('fallback.error', null, 'error', '*', 'fallback_error');
const FALLBACK_WARNING = ref('fallback.warning', null, 'warning', '*', 'fallback_warning');

function buildRefs(): Readonly<Record<string, GuidanceRef>> {
  const refs: Record<string, GuidanceRef> = {
    'fallback.error': FALLBACK_ERROR,
    'fallback.warning': FALLBACK_WARNING,
  };
  for (const [group, codes] of Object.entries(CODES)) {
    const [scope, kind] = group.split('.') as [IssueScope, IssueKind];
    for (const [code, textKey] of Object.entries(codes)) {
      const key = guidanceKey(scope, kind, code);
      refs[key] = ref(key, scope, kind, code, textKey);
    }
  }
  return Object.freeze(refs);
}

/** Every code we explain by guidance key, including `fallback.error` and `fallback.warning`. */
export const GUIDANCE_REFS: Readonly<Record<string, GuidanceRef>> = buildRefs();

/** A Seam error element (`errors[]` of an access code, device or connected account). */
export interface SeamErrorLike {
  readonly error_code: string;
  readonly message?: string;
  readonly is_access_code_error?: boolean;
  readonly is_device_error?: boolean;
  readonly is_connected_account_error?: boolean;
}

/** A Seam warning element (`warnings[]` of an access code, device or connected account). */
export interface SeamWarningLike {
  readonly warning_code: string;
  readonly message?: string;
}

/** An issue as kept in a `CodeState`, or any `{ kind, code, scope }`. */
export interface IssueLike {
  readonly kind: IssueKind;
  readonly code: string;
  readonly scope: IssueScope;
  readonly message?: string;
}

/** What else decides the guidance. */
export interface GuidanceContext {
  /**
   * Where the error or warning came from, when its flags do not say (warnings carry none; without
   * this, access-code scope is tried first).
   */
  readonly scope?: IssueScope;
  /** Whether a backup code can be pulled for the code (`is_backup_access_code_available`). */
  readonly backupAvailable?: boolean;
}

/** The scope a Seam error element belongs to, by its flags (spec §B2). */
export function scopeOfSeamError(error: SeamErrorLike): IssueScope | null {
  if (error.is_access_code_error === true) return 'access_code';
  if (error.is_connected_account_error === true) return 'connected_account';
  if (error.is_device_error === true) return 'device';
  return null;
}

const SEAM_SCOPES: readonly IssueScope[] = ['access_code', 'device', 'connected_account'];

/** Texts that advise a backup code, and their variant for when none can be pulled. */
const WITHOUT_BACKUP: Readonly<Record<string, GuidanceTextKey>> = {
  not_set: 'not_set_no_backup',
};

function lookup(kind: IssueKind, code: string, scope: IssueScope | null): GuidanceRef | null {
  if (scope !== null) {
    const exact = GUIDANCE_REFS[guidanceKey(scope, kind, code)];
    if (exact !== undefined) return exact;
    // Our own scopes never borrow Seam's texts: a request's `invalid_input` is not a device's.
    if (!SEAM_SCOPES.includes(scope)) return null;
  }
  // The same code often appears under several of Seam's scopes (device errors are copied onto
  // access codes): any of them explains it.
  for (const candidate of SEAM_SCOPES) {
    const found = GUIDANCE_REFS[guidanceKey(candidate, kind, code)];
    if (found !== undefined) return found;
  }
  return null;
}

/** The guidance that applies to one issue now, without its English text. */
export interface GuidanceMatch {
  readonly key: string;
  readonly scope: IssueScope | null;
  readonly kind: IssueKind;
  /** The code as reported (also for fallbacks, so the UI can show it). */
  readonly code: string;
  /** False when the code is not in the table and the fallback was used. */
  readonly known: boolean;
  /** The key of the text: what a localisation translates. */
  readonly textKey: GuidanceTextKey;
  /** Seam's own message, when there was one. */
  readonly seamMessage: string | null;
  readonly action: GuidanceAction;
}

/**
 * Which guidance applies to a Seam error or warning, or to an issue of a `CodeState`: its key,
 * text key and the action that applies now. Never fails: a code we do not know gets the fallback.
 */
export function matchGuidance(
  issue: SeamErrorLike | SeamWarningLike | IssueLike,
  context: GuidanceContext = {},
): GuidanceMatch {
  let kind: IssueKind;
  let code: string;
  let scope: IssueScope | null;
  if ('error_code' in issue) {
    kind = 'error';
    code = String(issue.error_code);
    scope = context.scope ?? scopeOfSeamError(issue);
  } else if ('warning_code' in issue) {
    kind = 'warning';
    code = String(issue.warning_code);
    scope = context.scope ?? null;
  } else {
    kind = issue.kind === 'warning' ? 'warning' : 'error';
    code = String(issue.code);
    scope = context.scope ?? issue.scope;
  }
  const message =
    typeof issue.message === 'string' && issue.message.trim() !== '' ? issue.message : null;
  const found = lookup(kind, code, scope);
  const base = found ?? (kind === 'error' ? FALLBACK_ERROR : FALLBACK_WARNING);
  const [baseAction, fallbackAction] = actionsOf(base.textKey);
  const noBackup = baseAction === 'pull_backup_code' && context.backupAvailable !== true;
  const action = noBackup ? (fallbackAction ?? 'wait') : baseAction;
  // Where no backup can be pulled, the text does not advise one either.
  const textKey = noBackup ? (WITHOUT_BACKUP[base.textKey] ?? base.textKey) : base.textKey;
  return {
    key: base.key,
    scope: found?.scope ?? scope,
    kind,
    code,
    known: found !== null,
    textKey,
    seamMessage: message,
    action,
  };
}
