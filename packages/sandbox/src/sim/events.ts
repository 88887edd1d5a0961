/**
 * Builders for the events the simulation records, in Seam's shapes (spec §B9). Field order is
 * fixed here, so the same run serialises to the same bytes.
 */
import type { SeamEvent } from '@seamapi/types/connect';
import type { AccessCodeRecord, ConnectedAccountRecord, DeviceRecord } from '../state.js';
import type { World } from '../world.js';

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
    ...extra,
  };
  world.record(event as unknown as SeamEvent);
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
