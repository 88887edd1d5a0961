import type {
  AccessCode,
  ActionAttempt,
  Device,
  UnmanagedAccessCode,
} from '@seamapi/types/connect';
import { describe, expect, it } from 'vitest';
import { describeCatalogue, SandboxInputError } from '../src/index.js';
import { createCode, minute, readCode, setup } from './support/api.js';

describe('control routes', () => {
  it('advance and read the clock, by duration or to a time, and change its speed', async () => {
    const { control } = setup();
    const advanced = await control('/_sandbox/clock/advance', { ms: 90_000 });
    expect(advanced.body).toMatchObject({ clock: { now: '2026-03-02T15:01:30.000Z' } });
    const to = await control('/_sandbox/clock/advance', { to: '2026-03-03T00:00:00Z' });
    expect(to.body).toMatchObject({ clock: { now: '2026-03-03T00:00:00.000Z' } });
    const both = await control('/_sandbox/clock/advance', { ms: 1, to: '2026-03-04T00:00:00Z' });
    expect(both.status).toBe(400);
    const speed = await control('/_sandbox/clock/set_speed', { speed: 120 });
    expect(speed.body).toMatchObject({ clock: { speed: 120 } });
    await control('/_sandbox/clock/set_speed', { speed: 0 });
  });

  it('report unknown ids and bad values as 400 with a message that says what to do', async () => {
    const { control, sandbox, devices } = setup();
    const unknown = await control('/_sandbox/devices/set_online', {
      device_id: '00000000-0000-4000-8000-000000000000',
      online: false,
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body['error'] as { message: string }).message).toMatch(/SANDBOX_CATALOGUE/);
    const keypad = await control('/_sandbox/devices/set_keypad', {
      device_id: devices.nuki,
      battery_level: 2,
    });
    expect(keypad.status).toBe(400);
    const builtIn = await control('/_sandbox/devices/set_keypad', {
      device_id: devices.schlage,
      connected: false,
    });
    expect(builtIn.status).toBe(400);
    expect((builtIn.body['error'] as { message: string }).message).toMatch(/no accessory keypad/);
    const behaviour = await control('/_sandbox/devices/configure', {
      device_id: devices.nuki,
      behaviour: { setLatency: 5 },
    });
    expect((behaviour.body['error'] as { message: string }).message).toMatch(/Known: setLatencyMs/);
    expect(() => sandbox.control.scriptCode('x', ['maybe' as never])).toThrow(SandboxInputError);
    expect(() => sandbox.control.failNextSet(devices.nuki, 0)).toThrow(/count/);
  });

  it('configure a device’s latency, then see it in the lifecycle', async () => {
    const { api, control, sandbox, devices } = setup();
    const configured = await control('/_sandbox/devices/configure', {
      device_id: devices.builtInKeypad,
      behaviour: { setLatencyMs: 60_000 },
    });
    expect(configured.body).toMatchObject({ behaviour: { setLatencyMs: 60_000 } });
    const created = await createCode(api, { device_id: devices.builtInKeypad, code: '4321' });
    sandbox.clock.advance(30_000);
    expect((await readCode(api, created.access_code.access_code_id))?.status).toBe('setting');
    sandbox.clock.advance(31_000);
    expect((await readCode(api, created.access_code.access_code_id))?.status).toBe('set');
  });

  it('delay_next_set makes one attempt slow enough for the delay warning', async () => {
    const { api, control, sandbox, devices } = setup();
    await control('/_sandbox/devices/delay_next_set', { device_id: devices.schlage });
    const created = await createCode(api, { device_id: devices.schlage, code: '24681' });
    sandbox.clock.advance(6 * minute);
    const code = await readCode(api, created.access_code.access_code_id);
    expect(code?.warnings.map((warning) => warning.warning_code)).toEqual([
      'delay_in_setting_on_device',
    ]);
    sandbox.clock.advance(10 * minute);
    expect((await readCode(api, created.access_code.access_code_id))?.status).toBe('set');
  });

  it('raise and clear device warnings, with their events', async () => {
    const { api, control, sandbox, devices } = setup();
    await control('/_sandbox/devices/set_warning', {
      device_id: devices.nuki,
      warning_code: 'third_party_integration_detected',
      present: true,
    });
    const device = (await api<{ device: Device }>('/devices/get', { device_id: devices.nuki })).body
      .device;
    expect(device.warnings.map((warning) => warning.warning_code)).toEqual([
      'third_party_integration_detected',
    ]);
    await control('/_sandbox/devices/set_warning', {
      device_id: devices.nuki,
      warning_code: 'third_party_integration_detected',
      present: false,
    });
    expect(sandbox.events().map((event) => event.event_type)).toEqual([
      'device.third_party_integration_detected',
      'device.third_party_integration_no_longer_detected',
    ]);
  });

  it('reset rebuilds the seeded world, optionally with another seed, keeping the clock', async () => {
    const { api, control, sandbox, devices } = setup();
    await createCode(api, { device_id: devices.builtInKeypad, code: '1212' });
    sandbox.clock.advance(minute);
    const reset = await control('/_sandbox/reset', {});
    expect(reset.status).toBe(200);
    const list = await api<{ access_codes: AccessCode[] }>('/access_codes/list', {
      device_id: devices.builtInKeypad,
    });
    expect(list.body.access_codes).toEqual([]);
    expect(sandbox.events()).toEqual([]);
    expect(sandbox.clock.now()).toBe(Date.parse('2026-03-02T15:01:00Z'));

    const reseeded = await control('/_sandbox/reset', { seed: 42 });
    expect(reseeded.body).toMatchObject({ catalogue: { seed: 42 } });
    // The old key belongs to seed 1; seed 42 has its own credentials and ids.
    expect((await api('/devices/list')).status).toBe(401);
    expect(sandbox.credentials.apiKey).toBe(describeCatalogue(42).credentials.apiKey);
    const state = await control('/_sandbox/state');
    expect(state.body).toMatchObject({ state: { seed: 42, version: 1 } });
  });
});

describe('Seam simulate routes', () => {
  it('keypad code entry unlocks with a set code (lock.unlocked names it) and denies others', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.builtInKeypad, code: '5823' });
    sandbox.clock.advance(10_000);
    const entry = await api<{ action_attempt: ActionAttempt }>(
      '/locks/simulate/keypad_code_entry',
      {
        device_id: devices.builtInKeypad,
        code: '5823',
      },
    );
    expect(entry.body.action_attempt).toMatchObject({ action_type: 'SIMULATE_KEYPAD_CODE_ENTRY' });
    expect(sandbox.events().at(-1)).toMatchObject({
      event_type: 'lock.unlocked',
      method: 'keycode',
      access_code_id: created.access_code.access_code_id,
      access_code_is_managed: true,
    });
    const unlocked = (
      await api<{ device: Device }>('/devices/get', { device_id: devices.builtInKeypad })
    ).body.device;
    expect(unlocked.properties.locked).toBe(false);
    // The seeded unmanaged "Owner" code opens the door too, flagged as unmanaged.
    expect(sandbox.control.enterCode(devices.builtInKeypad, '5550')).toBe(true);
    expect(sandbox.events().at(-1)).toMatchObject({ access_code_is_managed: false });
    expect(sandbox.control.enterCode(devices.builtInKeypad, '0000')).toBe(false);
    expect(sandbox.events().at(-1)?.event_type).toBe('lock.access_denied');
  });

  it('unmanaged codes: listed separately, created by the simulate route, never in the managed list', async () => {
    const { api, sandbox, devices } = setup();
    const seeded = await api<{ access_codes: UnmanagedAccessCode[] }>(
      '/access_codes/unmanaged/list',
      {
        device_id: devices.builtInKeypad,
      },
    );
    expect(seeded.body.access_codes.map((code) => code.name)).toEqual(['Owner', 'Cleaner']);
    const created = await api<{ access_code: UnmanagedAccessCode }>(
      '/access_codes/simulate/create_unmanaged_access_code',
      { device_id: devices.builtInKeypad, name: 'Plumber', code: '7351' },
    );
    expect(created.body.access_code).toMatchObject({
      is_managed: false,
      status: 'set',
      code: '7351',
    });
    const got = await api('/access_codes/unmanaged/get', {
      access_code_id: created.body.access_code.access_code_id,
    });
    expect(got.status).toBe(200);
    const managed = await api<{ access_codes: AccessCode[] }>('/access_codes/list', {
      device_id: devices.builtInKeypad,
    });
    expect(managed.body.access_codes).toEqual([]);
    expect(sandbox.events().at(-1)?.event_type).toBe('access_code.unmanaged.created');
  });

  it('an unmanaged code typed in before a pending code is set makes it fail as a duplicate', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.schlage, code: '73519' });
    const id = created.access_code.access_code_id;
    const unmanaged = sandbox.control.addUnmanagedCode(devices.schlage, {
      name: 'Neighbour',
      code: '73519',
    });
    sandbox.clock.advance(10_000);
    const code = await readCode(api, id);
    expect(code?.errors.map((error) => error.error_code)).toEqual(['duplicate_code_on_device']);
    sandbox.control.removeUnmanagedCode(unmanaged);
    sandbox.clock.advance(3 * minute);
    expect(await readCode(api, id)).toMatchObject({ status: 'set', errors: [] });
  });

  it('a lock that filled up behind Seam’s back fails the next code with no_space_for_access_code_on_device', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.nearlyFull, code: '2468' });
    const id = created.access_code.access_code_id;
    sandbox.control.addUnmanagedCode(devices.nearlyFull, { name: 'Installer', code: '9137' });
    sandbox.clock.advance(10_000);
    expect((await readCode(api, id))?.errors.map((error) => error.error_code)).toEqual([
      'no_space_for_access_code_on_device',
    ]);
    const events = sandbox.events().map((event) => event.event_type);
    expect(events).toContain('access_code.failed_to_set_on_device');
  });

  it('removes a device: device.removed, then 404', async () => {
    const { api, devices, sandbox } = setup();
    expect((await api('/devices/simulate/remove', { device_id: devices.slow })).status).toBe(200);
    expect((await api('/devices/get', { device_id: devices.slow })).status).toBe(404);
    expect(sandbox.events().at(-1)?.event_type).toBe('device.removed');
  });
});
