/**
 * The routes Seam's own components call (issue 10): connected accounts, remote lock and unlock
 * with action attempts, lock state and events, device rename, and the telemetry sink. Every
 * response is checked against the latest @seamapi/types.
 */
import { describe, expect, it } from 'vitest';
import { setup } from './support/api.js';

interface Attempt {
  action_attempt_id: string;
  action_type: string;
  status: string;
  result: unknown;
  error: { type: string; message: string } | null;
}

describe('connected accounts', () => {
  it('lists the workspace’s accounts and gets one, as each credential may see them', async () => {
    const { api, cst, other, catalogue } = setup();
    const list = await api<{ connected_accounts: { connected_account_id: string }[] }>(
      '/connected_accounts/list',
      {},
      { method: 'GET' },
    );
    expect(list.status).toBe(200);
    const ids = list.body.connected_accounts.map((account) => account.connected_account_id);
    expect(ids).toContain(catalogue.connectedAccounts.yale);
    expect(ids).not.toContain(catalogue.connectedAccounts.otherWorkspace);

    const got = await api<{ connected_account: Record<string, unknown> }>(
      '/connected_accounts/get',
      { connected_account_id: catalogue.connectedAccounts.smartthingsDisconnected },
    );
    expect(got.status).toBe(200);
    expect(got.body.connected_account).toMatchObject({
      connected_account_id: catalogue.connectedAccounts.smartthingsDisconnected,
      errors: [{ error_code: 'account_disconnected' }],
    });

    // A client session sees its own accounts only; another workspace sees none of these.
    const session = await cst<{ connected_accounts: unknown[] }>('/connected_accounts/list');
    expect(session.body.connected_accounts.length).toBeGreaterThan(0);
    expect(session.body.connected_accounts.length).toBeLessThan(ids.length);
    const stranger = await other('/connected_accounts/get', {
      connected_account_id: catalogue.connectedAccounts.yale,
    });
    expect(stranger.status).toBe(404);
    expect(stranger.body).toMatchObject({ error: { type: 'connected_account_not_found' } });
    const missing = await api('/connected_accounts/get', {});
    expect(missing.status).toBe(400);
  });
});

describe('remote lock and unlock', () => {
  it('unlocks and locks with action attempts, the lock state and events', async () => {
    const { api, sandbox, devices } = setup();
    const unlocked = await api<{ action_attempt: Attempt }>('/locks/unlock_door', {
      device_id: devices.schlage,
    });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.action_attempt).toMatchObject({
      action_type: 'UNLOCK_DOOR',
      status: 'pending',
    });
    const attempt = await api<{ action_attempt: Attempt }>('/action_attempts/get', {
      action_attempt_id: unlocked.body.action_attempt.action_attempt_id,
    });
    expect(attempt.body.action_attempt).toMatchObject({
      status: 'success',
      result: { was_confirmed_by_device: true },
    });
    const lock = await api<{ lock: { properties: { locked: boolean } } }>('/locks/get', {
      device_id: devices.schlage,
    });
    expect(lock.body.lock.properties.locked).toBe(false);

    const locked = await api<{ action_attempt: Attempt }>('/locks/lock_door', {
      device_id: devices.schlage,
    });
    expect(locked.body.action_attempt.action_type).toBe('LOCK_DOOR');
    const after = await api<{ lock: { properties: { locked: boolean } } }>('/locks/get', {
      device_id: devices.schlage,
    });
    expect(after.body.lock.properties.locked).toBe(true);

    const events = sandbox
      .events()
      .filter((event) => (event as { device_id?: string }).device_id === devices.schlage)
      .filter((event) => event.event_type.startsWith('lock.'));
    expect(
      events.map((event) => [event.event_type, (event as { method?: string }).method]),
    ).toEqual([
      ['lock.unlocked', 'remote'],
      ['lock.locked', 'remote'],
    ]);
    const listed = await api<{ events: { event_type: string }[] }>('/events/list', {
      device_id: devices.schlage,
      since: '2020-01-01T00:00:00Z',
    });
    expect(listed.body.events.map((event) => event.event_type)).toContain('lock.unlocked');
    const one = await api<{ event: { event_type: string; action_attempt_id?: string } }>(
      '/events/get',
      { event_id: events[0]!.event_id },
    );
    expect(one.body.event).toMatchObject({
      event_type: 'lock.unlocked',
      action_attempt_id: unlocked.body.action_attempt.action_attempt_id,
    });
  });

  it('fails the attempt when the lock is offline, and refuses a device that is not a lock', async () => {
    const { api, devices } = setup();
    const offline = await api<{ action_attempt: Attempt }>('/locks/unlock_door', {
      device_id: devices.offline,
    });
    const attempt = await api<{ action_attempt: Attempt }>('/action_attempts/get', {
      action_attempt_id: offline.body.action_attempt.action_attempt_id,
    });
    expect(attempt.body.action_attempt).toMatchObject({
      status: 'error',
      error: { type: 'device_offline' },
    });
    const lock = await api<{ lock: { properties: { locked: boolean } } }>('/locks/get', {
      device_id: devices.offline,
    });
    expect(lock.body.lock.properties.locked).toBe(true);
    const unknown = await api('/locks/unlock_door', {
      device_id: '3f7a2c1e-8b4d-4e2a-9c6f-1a2b3c4d5e6f',
    });
    expect(unknown.status).toBe(404);
  });
});

describe('device rename', () => {
  it('persists a new name (devices/get, list, the lock view, an event) and restores the provider’s', async () => {
    const { api, cst, sandbox, devices } = setup();
    const original = await api<{ device: { display_name: string; properties: { name: string } } }>(
      '/devices/get',
      { device_id: devices.nuki },
    );
    const renamed = await api('/devices/update', { device_id: devices.nuki, name: 'Back Gate' });
    expect(renamed.status).toBe(200);
    const got = await api<{ device: { display_name: string } }>('/devices/get', {
      device_id: devices.nuki,
    });
    expect(got.body.device.display_name).toBe('Back Gate');
    const listed = await api<{ devices: { device_id: string; display_name: string }[] }>(
      '/devices/list',
    );
    expect(listed.body.devices.find((d) => d.device_id === devices.nuki)?.display_name).toBe(
      'Back Gate',
    );
    const restored = sandbox.snapshot();
    expect(JSON.stringify(restored)).toContain('Back Gate');
    expect(sandbox.events().at(-1)).toMatchObject({
      event_type: 'device.name_changed',
      device_name: 'Back Gate',
    });
    await api('/devices/update', { device_id: devices.nuki, name: '' });
    const back = await api<{ device: { display_name: string } }>('/devices/get', {
      device_id: devices.nuki,
    });
    expect(back.body.device.display_name).toBe(original.body.device.properties.name);
    // Client sessions may not rename (Seam's route takes an API key).
    const refused = await cst('/devices/update', { device_id: devices.nuki, name: 'x' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
  });
});

describe('telemetry', () => {
  it('accepts /internal/tlmtry without credentials, answers 2xx, and changes nothing', async () => {
    const { sandbox, api } = setup();
    const world = () => {
      const { devices, access_codes, events, action_attempts } = sandbox.snapshot();
      return JSON.stringify({ devices, access_codes, events, action_attempts });
    };
    const before = world();
    const response = await api(
      '/internal/tlmtry',
      { type: 'page', name: 'DeviceTable', messageId: 'm1' },
      { token: null },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
    expect(world()).toBe(before);
  });
});
