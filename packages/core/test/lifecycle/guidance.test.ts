import { describe, expect, it } from 'vitest';
import { schemas } from '@seamapi/types/connect';
import {
  ACTION_LABELS,
  GUIDANCE,
  guidanceFor,
  guidanceKey,
  type GuidanceAction,
  type IssueKind,
  type IssueScope,
} from '../../src/lifecycle/index.js';
import { GUIDANCE_TEXTS } from '../../src/lifecycle/guidance.js';

/**
 * The codes of spec /work/shared/spec/seam-access-codes.md, copied from its tables by hand so
 * that this test fails when the table misses one: §B3 (with the troubleshooting doc's extra codes
 * and the igloohome guide's), §B4, §B7, and §B17 (1.977.0 and the docs at 1.918).
 */
const SPEC: Record<'access_code' | 'device' | 'connected_account', Record<IssueKind, string[]>> = {
  access_code: {
    error: [
      // §B3 table (1.721.0)
      'failed_to_set_on_device',
      'failed_to_remove_from_device',
      'code_modified_external_to_seam',
      'duplicate_code_on_device',
      'duplicate_code_attempt_prevented',
      'no_space_for_access_code_on_device',
      'smartthings_failed_to_set_access_code',
      'smartthings_failed_to_set_after_multiple_retries',
      'smartthings_no_free_slots_available',
      'kwikset_unable_to_confirm_code',
      'kwikset_unable_to_confirm_deletion',
      'kwikset_insufficient_permissions',
      'august_lock_invalid_code_length',
      'august_device_programming_delay',
      'august_lock_temporarily_offline',
      'august_lock_missing_keypad',
      'salto_ks_user_not_subscribed',
      'hubitat_device_programming_delay',
      'hubitat_no_free_positions_available',
      'wyze_duplicate_code_name',
      'wyze_potential_duplicate_code',
      'dormakaba_oracode_invalid_time_range',
      'keynest_unsupported_third_party_locker',
      // §B3: named by the troubleshooting doc and the igloohome guide, absent from the types
      'conflicting_unmanaged_access_code_id',
      'august_device_slots_full',
      'august_lock_bad_access_code_format',
      'salto_site_user_not_subscribed',
      'igloohome_bridge_too_many_pending_jobs',
      'igloohome_bridge_offline',
      // §B17: 1.977.0 and the docs at 1.918
      'provider_issue',
      'conflicting_external_modification',
      'access_code_inactive',
      'insufficient_permissions',
      'access_code_state_unconfirmed',
      'replaced_by_newer_access_code',
    ],
    warning: [
      // §B4 (1.721.0)
      'delay_in_setting_on_device',
      'delay_in_removing_from_device',
      'code_modified_external_to_seam',
      'third_party_integration_detected',
      'management_transferred',
      'igloo_algopin_must_be_used_within_24_hours',
      'schlage_detected_duplicate',
      'schlage_creation_outage',
      'smartthings_failed_to_set_access_code',
      'august_device_programming_delay',
      'august_lock_temporarily_offline',
      'kwikset_unable_to_confirm_code',
      'ultraloq_access_code_disabled',
      // §B17
      'code_rotates_periodically',
      'time_frame_adjusted_for_unknown_time_zone',
      'external_modification_in_effect',
      'using_backup_access_code',
      'being_deleted',
      'unknown_issue_with_access_code',
      'provider_issue',
      'schlage_access_code_ambiguous_timezone_dst_risk',
      'access_code_inactive',
    ],
  },
  device: {
    error: [
      // §B7 (account_disconnected is a connected-account error, below)
      'device_offline',
      'device_removed',
      'hub_disconnected',
      'device_disconnected',
      'salto_ks_subscription_limit_exceeded',
      'empty_backup_access_code_pool',
      'august_lock_not_authorized',
      'august_lock_missing_bridge',
      'ttlock_lock_not_paired_to_gateway',
      'lockly_missing_wifi_bridge',
      'missing_device_credentials',
      'subscription_required',
      'auxiliary_heat_running',
      // §B17
      'dormakaba_sites_disconnected',
    ],
    warning: [
      'partial_backup_access_code_pool',
      'many_active_backup_codes',
      'third_party_integration_detected',
      'device_communication_degraded',
      'device_has_flaky_connection',
      'scheduled_maintenance_window',
      'power_saving_mode',
      'ttlock_lock_gateway_unlocking_not_enabled',
      'ttlock_weak_gateway_signal',
      'salto_ks_office_mode',
      'salto_ks_privacy_mode',
      'salto_ks_subscription_limit_almost_reached',
      'wyze_device_missing_gateway',
      'lockly_time_zone_not_configured',
      'ultraloq_time_zone_unknown',
      'hub_required_for_additional_capabilities',
      'accessory_keypad_setup_required',
      'keynest_unsupported_locker',
      'temperature_threshold_exceeded',
      'unknown_issue_with_phone',
      // §B17
      'privacy_mode',
      'salto_ks_lock_access_code_support_removed',
      'time_zone_unknown',
      'time_zone_mismatch',
      'two_n_device_missing_timezone',
      'provider_issue',
      'unreliable_online_status',
      'max_access_codes_reached',
      'insufficient_permissions',
    ],
  },
  connected_account: {
    error: [
      'account_disconnected',
      'bridge_disconnected',
      'salto_ks_subscription_limit_exceeded',
      // §B17
      'dormakaba_sites_disconnected',
    ],
    warning: [
      'unknown_issue_with_connected_account',
      'scheduled_maintenance_window',
      'salto_ks_subscription_limit_almost_reached',
      'account_reauthorization_requested',
      // §B17
      'being_deleted',
      'provider_service_unavailable',
      'setup_required',
      'dormakaba_sites_unapproved',
    ],
  },
};

const SPEC_ROWS = Object.entries(SPEC).flatMap(([scope, kinds]) =>
  Object.entries(kinds).flatMap(([kind, codes]) =>
    codes.map((code) => [scope as IssueScope, kind as IssueKind, code] as const),
  ),
);

const ACTIONS = Object.keys(ACTION_LABELS) as GuidanceAction[];

describe('GUIDANCE', () => {
  it.each(SPEC_ROWS)('has an entry for %s %s %s', (scope, kind, code) => {
    const entry = GUIDANCE[guidanceKey(scope, kind, code)];
    expect(entry, `${scope}.${kind}.${code}`).toBeDefined();
    expect(entry?.title.length).toBeGreaterThan(2);
    expect(entry?.explanation.length).toBeGreaterThan(20);
    // Short: a sentence or two, as a status line shows it.
    expect(entry?.explanation.length).toBeLessThanOrEqual(200);
    expect(ACTIONS).toContain(entry?.action);
  });

  it('covers every error and warning code of the installed (1.977.0) access_code schema', () => {
    const errorCodes = schemas.access_code.shape.errors.element.options.map(
      (option) => option.shape.error_code.value,
    );
    const warningCodes = schemas.access_code.shape.warnings.element.options.map(
      (option) => option.shape.warning_code.value,
    );
    // 1.977 folded the provider-specific codes: 8 of the code's own plus the device's.
    expect(errorCodes.length).toBeGreaterThan(15);
    expect(errorCodes).toContain('provider_issue');
    expect(warningCodes).toContain('time_frame_adjusted_for_unknown_time_zone');
    for (const code of errorCodes) {
      expect(guidanceFor({ error_code: code }).known, code).toBe(true);
    }
    for (const code of warningCodes) {
      expect(guidanceFor({ warning_code: code }).known, code).toBe(true);
    }
  });

  it('keys every entry by its scope, kind and code, once', () => {
    for (const [key, entry] of Object.entries(GUIDANCE)) {
      expect(entry.key).toBe(key);
      if (entry.scope !== null) expect(key).toBe(guidanceKey(entry.scope, entry.kind, entry.code));
    }
    expect(GUIDANCE['fallback.error']?.action).toBe('contact_support');
    expect(GUIDANCE['fallback.warning']?.action).toBe('none');
  });

  it('shares one text among codes that mean the same, and has no text without a code', () => {
    const used = new Set(Object.values(GUIDANCE).map((entry) => entry.textKey));
    // The no-backup variant is reached through guidanceFor, not the table.
    used.add('not_set_no_backup');
    expect([...used].sort()).toEqual(Object.keys(GUIDANCE_TEXTS).sort());
    for (const entry of Object.values(GUIDANCE)) {
      const [title, explanation, action] =
        GUIDANCE_TEXTS[entry.textKey as keyof typeof GUIDANCE_TEXTS];
      expect(entry).toMatchObject({ title, explanation, action });
    }
    const full = ['no_space_for_access_code_on_device', 'august_device_slots_full'].map(
      (code) => GUIDANCE[guidanceKey('access_code', 'error', code)]?.textKey,
    );
    expect(full).toEqual(['lock_full', 'lock_full']);
    // Where the advice differs, the provider keeps its own text.
    expect(GUIDANCE['access_code.error.kwikset_insufficient_permissions']?.explanation).toMatch(
      /Admin/,
    );
  });

  it('is frozen, so no caller can rewrite the texts', () => {
    expect(Object.isFrozen(GUIDANCE)).toBe(true);
    expect(Object.isFrozen(GUIDANCE['access_code.error.failed_to_set_on_device'])).toBe(true);
  });

  it('labels every action but none', () => {
    for (const action of ACTIONS) {
      expect(ACTION_LABELS[action] === '').toBe(action === 'none');
    }
  });
});

describe('guidanceFor', () => {
  it('explains a known access-code error with the table text and keeps Seam’s message', () => {
    const guidance = guidanceFor({
      error_code: 'no_space_for_access_code_on_device',
      message: 'No free slot on Front Door',
      is_access_code_error: true,
    });
    expect(guidance).toMatchObject({
      key: 'access_code.error.no_space_for_access_code_on_device',
      known: true,
      action: 'free_up_slots',
      actionLabel: 'Free up code slots',
      textKey: 'lock_full',
      seamMessage: 'No free slot on Front Door',
    });
    expect(guidance.explanation).toMatch(/slot/);
  });

  it('offers a backup code only when one is available', () => {
    const error = { error_code: 'failed_to_set_on_device', is_access_code_error: true };
    expect(guidanceFor(error, { backupAvailable: true }).action).toBe('pull_backup_code');
    expect(guidanceFor(error, { backupAvailable: false }).action).toBe('check_connectivity');
    expect(guidanceFor(error).action).toBe('check_connectivity');
  });

  it('falls back for codes it does not know, with Seam’s message as the explanation', () => {
    const error = guidanceFor({ error_code: 'lock_on_fire', message: 'The lock reports a fire.' });
    expect(error).toMatchObject({
      key: 'fallback.error',
      textKey: 'fallback_error',
      code: 'lock_on_fire',
      known: false,
      explanation: 'The lock reports a fire.',
      action: 'contact_support',
    });
    const warning = guidanceFor({ warning_code: 'moon_phase', message: '' });
    expect(warning).toMatchObject({ key: 'fallback.warning', known: false, action: 'none' });
    expect(warning.explanation).toBe(GUIDANCE['fallback.warning']?.explanation);
    expect(warning.seamMessage).toBeNull();
  });

  it('tells scopes apart by the error’s flags, and warnings by the given scope', () => {
    expect(
      guidanceFor({ error_code: 'account_disconnected', is_connected_account_error: true }).key,
    ).toBe('connected_account.error.account_disconnected');
    expect(guidanceFor({ error_code: 'device_offline', is_device_error: true }).key).toBe(
      'device.error.device_offline',
    );
    expect(guidanceFor({ warning_code: 'being_deleted' }).key).toBe(
      'access_code.warning.being_deleted',
    );
    expect(guidanceFor({ warning_code: 'being_deleted' }, { scope: 'connected_account' }).key).toBe(
      'connected_account.warning.being_deleted',
    );
    // Without flags, Seam's scopes are tried in turn.
    expect(guidanceFor({ error_code: 'hub_disconnected' }).key).toBe(
      'device.error.hub_disconnected',
    );
  });

  it('never lends Seam’s texts to our own requests', () => {
    expect(guidanceFor({ kind: 'error', code: 'invalid_input', scope: 'request' }).key).toBe(
      'request.error.invalid_input',
    );
    expect(
      guidanceFor({ kind: 'error', code: 'failed_to_set_on_device', scope: 'request' }).key,
    ).toBe('fallback.error');
  });
});

describe('issue 8, item 6: a backup code is advised only where one can be pulled', () => {
  const failed = { error_code: 'failed_to_set_on_device', message: 'no' };
  it('with a backup available: "Use a backup code", and the text says so', () => {
    const g = guidanceFor(failed, { backupAvailable: true });
    expect(g.action).toBe('pull_backup_code');
    expect(g.explanation).toMatch(/backup code/);
  });
  it('without one: neither the action nor the text advises a backup code', () => {
    const g = guidanceFor(failed, { backupAvailable: false });
    expect(g.action).toBe('check_connectivity');
    expect(g.explanation).not.toMatch(/backup/i);
    expect(g.textKey).toBe('not_set_no_backup');
  });
});
