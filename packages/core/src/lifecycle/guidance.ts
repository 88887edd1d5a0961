/**
 * What each Seam error and warning means, and what helps, in one table of English text. A UI
 * localises it by `key` (stable across releases) and maps `action` to a button. Sources: spec
 * §B3/§B4 (access codes), §B7 (devices and connected accounts), §B17 (codes of @seamapi/types
 * 1.977 and the docs at 1.918), and our own requests, action attempts and transport.
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

/** English labels of the actions (empty for `none`: nothing to press). */
export const ACTION_LABELS: Readonly<Record<GuidanceAction, string>> = {
  pull_backup_code: 'Use a backup code',
  connect_keypad: 'Connect a keypad',
  replace_batteries: 'Replace the batteries',
  check_connectivity: "Check the lock's connection",
  connect_bridge: 'Connect a bridge or gateway',
  reconnect_account: 'Reconnect the account',
  reauthenticate: 'Sign in again',
  delete_and_recreate: 'Delete and create it again',
  free_up_slots: 'Free up code slots',
  resolve_duplicate: 'Resolve the duplicate',
  change_code: 'Choose another PIN',
  change_name: 'Choose another name',
  change_time_window: 'Change the time window',
  set_time_zone: "Set the lock's time zone",
  open_provider_app: "Open the lock maker's app",
  disable_other_integrations: 'Turn off other integrations',
  manage_subscription: 'Manage the subscription',
  fix_request: 'Correct the details',
  retry_later: 'Try again later',
  contact_support: 'Contact support',
  wait: 'Wait: Seam keeps trying',
  none: '',
};

/** One row of the guidance table. */
export interface GuidanceEntry {
  /** `<scope>.<kind>.<code>`, or `fallback.<kind>` for codes we do not know. Stable. */
  readonly key: string;
  readonly scope: IssueScope | null;
  readonly kind: IssueKind;
  /** Seam's `error_code` / `warning_code` (or ours); `*` for the fallbacks. */
  readonly code: string;
  /**
   * The key of the text, shared by codes that mean the same (e.g. every "lock is full" code).
   * Stable: a localisation translates each text key once.
   */
  readonly textKey: string;
  /** A few words for a heading. */
  readonly title: string;
  /** One or two short sentences: what happened and what helps. */
  readonly explanation: string;
  /** The action that helps. */
  readonly action: GuidanceAction;
  /** The action to offer instead when `action` is impossible (e.g. no backup code available). */
  readonly fallbackAction: GuidanceAction | null;
}

/** The stable key of a guidance entry. */
export function guidanceKey(scope: IssueScope, kind: IssueKind, code: string): string {
  return `${scope}.${kind}.${code}`;
}

/** A text of the table: title, explanation, the action that helps, and the one to offer instead. */
type GuidanceText = readonly [
  title: string,
  explanation: string,
  action: GuidanceAction,
  fallbackAction?: GuidanceAction,
];

/**
 * Every distinct text, by text key. Provider-specific codes that mean what a generic one means
 * share its text; a provider keeps a text of its own only where the advice differs (Kwikset's
 * Admin role, TTLock's gateway pairing).
 */
const TEXTS = {
  not_set: [
    'Not on the lock yet',
    'Seam could not put this code on the lock and keeps retrying. If the guest needs to get in soon, give them a backup code.',
    'pull_backup_code',
    'check_connectivity',
  ],
  // The same finding where no backup code can be pulled: no advice to give one.
  not_set_no_backup: [
    'Not on the lock yet',
    'Seam could not put this code on the lock and keeps retrying. Check that the lock is online and its keypad connected.',
    'check_connectivity',
  ],
  not_removed: [
    'Not removed from the lock',
    "Seam could not remove this code and keeps retrying. Check the lock maker's app: the code may already be gone.",
    'open_provider_app',
  ],
  changed_outside: [
    'Changed outside Seam',
    "Someone changed or removed this code in the lock's own app. Seam puts it back as it was; to change it, do it here.",
    'delete_and_recreate',
  ],
  changed_outside_allowed: [
    'Changed outside Seam',
    "Someone changed this code in the lock's own app. Changes made outside Seam are allowed for this code, so Seam keeps them.",
    'none',
  ],
  duplicate_on_lock: [
    'PIN already on the lock',
    'The lock already holds a code with this PIN or name. Remove the other code, or give this one another PIN.',
    'resolve_duplicate',
  ],
  duplicate_pin: [
    'PIN already used',
    'Another code on this lock already has this PIN. Choose another PIN.',
    'change_code',
  ],
  unmanaged_conflict: [
    'Conflicts with another code',
    'A code created outside Seam on this lock conflicts with this one. Delete the other code or convert it to a managed code.',
    'resolve_duplicate',
  ],
  lock_full: [
    'The lock is full',
    'Every code slot on the lock is taken. Delete codes that are no longer needed.',
    'free_up_slots',
  ],
  smartthings_conflict: [
    'SmartThings keeps failing',
    'Another app that manages the lock (such as RBoy Apps or Operto) is the usual cause. Turn it off and remove conflicting codes.',
    'disable_other_integrations',
  ],
  kwikset_unconfirmed: [
    'Kwikset has not confirmed it',
    'Kwikset has not confirmed the code, usually because the same PIN was set outside Seam. Choose another PIN.',
    'change_code',
  ],
  kwikset_admin: [
    'Kwikset account lacks rights',
    'The connected Kwikset account must be a Home Admin. Have the admin change its role, then reconnect.',
    'reconnect_account',
  ],
  pin_rejected: [
    'PIN not accepted',
    'This lock does not accept this PIN or its length. Choose another PIN, of a length the lock supports.',
    'change_code',
  ],
  slow_to_set: [
    'Slow to reach the lock',
    'The code has not reached the lock yet, usually because its connection is weak. Seam keeps trying; locking and unlocking from the app checks the connection.',
    'check_connectivity',
  ],
  slow_to_remove: [
    'Removal taking longer than usual',
    'Removing the code from the lock is taking unusually long, most often because of a weak connection. Seam keeps trying.',
    'check_connectivity',
  ],
  temporarily_offline: [
    'Lock offline for now',
    'The lock is offline for now. The code is set or removed when it is back; check its Wi-Fi bridge and batteries.',
    'check_connectivity',
  ],
  no_keypad: [
    'No keypad',
    'This lock has no keypad, so nobody can type a PIN. Install and pair an August keypad.',
    'connect_keypad',
  ],
  salto_limit: [
    'Salto user limit reached',
    'Each code uses a user of the Salto KS subscription, and the limit is reached. Remove codes or raise the subscription.',
    'manage_subscription',
  ],
  salto_almost: [
    'Salto users almost used up',
    'The Salto site is above 80 % of its user limit, and each code uses a user. Plan to raise the subscription.',
    'manage_subscription',
  ],
  duplicate_name: [
    'Name already used',
    'Another code on this lock has the same name. Give this code a name of its own.',
    'change_name',
  ],
  oracode_time_range: [
    'Time window not available',
    'No time slot configured on this dormakaba Oracode lock matches the window. Choose a window that matches a configured slot.',
    'change_time_window',
  ],
  codes_unsupported: [
    'Codes not supported',
    'The lock maker does not support access codes on this lock or locker. Contact support if you expected it to.',
    'contact_support',
  ],
  bridge_busy: [
    'Bridge busy',
    'The igloohome bridge has too many jobs queued. Seam retries; give it a few minutes.',
    'wait',
  ],
  provider_issue: [
    'Lock maker reported a problem',
    "The lock maker's service reported a problem. Seam keeps trying; if it lasts, contact support.",
    'wait',
  ],
  inactive: [
    'Code inactive',
    'The lock maker reports this code as inactive, so it will not open the door. Delete it and create it again.',
    'delete_and_recreate',
  ],
  inactive_for_now: [
    'Code inactive for now',
    'The lock maker reports this code as inactive for now, so it will not open the door yet.',
    'wait',
  ],
  insufficient_permissions: [
    'Not enough rights',
    'The connected account may not manage codes on this lock. Reconnect it with an account that has admin rights.',
    'reconnect_account',
  ],
  unconfirmed: [
    'Not confirmed on the lock',
    "Seam could not confirm whether the code is on the lock. Check the lock's connection.",
    'check_connectivity',
  ],
  replaced: [
    'Replaced by a newer code',
    'A newer code has replaced this one on the lock; use the newer one.',
    'none',
  ],
  third_party: [
    'Another integration found',
    'Another integration also manages this lock and may change or remove codes. Turn it off if codes misbehave.',
    'disable_other_integrations',
  ],
  management_transferred: [
    'Managed elsewhere now',
    'Another Seam workspace has taken over this code; changes made here may not apply.',
    'contact_support',
  ],
  use_within_24_hours: [
    'Use within 24 hours',
    'This igloohome offline PIN must be entered for the first time within 24 hours of its start, or it stops working.',
    'none',
  ],
  turned_off_in_app: [
    'Turned off in the Ultraloq app',
    'The code was turned off in the Ultraloq app. Turn it back on there.',
    'open_provider_app',
  ],
  rotating_pin: [
    'PIN changes on a schedule',
    'This lock changes the PIN periodically. Check the current PIN before you share it.',
    'none',
  ],
  window_widened: [
    'Window widened by an hour',
    "The lock's time zone is unknown, so Seam added an hour around daylight-saving changes. Set the time zone for exact times.",
    'set_time_zone',
  ],
  backup_in_use: [
    'Backup code in use',
    'A backup code stands in for this code. Share the backup PIN with the guest.',
    'none',
  ],
  being_deleted: ['Being deleted', 'This code is being deleted.', 'wait'],
  unknown_code_issue: [
    'Unrecognised problem',
    'Seam noticed a problem with this code that it cannot classify. If it lasts, contact support.',
    'contact_support',
  ],
  dst_risk: [
    'Daylight-saving risk',
    "The Schlage lock's time zone is ambiguous, so the code may shift by an hour at a daylight-saving change. Set the time zone.",
    'set_time_zone',
  ],
  lock_offline: [
    'Lock offline',
    'The lock is offline, so codes can be neither set nor removed. Check its batteries or power and its Wi-Fi or hub.',
    'check_connectivity',
  ],
  lock_removed: [
    'Lock removed',
    "The lock was removed from the lock maker's account. Add it there again, then reconnect the account.",
    'reconnect_account',
  ],
  hub_offline: [
    'Hub offline',
    'The hub or bridge that links the lock is offline. Check its power and internet connection.',
    'check_connectivity',
  ],
  no_backup_codes: [
    'No backup codes left',
    'Every backup code of this lock is in use. Seam refills the pool when it can reach the lock.',
    'check_connectivity',
  ],
  no_bridge: [
    'No bridge',
    'This lock needs its bridge or gateway to receive codes remotely. Install and connect one.',
    'connect_bridge',
  ],
  no_gateway_paired: [
    'No gateway',
    'This TTLock lock is not paired to a gateway. Pair a TTLock gateway in the TTLock app.',
    'connect_bridge',
  ],
  subscription_required: [
    'Subscription required',
    "The lock maker requires a subscription for remote access. Activate it in the lock maker's app.",
    'manage_subscription',
  ],
  not_for_locks: [
    'Not about door codes',
    'A notice about another kind of device; it does not affect door codes.',
    'none',
  ],
  site_disconnected: [
    'dormakaba site disconnected',
    'The dormakaba site is disconnected from Seam. Reconnect it.',
    'reconnect_account',
  ],
  backup_codes_low: [
    'Backup codes running low',
    'Seam is struggling to refill the backup codes, usually because of a weak connection or full code slots.',
    'check_connectivity',
  ],
  many_backup_codes: [
    'Many backup codes in use',
    'Several backup codes were pulled, a sign of trouble programming this lock. Check its connection.',
    'check_connectivity',
  ],
  poor_connection: [
    'Unstable connection',
    "The lock's connection is poor, so codes may be slow to arrive. Check its batteries, and move the hub or Wi-Fi closer.",
    'check_connectivity',
  ],
  unreliable_online_status: [
    'Online status unreliable',
    'The lock may be offline even when it shows online. Lock and unlock it from the app to check.',
    'check_connectivity',
  ],
  maintenance: [
    'Maintenance scheduled',
    'The lock maker has scheduled maintenance; codes may be slow to arrive meanwhile.',
    'wait',
  ],
  power_saving: [
    'Power-saving mode',
    'This TTLock lock is in power-saving mode and cannot be reached remotely. Turn the mode off in the TTLock app.',
    'open_provider_app',
  ],
  remote_unlock_off: [
    'Remote unlock turned off',
    'Turn on "Remote Unlock" for this lock in the TTLock app.',
    'open_provider_app',
  ],
  weak_gateway_signal: [
    'Weak gateway signal',
    "The TTLock gateway's signal to the lock is weak. Move the gateway closer to the lock.",
    'check_connectivity',
  ],
  office_mode: [
    'Office mode on',
    'While office mode is on, access codes do not unlock the door. Turn it off in the Salto app.',
    'open_provider_app',
  ],
  privacy_mode: [
    'Privacy mode on',
    'While privacy mode is on, access codes do not unlock the door. Turn it off on the lock or in its app.',
    'open_provider_app',
  ],
  time_zone_unknown: [
    'Time zone not set',
    "The lock's time zone is not set, so time-bound codes may start or end at the wrong hour. Set it, in the lock maker's app if need be.",
    'set_time_zone',
  ],
  time_bound_blocked: [
    'Time zone unknown',
    "Time-bound codes are blocked until the lock's time zone is set.",
    'set_time_zone',
  ],
  time_zone_mismatch: [
    'Time zone mismatch',
    "The lock's clock and its time zone on record disagree, so codes may start or end at the wrong hour.",
    'set_time_zone',
  ],
  hub_needed: [
    'Hub needed',
    'Without a hub or bridge this lock takes offline codes only. Connect a bridge to set online codes.',
    'connect_bridge',
  ],
  keypad_not_linked: [
    'Keypad not linked',
    'The keypad is not linked to the bridge, so online codes will fail. Link it in the igloohome app.',
    'connect_keypad',
  ],
  account_disconnected: [
    'Account disconnected',
    "The lock maker's account is disconnected from Seam, so Seam cannot check or change codes. Reconnect it.",
    'reconnect_account',
  ],
  seam_bridge_unreachable: [
    'Seam Bridge unreachable',
    "Seam cannot reach the Seam Bridge on the local network. Check the bridge's power and network.",
    'check_connectivity',
  ],
  account_issue: [
    'Account problem',
    "Seam noticed a problem with the lock maker's account. Reconnecting it usually helps.",
    'reconnect_account',
  ],
  reauthorization_requested: [
    'Sign-in needed',
    'The lock maker asks for the account to be authorised again. Reconnect it before it stops working.',
    'reconnect_account',
  ],
  account_being_deleted: [
    'Account being deleted',
    "The lock maker's account is being removed from Seam; its codes will no longer be managed.",
    'none',
  ],
  setup_required: [
    'Setup needed',
    "The account needs a setup step in the lock maker's app before codes can be managed.",
    'open_provider_app',
  ],
  site_unapproved: [
    'Site not approved',
    'The dormakaba site has not been approved for Seam yet.',
    'contact_support',
  ],
  // Our requests, action attempts and connection.
  invalid_input: [
    'Details not accepted',
    'Seam did not accept some details of the code. Correct the fields shown and send it again.',
    'fix_request',
  ],
  session_expired: [
    'Session expired',
    'The session is no longer valid. Sign in again to continue.',
    'reauthenticate',
  ],
  rate_limited: [
    'Too many changes at once',
    'Seam limits how often codes on one lock can change. Try again in a minute.',
    'retry_later',
  ],
  device_not_found: [
    'Lock not found',
    'Seam does not know this lock, or this session may not see it. Check that the account is connected.',
    'reconnect_account',
  ],
  code_not_found: [
    'Code not found',
    'Seam no longer has this code: it was already removed.',
    'none',
  ],
  no_answer: [
    'No answer from Seam',
    'The request may or may not have reached Seam. Check your internet connection; the code may already exist.',
    'retry_later',
  ],
  request_timeout: [
    'Seam took too long',
    'Seam did not answer in time; the request may still have gone through. Try again in a moment.',
    'retry_later',
  ],
  server_error: [
    'Seam had a problem',
    'Seam could not handle the request right now. Try again in a moment.',
    'retry_later',
  ],
  attempt_failed: [
    'Seam could not finish',
    'Seam could not finish the change on the lock. Check the code again shortly.',
    'retry_later',
  ],
  attempt_expired: [
    'The lock did not answer',
    'The lock did not answer in time. Check its connection.',
    'check_connectivity',
  ],
  status_offline: [
    'Offline',
    'We cannot reach Seam right now, so this status may be out of date. We keep checking.',
    'wait',
  ],
  status_slow: [
    'Seam is slow',
    'Seam is taking long to answer, so this status may be out of date. We keep checking.',
    'wait',
  ],
  status_session_expired: [
    'Session expired',
    'The session is no longer valid, so this status cannot be checked. Sign in again.',
    'reauthenticate',
  ],
  status_rate_limited: [
    'Checking more slowly',
    'Seam asked us to slow down, so updates may take a little longer.',
    'wait',
  ],
  status_server_error: [
    'Seam had a problem',
    'Seam could not answer right now, so this status may be out of date. We keep checking.',
    'wait',
  ],
  // For codes not in the table: the UI shows Seam's `message` with them.
  fallback_error: [
    'Problem reported',
    'Seam reported a problem this app does not know yet. Contact support if it lasts.',
    'contact_support',
  ],
  fallback_warning: ['Notice', 'Seam reported something this app does not know yet.', 'none'],
} as const satisfies Record<string, GuidanceText>;

/** The key of one of the table's texts. */
export type GuidanceTextKey = keyof typeof TEXTS;

/** Every distinct English text by text key, for localisers: each key is translated once. */
export const GUIDANCE_TEXTS: Readonly<Record<GuidanceTextKey, GuidanceText>> = Object.freeze(TEXTS);

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

function entry(
  key: string,
  scope: IssueScope | null,
  kind: IssueKind,
  code: string,
  textKey: GuidanceTextKey,
): GuidanceEntry {
  const [title, explanation, action, fallbackAction]: GuidanceText = TEXTS[textKey];
  return Object.freeze({
    key,
    scope,
    kind,
    code,
    textKey,
    title,
    explanation,
    action,
    fallbackAction: fallbackAction ?? null,
  });
}

/** The fallbacks for codes not in the table: the UI shows Seam's `message` with them. */
const FALLBACK_ERROR = entry('fallback.error', null, 'error', '*', 'fallback_error');
const FALLBACK_WARNING = entry('fallback.warning', null, 'warning', '*', 'fallback_warning');

function buildTable(): Readonly<Record<string, GuidanceEntry>> {
  const table: Record<string, GuidanceEntry> = {
    'fallback.error': FALLBACK_ERROR,
    'fallback.warning': FALLBACK_WARNING,
  };
  for (const [group, codes] of Object.entries(CODES)) {
    const [scope, kind] = group.split('.') as [IssueScope, IssueKind];
    for (const [code, textKey] of Object.entries(codes)) {
      const key = guidanceKey(scope, kind, code);
      table[key] = entry(key, scope, kind, code, textKey);
    }
  }
  return Object.freeze(table);
}

/** Every guidance entry by key, including `fallback.error` and `fallback.warning`. */
export const GUIDANCE: Readonly<Record<string, GuidanceEntry>> = buildTable();

/** Guidance for one issue, with Seam's message and the action that applies now. */
export interface ResolvedGuidance {
  readonly key: string;
  readonly scope: IssueScope | null;
  readonly kind: IssueKind;
  /** The code as reported (also for fallbacks, so the UI can show it). */
  readonly code: string;
  /** False when the code is not in the table and the fallback was used. */
  readonly known: boolean;
  /** The key of the text (`GuidanceEntry.textKey`): what a localisation translates. */
  readonly textKey: string;
  readonly title: string;
  /** The table's explanation; for an unknown code, Seam's message when it has one. */
  readonly explanation: string;
  /** Seam's own message, when there was one. */
  readonly seamMessage: string | null;
  readonly action: GuidanceAction;
  readonly actionLabel: string;
}

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

function lookup(kind: IssueKind, code: string, scope: IssueScope | null): GuidanceEntry | null {
  if (scope !== null) {
    const exact = GUIDANCE[guidanceKey(scope, kind, code)];
    if (exact !== undefined) return exact;
    // Our own scopes never borrow Seam's texts: a request's `invalid_input` is not a device's.
    if (!SEAM_SCOPES.includes(scope)) return null;
  }
  // The same code often appears under several of Seam's scopes (device errors are copied onto
  // access codes): any of them explains it.
  for (const candidate of SEAM_SCOPES) {
    const entry = GUIDANCE[guidanceKey(candidate, kind, code)];
    if (entry !== undefined) return entry;
  }
  return null;
}

/**
 * Guidance for a Seam error or warning, or for an issue of a `CodeState`. Never fails: a code we
 * do not know gets the fallback entry, with Seam's message as its explanation.
 *
 * @example
 * const g = guidanceFor(accessCode.errors[0], { backupAvailable: accessCode.is_backup_access_code_available });
 * g.title; g.explanation; g.action; // 'pull_backup_code' when a backup exists, else 'check_connectivity'
 */
export function guidanceFor(
  issue: SeamErrorLike | SeamWarningLike | IssueLike,
  context: GuidanceContext = {},
): ResolvedGuidance {
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
  const entry = lookup(kind, code, scope);
  const base = entry ?? (kind === 'error' ? FALLBACK_ERROR : FALLBACK_WARNING);
  const noBackup = base.action === 'pull_backup_code' && context.backupAvailable !== true;
  const action = noBackup ? (base.fallbackAction ?? 'wait') : base.action;
  // Where no backup can be pulled, the text does not advise one either.
  const textKey = noBackup ? (WITHOUT_BACKUP[base.textKey] ?? base.textKey) : base.textKey;
  const [title, explanation] = TEXTS[textKey as GuidanceTextKey] ?? [base.title, base.explanation];
  return {
    key: base.key,
    scope: entry?.scope ?? scope,
    kind,
    code,
    known: entry !== null,
    textKey,
    title,
    explanation: entry === null && message !== null ? message : explanation,
    seamMessage: message,
    action,
    actionLabel: ACTION_LABELS[action],
  };
}
