import type { Device } from '@seamapi/types/connect';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEED,
  describeCatalogue,
  SANDBOX_CATALOGUE,
  SANDBOX_DEVICE_ROLES,
} from '../src/index.js';
import { setup } from './support/api.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('catalogue', () => {
  it('derives stable, documented UUIDs from the seed', () => {
    expect(SANDBOX_CATALOGUE).toEqual(describeCatalogue(DEFAULT_SEED));
    const ids = Object.values(SANDBOX_CATALOGUE.devices);
    expect(new Set(ids).size).toBe(SANDBOX_DEVICE_ROLES.length);
    for (const id of ids) expect(id).toMatch(uuid);
    // A different seed gives different ids and credentials.
    const other = describeCatalogue(7);
    expect(other.devices.nuki).not.toBe(SANDBOX_CATALOGUE.devices.nuki);
    expect(other.credentials.apiKey).not.toBe(SANDBOX_CATALOGUE.credentials.apiKey);
  });

  it('has credentials with the prefixes the official SDK checks', () => {
    const { credentials } = SANDBOX_CATALOGUE;
    expect(credentials.apiKey).toMatch(/^seam_sandbox_[0-9A-Za-z]{24}$/);
    expect(credentials.publishableKey).toMatch(/^seam_pk/);
    expect(credentials.clientSessionToken).toMatch(/^seam_cst/);
    expect(credentials.controlToken).not.toMatch(/^seam_/);
  });

  it('rejects seeds that would not survive JSON or a CLI flag', () => {
    expect(() => describeCatalogue(-1)).toThrow(/seed must be an integer/);
    expect(() => describeCatalogue(1.5)).toThrow(/seed must be an integer/);
  });
});

describe('/devices and /locks', () => {
  it('lists every main-workspace device for the API key, each a complete Device', async () => {
    const { api, devices } = setup();
    const { body } = await api<{ devices: Device[] }>('/devices/list');
    const ids = body.devices.map((device) => device.device_id);
    expect(ids).toHaveLength(SANDBOX_DEVICE_ROLES.length - 1);
    expect(ids).not.toContain(devices.otherWorkspace);
    for (const device of body.devices) {
      expect(device.display_name).not.toBe('');
      expect(device.properties.model.display_name).not.toBe('');
    }
  });

  it('scopes a client session to its connected accounts, and workspaces to themselves', async () => {
    const { cst, other, devices } = setup();
    const mine = await cst<{ devices: Device[] }>('/devices/list');
    const ids = mine.body.devices.map((device) => device.device_id);
    expect(ids).toContain(devices.nuki);
    expect(ids).not.toContain(devices.ownerOnly);
    expect(ids).not.toContain(devices.otherWorkspace);
    expect((await cst('/devices/get', { device_id: devices.ownerOnly })).status).toBe(404);

    const theirs = await other<{ devices: Device[] }>('/devices/list');
    expect(theirs.body.devices.map((device) => device.device_id)).toEqual([devices.otherWorkspace]);
    const hidden = await other('/devices/get', { device_id: devices.nuki });
    expect(hidden.status).toBe(404);
    expect(hidden.body['error']).toMatchObject({ type: 'device_not_found' });
  });

  it('serves /locks/get and /locks/list with the device under both keys', async () => {
    const { api, devices } = setup();
    const { body } = await api<{ lock: Device; device: Device }>('/locks/get', {
      device_id: devices.schlage,
    });
    expect(body.lock).toEqual(body.device);
    expect(body.lock.properties.code_constraints).toEqual([
      { constraint_type: 'unique_first_four_digits' },
    ]);
    const list = await api<{ locks: Device[]; devices: Device[] }>('/locks/list', {
      device_types: ['nuki_lock'],
    });
    expect(list.body.locks.map((lock) => lock.device_id)).toEqual([devices.nuki]);
    expect(list.body.devices).toEqual(list.body.locks);
  });

  it('shows each hardware state in the device itself', async () => {
    const { api, devices } = setup();
    const get = async (id: string) =>
      (await api<{ device: Device }>('/devices/get', { device_id: id })).body.device;

    const offline = await get(devices.offline);
    expect(offline.properties.online).toBe(false);
    expect(offline.errors.map((error) => error.error_code)).toEqual(['device_offline']);
    // Seam keeps the flag true while a lock is only temporarily offline.
    expect(offline.can_program_online_access_codes).toBe(true);

    const keypad = await get(devices.keypadDisconnected);
    expect(keypad.properties.accessory_keypad).toEqual({ is_connected: false });
    expect(keypad.can_program_online_access_codes).toBe(false);

    const battery = await get(devices.lowKeypadBattery);
    expect(battery.properties.accessory_keypad).toEqual({
      is_connected: true,
      battery: { level: 0.12 },
    });
    expect(battery.properties.keypad_battery).toEqual({ level: 0.12 });

    const account = await get(devices.accountDisconnected);
    expect(account.errors).toEqual([
      expect.objectContaining({
        error_code: 'account_disconnected',
        is_connected_account_error: true,
        is_device_error: false,
      }),
    ]);

    const none = await get(devices.noAccessCodes);
    expect('can_program_online_access_codes' in none).toBe(false);
    expect(none.capabilities_supported).not.toContain('access_code');

    const nuki = await get(devices.nuki);
    expect(nuki.properties.supported_code_lengths).toEqual([6]);
    expect(nuki.location).toEqual({
      location_name: 'Altbau Apartment',
      time_zone: 'Europe/Berlin',
      timezone: 'Europe/Berlin',
    });

    const offlineCodes = await get(devices.offlineCodes);
    expect(offlineCodes.can_program_offline_access_codes).toBe(true);

    const failing = await get(devices.failing);
    // No location at all (no longer `null`: the latest schema makes the object optional).
    expect(failing).not.toHaveProperty('location');
    expect(failing.warnings.map((warning) => warning.warning_code)).toEqual([
      'third_party_integration_detected',
    ]);
  });

  it('accepts GET with query parameters (repeated keys for arrays)', async () => {
    const { api, devices } = setup();
    const { status, body } = await api<{ devices: Device[] }>(
      '/devices/list',
      { device_ids: [devices.nuki, devices.kwikset] },
      { method: 'GET' },
    );
    expect(status).toBe(200);
    expect(body.devices.map((device) => device.device_id).sort()).toEqual(
      [devices.nuki, devices.kwikset].sort(),
    );
  });

  it('paginates with opaque base64 cursors and a next_page_url', async () => {
    const { api } = setup();
    const first = await api<{ devices: Device[]; pagination: Record<string, unknown> }>(
      '/devices/list',
      { limit: 5 },
    );
    expect(first.body.devices).toHaveLength(5);
    expect(first.body.pagination['has_next_page']).toBe(true);
    const cursor = first.body.pagination['next_page_cursor'] as string;
    const second = await api<{ devices: Device[] }>('/devices/list', {
      limit: 5,
      page_cursor: cursor,
    });
    expect(second.body.devices[0]!.device_id).not.toBe(first.body.devices[0]!.device_id);
    const url = new URL(first.body.pagination['next_page_url'] as string);
    expect(url.searchParams.get('page_cursor')).toBe(cursor);
    const bad = await api('/devices/list', { page_cursor: 'bm9wZQ==' });
    expect(bad.status).toBe(400);
    expect(bad.body['error']).toMatchObject({
      validation_errors: { page_cursor: expect.anything() },
    });
  });
});

describe('authentication and error shapes', () => {
  it('answers 401 without, or with unknown, credentials', async () => {
    const { api } = setup();
    expect((await api('/devices/list', {}, { token: null })).status).toBe(401);
    expect((await api('/devices/list', {}, { token: 'seam_sandbox_nope' })).status).toBe(401);
    const garbled = await api(
      '/devices/list',
      {},
      { token: null, headers: { authorization: 'Basic x' } },
    );
    expect(garbled.status).toBe(401);
  });

  it('keeps client sessions and publishable keys to their routes', async () => {
    const { cst, api, sandbox } = setup();
    const webhooks = await cst('/webhooks/list');
    expect(webhooks.status).toBe(401);
    expect((webhooks.body['error'] as { message: string }).message).toMatch(/API key/);
    const publishable = await api(
      '/devices/list',
      {},
      {
        token: null,
        headers: { 'seam-publishable-key': sandbox.credentials.publishableKey },
      },
    );
    expect(publishable.status).toBe(401);
  });

  it('explains wrong methods, unknown routes, bad JSON and bad parameters', async () => {
    const { api, sandbox, devices } = setup();
    const wrongMethod = await api('/access_codes/create', {}, { method: 'PATCH' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const unknown = await api('/access_codes/explode');
    expect(unknown.status).toBe(404);

    const broken = await sandbox.fetch('http://sandbox.test/devices/get', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandbox.credentials.apiKey}`,
        'content-type': 'application/json',
      },
      body: '{"device_id":',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { type: 'invalid_input' } });

    const form = await sandbox.fetch('http://sandbox.test/devices/get', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandbox.credentials.apiKey}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `device_id=${devices.nuki}`,
    });
    expect(form.status).toBe(400);
    expect(await form.json()).toMatchObject({ error: { type: 'invalid_content_type' } });

    const badId = await api('/devices/get', { device_id: 'nuki' });
    expect(badId.status).toBe(400);
    expect(badId.body['error']).toMatchObject({
      type: 'invalid_input',
      validation_errors: { device_id: { _errors: [expect.stringMatching(/UUID/)] } },
    });
  });

  it('sends a seam-request-id on every response', async () => {
    const { api } = setup();
    const ok = await api('/devices/list');
    const failed = await api('/devices/list', {}, { token: null });
    expect(ok.headers.get('seam-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(failed.headers.get('seam-request-id')).not.toBe(ok.headers.get('seam-request-id'));
  });

  it('hides control and simulate routes unless control is on, and guards them with the token', async () => {
    const closed = setup({ control: false });
    const simulate = await closed.api('/devices/simulate/disconnect', {
      device_id: closed.devices.nuki,
    });
    expect(simulate.status).toBe(404);
    expect((await closed.control('/_sandbox/clock/get')).status).toBe(404);

    const open = setup();
    expect((await open.api('/_sandbox/clock/get')).status).toBe(401);
    const clock = await open.control('/_sandbox/clock/get');
    expect(clock.body).toMatchObject({ clock: { now: '2026-03-02T15:00:00.000Z', speed: 0 } });
  });
});
