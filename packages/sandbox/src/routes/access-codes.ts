/**
 * `/access_codes/*`: create, create_multiple, get, list, update, delete, generate_code,
 * pull_backup_access_code, the unmanaged routes and Seam's simulate route for unmanaged codes.
 * Every draft goes through core's `validateCodeDraft` before the world changes.
 */
import { invalidInput, notFound, SeamApiError } from '../http/errors.js';
import { route, type Route, type RouteContext } from '../http/router.js';
import { canSeeDevice } from '../http/auth.js';
import { generatePin, validateDraft } from '../rules.js';
import type { AccessCodeRecord, DeviceRecord } from '../state.js';
import { createAttempt } from '../sim/action-attempts.js';
import { renderAccessCode, renderUnmanagedCode } from '../sim/code-view.js';
import {
  addUnmanagedCode,
  createCode,
  deleteCode,
  providerAssignsPin,
  pullBackup,
  updateCode,
  type CreateCodeInput,
} from '../sim/codes.js';
import { takesOnlineCodes } from '../sim/device-view.js';
import {
  accountsOfUser,
  findCode,
  findDevice,
  paginate,
  rateLimit,
  throwIfInvalid,
} from './common.js';

const codeParam = { kind: 'string', minLength: 4, maxLength: 9, digits: true } as const;
const roundingParam = { kind: 'enum', values: ['1hour', '1day', '1h', '1d'] } as const;

/** The code's name, window and PIN, as create, create_multiple and update take them. */
const draftParams = {
  name: { kind: 'string' },
  starts_at: { kind: 'datetime' },
  ends_at: { kind: 'datetime' },
  code: codeParam,
} as const;

/** How the code is made and kept (read by `draftOf` too), as create and update take them. */
const codeOptionParams = {
  prefer_native_scheduling: { kind: 'boolean' },
  use_backup_access_code_pool: { kind: 'boolean' },
  allow_external_modification: { kind: 'boolean' },
  is_external_modification_allowed: { kind: 'boolean' },
  preferred_code_length: { kind: 'number', integer: true },
  use_offline_access_code: { kind: 'boolean' },
  is_offline_access_code: { kind: 'boolean' },
  is_one_time_use: { kind: 'boolean' },
  max_time_rounding: roundingParam,
} as const;

/** How `get` and `unmanaged/get` find one code: by its id, or by its lock and PIN. */
const lookupParams = {
  device_id: { kind: 'uuid' },
  access_code_id: { kind: 'uuid' },
  code: { kind: 'string' },
} as const;

/** The error of a `lookupParams` request that names neither the id nor both lock and PIN. */
function lookupIncomplete(): SeamApiError {
  return invalidInput({ access_code_id: ['Pass access_code_id, or both device_id and code.'] });
}

/** The draft core validates, from Seam's create or update parameters. */
function draftOf(params: Record<string, unknown>): Record<string, unknown> {
  // Prototype-less like the parameters, so an absent PIN or name is never read from a prototype.
  const draft = Object.create(null) as Record<string, unknown>;
  for (const key of [
    'name',
    'code',
    'starts_at',
    'ends_at',
    'preferred_code_length',
    'prefer_native_scheduling',
    'use_backup_access_code_pool',
    'is_one_time_use',
    'max_time_rounding',
  ]) {
    if (params[key] !== undefined) draft[key] = params[key];
  }
  const allow = params['allow_external_modification'] ?? params['is_external_modification_allowed'];
  if (allow !== undefined) draft['allow_external_modification'] = allow;
  const offline = params['is_offline_access_code'] ?? params['use_offline_access_code'];
  if (offline !== undefined) draft['is_offline_access_code'] = offline;
  return draft;
}

function inputOf(params: Record<string, unknown>): CreateCodeInput {
  const input = draftOf(params) as CreateCodeInput;
  if (params['common_code_key'] !== undefined) {
    input.common_code_key = params['common_code_key'] as string;
  }
  return input;
}

const readers = ['api_key', 'client_session'] as const;

function codesOn(context: RouteContext<unknown>, filter: (code: AccessCodeRecord) => boolean) {
  return [...context.world.codes.values()].filter((code) => {
    if (code.in_backup_pool || !filter(code)) return false;
    const device = context.world.devices.get(code.device_id);
    return device !== undefined && canSeeDevice(context.principal, device);
  });
}

function requireUpdatable(code: AccessCodeRecord, verb: 'updated' | 'deleted'): void {
  if (code.is_offline_access_code) {
    throw new SeamApiError(
      400,
      'cannot_modify_offline_access_code',
      `Offline access codes cannot be ${verb} through the API: the lock's manufacturer generated it and it lapses at its ends_at.`,
      { data: { access_code_id: code.access_code_id } },
    );
  }
}

/**
 * Finds a PIN every shareable device accepts. Candidates come from the most constrained lock
 * first (fewest lengths, most rules), in turn with the others: a PIN the pickiest lock accepts
 * is the likeliest to suit the rest.
 */
function sharedPinFor(
  context: RouteContext<unknown>,
  devices: DeviceRecord[],
  draft: Record<string, unknown>,
): string | null {
  if (devices.length === 0) return null;
  const strictness = (device: DeviceRecord) =>
    (device.base.properties.supported_code_lengths?.length ?? 10) * 100 -
    (device.base.properties.code_constraints?.length ?? 0);
  const ordered = [...devices].sort((a, b) => strictness(a) - strictness(b));
  const length = draft['preferred_code_length'];
  for (let attempt = 0; attempt < 96; attempt++) {
    const source = ordered[attempt % ordered.length]!;
    const pin = generatePin(context.world, source, typeof length === 'number' ? { length } : {});
    if (pin === null) continue;
    const acceptedByAll = ordered.every(
      (device) => validateDraft(context.world, device, { ...draft, code: pin }).ok,
    );
    if (acceptedByAll) return pin;
  }
  return null;
}

/** The access-code routes. */
export const accessCodeRoutes: Route[] = [
  route({
    path: '/access_codes/create',
    methods: ['POST'],
    auth: readers,
    params: {
      device_id: { kind: 'uuid', required: true },
      ...draftParams,
      sync: { kind: 'boolean' },
      attempt_for_offline_device: { kind: 'boolean' },
      common_code_key: { kind: 'string' },
      ...codeOptionParams,
    },
    handle: (context) => {
      const { world, params } = context;
      const device = findDevice(context, params.device_id);
      rateLimit(context, 'create', device);
      throwIfInvalid(validateDraft(world, device, draftOf(params)), device);
      const attempt = createAttempt(world, device, 'CREATE_ACCESS_CODE');
      const record = createCode(world, device, inputOf(params), attempt.action_attempt_id);
      return { action_attempt: attempt, access_code: renderAccessCode(world, record) };
    },
  }),
  route({
    path: '/access_codes/create_multiple',
    methods: ['POST', 'PUT'],
    auth: readers,
    params: {
      device_ids: { kind: 'string_array', uuid: true, required: true },
      behavior_when_code_cannot_be_shared: {
        kind: 'enum',
        values: ['throw', 'create_random_code'],
      },
      preferred_code_length: { kind: 'number', integer: true },
      ...draftParams,
      attempt_for_offline_device: { kind: 'boolean' },
      prefer_native_scheduling: { kind: 'boolean' },
      allow_external_modification: { kind: 'boolean' },
      is_external_modification_allowed: { kind: 'boolean' },
    },
    handle: (context) => {
      const { world, params } = context;
      if (params.device_ids.length === 0) {
        throw invalidInput({ device_ids: ['Pass at least one device id.'] });
      }
      const devices = [...new Set(params.device_ids)].map((id) => findDevice(context, id));
      for (const device of devices) rateLimit(context, 'create', device);
      const draft = draftOf(params);
      const throwOnUnshareable =
        (params.behavior_when_code_cannot_be_shared ?? 'throw') === 'throw';
      // Per device: the PIN it gets, and whether it shares the group's PIN.
      const pins = new Map<string, string | undefined>();
      let commonKey: string | null = null;
      if (params.code !== undefined) {
        // A caller-chosen PIN is not linked (spec §B5.2): no common_code_key.
        for (const device of devices) pins.set(device.device_id, params.code);
      } else {
        const shareable = devices.filter((device) => !providerAssignsPin(device));
        const shared = sharedPinFor(context, shareable, draft);
        const unshareable = devices.filter(
          (device) => shared === null || !shareable.includes(device),
        );
        if (unshareable.length > 0 && throwOnUnshareable) {
          throw new SeamApiError(
            400,
            'cannot_share_code',
            `No PIN fits every device: ${unshareable.map((device) => device.base.display_name).join(', ')} cannot share one with the others. Pass behavior_when_code_cannot_be_shared: "create_random_code" to give those their own PIN.`,
            { data: { device_ids: unshareable.map((device) => device.device_id) } },
          );
        }
        commonKey = world.nextId('common_code_key');
        for (const device of devices) {
          pins.set(
            device.device_id,
            unshareable.includes(device) ? undefined : (shared ?? undefined),
          );
        }
      }
      // All or nothing: check every device before creating any code.
      const problems: Record<string, string[]> = {};
      for (const device of devices) {
        const pin = pins.get(device.device_id);
        const validation = validateDraft(world, device, {
          ...draft,
          ...(pin === undefined ? {} : { code: pin }),
        });
        for (const issue of validation.errors) {
          const field = issue.field === 'device' ? 'device_ids' : issue.field;
          (problems[field] ??= []).push(
            `${device.base.display_name} (${device.device_id}): ${issue.message}`,
          );
        }
      }
      if (Object.keys(problems).length > 0) throw invalidInput(problems);
      const records = devices.map((device) => {
        const pin = pins.get(device.device_id);
        const input = inputOf(params);
        if (pin !== undefined) input.code = pin;
        else delete input.code;
        const record = createCode(world, device, input, null);
        record.common_code_key = pin !== undefined ? commonKey : null;
        return record;
      });
      return { access_codes: records.map((record) => renderAccessCode(world, record)) };
    },
  }),
  route({
    path: '/access_codes/get',
    methods: ['GET', 'POST'],
    auth: readers,
    params: lookupParams,
    handle: (context) => {
      const { access_code_id, device_id, code } = context.params;
      if (access_code_id !== undefined) {
        return { access_code: renderAccessCode(context.world, findCode(context, access_code_id)) };
      }
      if (device_id === undefined || code === undefined) {
        throw lookupIncomplete();
      }
      const device = findDevice(context, device_id);
      const match = codesOn(
        context,
        (candidate) => candidate.device_id === device.device_id && candidate.code === code,
      )[0];
      if (match === undefined) {
        throw notFound(
          'access_code_not_found',
          'No managed access code on this device has that PIN.',
          {
            device_id,
          },
        );
      }
      return { access_code: renderAccessCode(context.world, match) };
    },
  }),
  route({
    path: '/access_codes/list',
    methods: ['GET', 'POST'],
    auth: readers,
    params: {
      customer_key: { kind: 'string' },
      device_id: { kind: 'uuid' },
      access_code_ids: { kind: 'string_array', uuid: true },
      user_identifier_key: { kind: 'string' },
      limit: { kind: 'number', integer: true, min: 1 },
      page_cursor: { kind: 'string', nullable: true },
    },
    handle: (context) => {
      const { params } = context;
      if (params.device_id === undefined && params.access_code_ids === undefined) {
        throw invalidInput({ device_id: ['Pass device_id or access_code_ids.'] });
      }
      if (params.device_id !== undefined) findDevice(context, params.device_id);
      const ids = params.access_code_ids === undefined ? null : new Set(params.access_code_ids);
      const userAccounts = accountsOfUser(context, params.user_identifier_key);
      const codes = codesOn(context, (code) => {
        if (params.device_id !== undefined && code.device_id !== params.device_id) return false;
        if (ids !== null && !ids.has(code.access_code_id)) return false;
        if (userAccounts !== null) {
          const account = context.world.devices.get(code.device_id)?.connected_account_id;
          if (account === undefined || !userAccounts.has(account)) return false;
        }
        return true;
      });
      const { page, pagination } = paginate(codes, params, context.url, 55_000);
      return {
        access_codes: page.map((code) => renderAccessCode(context.world, code)),
        pagination,
      };
    },
  }),
  route({
    path: '/access_codes/update',
    methods: ['POST', 'PATCH', 'PUT'],
    auth: readers,
    params: {
      access_code_id: { kind: 'uuid', required: true },
      device_id: { kind: 'uuid' },
      ...draftParams,
      type: { kind: 'enum', values: ['ongoing', 'time_bound'] },
      is_managed: { kind: 'boolean' },
      sync: { kind: 'boolean' },
      attempt_for_offline_device: { kind: 'boolean' },
      ...codeOptionParams,
    },
    handle: (context) => {
      const { world, params } = context;
      const record = findCode(context, params.access_code_id);
      const device = findDevice(context, record.device_id);
      if (params.device_id !== undefined && params.device_id !== record.device_id) {
        throw invalidInput({
          device_id: [
            'An access code cannot move to another device. Delete it and create one on the other device.',
          ],
        });
      }
      requireUpdatable(record, 'updated');
      if (params.is_managed === false) {
        throw new SeamApiError(
          400,
          'not_supported',
          'The sandbox does not convert managed codes to unmanaged ones. Delete the code instead.',
        );
      }
      if (record.deleting || record.status === 'removing') {
        throw new SeamApiError(
          400,
          'access_code_not_updatable',
          'Only active or upcoming access codes can be updated; this one is being removed.',
          { data: { access_code_id: record.access_code_id } },
        );
      }
      if (params.is_offline_access_code === true || params.use_offline_access_code === true) {
        throw invalidInput({
          is_offline_access_code: ['An online access code cannot become an offline one.'],
        });
      }
      if (
        params.type === 'time_bound' &&
        record.type === 'ongoing' &&
        (params.starts_at === undefined || params.ends_at === undefined)
      ) {
        throw invalidInput({
          starts_at: ['To make an ongoing code time-bound, pass both starts_at and ends_at.'],
        });
      }
      rateLimit(context, 'update', device);
      const draft = draftOf(params);
      delete draft['is_offline_access_code'];
      if (params.type === 'ongoing') {
        delete draft['starts_at'];
        delete draft['ends_at'];
      } else if (params.starts_at !== undefined || params.ends_at !== undefined) {
        draft['starts_at'] = params.starts_at ?? record.starts_at;
        draft['ends_at'] = params.ends_at ?? record.ends_at;
      }
      if (params.name === record.name) delete draft['name'];
      throwIfInvalid(validateDraft(world, device, draft, record.access_code_id), device);
      const attempt = createAttempt(world, device, 'UPDATE_ACCESS_CODE');
      updateCode(world, device, record, params, attempt.action_attempt_id);
      return { action_attempt: attempt };
    },
  }),
  route({
    path: '/access_codes/delete',
    methods: ['DELETE', 'POST'],
    auth: readers,
    params: {
      device_id: { kind: 'uuid' },
      access_code_id: { kind: 'uuid', required: true },
      sync: { kind: 'boolean' },
    },
    handle: (context) => {
      const { world, params } = context;
      const record = findCode(context, params.access_code_id);
      if (params.device_id !== undefined && params.device_id !== record.device_id) {
        throw notFound(
          'access_code_not_found',
          `Access code ${params.access_code_id} is not on device ${params.device_id}.`,
          { access_code_id: params.access_code_id, device_id: params.device_id },
        );
      }
      requireUpdatable(record, 'deleted');
      const device = findDevice(context, record.device_id);
      rateLimit(context, 'delete', device);
      const attempt = createAttempt(world, device, 'DELETE_ACCESS_CODE');
      deleteCode(world, record, attempt.action_attempt_id);
      return { action_attempt: attempt };
    },
  }),
  route({
    path: '/access_codes/generate_code',
    methods: ['GET', 'POST'],
    auth: readers,
    params: { device_id: { kind: 'uuid', required: true } },
    handle: (context) => {
      const device = findDevice(context, context.params.device_id);
      if (!takesOnlineCodes(device) || providerAssignsPin(device)) {
        throw new SeamApiError(
          400,
          'cannot_generate_code',
          takesOnlineCodes(device)
            ? 'This lock chooses its own PINs (cannot_specify_pin_code): create the code without a PIN and read it once assigned.'
            : 'This device does not support access codes.',
          { data: { device_id: device.device_id } },
        );
      }
      const code = generatePin(context.world, device);
      if (code === null) {
        throw new SeamApiError(
          400,
          'cannot_generate_code',
          'No PIN satisfies this lock: it is full, or every PIN its rules allow is in use.',
          { data: { device_id: device.device_id } },
        );
      }
      return { generated_code: { device_id: device.device_id, code } };
    },
  }),
  route({
    path: '/access_codes/pull_backup_access_code',
    methods: ['POST'],
    auth: readers,
    params: { access_code_id: { kind: 'uuid', required: true } },
    handle: (context) => {
      const record = findCode(context, context.params.access_code_id);
      const backup = pullBackup(context.world, record);
      return {
        access_code: renderAccessCode(context.world, record),
        backup_access_code: renderAccessCode(context.world, backup),
      };
    },
  }),
  route({
    path: '/access_codes/unmanaged/list',
    methods: ['GET', 'POST'],
    auth: readers,
    params: {
      device_id: { kind: 'uuid', required: true },
      user_identifier_key: { kind: 'string' },
      limit: { kind: 'number', integer: true, min: 1 },
      page_cursor: { kind: 'string', nullable: true },
    },
    handle: (context) => {
      const device = findDevice(context, context.params.device_id);
      const userAccounts = accountsOfUser(context, context.params.user_identifier_key);
      const codes =
        userAccounts !== null && !userAccounts.has(device.connected_account_id)
          ? []
          : [...context.world.unmanaged.values()].filter(
              (code) => code.device_id === device.device_id,
            );
      const { page, pagination } = paginate(codes, context.params, context.url, 55_000);
      return {
        access_codes: page.map((code) => renderUnmanagedCode(context.world, code)),
        pagination,
      };
    },
  }),
  route({
    path: '/access_codes/unmanaged/get',
    methods: ['GET', 'POST'],
    auth: readers,
    params: lookupParams,
    handle: (context) => {
      const { access_code_id, device_id, code } = context.params;
      const match = [...context.world.unmanaged.values()].find((candidate) => {
        const device = context.world.devices.get(candidate.device_id);
        if (device === undefined || !canSeeDevice(context.principal, device)) return false;
        if (access_code_id !== undefined) return candidate.access_code_id === access_code_id;
        return candidate.device_id === device_id && candidate.code === code;
      });
      if (access_code_id === undefined && (device_id === undefined || code === undefined)) {
        throw lookupIncomplete();
      }
      if (match === undefined) {
        throw notFound('access_code_not_found', 'Unmanaged access code not found.', {
          access_code_id,
        });
      }
      return { access_code: renderUnmanagedCode(context.world, match) };
    },
  }),
  route({
    path: '/access_codes/simulate/create_unmanaged_access_code',
    methods: ['POST'],
    auth: readers,
    gate: 'simulate',
    params: {
      device_id: { kind: 'uuid', required: true },
      name: { kind: 'string', required: true },
      code: { kind: 'string', required: true, minLength: 4, maxLength: 9, digits: true },
    },
    handle: (context) => {
      const device = findDevice(context, context.params.device_id);
      if (!takesOnlineCodes(device)) {
        throw new SeamApiError(
          400,
          'device_does_not_support_access_codes',
          'This device has no keypad codes.',
          {
            data: { device_id: device.device_id },
          },
        );
      }
      const record = addUnmanagedCode(context.world, device, context.params);
      return { access_code: renderUnmanagedCode(context.world, record) };
    },
  }),
];
