/**
 * What each Seam error and warning means, and what helps, in one table of English text. A UI
 * localises it by `key` (stable across releases) and maps `action` to a button. Which code gets
 * which text and action is in `guidance-codes.ts`; this module adds the English words, so that
 * what needs no words (the lifecycle, a form) does not load them.
 */
import { ACTION_LABELS } from './action-labels.js';
import {
  GUIDANCE_REFS,
  actionsOf,
  matchGuidance,
  type GuidanceAction,
  type GuidanceContext,
  type GuidanceTextKey,
  type IssueKind,
  type IssueLike,
  type IssueScope,
  type SeamErrorLike,
  type SeamWarningLike,
} from './guidance-codes.js';

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
  ],
  // The same finding where no backup code can be pulled: no advice to give one.
  not_set_no_backup: [
    'Not on the lock yet',
    'Seam could not put this code on the lock and keeps retrying. Check that the lock is online and its keypad connected.',
  ],
  not_removed: [
    'Not removed from the lock',
    "Seam could not remove this code and keeps retrying. Check the lock maker's app: the code may already be gone.",
  ],
  changed_outside: [
    'Changed outside Seam',
    "Someone changed or removed this code in the lock's own app. Seam puts it back as it was; to change it, do it here.",
  ],
  changed_outside_allowed: [
    'Changed outside Seam',
    "Someone changed this code in the lock's own app. Changes made outside Seam are allowed for this code, so Seam keeps them.",
  ],
  duplicate_on_lock: [
    'PIN already on the lock',
    'The lock already holds a code with this PIN or name. Remove the other code, or give this one another PIN.',
  ],
  duplicate_pin: [
    'PIN already used',
    'Another code on this lock already has this PIN. Choose another PIN.',
  ],
  unmanaged_conflict: [
    'Conflicts with another code',
    'A code created outside Seam on this lock conflicts with this one. Delete the other code or convert it to a managed code.',
  ],
  lock_full: [
    'The lock is full',
    'Every code slot on the lock is taken. Delete codes that are no longer needed.',
  ],
  smartthings_conflict: [
    'SmartThings keeps failing',
    'Another app that manages the lock (such as RBoy Apps or Operto) is the usual cause. Turn it off and remove conflicting codes.',
  ],
  kwikset_unconfirmed: [
    'Kwikset has not confirmed it',
    'Kwikset has not confirmed the code, usually because the same PIN was set outside Seam. Choose another PIN.',
  ],
  kwikset_admin: [
    'Kwikset account lacks rights',
    'The connected Kwikset account must be a Home Admin. Have the admin change its role, then reconnect.',
  ],
  pin_rejected: [
    'PIN not accepted',
    'This lock does not accept this PIN or its length. Choose another PIN, of a length the lock supports.',
  ],
  slow_to_set: [
    'Slow to reach the lock',
    'The code has not reached the lock yet, usually because its connection is weak. Seam keeps trying; locking and unlocking from the app checks the connection.',
  ],
  slow_to_remove: [
    'Removal taking longer than usual',
    'Removing the code from the lock is taking unusually long, most often because of a weak connection. Seam keeps trying.',
  ],
  temporarily_offline: [
    'Lock offline for now',
    'The lock is offline for now. The code is set or removed when it is back; check its Wi-Fi bridge and batteries.',
  ],
  no_keypad: [
    'No keypad',
    'This lock has no keypad, so nobody can type a PIN. Install and pair an August keypad.',
  ],
  salto_limit: [
    'Salto user limit reached',
    'Each code uses a user of the Salto KS subscription, and the limit is reached. Remove codes or raise the subscription.',
  ],
  salto_almost: [
    'Salto users almost used up',
    'The Salto site is above 80 % of its user limit, and each code uses a user. Plan to raise the subscription.',
  ],
  duplicate_name: [
    'Name already used',
    'Another code on this lock has the same name. Give this code a name of its own.',
  ],
  oracode_time_range: [
    'Time window not available',
    'No time slot configured on this dormakaba Oracode lock matches the window. Choose a window that matches a configured slot.',
  ],
  codes_unsupported: [
    'Codes not supported',
    'The lock maker does not support access codes on this lock or locker. Contact support if you expected it to.',
  ],
  bridge_busy: [
    'Bridge busy',
    'The igloohome bridge has too many jobs queued. Seam retries; give it a few minutes.',
  ],
  provider_issue: [
    'Lock maker reported a problem',
    "The lock maker's service reported a problem. Seam keeps trying; if it lasts, contact support.",
  ],
  inactive: [
    'Code inactive',
    'The lock maker reports this code as inactive, so it will not open the door. Delete it and create it again.',
  ],
  inactive_for_now: [
    'Code inactive for now',
    'The lock maker reports this code as inactive for now, so it will not open the door yet.',
  ],
  insufficient_permissions: [
    'Not enough rights',
    'The connected account may not manage codes on this lock. Reconnect it with an account that has admin rights.',
  ],
  unconfirmed: [
    'Not confirmed on the lock',
    "Seam could not confirm whether the code is on the lock. Check the lock's connection.",
  ],
  replaced: [
    'Replaced by a newer code',
    'A newer code has replaced this one on the lock; use the newer one.',
  ],
  third_party: [
    'Another integration found',
    'Another integration also manages this lock and may change or remove codes. Turn it off if codes misbehave.',
  ],
  management_transferred: [
    'Managed elsewhere now',
    'Another Seam workspace has taken over this code; changes made here may not apply.',
  ],
  use_within_24_hours: [
    'Use within 24 hours',
    'This igloohome offline PIN must be entered for the first time within 24 hours of its start, or it stops working.',
  ],
  turned_off_in_app: [
    'Turned off in the Ultraloq app',
    'The code was turned off in the Ultraloq app. Turn it back on there.',
  ],
  rotating_pin: [
    'PIN changes on a schedule',
    'This lock changes the PIN periodically. Check the current PIN before you share it.',
  ],
  window_widened: [
    'Window widened by an hour',
    "The lock's time zone is unknown, so Seam added an hour around daylight-saving changes. Set the time zone for exact times.",
  ],
  backup_in_use: [
    'Backup code in use',
    'A backup code stands in for this code. Share the backup PIN with the guest.',
  ],
  being_deleted: ['Being deleted', 'This code is being deleted.'],
  unknown_code_issue: [
    'Unrecognised problem',
    'Seam noticed a problem with this code that it cannot classify. If it lasts, contact support.',
  ],
  dst_risk: [
    'Daylight-saving risk',
    "The Schlage lock's time zone is ambiguous, so the code may shift by an hour at a daylight-saving change. Set the time zone.",
  ],
  lock_offline: [
    'Lock offline',
    'The lock is offline, so codes can be neither set nor removed. Check its batteries or power and its Wi-Fi or hub.',
  ],
  lock_removed: [
    'Lock removed',
    "The lock was removed from the lock maker's account. Add it there again, then reconnect the account.",
  ],
  hub_offline: [
    'Hub offline',
    'The hub or bridge that links the lock is offline. Check its power and internet connection.',
  ],
  no_backup_codes: [
    'No backup codes left',
    'Every backup code of this lock is in use. Seam refills the pool when it can reach the lock.',
  ],
  no_bridge: [
    'No bridge',
    'This lock needs its bridge or gateway to receive codes remotely. Install and connect one.',
  ],
  no_gateway_paired: [
    'No gateway',
    'This TTLock lock is not paired to a gateway. Pair a TTLock gateway in the TTLock app.',
  ],
  subscription_required: [
    'Subscription required',
    "The lock maker requires a subscription for remote access. Activate it in the lock maker's app.",
  ],
  not_for_locks: [
    'Not about door codes',
    'A notice about another kind of device; it does not affect door codes.',
  ],
  site_disconnected: [
    'dormakaba site disconnected',
    'The dormakaba site is disconnected from Seam. Reconnect it.',
  ],
  backup_codes_low: [
    'Backup codes running low',
    'Seam is struggling to refill the backup codes, usually because of a weak connection or full code slots.',
  ],
  many_backup_codes: [
    'Many backup codes in use',
    'Several backup codes were pulled, a sign of trouble programming this lock. Check its connection.',
  ],
  poor_connection: [
    'Unstable connection',
    "The lock's connection is poor, so codes may be slow to arrive. Check its batteries, and move the hub or Wi-Fi closer.",
  ],
  unreliable_online_status: [
    'Online status unreliable',
    'The lock may be offline even when it shows online. Lock and unlock it from the app to check.',
  ],
  maintenance: [
    'Maintenance scheduled',
    'The lock maker has scheduled maintenance; codes may be slow to arrive meanwhile.',
  ],
  power_saving: [
    'Power-saving mode',
    'This TTLock lock is in power-saving mode and cannot be reached remotely. Turn the mode off in the TTLock app.',
  ],
  remote_unlock_off: [
    'Remote unlock turned off',
    'Turn on "Remote Unlock" for this lock in the TTLock app.',
  ],
  weak_gateway_signal: [
    'Weak gateway signal',
    "The TTLock gateway's signal to the lock is weak. Move the gateway closer to the lock.",
  ],
  office_mode: [
    'Office mode on',
    'While office mode is on, access codes do not unlock the door. Turn it off in the Salto app.',
  ],
  privacy_mode: [
    'Privacy mode on',
    'While privacy mode is on, access codes do not unlock the door. Turn it off on the lock or in its app.',
  ],
  time_zone_unknown: [
    'Time zone not set',
    "The lock's time zone is not set, so time-bound codes may start or end at the wrong hour. Set it, in the lock maker's app if need be.",
  ],
  time_bound_blocked: [
    'Time zone unknown',
    "Time-bound codes are blocked until the lock's time zone is set.",
  ],
  time_zone_mismatch: [
    'Time zone mismatch',
    "The lock's clock and its time zone on record disagree, so codes may start or end at the wrong hour.",
  ],
  hub_needed: [
    'Hub needed',
    'Without a hub or bridge this lock takes offline codes only. Connect a bridge to set online codes.',
  ],
  keypad_not_linked: [
    'Keypad not linked',
    'The keypad is not linked to the bridge, so online codes will fail. Link it in the igloohome app.',
  ],
  account_disconnected: [
    'Account disconnected',
    "The lock maker's account is disconnected from Seam, so Seam cannot check or change codes. Reconnect it.",
  ],
  seam_bridge_unreachable: [
    'Seam Bridge unreachable',
    "Seam cannot reach the Seam Bridge on the local network. Check the bridge's power and network.",
  ],
  account_issue: [
    'Account problem',
    "Seam noticed a problem with the lock maker's account. Reconnecting it usually helps.",
  ],
  reauthorization_requested: [
    'Sign-in needed',
    'The lock maker asks for the account to be authorised again. Reconnect it before it stops working.',
  ],
  account_being_deleted: [
    'Account being deleted',
    "The lock maker's account is being removed from Seam; its codes will no longer be managed.",
  ],
  setup_required: [
    'Setup needed',
    "The account needs a setup step in the lock maker's app before codes can be managed.",
  ],
  site_unapproved: ['Site not approved', 'The dormakaba site has not been approved for Seam yet.'],
  // Our requests, action attempts and connection.
  invalid_input: [
    'Details not accepted',
    'Seam did not accept some details of the code. Correct the fields shown and send it again.',
  ],
  session_expired: [
    'Session expired',
    'The session is no longer valid. Sign in again to continue.',
  ],
  rate_limited: [
    'Too many changes at once',
    'Seam limits how often codes on one lock can change. Try again in a minute.',
  ],
  device_not_found: [
    'Lock not found',
    'Seam does not know this lock, or this session may not see it. Check that the account is connected.',
  ],
  code_not_found: ['Code not found', 'Seam no longer has this code: it was already removed.'],
  no_answer: [
    'No answer from Seam',
    'The request may or may not have reached Seam. Check your internet connection; the code may already exist.',
  ],
  request_timeout: [
    'Seam took too long',
    'Seam did not answer in time; the request may still have gone through. Try again in a moment.',
  ],
  server_error: [
    'Seam had a problem',
    'Seam could not handle the request right now. Try again in a moment.',
  ],
  attempt_failed: [
    'Seam could not finish',
    'Seam could not finish the change on the lock. Check the code again shortly.',
  ],
  attempt_expired: [
    'The lock did not answer',
    'The lock did not answer in time. Check its connection.',
  ],
  status_offline: [
    'Offline',
    'We cannot reach Seam right now, so this status may be out of date. We keep checking.',
  ],
  status_slow: [
    'Seam is slow',
    'Seam is taking long to answer, so this status may be out of date. We keep checking.',
  ],
  status_session_expired: [
    'Session expired',
    'The session is no longer valid, so this status cannot be checked. Sign in again.',
  ],
  status_rate_limited: [
    'Checking more slowly',
    'Seam asked us to slow down, so updates may take a little longer.',
  ],
  status_server_error: [
    'Seam had a problem',
    'Seam could not answer right now, so this status may be out of date. We keep checking.',
  ],
  // For codes not in the table: the UI shows Seam's `message` with them.
  fallback_error: [
    'Problem reported',
    'Seam reported a problem this app does not know yet. Contact support if it lasts.',
  ],
  fallback_warning: ['Notice', 'Seam reported something this app does not know yet.'],
} as const satisfies Record<GuidanceTextKey, readonly [title: string, explanation: string]>;

/** Every distinct English text by text key, for localisers: each key is translated once. */
export const GUIDANCE_TEXTS: Readonly<Record<GuidanceTextKey, GuidanceText>> = Object.freeze(
  Object.fromEntries(
    Object.entries(TEXTS).map(([textKey, [title, explanation]]) => {
      const [action, fallbackAction] = actionsOf(textKey as GuidanceTextKey);
      const text: GuidanceText =
        fallbackAction === null
          ? [title, explanation, action]
          : [title, explanation, action, fallbackAction];
      return [textKey, text];
    }),
  ) as Record<GuidanceTextKey, GuidanceText>,
);

function buildTable(): Readonly<Record<string, GuidanceEntry>> {
  const table: Record<string, GuidanceEntry> = {};
  for (const [key, { scope, kind, code, textKey }] of Object.entries(GUIDANCE_REFS)) {
    const [title, explanation] = TEXTS[textKey];
    const [action, fallbackAction] = actionsOf(textKey);
    table[key] = Object.freeze({
      key,
      scope,
      kind,
      code,
      textKey,
      title,
      explanation,
      action,
      fallbackAction,
    });
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
  const match = matchGuidance(issue, context);
  const [title, explanation] = TEXTS[match.textKey];
  return {
    ...match,
    title,
    explanation: !match.known && match.seamMessage !== null ? match.seamMessage : explanation,
    actionLabel: ACTION_LABELS[match.action],
  };
}
