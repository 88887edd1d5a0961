import type { AccessCode, Device } from '@seamapi/types/connect';
import { describe, expect, it } from 'vitest';
import {
  createCode,
  day,
  eventTypesOf,
  hour,
  inFuture,
  minute,
  readCode,
  setup,
} from './support/api.js';

describe('rate limits (spec §B16)', () => {
  it('allow 10 creates per minute per device, then 429 with Retry-After', async () => {
    const { api, sandbox, devices } = setup();
    for (let i = 0; i < 10; i++) {
      sandbox.clock.advance(1_000);
      expect((await api('/access_codes/create', { device_id: devices.builtInKeypad })).status).toBe(
        200,
      );
    }
    const limited = await api('/access_codes/create', { device_id: devices.builtInKeypad });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('51');
    expect(limited.body['error']).toMatchObject({ type: 'rate_limit_exceeded' });
    // Per device: another lock is not affected.
    expect((await api('/access_codes/create', { device_id: devices.schlage })).status).toBe(200);
    sandbox.clock.advance(51_000);
    expect((await api('/access_codes/create', { device_id: devices.builtInKeypad })).status).toBe(
      200,
    );
  });

  it('allow 10 updates and 20 deletes per minute per device', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.schlage, code: '24680' });
    const id = created.access_code.access_code_id;
    for (let i = 0; i < 10; i++) {
      expect(
        (await api('/access_codes/update', { access_code_id: id, name: `Name ${i}` })).status,
      ).toBe(200);
    }
    expect((await api('/access_codes/update', { access_code_id: id, name: 'Eleven' })).status).toBe(
      429,
    );
    sandbox.clock.advance(minute);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      ids.push(
        (await createCode(api, { device_id: devices.justInTime })).access_code.access_code_id,
      );
      sandbox.clock.advance(6_100);
    }
    for (let i = 0; i < 10; i++) {
      ids.push(
        (await createCode(api, { device_id: devices.justInTime })).access_code.access_code_id,
      );
      sandbox.clock.advance(6_100);
    }
    sandbox.clock.advance(minute);
    for (const accessCodeId of ids.slice(0, 20)) {
      expect((await api('/access_codes/delete', { access_code_id: accessCodeId })).status).toBe(
        200,
      );
    }
    const extra = await createCode(api, { device_id: devices.justInTime });
    const limited = await api('/access_codes/delete', {
      access_code_id: extra.access_code.access_code_id,
    });
    expect(limited.status).toBe(429);
  });

  it('can be turned off', async () => {
    const { api, devices } = setup({ rateLimits: false });
    for (let i = 0; i < 12; i++) {
      expect((await api('/access_codes/create', { device_id: devices.builtInKeypad })).status).toBe(
        200,
      );
    }
  });
});

describe('backup codes (spec §B13)', () => {
  it('activate the pool, report availability, pull the same backup twice, refill the pool', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, {
      device_id: devices.builtInKeypad,
      code: '4826',
      starts_at: inFuture(sandbox, day),
      ends_at: inFuture(sandbox, 3 * day),
      use_backup_access_code_pool: true,
    });
    const id = created.access_code.access_code_id;
    // The pool is being programmed: empty for now, which the device reports.
    const filling = (
      await api<{ device: Device }>('/devices/get', { device_id: devices.builtInKeypad })
    ).body.device;
    expect(filling.errors.map((error) => error.error_code)).toEqual([
      'empty_backup_access_code_pool',
    ]);
    expect(created.access_code.is_backup_access_code_available).toBe(false);
    sandbox.clock.advance(10_000);
    const ready = await readCode(api, id);
    expect(ready?.is_backup_access_code_available).toBe(true);
    const device = (
      await api<{ device: Device }>('/devices/get', { device_id: devices.builtInKeypad })
    ).body.device;
    expect(device.errors).toEqual([]);
    // Pool codes are Seam's own: never listed.
    const listed = await api<{ access_codes: AccessCode[] }>('/access_codes/list', {
      device_id: devices.builtInKeypad,
    });
    expect(listed.body.access_codes.map((code) => code.access_code_id)).toEqual([id]);

    const pulled = await api<{ access_code: AccessCode; backup_access_code: AccessCode }>(
      '/access_codes/pull_backup_access_code',
      { access_code_id: id },
    );
    expect(pulled.status).toBe(200);
    const backup = pulled.body.backup_access_code;
    expect(backup).toMatchObject({
      is_backup: true,
      type: 'time_bound',
      starts_at: created.access_code.starts_at,
      ends_at: created.access_code.ends_at,
    });
    expect(backup.code).toMatch(/^\d{4,8}$/);
    expect(pulled.body.access_code.pulled_backup_access_code_id).toBe(backup.access_code_id);
    expect(eventTypesOf(sandbox, id).at(-1)).toBe('access_code.backup_access_code_pulled');
    const again = await api<{ backup_access_code: AccessCode }>(
      '/access_codes/pull_backup_access_code',
      {
        access_code_id: id,
      },
    );
    expect(again.body.backup_access_code.access_code_id).toBe(backup.access_code_id);
    // The pulled backup is a visible code now, and ends with the original.
    expect(await readCode(api, backup.access_code_id)).toMatchObject({ is_backup: true });
    sandbox.clock.advanceTo(created.access_code.ends_at!);
    sandbox.clock.advance(5_000);
    expect(await readCode(api, backup.access_code_id)).toBeNull();
  });

  it('run dry when the lock cannot take refills: empty-pool error, then 409', async () => {
    const { api, sandbox, devices } = setup();
    const window = { starts_at: inFuture(sandbox, day), ends_at: inFuture(sandbox, 2 * day) };
    const codes: string[] = [];
    for (const code of ['1470', '2581', '3692', '4703']) {
      const created = await createCode(api, {
        device_id: devices.schlage,
        code,
        ...window,
        use_backup_access_code_pool: true,
      });
      codes.push(created.access_code.access_code_id);
    }
    sandbox.clock.advance(10_000);
    sandbox.control.setDeviceOnline(devices.schlage, false);
    for (const id of codes.slice(0, 3)) {
      expect(
        (await api('/access_codes/pull_backup_access_code', { access_code_id: id })).status,
      ).toBe(200);
    }
    const device = (await api<{ device: Device }>('/devices/get', { device_id: devices.schlage }))
      .body.device;
    expect(device.errors.map((error) => error.error_code)).toContain(
      'empty_backup_access_code_pool',
    );
    expect((await readCode(api, codes[3]!))?.is_backup_access_code_available).toBe(false);
    const dry = await api('/access_codes/pull_backup_access_code', { access_code_id: codes[3] });
    expect(dry.status).toBe(409);
    sandbox.control.setDeviceOnline(devices.schlage, true);
    sandbox.clock.advance(10_000);
    expect((await readCode(api, codes[3]!))?.is_backup_access_code_available).toBe(true);
  });

  it('are refused for ongoing codes and on Salto, which has no pool', async () => {
    const { api, devices } = setup();
    const ongoing = await api('/access_codes/create', {
      device_id: devices.builtInKeypad,
      code: '4826',
      use_backup_access_code_pool: true,
    });
    expect(ongoing.status).toBe(400);
    const salto = await api('/access_codes/create', {
      device_id: devices.salto,
      starts_at: '2026-03-05T10:00:00Z',
      ends_at: '2026-03-06T10:00:00Z',
      use_backup_access_code_pool: true,
    });
    expect(salto.status).toBe(400);
  });
});

describe('offline codes (spec §B12)', () => {
  it('are generated by the provider, registered (unset → setting → set) even with the lock offline', async () => {
    const { api, sandbox, devices } = setup();
    sandbox.control.setDeviceOnline(devices.offlineCodes, false);
    const created = await createCode(api, {
      device_id: devices.offlineCodes,
      is_offline_access_code: true,
      starts_at: '2026-03-04T09:20:00Z',
      ends_at: '2026-03-06T03:10:00Z',
    });
    const id = created.access_code.access_code_id;
    expect(created.access_code).toMatchObject({
      status: 'unset',
      code: null,
      is_offline_access_code: true,
      is_waiting_for_code_assignment: true,
      // Rounded outward to whole hours (Singapore is a whole-hour zone).
      starts_at: '2026-03-04T09:00:00.000Z',
      ends_at: '2026-03-06T04:00:00.000Z',
    });
    sandbox.clock.advance(1_000);
    expect((await readCode(api, id))?.status).toBe('setting');
    sandbox.clock.advance(4_000);
    const set = await readCode(api, id);
    expect(set).toMatchObject({ status: 'set', is_waiting_for_code_assignment: false });
    expect(set?.code).toMatch(/^\d{9}$/);
    expect(eventTypesOf(sandbox, id)).toEqual(['access_code.created', 'access_code.set_on_device']);

    const update = await api('/access_codes/update', { access_code_id: id, name: 'x' });
    expect(update.body['error']).toMatchObject({ type: 'cannot_modify_offline_access_code' });
    expect((await api('/access_codes/delete', { access_code_id: id })).status).toBe(400);
    sandbox.clock.advanceTo('2026-03-06T04:00:00Z');
    expect(await readCode(api, id)).toBeNull();
  });

  it('round to local days with max_time_rounding 1d, and need a window and no PIN', async () => {
    const { api, devices } = setup();
    const daily = await createCode(api, {
      device_id: devices.offlineCodes,
      is_offline_access_code: true,
      max_time_rounding: '1d',
      starts_at: '2026-03-04T09:20:00Z',
      ends_at: '2026-03-06T03:10:00Z',
    });
    // Local midnight in Asia/Singapore (UTC+8) is 16:00 UTC the day before.
    expect(daily.access_code.starts_at).toBe('2026-03-03T16:00:00.000Z');
    expect(daily.access_code.ends_at).toBe('2026-03-06T16:00:00.000Z');
    const noWindow = await api('/access_codes/create', {
      device_id: devices.offlineCodes,
      is_offline_access_code: true,
    });
    expect(noWindow.status).toBe(400);
    const withPin = await api('/access_codes/create', {
      device_id: devices.offlineCodes,
      is_offline_access_code: true,
      code: '1234',
      starts_at: '2026-03-04T09:00:00Z',
      ends_at: '2026-03-05T09:00:00Z',
    });
    expect(withPin.status).toBe(400);
    // The lock's offline_time_frame_options: 29 days or more must keep the start's clock time,
    // and nothing fits between 28 and 29 days.
    const mismatched = await api<{ error: { type: string; validation_errors: object } }>(
      '/access_codes/create',
      {
        device_id: devices.offlineCodes,
        is_offline_access_code: true,
        starts_at: '2026-03-04T09:00:00Z',
        ends_at: '2026-04-05T11:00:00Z',
      },
    );
    expect(mismatched.status).toBe(400);
    expect(JSON.stringify(mismatched.body.error.validation_errors)).toContain('same time of day');
    const between = await api<{ error: { validation_errors: object } }>('/access_codes/create', {
      device_id: devices.offlineCodes,
      is_offline_access_code: true,
      starts_at: '2026-03-04T09:00:00Z',
      ends_at: '2026-04-01T21:00:00Z',
    });
    expect(between.status).toBe(400);
    expect(JSON.stringify(between.body.error.validation_errors)).toContain('Hourly');
    const online = await api('/access_codes/create', {
      device_id: devices.nuki,
      is_offline_access_code: true,
      starts_at: '2026-03-04T09:00:00Z',
      ends_at: '2026-03-05T09:00:00Z',
    });
    expect(online.status).toBe(400);
  });
});

describe('generate_code', () => {
  it('returns a PIN each lock accepts, without creating anything', async () => {
    const { api, devices, sandbox } = setup();
    for (const [role, pattern] of [
      ['nuki', /^[1-9]{6}$/],
      ['ttlock', /^[1-7]{4,9}$/],
      ['justInTime', /^\d{6,8}$/],
    ] as const) {
      const { status, body } = await api<{ generated_code: { device_id: string; code: string } }>(
        '/access_codes/generate_code',
        { device_id: devices[role] },
        { method: 'GET' },
      );
      expect(status).toBe(200);
      expect(body.generated_code.device_id).toBe(devices[role]);
      expect(body.generated_code.code).toMatch(pattern);
    }
    expect(sandbox.events()).toEqual([]);
    const none = await api('/access_codes/generate_code', { device_id: devices.noAccessCodes });
    expect(none.status).toBe(400);
  });
});

describe('create_multiple', () => {
  it('links codes on several locks with one PIN and one common_code_key (PUT, as the SDK sends)', async () => {
    const { api, devices, sandbox } = setup();
    const { status, body } = await api<{ access_codes: AccessCode[] }>(
      '/access_codes/create_multiple',
      {
        device_ids: [devices.builtInKeypad, devices.schlage, devices.nuki],
        name: 'Family',
        starts_at: inFuture(sandbox, day),
        ends_at: inFuture(sandbox, 2 * day),
      },
      { method: 'PUT' },
    );
    expect(status).toBe(200);
    expect(body.access_codes).toHaveLength(3);
    const pins = new Set(body.access_codes.map((code) => code.code));
    expect(pins.size).toBe(1);
    expect([...pins][0]).toMatch(/^[1-9]{6}$/);
    const keys = new Set(body.access_codes.map((code) => code.common_code_key));
    expect(keys.size).toBe(1);
    expect([...keys][0]).not.toBeNull();
    sandbox.clock.advanceTo(body.access_codes[0]!.starts_at!);
    sandbox.clock.advance(10_000);
    for (const code of body.access_codes)
      expect((await readCode(api, code.access_code_id))?.status).toBe('set');
  });

  it('a caller-chosen PIN is not linked; a lock that picks its PIN stops a shared one unless asked', async () => {
    const { api, devices } = setup();
    const chosen = await api<{ access_codes: AccessCode[] }>('/access_codes/create_multiple', {
      device_ids: [devices.builtInKeypad, devices.schlage],
      code: '52413',
    });
    expect(chosen.body.access_codes.map((code) => code.common_code_key)).toEqual([null, null]);
    const refused = await api('/access_codes/create_multiple', {
      device_ids: [devices.builtInKeypad, devices.salto],
    });
    expect(refused.status).toBe(400);
    expect(refused.body['error']).toMatchObject({ type: 'cannot_share_code' });
    const random = await api<{ access_codes: AccessCode[] }>('/access_codes/create_multiple', {
      device_ids: [devices.builtInKeypad, devices.salto],
      behavior_when_code_cannot_be_shared: 'create_random_code',
    });
    expect(random.status).toBe(200);
    const [yale, salto] = random.body.access_codes;
    expect(yale?.common_code_key).not.toBeNull();
    expect(salto).toMatchObject({
      code: null,
      common_code_key: null,
      is_waiting_for_code_assignment: true,
    });
  });

  it('is all or nothing: one bad device rejects the whole request', async () => {
    const { api, devices } = setup();
    const rejected = await api('/access_codes/create_multiple', {
      device_ids: [devices.builtInKeypad, devices.noAccessCodes],
      code: '52413',
    });
    expect(rejected.status).toBe(400);
    const list = await api<{ access_codes: AccessCode[] }>('/access_codes/list', {
      device_id: devices.builtInKeypad,
    });
    expect(list.body.access_codes).toEqual([]);
    const unknown = await api('/access_codes/create_multiple', {
      device_ids: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.status).toBe(404);
  });
});

describe('events/list', () => {
  it('needs since or between, filters, and limits', async () => {
    const { api, sandbox, devices } = setup();
    expect((await api('/events/list')).status).toBe(400);
    const first = await createCode(api, { device_id: devices.builtInKeypad, code: '1212' });
    sandbox.clock.advance(hour);
    await createCode(api, { device_id: devices.schlage, code: '35791' });
    sandbox.clock.advance(10_000);
    const all = await api<{ events: { event_type: string }[] }>('/events/list', {
      since: '2026-03-02T00:00:00Z',
    });
    expect(all.body.events).toHaveLength(4);
    const between = await api<{ events: unknown[] }>('/events/list', {
      between: ['2026-03-02T14:00:00Z', '2026-03-02T15:30:00Z'],
    });
    expect(between.body.events).toHaveLength(2);
    const byType = await api<{ events: unknown[] }>('/events/list', {
      since: '2026-03-02T00:00:00Z',
      event_types: ['access_code.set_on_device'],
      device_id: devices.schlage,
    });
    expect(byType.body.events).toHaveLength(1);
    const limited = await api<{ events: { access_code_id: string }[] }>(
      '/events/list',
      { since: '2026-03-02T00:00:00Z', limit: 1 },
      { method: 'GET' },
    );
    expect(limited.body.events.map((event) => event.access_code_id)).toEqual([
      first.access_code.access_code_id,
    ]);
  });
});
