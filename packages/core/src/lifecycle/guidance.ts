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
  /** A few words for a heading. */
  readonly title: string;
  /** One or two short sentences: what happened and what helps. */
  readonly explanation: string;
  /** The action that helps. */
  readonly action: GuidanceAction;
  /** The action to offer instead when `action` is impossible (e.g. no backup code available). */
  readonly fallbackAction: GuidanceAction | null;
}

function row(
  scope: IssueScope,
  kind: IssueKind,
  code: string,
  title: string,
  explanation: string,
  action: GuidanceAction,
  fallbackAction: GuidanceAction | null = null,
): GuidanceEntry {
  return {
    key: guidanceKey(scope, kind, code),
    scope,
    kind,
    code,
    title,
    explanation,
    action,
    fallbackAction,
  };
}

/** The stable key of a guidance entry. */
export function guidanceKey(scope: IssueScope, kind: IssueKind, code: string): string {
  return `${scope}.${kind}.${code}`;
}

// Texts repeated under several codes or scopes are written once.
const FULL_LOCK = 'Every code slot on the lock is taken. Delete codes that are no longer needed.';
const SALTO_LIMIT =
  'Each code uses a user of the Salto KS subscription, and the limit is reached. Remove codes or raise the subscription.';
const SALTO_ALMOST =
  'The Salto site is above 80 % of its user limit, and each code uses a user. Plan to raise the subscription.';
const EXTERNAL_ERROR =
  "Someone changed or removed this code in the lock's own app. Seam puts it back as it was; to change it, do it here.";
const EXTERNAL_ALLOWED =
  "Someone changed this code in the lock's own app. Changes made outside Seam are allowed for this code, so Seam keeps them.";
const THIRD_PARTY =
  'Another integration also manages this lock and may change or remove codes. Turn it off if codes misbehave.';
const SLOW_TO_REACH =
  'The code has not reached the lock yet, usually because its connection is weak. Seam keeps trying; locking and unlocking from the app checks the connection.';
const TEMP_OFFLINE =
  'The lock is offline for now. The code is set or removed when it is back; check its Wi-Fi bridge and batteries.';
const PROVIDER_ISSUE =
  "The lock maker's service reported a problem. Seam keeps trying; if it lasts, contact support.";
const NOT_FOR_LOCKS = 'A notice about another kind of device; it does not affect door codes.';
const TIME_ZONE =
  "The lock's time zone is not known, so time-bound codes may start or end at the wrong hour. Set it.";
const CANNOT_REACH_ACCOUNT =
  "The lock maker's account is disconnected from Seam, so Seam cannot check or change codes. Reconnect it.";
const MAINTENANCE =
  'The lock maker has scheduled maintenance; codes may be slow to arrive meanwhile.';

const ROWS: readonly GuidanceEntry[] = [
  // §B3: access-code errors (1.721.0), the troubleshooting doc's extra codes, and §B17's.
  row(
    'access_code',
    'error',
    'failed_to_set_on_device',
    'Not on the lock yet',
    'Seam could not put this code on the lock and keeps retrying. If the guest needs to get in soon, give them a backup code.',
    'pull_backup_code',
    'check_connectivity',
  ),
  row(
    'access_code',
    'error',
    'failed_to_remove_from_device',
    'Not removed from the lock',
    "Seam could not remove this code and keeps retrying. Check the lock maker's app: the code may already be gone.",
    'open_provider_app',
  ),
  row(
    'access_code',
    'error',
    'code_modified_external_to_seam',
    'Changed outside Seam',
    EXTERNAL_ERROR,
    'delete_and_recreate',
  ),
  row(
    'access_code',
    'error',
    'duplicate_code_on_device',
    'PIN already on the lock',
    'The lock already holds a code with this PIN or name. Remove the other code, or give this one another PIN.',
    'resolve_duplicate',
  ),
  row(
    'access_code',
    'error',
    'duplicate_code_attempt_prevented',
    'Change blocked: duplicate',
    'Seam stopped a change that would have put the same PIN twice on the lock. Choose another PIN.',
    'change_code',
  ),
  row(
    'access_code',
    'error',
    'no_space_for_access_code_on_device',
    'The lock is full',
    FULL_LOCK,
    'free_up_slots',
  ),
  row(
    'access_code',
    'error',
    'smartthings_failed_to_set_access_code',
    'SmartThings could not set it',
    "The SmartThings hub did not accept the code. Seam retries; if it keeps failing, check the hub and the lock's connection.",
    'check_connectivity',
  ),
  row(
    'access_code',
    'error',
    'smartthings_failed_to_set_after_multiple_retries',
    'SmartThings keeps failing',
    'Another app that manages the lock (such as RBoy Apps or Operto) is the usual cause. Turn it off and remove conflicting codes.',
    'disable_other_integrations',
  ),
  row(
    'access_code',
    'error',
    'smartthings_no_free_slots_available',
    'The lock is full',
    'No code slot is free; SmartThings also keeps 3 slots for itself. Delete codes that are no longer needed.',
    'free_up_slots',
  ),
  row(
    'access_code',
    'error',
    'kwikset_unable_to_confirm_code',
    'Kwikset did not confirm it',
    "Usually the same PIN was set outside Seam. Change this code's PIN here.",
    'change_code',
  ),
  row(
    'access_code',
    'error',
    'kwikset_unable_to_confirm_deletion',
    'Kwikset did not confirm the removal',
    'Check the code list in the Kwikset app over Bluetooth; if the code is already gone, contact support.',
    'open_provider_app',
  ),
  row(
    'access_code',
    'error',
    'kwikset_insufficient_permissions',
    'Kwikset account lacks rights',
    'The connected Kwikset account must be a Home Admin. Have the admin change its role, then reconnect.',
    'reconnect_account',
  ),
  row(
    'access_code',
    'error',
    'august_lock_invalid_code_length',
    'PIN length not accepted',
    'This lock does not accept a PIN of this length. Choose a PIN of a length it supports.',
    'change_code',
  ),
  row(
    'access_code',
    'error',
    'august_device_programming_delay',
    'Slow to reach the lock',
    SLOW_TO_REACH,
    'check_connectivity',
  ),
  row(
    'access_code',
    'error',
    'august_lock_temporarily_offline',
    'Lock offline for now',
    TEMP_OFFLINE,
    'check_connectivity',
  ),
  row(
    'access_code',
    'error',
    'august_lock_missing_keypad',
    'No keypad',
    'This lock has no keypad, so nobody can type a PIN. Install and pair an August keypad.',
    'connect_keypad',
  ),
  row(
    'access_code',
    'error',
    'salto_ks_user_not_subscribed',
    'Salto user limit reached',
    SALTO_LIMIT,
    'manage_subscription',
  ),
  row(
    'access_code',
    'error',
    'hubitat_device_programming_delay',
    'Slow to reach the lock',
    'The Hubitat hub has not put the code on the lock yet. Check the connection between hub and lock.',
    'check_connectivity',
  ),
  row(
    'access_code',
    'error',
    'hubitat_no_free_positions_available',
    'The lock is full',
    FULL_LOCK,
    'free_up_slots',
  ),
  row(
    'access_code',
    'error',
    'wyze_duplicate_code_name',
    'Name already used',
    'Another code on this Wyze lock has the same name. Give this code a name of its own.',
    'change_name',
  ),
  row(
    'access_code',
    'error',
    'wyze_potential_duplicate_code',
    'Possible duplicate PIN',
    'Wyze reports that this PIN may already be on the lock. Choose another PIN.',
    'change_code',
  ),
  row(
    'access_code',
    'error',
    'dormakaba_oracode_invalid_time_range',
    'Time window not available',
    'No time slot configured on this dormakaba Oracode lock matches the window. Choose a window that matches a configured slot.',
    'change_time_window',
  ),
  row(
    'access_code',
    'error',
    'keynest_unsupported_third_party_locker',
    'Locker not supported',
    'This KeyNest locker belongs to a third party that does not support access codes.',
    'contact_support',
  ),
  row(
    'access_code',
    'error',
    'conflicting_unmanaged_access_code_id',
    'Conflicts with another code',
    'A code created outside Seam on this lock conflicts with this one. Delete the other code or convert it to a managed code.',
    'resolve_duplicate',
  ),
  row(
    'access_code',
    'error',
    'august_device_slots_full',
    'The lock is full',
    FULL_LOCK,
    'free_up_slots',
  ),
  row(
    'access_code',
    'error',
    'august_lock_bad_access_code_format',
    'PIN not accepted',
    'This lock does not accept this PIN. Choose another PIN.',
    'change_code',
  ),
  row(
    'access_code',
    'error',
    'salto_site_user_not_subscribed',
    'Salto user limit reached',
    SALTO_LIMIT,
    'manage_subscription',
  ),
  row(
    'access_code',
    'error',
    'igloohome_bridge_too_many_pending_jobs',
    'Bridge busy',
    'The igloohome bridge has too many jobs queued. Seam retries; give it a few minutes.',
    'wait',
  ),
  row(
    'access_code',
    'error',
    'igloohome_bridge_offline',
    'Bridge offline',
    "The igloohome bridge is offline, so the code cannot reach the lock. Check the bridge's power and Wi-Fi.",
    'check_connectivity',
  ),
  row(
    'access_code',
    'error',
    'provider_issue',
    'Lock maker reported a problem',
    PROVIDER_ISSUE,
    'wait',
  ),
  row(
    'access_code',
    'error',
    'conflicting_external_modification',
    'Changed outside Seam',
    EXTERNAL_ERROR,
    'delete_and_recreate',
  ),
  row(
    'access_code',
    'error',
    'access_code_inactive',
    'Code inactive',
    'The lock maker reports this code as inactive, so it will not open the door. Delete it and create it again.',
    'delete_and_recreate',
  ),
  row(
    'access_code',
    'error',
    'insufficient_permissions',
    'Not enough rights',
    'The connected account may not manage codes on this lock. Reconnect it with an account that has admin rights.',
    'reconnect_account',
  ),
  row(
    'access_code',
    'error',
    'access_code_state_unconfirmed',
    'Not confirmed on the lock',
    "Seam could not confirm whether the code is on the lock. Check the lock's connection.",
    'check_connectivity',
  ),
  row(
    'access_code',
    'error',
    'replaced_by_newer_access_code',
    'Replaced by a newer code',
    'A newer code has replaced this one on the lock; use the newer one.',
    'none',
  ),

  // §B4: access-code warnings (1.721.0), and §B17's.
  row(
    'access_code',
    'warning',
    'delay_in_setting_on_device',
    'Taking longer than usual',
    'Putting the code on the lock is taking unusually long, most often because of a weak connection. Seam keeps trying.',
    'check_connectivity',
  ),
  row(
    'access_code',
    'warning',
    'delay_in_removing_from_device',
    'Removal taking longer than usual',
    'Removing the code from the lock is taking unusually long, most often because of a weak connection. Seam keeps trying.',
    'check_connectivity',
  ),
  row(
    'access_code',
    'warning',
    'code_modified_external_to_seam',
    'Changed outside Seam',
    EXTERNAL_ALLOWED,
    'none',
  ),
  row(
    'access_code',
    'warning',
    'third_party_integration_detected',
    'Another integration found',
    THIRD_PARTY,
    'disable_other_integrations',
  ),
  row(
    'access_code',
    'warning',
    'management_transferred',
    'Managed elsewhere now',
    'Another Seam workspace has taken over this code; changes made here may not apply.',
    'contact_support',
  ),
  row(
    'access_code',
    'warning',
    'igloo_algopin_must_be_used_within_24_hours',
    'Use within 24 hours',
    'This igloohome offline PIN must be entered for the first time within 24 hours of its start, or it stops working.',
    'none',
  ),
  row(
    'access_code',
    'warning',
    'schlage_detected_duplicate',
    'Duplicate PIN',
    'Schlage reports another code with the same PIN on this lock. Choose another PIN.',
    'change_code',
  ),
  row(
    'access_code',
    'warning',
    'schlage_creation_outage',
    'Schlage service problem',
    "Schlage's service returned an error while creating the code. Seam keeps trying.",
    'wait',
  ),
  row(
    'access_code',
    'warning',
    'smartthings_failed_to_set_access_code',
    'SmartThings had trouble',
    "SmartThings had trouble setting the code and is retrying. Check the hub's connection.",
    'check_connectivity',
  ),
  row(
    'access_code',
    'warning',
    'august_device_programming_delay',
    'Slow to reach the lock',
    SLOW_TO_REACH,
    'check_connectivity',
  ),
  row(
    'access_code',
    'warning',
    'august_lock_temporarily_offline',
    'Lock offline for now',
    TEMP_OFFLINE,
    'check_connectivity',
  ),
  row(
    'access_code',
    'warning',
    'kwikset_unable_to_confirm_code',
    'Kwikset has not confirmed it',
    'Kwikset has not confirmed the code yet, often because the same PIN was set outside Seam. If it lasts, choose another PIN.',
    'change_code',
  ),
  row(
    'access_code',
    'warning',
    'ultraloq_access_code_disabled',
    'Turned off in the Ultraloq app',
    'The code was turned off in the Ultraloq app. Turn it back on there.',
    'open_provider_app',
  ),
  row(
    'access_code',
    'warning',
    'code_rotates_periodically',
    'PIN changes on a schedule',
    'This lock changes the PIN periodically. Check the current PIN before you share it.',
    'none',
  ),
  row(
    'access_code',
    'warning',
    'time_frame_adjusted_for_unknown_time_zone',
    'Window widened by an hour',
    "The lock's time zone is unknown, so Seam added an hour around daylight-saving changes. Set the time zone for exact times.",
    'set_time_zone',
  ),
  row(
    'access_code',
    'warning',
    'external_modification_in_effect',
    'Changed outside Seam',
    EXTERNAL_ALLOWED,
    'none',
  ),
  row(
    'access_code',
    'warning',
    'using_backup_access_code',
    'Backup code in use',
    'A backup code stands in for this code. Share the backup PIN with the guest.',
    'none',
  ),
  row(
    'access_code',
    'warning',
    'being_deleted',
    'Being deleted',
    'This code is being deleted.',
    'wait',
  ),
  row(
    'access_code',
    'warning',
    'unknown_issue_with_access_code',
    'Unrecognised problem',
    'Seam noticed a problem with this code that it cannot classify. If it lasts, contact support.',
    'contact_support',
  ),
  row(
    'access_code',
    'warning',
    'provider_issue',
    'Lock maker reported a problem',
    PROVIDER_ISSUE,
    'wait',
  ),
  row(
    'access_code',
    'warning',
    'schlage_access_code_ambiguous_timezone_dst_risk',
    'Daylight-saving risk',
    "The Schlage lock's time zone is ambiguous, so the code may shift by an hour at a daylight-saving change. Set the time zone.",
    'set_time_zone',
  ),
  row(
    'access_code',
    'warning',
    'access_code_inactive',
    'Code inactive for now',
    'The lock maker reports this code as inactive for now, so it will not open the door yet.',
    'wait',
  ),

  // §B7: device errors (1.721.0), and §B17's.
  row(
    'device',
    'error',
    'device_offline',
    'Lock offline',
    'The lock is offline, so codes can be neither set nor removed. Check its batteries or power and its Wi-Fi or hub.',
    'check_connectivity',
  ),
  row(
    'device',
    'error',
    'device_removed',
    'Lock removed',
    "The lock was removed from the lock maker's account. Add it there again, then reconnect the account.",
    'reconnect_account',
  ),
  row(
    'device',
    'error',
    'hub_disconnected',
    'Hub offline',
    'The hub or bridge that links the lock is offline. Check its power and internet connection.',
    'check_connectivity',
  ),
  row(
    'device',
    'error',
    'device_disconnected',
    'Lock disconnected',
    'The lock lost its connection. Check its batteries and its link to the hub or Wi-Fi.',
    'check_connectivity',
  ),
  row(
    'device',
    'error',
    'salto_ks_subscription_limit_exceeded',
    'Salto user limit exceeded',
    SALTO_LIMIT,
    'manage_subscription',
  ),
  row(
    'device',
    'error',
    'empty_backup_access_code_pool',
    'No backup codes left',
    'Every backup code of this lock is in use. Seam refills the pool when it can reach the lock.',
    'check_connectivity',
  ),
  row(
    'device',
    'error',
    'august_lock_not_authorized',
    'Not authorised for this lock',
    'The August account is not authorised for this lock. Reconnect it with the owner or an admin.',
    'reconnect_account',
  ),
  row(
    'device',
    'error',
    'august_lock_missing_bridge',
    'No bridge',
    'This lock needs an August Connect bridge to receive codes remotely. Install and connect one.',
    'connect_bridge',
  ),
  row(
    'device',
    'error',
    'ttlock_lock_not_paired_to_gateway',
    'No gateway',
    'This TTLock lock is not paired to a gateway. Pair a TTLock gateway in the TTLock app.',
    'connect_bridge',
  ),
  row(
    'device',
    'error',
    'lockly_missing_wifi_bridge',
    'No Wi-Fi bridge',
    'This Lockly lock needs its Wi-Fi bridge to receive codes remotely. Connect one.',
    'connect_bridge',
  ),
  row(
    'device',
    'error',
    'missing_device_credentials',
    'Missing credentials',
    'Seam lacks the credentials it needs for this lock. Reconnect the account.',
    'reconnect_account',
  ),
  row(
    'device',
    'error',
    'subscription_required',
    'Subscription required',
    "The lock maker requires a subscription for remote access. Activate it in the lock maker's app.",
    'manage_subscription',
  ),
  row('device', 'error', 'auxiliary_heat_running', 'Auxiliary heat running', NOT_FOR_LOCKS, 'none'),
  row(
    'device',
    'error',
    'dormakaba_sites_disconnected',
    'dormakaba site disconnected',
    'The dormakaba site is disconnected from Seam. Reconnect it.',
    'reconnect_account',
  ),

  // §B7: device warnings (1.721.0), and §B17's.
  row(
    'device',
    'warning',
    'partial_backup_access_code_pool',
    'Backup codes running low',
    'Seam is struggling to refill the backup codes, usually because of a weak connection or full slots.',
    'check_connectivity',
  ),
  row(
    'device',
    'warning',
    'many_active_backup_codes',
    'Many backup codes in use',
    'Several backup codes were pulled, a sign of trouble programming this lock. Check its connection.',
    'check_connectivity',
  ),
  row(
    'device',
    'warning',
    'third_party_integration_detected',
    'Another integration found',
    THIRD_PARTY,
    'disable_other_integrations',
  ),
  row(
    'device',
    'warning',
    'device_communication_degraded',
    'Lock responding poorly',
    'The lock seems unresponsive, so codes may be slow to arrive. Check its batteries and connection.',
    'check_connectivity',
  ),
  row(
    'device',
    'warning',
    'device_has_flaky_connection',
    'Unstable connection',
    "The lock's connection comes and goes, so codes may be slow to arrive. Move the hub or Wi-Fi closer.",
    'check_connectivity',
  ),
  row(
    'device',
    'warning',
    'scheduled_maintenance_window',
    'Maintenance scheduled',
    MAINTENANCE,
    'wait',
  ),
  row(
    'device',
    'warning',
    'power_saving_mode',
    'Power-saving mode',
    'This TTLock lock is in power-saving mode and cannot be reached remotely. Turn the mode off in the TTLock app.',
    'open_provider_app',
  ),
  row(
    'device',
    'warning',
    'ttlock_lock_gateway_unlocking_not_enabled',
    'Remote unlock turned off',
    'Turn on "Remote Unlock" for this lock in the TTLock app.',
    'open_provider_app',
  ),
  row(
    'device',
    'warning',
    'ttlock_weak_gateway_signal',
    'Weak gateway signal',
    "The TTLock gateway's signal to the lock is weak. Move the gateway closer to the lock.",
    'check_connectivity',
  ),
  row(
    'device',
    'warning',
    'salto_ks_office_mode',
    'Office mode on',
    'While office mode is on, access codes do not unlock the door. Turn it off in the Salto app.',
    'open_provider_app',
  ),
  row(
    'device',
    'warning',
    'salto_ks_privacy_mode',
    'Privacy mode on',
    'While privacy mode is on, access codes do not unlock the door. Turn it off on the lock or in the Salto app.',
    'open_provider_app',
  ),
  row(
    'device',
    'warning',
    'salto_ks_subscription_limit_almost_reached',
    'Salto users almost used up',
    SALTO_ALMOST,
    'manage_subscription',
  ),
  row(
    'device',
    'warning',
    'wyze_device_missing_gateway',
    'No gateway',
    'This Wyze lock needs its gateway to receive codes. Connect it.',
    'connect_bridge',
  ),
  row(
    'device',
    'warning',
    'lockly_time_zone_not_configured',
    'Time zone not set',
    'Time-bound codes may start or end at the wrong hour. Set the time zone in the Lockly app.',
    'set_time_zone',
  ),
  row(
    'device',
    'warning',
    'ultraloq_time_zone_unknown',
    'Time zone unknown',
    "Time-bound codes are blocked until the lock's time zone is set.",
    'set_time_zone',
  ),
  row(
    'device',
    'warning',
    'hub_required_for_additional_capabilities',
    'Hub needed',
    'Without a hub or bridge this lock takes offline codes only. Connect a bridge to set online codes.',
    'connect_bridge',
  ),
  row(
    'device',
    'warning',
    'accessory_keypad_setup_required',
    'Keypad not linked',
    'The keypad is not linked to the bridge, so online codes will fail. Link it in the igloohome app.',
    'connect_keypad',
  ),
  row(
    'device',
    'warning',
    'keynest_unsupported_locker',
    'Locker not supported',
    'This KeyNest locker does not support access codes.',
    'contact_support',
  ),
  row(
    'device',
    'warning',
    'temperature_threshold_exceeded',
    'Temperature alert',
    NOT_FOR_LOCKS,
    'none',
  ),
  row('device', 'warning', 'unknown_issue_with_phone', 'Phone notice', NOT_FOR_LOCKS, 'none'),
  row(
    'device',
    'warning',
    'privacy_mode',
    'Privacy mode on',
    'While privacy mode is on, access codes do not unlock the door. Turn it off on the lock.',
    'open_provider_app',
  ),
  row(
    'device',
    'warning',
    'salto_ks_lock_access_code_support_removed',
    'Codes no longer supported',
    'Salto no longer supports access codes on this lock.',
    'contact_support',
  ),
  row('device', 'warning', 'time_zone_unknown', 'Time zone unknown', TIME_ZONE, 'set_time_zone'),
  row(
    'device',
    'warning',
    'time_zone_mismatch',
    'Time zone mismatch',
    "The lock's clock and its time zone on record disagree, so codes may start or end at the wrong hour.",
    'set_time_zone',
  ),
  row(
    'device',
    'warning',
    'two_n_device_missing_timezone',
    'Time zone not set',
    TIME_ZONE,
    'set_time_zone',
  ),
  row(
    'device',
    'warning',
    'provider_issue',
    'Lock maker reported a problem',
    PROVIDER_ISSUE,
    'wait',
  ),
  row(
    'device',
    'warning',
    'unreliable_online_status',
    'Online status unreliable',
    'The lock may be offline even when it shows online. Lock and unlock it from the app to check.',
    'check_connectivity',
  ),
  row(
    'device',
    'warning',
    'max_access_codes_reached',
    'The lock is full',
    FULL_LOCK,
    'free_up_slots',
  ),
  row(
    'device',
    'warning',
    'insufficient_permissions',
    'Not enough rights',
    'The connected account may not manage this lock fully. Reconnect it with an account that has admin rights.',
    'reconnect_account',
  ),

  // §B7: connected-account errors and warnings, and §B17's.
  row(
    'connected_account',
    'error',
    'account_disconnected',
    'Account disconnected',
    CANNOT_REACH_ACCOUNT,
    'reconnect_account',
  ),
  row(
    'connected_account',
    'error',
    'bridge_disconnected',
    'Seam Bridge unreachable',
    "Seam cannot reach the Seam Bridge on the local network. Check the bridge's power and network.",
    'check_connectivity',
  ),
  row(
    'connected_account',
    'error',
    'salto_ks_subscription_limit_exceeded',
    'Salto user limit exceeded',
    SALTO_LIMIT,
    'manage_subscription',
  ),
  row(
    'connected_account',
    'error',
    'dormakaba_sites_disconnected',
    'dormakaba site disconnected',
    'The dormakaba site is disconnected from Seam. Reconnect it.',
    'reconnect_account',
  ),
  row(
    'connected_account',
    'warning',
    'unknown_issue_with_connected_account',
    'Account problem',
    "Seam noticed a problem with the lock maker's account. Reconnecting it usually helps.",
    'reconnect_account',
  ),
  row(
    'connected_account',
    'warning',
    'scheduled_maintenance_window',
    'Maintenance scheduled',
    MAINTENANCE,
    'wait',
  ),
  row(
    'connected_account',
    'warning',
    'salto_ks_subscription_limit_almost_reached',
    'Salto users almost used up',
    SALTO_ALMOST,
    'manage_subscription',
  ),
  row(
    'connected_account',
    'warning',
    'account_reauthorization_requested',
    'Sign-in needed',
    'The lock maker asks for the account to be authorised again. Reconnect it before it stops working.',
    'reconnect_account',
  ),
  row(
    'connected_account',
    'warning',
    'being_deleted',
    'Account being deleted',
    "The lock maker's account is being removed from Seam; its codes will no longer be managed.",
    'none',
  ),
  row(
    'connected_account',
    'warning',
    'provider_service_unavailable',
    'Lock maker unavailable',
    "The lock maker's service is unavailable for now. Seam keeps trying.",
    'wait',
  ),
  row(
    'connected_account',
    'warning',
    'setup_required',
    'Setup needed',
    "The account needs a setup step in the lock maker's app before codes can be managed.",
    'open_provider_app',
  ),
  row(
    'connected_account',
    'warning',
    'dormakaba_sites_unapproved',
    'Site not approved',
    'The dormakaba site has not been approved for Seam yet.',
    'contact_support',
  ),

  // Our own requests (spec §B1 error types), Seam's action attempts (§B10) and our transport.
  row(
    'request',
    'error',
    'invalid_input',
    'Details not accepted',
    'Seam did not accept some details of the code. Correct the fields shown and send it again.',
    'fix_request',
  ),
  row(
    'request',
    'error',
    'unauthorized',
    'Session expired',
    'The session is no longer valid. Sign in again to continue.',
    'reauthenticate',
  ),
  row(
    'request',
    'error',
    'rate_limited',
    'Too many changes at once',
    'Seam limits how often codes on one lock can change. Try again in a minute.',
    'retry_later',
  ),
  row(
    'request',
    'error',
    'device_not_found',
    'Lock not found',
    'Seam does not know this lock, or this session may not see it. Check that the account is connected.',
    'reconnect_account',
  ),
  row(
    'request',
    'error',
    'access_code_not_found',
    'Code not found',
    'Seam no longer has this code: it was already removed.',
    'none',
  ),
  row(
    'request',
    'error',
    'duplicate_access_code',
    'PIN already used',
    'Another code on this lock already has this PIN. Choose another PIN.',
    'change_code',
  ),
  row(
    'request',
    'error',
    'network_error',
    'No answer from Seam',
    'The request may or may not have reached Seam. Check your internet connection; the code may already exist.',
    'retry_later',
  ),
  row(
    'request',
    'error',
    'timeout',
    'Seam took too long',
    'Seam did not answer in time; the request may still have gone through. Try again in a moment.',
    'retry_later',
  ),
  row(
    'request',
    'error',
    'server_error',
    'Seam had a problem',
    'Seam could not handle the request right now. Try again in a moment.',
    'retry_later',
  ),
  row(
    'action_attempt',
    'error',
    'uncategorized_error',
    'Seam could not finish',
    'Seam could not finish the change on the lock. Check the code again shortly.',
    'retry_later',
  ),
  row(
    'action_attempt',
    'error',
    'action_attempt_expired',
    'The lock did not answer',
    'The lock did not answer in time. Check its connection.',
    'check_connectivity',
  ),
  row(
    'transport',
    'error',
    'network_error',
    'Offline',
    'We cannot reach Seam right now, so this status may be out of date. We keep checking.',
    'wait',
  ),
  row(
    'transport',
    'error',
    'timeout',
    'Seam is slow',
    'Seam is taking long to answer, so this status may be out of date. We keep checking.',
    'wait',
  ),
  row(
    'transport',
    'error',
    'unauthorized',
    'Session expired',
    'The session is no longer valid, so this status cannot be checked. Sign in again.',
    'reauthenticate',
  ),
  row(
    'transport',
    'error',
    'rate_limited',
    'Checking more slowly',
    'Seam asked us to slow down, so updates may take a little longer.',
    'wait',
  ),
  row(
    'transport',
    'error',
    'server_error',
    'Seam had a problem',
    'Seam could not answer right now, so this status may be out of date. We keep checking.',
    'wait',
  ),
];

/** The fallbacks for codes not in the table: the UI shows Seam's `message` with them. */
const FALLBACK_ERROR: GuidanceEntry = {
  key: 'fallback.error',
  scope: null,
  kind: 'error',
  code: '*',
  title: 'Problem reported',
  explanation: 'Seam reported a problem this app does not know yet. Contact support if it lasts.',
  action: 'contact_support',
  fallbackAction: null,
};
const FALLBACK_WARNING: GuidanceEntry = {
  key: 'fallback.warning',
  scope: null,
  kind: 'warning',
  code: '*',
  title: 'Notice',
  explanation: 'Seam reported something this app does not know yet.',
  action: 'none',
  fallbackAction: null,
};

function buildTable(): Readonly<Record<string, GuidanceEntry>> {
  const table: Record<string, GuidanceEntry> = {};
  for (const entry of [...ROWS, FALLBACK_ERROR, FALLBACK_WARNING]) {
    if (table[entry.key] !== undefined) {
      throw new Error(`GUIDANCE: duplicate key ${entry.key}`);
    }
    table[entry.key] = Object.freeze(entry);
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
  const action =
    base.action === 'pull_backup_code' && context.backupAvailable !== true
      ? (base.fallbackAction ?? 'wait')
      : base.action;
  return {
    key: base.key,
    scope: entry?.scope ?? scope,
    kind,
    code,
    known: entry !== null,
    title: base.title,
    explanation: entry === null && message !== null ? message : base.explanation,
    seamMessage: message,
    action,
    actionLabel: ACTION_LABELS[action],
  };
}
