/**
 * `/devices/*` and `/locks/*`, plus Seam's sandbox-only simulate routes for devices.
 */
import { canSeeDevice } from '../http/auth.js';
import { invalidInput, notFound, SeamApiError } from '../http/errors.js';
import { route, type Route, type RouteContext } from '../http/router.js';
import type { DeviceRecord } from '../state.js';
import {
  createAttempt,
  resolveAttemptError,
  resolveAttemptSuccess,
} from '../sim/action-attempts.js';
import { enterCode, removeDevice, setDeviceOnline } from '../sim/device-control.js';
import { deviceReachable, isLock, renderDevice } from '../sim/device-view.js';
import { recordDeviceEvent } from '../sim/events.js';
import { messages } from '../sim/messages.js';
import { accountsOfUser, findDevice, paginate } from './common.js';

const listParams = {
  connected_account_id: { kind: 'uuid' },
  connected_account_ids: { kind: 'string_array', uuid: true },
  device_type: { kind: 'string' },
  device_types: { kind: 'string_array' },
  manufacturer: { kind: 'string' },
  device_ids: { kind: 'string_array', uuid: true },
  limit: { kind: 'number', integer: true, min: 1 },
  created_before: { kind: 'datetime' },
  user_identifier_key: { kind: 'string' },
  custom_metadata_has: { kind: 'record' },
  page_cursor: { kind: 'string', nullable: true },
  search: { kind: 'string' },
} as const;

type ListParams = {
  connected_account_id?: string;
  connected_account_ids?: string[];
  device_type?: string;
  device_types?: string[];
  manufacturer?: string;
  device_ids?: string[];
  limit?: number;
  created_before?: string;
  user_identifier_key?: string;
  custom_metadata_has?: Record<string, unknown>;
  page_cursor?: string;
  search?: string;
};

function listDevices(context: RouteContext<ListParams>, locksOnly: boolean): DeviceRecord[] {
  const { params, world } = context;
  const userAccounts = accountsOfUser(context, params.user_identifier_key);
  const search = params.search?.toLocaleLowerCase('en-US');
  return [...world.devices.values()].filter((device) => {
    if (!canSeeDevice(context.principal, device)) return false;
    if (locksOnly && !isLock(device)) return false;
    const account = device.connected_account_id;
    if (params.connected_account_id !== undefined && account !== params.connected_account_id) {
      return false;
    }
    if (
      params.connected_account_ids !== undefined &&
      !params.connected_account_ids.includes(account)
    ) {
      return false;
    }
    if (userAccounts !== null && !userAccounts.has(account)) return false;
    if (params.device_type !== undefined && device.base.device_type !== params.device_type) {
      return false;
    }
    if (
      params.device_types !== undefined &&
      !params.device_types.includes(device.base.device_type)
    ) {
      return false;
    }
    if (
      params.manufacturer !== undefined &&
      device.base.properties.manufacturer !== params.manufacturer
    ) {
      return false;
    }
    if (params.device_ids !== undefined && !params.device_ids.includes(device.device_id)) {
      return false;
    }
    if (
      params.created_before !== undefined &&
      Date.parse(device.base.created_at) >= Date.parse(params.created_before)
    ) {
      return false;
    }
    if (params.custom_metadata_has !== undefined) {
      const metadata = device.base.custom_metadata as Record<string, unknown>;
      for (const [key, value] of Object.entries(params.custom_metadata_has)) {
        if (metadata[key] !== value) return false;
      }
    }
    if (search !== undefined) {
      const haystack = [device.device_id, device.base.display_name, device.base.properties.name]
        .join(' ')
        .toLocaleLowerCase('en-US');
      if (!haystack.includes(search)) return false;
    }
    return true;
  });
}

function getDevice(
  context: RouteContext<{ device_id?: string; name?: string }>,
  locksOnly: boolean,
): DeviceRecord {
  const { device_id, name } = context.params;
  if (device_id === undefined && name === undefined) {
    throw invalidInput({ device_id: ['Pass device_id (or name).'] });
  }
  let device: DeviceRecord | undefined;
  if (device_id !== undefined) device = findDevice(context, device_id);
  else {
    device = [...context.world.devices.values()].find(
      (candidate) =>
        canSeeDevice(context.principal, candidate) && candidate.base.display_name === name,
    );
    if (device === undefined) {
      throw notFound('device_not_found', `No device is named ${JSON.stringify(name)}.`);
    }
  }
  if (locksOnly && !isLock(device)) {
    throw notFound('device_not_found', `Device ${device.device_id} is not a lock.`, {
      device_id: device.device_id,
    });
  }
  return device;
}

const readers = ['api_key', 'client_session'] as const;

/**
 * `/locks/unlock_door` and `/locks/lock_door`: an action attempt answered `pending`, as Seam
 * does, which the lock resolves at once: `success` with the lock state changed and a
 * `lock.unlocked` / `lock.locked` event (method `remote`), or `error` when the lock or its
 * account cannot be reached.
 */
function lockAction(path: '/locks/unlock_door' | '/locks/lock_door'): Route {
  const unlock = path === '/locks/unlock_door';
  return route({
    path,
    methods: ['POST'],
    auth: readers,
    params: { device_id: { kind: 'uuid', required: true } },
    handle: (context) => {
      const { world } = context;
      const device = getDevice(context, true);
      const attempt = createAttempt(world, device, unlock ? 'UNLOCK_DOOR' : 'LOCK_DOOR');
      if (!deviceReachable(world, device)) {
        resolveAttemptError(world, attempt.action_attempt_id, {
          type: 'device_offline',
          message: messages.lockUnreachable,
        });
        return { action_attempt: attempt };
      }
      device.locked = !unlock;
      recordDeviceEvent(world, unlock ? 'lock.unlocked' : 'lock.locked', device, {
        action_attempt_id: attempt.action_attempt_id,
        method: 'remote',
      });
      resolveAttemptSuccess(world, attempt.action_attempt_id, { was_confirmed_by_device: true });
      return { action_attempt: attempt };
    },
  });
}

/** The device and lock routes. */
export const deviceRoutes: Route[] = [
  route({
    path: '/devices/get',
    methods: ['GET', 'POST'],
    auth: readers,
    params: { device_id: { kind: 'uuid' }, name: { kind: 'string' } },
    handle: (context) => ({ device: renderDevice(context.world, getDevice(context, false)) }),
  }),
  route({
    path: '/devices/list',
    methods: ['GET', 'POST'],
    auth: readers,
    params: listParams,
    handle: (context) => {
      const devices = listDevices(context, false);
      const { page, pagination } = paginate(devices, context.params, context.url, 500);
      return {
        devices: page.map((device) => renderDevice(context.world, device)),
        pagination,
      };
    },
  }),
  route({
    path: '/locks/get',
    methods: ['GET', 'POST'],
    auth: readers,
    params: { device_id: { kind: 'uuid' }, name: { kind: 'string' } },
    handle: (context) => {
      const device = renderDevice(context.world, getDevice(context, true));
      return { lock: device, device };
    },
  }),
  route({
    path: '/locks/list',
    methods: ['GET', 'POST'],
    auth: readers,
    params: listParams,
    handle: (context) => {
      const locks = listDevices(context, true)
        .slice(0, context.params.limit ?? Number.POSITIVE_INFINITY)
        .map((device) => renderDevice(context.world, device));
      return { locks, devices: locks };
    },
  }),
  route({
    path: '/devices/simulate/connect',
    methods: ['POST'],
    auth: ['api_key'],
    gate: 'simulate',
    params: { device_id: { kind: 'uuid', required: true } },
    handle: (context) => {
      setDeviceOnline(context.world, findDevice(context, context.params.device_id), true);
      return {};
    },
  }),
  route({
    path: '/devices/simulate/disconnect',
    methods: ['POST'],
    auth: ['api_key'],
    gate: 'simulate',
    params: { device_id: { kind: 'uuid', required: true } },
    handle: (context) => {
      setDeviceOnline(context.world, findDevice(context, context.params.device_id), false);
      return {};
    },
  }),
  route({
    path: '/devices/simulate/remove',
    methods: ['POST'],
    auth: ['api_key'],
    gate: 'simulate',
    params: { device_id: { kind: 'uuid', required: true } },
    handle: (context) => {
      removeDevice(context.world, findDevice(context, context.params.device_id));
      return {};
    },
  }),
  lockAction('/locks/unlock_door'),
  lockAction('/locks/lock_door'),
  route({
    path: '/devices/update',
    methods: ['POST', 'PATCH'],
    auth: ['api_key'],
    params: {
      device_id: { kind: 'uuid', required: true },
      name: { kind: 'string', nullable: true, maxLength: 255 },
      properties: { kind: 'record' },
      custom_metadata: { kind: 'record' },
      is_managed: { kind: 'boolean' },
    },
    handle: (context) => {
      const { params, world } = context;
      const device = findDevice(context, params.device_id);
      if (params.is_managed === false) {
        throw new SeamApiError(
          400,
          'not_supported',
          'The sandbox keeps every device managed; is_managed: false is not supported.',
        );
      }
      // `name`, or the older `properties.name`; an empty name gives back the provider's name.
      const nested = params.properties?.['name'];
      const given = params.name ?? (typeof nested === 'string' ? nested : undefined);
      if (given !== undefined) {
        const name = given.trim() === '' ? device.base.properties.name : given;
        if (typeof name === 'string' && name !== device.base.display_name) {
          device.base.display_name = name;
          recordDeviceEvent(world, 'device.name_changed', device, { device_name: name });
        }
      }
      if (params.custom_metadata !== undefined) {
        const metadata = { ...(device.base.custom_metadata as Record<string, unknown>) };
        for (const [key, value] of Object.entries(params.custom_metadata)) {
          if (value === null) delete metadata[key];
          else if (['string', 'boolean', 'number'].includes(typeof value)) metadata[key] = value;
          else {
            throw invalidInput({
              [`custom_metadata.${key}`]: ['Values must be strings, numbers, booleans or null.'],
            });
          }
        }
        device.base.custom_metadata = metadata as typeof device.base.custom_metadata;
      }
      return {};
    },
  }),
  route({
    path: '/locks/simulate/keypad_code_entry',
    methods: ['POST'],
    auth: ['api_key'],
    gate: 'simulate',
    params: {
      device_id: { kind: 'uuid', required: true },
      code: { kind: 'string', required: true },
    },
    handle: (context) => {
      const device = findDevice(context, context.params.device_id);
      const attempt = createAttempt(context.world, device, 'SIMULATE_KEYPAD_CODE_ENTRY');
      enterCode(context.world, device, context.params.code);
      resolveAttemptSuccess(context.world, attempt.action_attempt_id, {});
      return { action_attempt: attempt };
    },
  }),
];
