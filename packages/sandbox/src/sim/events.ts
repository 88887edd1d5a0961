/**
 * Builders for the events the simulation records, in Seam's shapes (spec §B9). Field order is
 * fixed here, so the same run serialises to the same bytes.
 */
import type { SeamEvent } from '@seamapi/types/connect';
import type { AccessCodeRecord, ConnectedAccountRecord, DeviceRecord } from '../state.js';
import type { World } from '../world.js';
import { deviceErrors, deviceWarnings } from './device-view.js';

/** The access-code event types the simulation emits. */
export type AccessCodeEventType = Extract<SeamEvent['event_type'], `access_code.${string}`>;

function common(world: World, event_type: string) {
  const at = world.isoNow();
  return {
    event_id: world.nextId('event'),
    event_type,
    workspace_id: '',
    created_at: at,
    occurred_at: at,
  };
}

/** Records an `access_code.*` event about a managed (or unmanaged) code. */
export function recordAccessCodeEvent(
  world: World,
  event_type: AccessCodeEventType,
  code: Pick<AccessCodeRecord, 'access_code_id' | 'device_id' | 'workspace_id'>,
  extra: Record<string, unknown> = {},
): void {
  const device = world.devices.get(code.device_id);
  const event = {
    ...common(world, event_type),
    workspace_id: code.workspace_id,
    access_code_id: code.access_code_id,
    device_id: code.device_id,
    connected_account_id: device?.connected_account_id ?? '',
    ...(issueEventTypes.has(event_type) ? issuesAt(world, code.access_code_id, device) : {}),
    ...extra,
  };
  world.record(event as unknown as SeamEvent);
}

/** Access-code events that carry the issues of the code, its device and its account. */
const issueEventTypes: ReadonlySet<string> = new Set([
  'access_code.delay_in_setting_on_device',
  'access_code.failed_to_set_on_device',
  'access_code.delay_in_removing_from_device',
  'access_code.failed_to_remove_from_device',
]);

type Issue = { error_code?: string; warning_code?: string; message: string; created_at?: string };

/** The six issue lists of an access-code issue event (@seamapi/types 1.977), as they are now. */
function issuesAt(
  world: World,
  accessCodeId: string,
  device: DeviceRecord | undefined,
): Record<string, unknown[]> {
  const now = world.isoNow();
  const error = (issue: Issue) => ({
    created_at: issue.created_at ?? now,
    message: issue.message,
    error_code: issue.error_code ?? '',
  });
  const warning = (issue: Issue) => ({
    created_at: issue.created_at ?? now,
    message: issue.message,
    warning_code: issue.warning_code ?? '',
  });
  const code = world.codes.get(accessCodeId);
  const inherited = device === undefined ? [] : deviceErrors(world, device);
  const fromAccount = (issue: object) =>
    (issue as { is_connected_account_error?: boolean }).is_connected_account_error === true;
  return {
    connected_account_errors: inherited.filter(fromAccount).map(error),
    connected_account_warnings: [],
    device_errors: inherited.filter((issue) => !fromAccount(issue)).map(error),
    device_warnings: device === undefined ? [] : deviceWarnings(world, device).map(warning),
    access_code_errors: (code?.errors ?? []).map(error),
    access_code_warnings: (code?.warnings ?? []).map(warning),
  };
}

/** Records a `device.*` or `lock.*` event. */
export function recordDeviceEvent(
  world: World,
  event_type: Extract<SeamEvent['event_type'], `device.${string}` | `lock.${string}`>,
  device: DeviceRecord,
  extra: Record<string, unknown> = {},
): void {
  const event = {
    ...common(world, event_type),
    workspace_id: device.workspace_id,
    device_id: device.device_id,
    connected_account_id: device.connected_account_id,
    ...extra,
  };
  world.record(event as unknown as SeamEvent);
}

/** Records a `connected_account.*` event. */
export function recordAccountEvent(
  world: World,
  event_type: Extract<SeamEvent['event_type'], `connected_account.${string}`>,
  account: ConnectedAccountRecord,
  extra: Record<string, unknown> = {},
): void {
  const event = {
    ...common(world, event_type),
    workspace_id: account.workspace_id,
    connected_account_id: account.connected_account_id,
    ...extra,
  };
  world.record(event as unknown as SeamEvent);
}
