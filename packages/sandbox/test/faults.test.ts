import type { AccessCode, ActionAttempt, Device } from '@seamapi/types/connect';
import { describe, expect, it } from 'vitest';
import { createCode, eventTypesOf, minute, readCode, setup } from './support/api.js';

const codes = (code: AccessCode | null) => ({
  errors: code?.errors.map((error) => error.error_code),
  warnings: code?.warnings.map((warning) => warning.warning_code),
});

describe('an offline lock', () => {
  it('keeps new codes in setting with a delay warning, and sets them when it reconnects', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.offline, code: '5151' });
    const id = created.access_code.access_code_id;
    expect(created.access_code.errors.map((error) => error.error_code)).toEqual(['device_offline']);
    sandbox.clock.advance(minute);
    expect((await readCode(api, id))?.status).toBe('setting');
    sandbox.clock.advance(5 * minute);
    const delayed = await readCode(api, id);
    expect(codes(delayed)).toEqual({
      errors: ['device_offline'],
      warnings: ['delay_in_setting_on_device'],
    });
    // Seam's own simulate route brings the lock back.
    expect((await api('/devices/simulate/connect', { device_id: devices.offline })).status).toBe(
      200,
    );
    expect((await readCode(api, id))?.status).toBe('setting');
    sandbox.clock.advance(4_000);
    const set = await readCode(api, id);
    expect(set?.status).toBe('set');
    expect(codes(set)).toEqual({ errors: [], warnings: [] });
    expect(eventTypesOf(sandbox, id)).toEqual([
      'access_code.created',
      'access_code.delay_in_setting_on_device',
      'access_code.set_on_device',
    ]);
    const deviceEvents = sandbox
      .events()
      .filter((event) => event.event_type.startsWith('device.'))
      .map((event) => event.event_type);
    expect(deviceEvents).toEqual(['device.connected']);
  });

  it('emits device.disconnected with error_code when a lock goes offline', async () => {
    const { api, sandbox, devices } = setup();
    await api('/devices/simulate/disconnect', { device_id: devices.nuki });
    const device = (await api<{ device: Device }>('/devices/get', { device_id: devices.nuki })).body
      .device;
    expect(device.properties.online).toBe(false);
    expect(sandbox.events().at(-1)).toMatchObject({
      event_type: 'device.disconnected',
      error_code: 'device_disconnected',
      device_id: devices.nuki,
    });
  });
});

describe('failures', () => {
  it('failing lock: failed_to_set_on_device error and one event, attempt errors, Seam keeps retrying', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.failing, code: '2019' });
    const id = created.access_code.access_code_id;
    sandbox.clock.advance(10 * 1000);
    const failed = await readCode(api, id);
    expect(failed?.status).toBe('setting');
    expect(failed?.errors).toEqual([
      expect.objectContaining({
        error_code: 'failed_to_set_on_device',
        is_access_code_error: true,
      }),
    ]);
    const attempt = await api<{ action_attempt: ActionAttempt }>('/action_attempts/get', {
      action_attempt_id: created.action_attempt.action_attempt_id,
    });
    expect(attempt.body.action_attempt).toMatchObject({
      status: 'error',
      result: null,
      error: { type: 'failed_to_set_on_device' },
    });
    // Retries keep failing without a new event each time.
    sandbox.clock.advance(30 * minute);
    expect(eventTypesOf(sandbox, id)).toEqual([
      'access_code.created',
      'access_code.failed_to_set_on_device',
      'access_code.delay_in_setting_on_device',
    ]);
    // Fix the lock: the next retry succeeds and clears the error and the warning.
    sandbox.control.configureDevice(devices.failing, { setFailureProbability: 0 });
    sandbox.clock.advance(3 * minute);
    const set = await readCode(api, id);
    expect(set?.status).toBe('set');
    expect(codes(set)).toEqual({ errors: [], warnings: [] });
  });

  it('fail_next_set scripts one failure on a healthy lock; the retry sets the code', async () => {
    const { api, control, sandbox, devices } = setup();
    await control('/_sandbox/devices/fail_next_set', { device_id: devices.builtInKeypad });
    const created = await createCode(api, { device_id: devices.builtInKeypad, code: '7007' });
    const id = created.access_code.access_code_id;
    sandbox.clock.advance(5_000);
    expect(codes(await readCode(api, id)).errors).toEqual(['failed_to_set_on_device']);
    sandbox.clock.advance(2 * minute + 4_000);
    expect(await readCode(api, id)).toMatchObject({ status: 'set', errors: [] });
  });

  it('a per-code script decides that code only', async () => {
    const { api, sandbox, devices } = setup();
    const scripted = await createCode(api, { device_id: devices.schlage, code: '40517' });
    const plain = await createCode(api, { device_id: devices.schlage, code: '61523' });
    sandbox.control.scriptCode(scripted.access_code.access_code_id, ['failure', 'failure']);
    sandbox.clock.advance(6_000);
    expect((await readCode(api, plain.access_code.access_code_id))?.status).toBe('set');
    expect((await readCode(api, scripted.access_code.access_code_id))?.status).toBe('setting');
  });

  it('slow lock: delay warning and event first, then set, warning cleared', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.slow, code: '3344' });
    const id = created.access_code.access_code_id;
    sandbox.clock.advance(5 * minute + 1_000);
    expect(codes(await readCode(api, id)).warnings).toEqual(['delay_in_setting_on_device']);
    sandbox.clock.advance(15 * minute);
    expect(await readCode(api, id)).toMatchObject({ status: 'set', warnings: [] });
    expect(eventTypesOf(sandbox, id)).toEqual([
      'access_code.created',
      'access_code.delay_in_setting_on_device',
      'access_code.set_on_device',
    ]);
  });

  it('removal failures and delays: error and warning with their events, then removed', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.builtInKeypad, code: '8181' });
    const id = created.access_code.access_code_id;
    sandbox.clock.advance(10_000);
    sandbox.control.failNextRemove(devices.builtInKeypad, 3);
    await api('/access_codes/delete', { access_code_id: id });
    sandbox.clock.advance(5_000);
    const failing = await readCode(api, id);
    expect(failing?.status).toBe('removing');
    expect(codes(failing).errors).toEqual(['failed_to_remove_from_device']);
    sandbox.clock.advance(5 * minute);
    expect(codes(await readCode(api, id)).warnings).toEqual(['delay_in_removing_from_device']);
    sandbox.clock.advance(10 * minute);
    expect(await readCode(api, id)).toBeNull();
    expect(eventTypesOf(sandbox, id)).toEqual([
      'access_code.created',
      'access_code.set_on_device',
      'access_code.deleted',
      'access_code.failed_to_remove_from_device',
      'access_code.delay_in_removing_from_device',
      'access_code.removed_from_device',
    ]);
  });
});

describe('accounts and keypads', () => {
  it('a disconnected account turns codes unknown; reconnecting brings them back', async () => {
    const { api, control, sandbox, devices, catalogue } = setup();
    const created = await createCode(api, { device_id: devices.kwikset, code: '5273' });
    const id = created.access_code.access_code_id;
    sandbox.clock.advance(10_000);
    const account = catalogue.connectedAccounts.kwikset;
    await control('/_sandbox/connected_accounts/set_connected', {
      connected_account_id: account,
      connected: false,
    });
    const unknown = await readCode(api, id);
    expect(unknown?.status).toBe('unknown');
    expect(unknown?.errors).toEqual([
      expect.objectContaining({
        error_code: 'account_disconnected',
        is_connected_account_error: true,
      }),
    ]);
    const types = sandbox
      .events()
      .slice(-2)
      .map((event) => event.event_type);
    expect(types).toEqual(['connected_account.disconnected', 'device.disconnected']);
    await control('/_sandbox/connected_accounts/set_connected', {
      connected_account_id: account,
      connected: true,
    });
    expect(await readCode(api, id)).toMatchObject({ status: 'set', errors: [] });
    expect(eventTypesOf(sandbox, id)).toEqual(['access_code.created', 'access_code.set_on_device']);
  });

  it('the seeded disconnected account refuses new codes with a clear reason', async () => {
    const { api, devices } = setup();
    const refused = await api('/access_codes/create', {
      device_id: devices.accountDisconnected,
      code: '1234',
    });
    expect(refused.status).toBe(400);
    expect(refused.body['error']).toMatchObject({
      type: 'invalid_input',
      validation_errors: { device_id: expect.anything() },
    });
  });

  it('a keypad unplugged before the code reaches the lock fails it until reconnected', async () => {
    const { api, control, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.lowKeypadBattery, code: '2580' });
    const id = created.access_code.access_code_id;
    await control('/_sandbox/devices/set_keypad', {
      device_id: devices.lowKeypadBattery,
      connected: false,
    });
    sandbox.clock.advance(5_000);
    const failed = await readCode(api, id);
    expect(failed?.errors[0]).toMatchObject({
      error_code: 'failed_to_set_on_device',
      message: expect.stringMatching(/keypad is disconnected/),
    });
    const lock = await api<{ device: Device }>('/devices/get', {
      device_id: devices.lowKeypadBattery,
    });
    expect(lock.body.device.can_program_online_access_codes).toBe(false);
    await control('/_sandbox/devices/set_keypad', {
      device_id: devices.lowKeypadBattery,
      connected: true,
      battery_level: 0.9,
    });
    sandbox.clock.advance(2 * minute + 5_000);
    expect(await readCode(api, id)).toMatchObject({ status: 'set', errors: [] });
    const events = sandbox.events().map((event) => event.event_type);
    expect(events).toContain('device.accessory_keypad_disconnected');
    expect(events).toContain('device.accessory_keypad_connected');
  });

  it('the seeded keypad-less August lock is refused until its keypad is back', async () => {
    const { api, sandbox, devices } = setup();
    const refused = await api('/access_codes/create', {
      device_id: devices.keypadDisconnected,
      code: '4455',
    });
    expect(refused.status).toBe(400);
    sandbox.control.setKeypadConnected(devices.keypadDisconnected, true);
    const accepted = await api('/access_codes/create', {
      device_id: devices.keypadDisconnected,
      code: '4455',
    });
    expect(accepted.status).toBe(200);
  });
});

describe('external modification', () => {
  it('without permission: error and event, Seam puts the code back, error cleared', async () => {
    const { api, control, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.schlage, code: '70412' });
    const id = created.access_code.access_code_id;
    sandbox.clock.advance(10_000);
    await control('/_sandbox/access_codes/modify_externally', {
      access_code_id: id,
      change: 'modified',
      code: '99887',
    });
    const modified = await readCode(api, id);
    expect(modified).toMatchObject({ status: 'setting', code: '70412' });
    expect(codes(modified).errors).toEqual(['conflicting_external_modification']);
    expect(modified?.errors[0]).toMatchObject({ change_type: 'modified' });
    sandbox.clock.advance(5_000);
    expect(await readCode(api, id)).toMatchObject({ status: 'set', errors: [] });
    expect(eventTypesOf(sandbox, id)).toEqual([
      'access_code.created',
      'access_code.set_on_device',
      'access_code.modified_external_to_seam',
      'access_code.set_on_device',
    ]);
  });

  it('with is_external_modification_allowed: a warning, and the new PIN stands', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, {
      device_id: devices.schlage,
      code: '70412',
      allow_external_modification: true,
    });
    const id = created.access_code.access_code_id;
    expect(created.access_code.is_external_modification_allowed).toBe(true);
    sandbox.clock.advance(10_000);
    sandbox.control.modifyCodeExternally(id, { change: 'modified', code: '99887' });
    const kept = await readCode(api, id);
    expect(kept).toMatchObject({ status: 'set', code: '99887', errors: [] });
    expect(codes(kept).warnings).toEqual(['external_modification_in_effect']);
    expect(kept?.warnings[0]).toMatchObject({ change_type: 'modified' });

    sandbox.control.modifyCodeExternally(id, { change: 'removed' });
    expect(await readCode(api, id)).toBeNull();
    expect(eventTypesOf(sandbox, id).slice(-2)).toEqual([
      'access_code.modified_external_to_seam',
      'access_code.deleted_external_to_seam',
    ]);
  });
});

describe('locks that pick the PIN', () => {
  it('Salto: code null while waiting for assignment, then a PIN that meets the lock’s rules', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.salto, name: 'Desk 4' });
    const id = created.access_code.access_code_id;
    expect(created.access_code).toMatchObject({ code: null, is_waiting_for_code_assignment: true });
    sandbox.clock.advance(6_000);
    const assigned = await readCode(api, id);
    expect(assigned).toMatchObject({ status: 'set', is_waiting_for_code_assignment: false });
    expect(assigned?.code).toMatch(/^\d{6,10}$/);
    const event = sandbox
      .events()
      .find((candidate) => candidate.event_type === 'access_code.set_on_device');
    expect(event).toMatchObject({ code: assigned?.code });

    const chosen = await api('/access_codes/create', { device_id: devices.salto, code: '123456' });
    expect(chosen.status).toBe(400);
    expect(chosen.body['error']).toMatchObject({ validation_errors: { code: expect.anything() } });
    const generate = await api('/access_codes/generate_code', { device_id: devices.salto });
    expect(generate.status).toBe(400);
  });
});
