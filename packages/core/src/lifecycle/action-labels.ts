import type { GuidanceAction } from './guidance-codes.js';

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
