/**
 * `/_sandbox/*`: the control API over HTTP (clock, faults, scripts, reset, state). Served only
 * when the sandbox runs with control enabled, and only with `Authorization: Bearer <control
 * token>`. Seam has no such routes; nothing here is needed to use the Seam API itself.
 */
import { describeCatalogue } from '../catalogue.js';
import { assertOutcomes } from '../control.js';
import { invalidInput } from '../http/errors.js';
import { route, type Route } from '../http/router.js';
import type { ReadFault, ReadFaultOptions } from '../read-faults.js';
import type { DeviceBehaviour } from '../state.js';

/** A read fault as the control routes show it (snake case, times as ISO strings). */
function faultView(fault: ReadFault) {
  return {
    fault_id: fault.id,
    routes: fault.routes,
    status: fault.status,
    retry_after_s: fault.retryAfterS,
    remaining: fault.remaining,
    until: fault.untilMs === null ? null : new Date(fault.untilMs).toISOString(),
  };
}

function clockView(now: number, speed: number) {
  return { now: new Date(now).toISOString(), now_ms: now, speed };
}

/** The control routes. */
export const controlRoutes: Route[] = [
  route({
    path: '/_sandbox/catalogue',
    methods: ['GET', 'POST'],
    auth: 'control',
    params: {},
    handle: (context) => ({ catalogue: describeCatalogue(context.world.seed) }),
  }),
  route({
    path: '/_sandbox/state',
    methods: ['GET', 'POST'],
    auth: 'control',
    params: {},
    handle: (context) => ({ state: context.world.snapshot() }),
  }),
  route({
    path: '/_sandbox/clock/get',
    methods: ['GET', 'POST'],
    auth: 'control',
    params: {},
    handle: ({ world }) => ({ clock: clockView(world.now(), world.clock.speed) }),
  }),
  route({
    path: '/_sandbox/clock/advance',
    methods: ['POST'],
    auth: 'control',
    params: { ms: { kind: 'number', min: 0 }, to: { kind: 'datetime' } },
    handle: ({ world, params }) => {
      if ((params.ms === undefined) === (params.to === undefined)) {
        throw invalidInput({
          ms: ['Pass exactly one of ms (milliseconds) or to (an ISO 8601 time).'],
        });
      }
      if (params.ms !== undefined) world.clock.advance(params.ms);
      else world.clock.advanceTo(params.to!);
      return { clock: clockView(world.now(), world.clock.speed) };
    },
  }),
  route({
    path: '/_sandbox/clock/set_speed',
    methods: ['POST'],
    auth: 'control',
    params: { speed: { kind: 'number', min: 0, required: true } },
    handle: ({ world, params }) => {
      world.clock.setSpeed(params.speed);
      return { clock: clockView(world.now(), world.clock.speed) };
    },
  }),
  route({
    path: '/_sandbox/devices/set_online',
    methods: ['POST'],
    auth: 'control',
    params: {
      device_id: { kind: 'uuid', required: true },
      online: { kind: 'boolean', required: true },
    },
    handle: ({ services, params }) => {
      services.control.setDeviceOnline(params.device_id, params.online);
      return {};
    },
  }),
  route({
    path: '/_sandbox/devices/set_keypad',
    methods: ['POST'],
    auth: 'control',
    params: {
      device_id: { kind: 'uuid', required: true },
      connected: { kind: 'boolean' },
      battery_level: { kind: 'number', min: 0, max: 1 },
    },
    handle: ({ services, params }) => {
      if (params.connected === undefined && params.battery_level === undefined) {
        throw invalidInput({ connected: ['Pass connected, battery_level, or both.'] });
      }
      if (params.connected !== undefined) {
        services.control.setKeypadConnected(params.device_id, params.connected);
      }
      if (params.battery_level !== undefined) {
        services.control.setKeypadBattery(params.device_id, params.battery_level);
      }
      return {};
    },
  }),
  route({
    path: '/_sandbox/devices/set_warning',
    methods: ['POST'],
    auth: 'control',
    params: {
      device_id: { kind: 'uuid', required: true },
      warning_code: { kind: 'string', required: true },
      present: { kind: 'boolean', required: true },
    },
    handle: ({ services, params }) => {
      services.control.setDeviceWarning(
        params.device_id,
        params.warning_code as Parameters<typeof services.control.setDeviceWarning>[1],
        params.present,
      );
      return {};
    },
  }),
  route({
    path: '/_sandbox/devices/configure',
    methods: ['POST'],
    auth: 'control',
    params: {
      device_id: { kind: 'uuid', required: true },
      behaviour: { kind: 'record', required: true },
    },
    handle: ({ services, params }) => ({
      behaviour: services.control.configureDevice(
        params.device_id,
        params.behaviour as Partial<DeviceBehaviour>,
      ),
    }),
  }),
  ...(['fail_next_set', 'delay_next_set', 'fail_next_remove'] as const).map((name) =>
    route({
      path: `/_sandbox/devices/${name}`,
      methods: ['POST'],
      auth: 'control',
      params: {
        device_id: { kind: 'uuid', required: true },
        count: { kind: 'number', integer: true, min: 1, max: 1000 },
      },
      handle: ({ services, params }) => {
        const control = services.control;
        const count = params.count ?? 1;
        if (name === 'fail_next_set') control.failNextSet(params.device_id, count);
        else if (name === 'delay_next_set') control.delayNextSet(params.device_id, count);
        else control.failNextRemove(params.device_id, count);
        return {};
      },
    }),
  ),
  route({
    path: '/_sandbox/devices/enter_code',
    methods: ['POST'],
    auth: 'control',
    params: {
      device_id: { kind: 'uuid', required: true },
      code: { kind: 'string', required: true },
    },
    handle: ({ services, params }) => ({
      unlocked: services.control.enterCode(params.device_id, params.code),
    }),
  }),
  route({
    path: '/_sandbox/connected_accounts/set_connected',
    methods: ['POST'],
    auth: 'control',
    params: {
      connected_account_id: { kind: 'uuid', required: true },
      connected: { kind: 'boolean', required: true },
    },
    handle: ({ services, params }) => {
      services.control.setAccountConnected(params.connected_account_id, params.connected);
      return {};
    },
  }),
  route({
    path: '/_sandbox/access_codes/script',
    methods: ['POST'],
    auth: 'control',
    params: {
      access_code_id: { kind: 'uuid', required: true },
      outcomes: { kind: 'string_array', required: true },
    },
    handle: ({ services, params }) => {
      services.control.scriptCode(
        params.access_code_id,
        assertOutcomes(params.outcomes, 'outcomes'),
      );
      return {};
    },
  }),
  route({
    path: '/_sandbox/access_codes/modify_externally',
    methods: ['POST'],
    auth: 'control',
    params: {
      access_code_id: { kind: 'uuid', required: true },
      change: { kind: 'enum', values: ['modified', 'removed'], required: true },
      code: { kind: 'string', digits: true, minLength: 4, maxLength: 9 },
    },
    handle: ({ services, params }) => {
      services.control.modifyCodeExternally(params.access_code_id, {
        change: params.change,
        ...(params.code === undefined ? {} : { code: params.code }),
      });
      return {};
    },
  }),
  route({
    path: '/_sandbox/access_codes/add_unmanaged',
    methods: ['POST'],
    auth: 'control',
    params: {
      device_id: { kind: 'uuid', required: true },
      name: { kind: 'string', required: true },
      code: { kind: 'string', required: true, digits: true, minLength: 4, maxLength: 9 },
    },
    handle: ({ services, params }) => ({
      access_code_id: services.control.addUnmanagedCode(params.device_id, params),
    }),
  }),
  route({
    path: '/_sandbox/reads/fault',
    methods: ['POST'],
    auth: 'control',
    params: {
      routes: { kind: 'string_array', required: true },
      status: { kind: 'number', integer: true, required: true },
      retry_after_s: { kind: 'number', integer: true },
      count: { kind: 'number', integer: true },
      until: { kind: 'datetime' },
    },
    handle: ({ services, params }) => {
      const options: ReadFaultOptions = {
        routes: params.routes as ReadFaultOptions['routes'],
        status: params.status as ReadFaultOptions['status'],
        ...(params.retry_after_s === undefined ? {} : { retryAfterS: params.retry_after_s }),
        ...(params.count === undefined ? {} : { count: params.count }),
        ...(params.until === undefined ? {} : { untilMs: Date.parse(params.until) }),
      };
      return { fault: faultView(services.control.faultReads(options)) };
    },
  }),
  route({
    path: '/_sandbox/reads/faults',
    methods: ['GET', 'POST'],
    auth: 'control',
    params: {},
    handle: ({ services }) => ({ faults: services.control.readFaults().map(faultView) }),
  }),
  route({
    path: '/_sandbox/reads/clear',
    methods: ['POST'],
    auth: 'control',
    params: { routes: { kind: 'string_array' } },
    handle: ({ services, params }) => ({
      cleared: services.control.clearReadFaults(params.routes),
    }),
  }),
  route({
    path: '/_sandbox/webhooks/deliveries',
    methods: ['GET', 'POST'],
    auth: 'control',
    params: {},
    handle: ({ world }) => ({ deliveries: structuredClone([...world.deliveries.values()]) }),
  }),
  route({
    path: '/_sandbox/reset',
    methods: ['POST'],
    auth: 'control',
    params: { seed: { kind: 'number', integer: true, min: 0, max: 2_147_483_647 } },
    handle: ({ services, params }) => {
      services.reset(params.seed);
      return { catalogue: describeCatalogue(services.world.seed) };
    },
  }),
];
