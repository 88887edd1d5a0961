// Every client route against the real fake Seam Connect (API key auth), checking what was sent
// (POST, JSON body, snake_case parameters) and what the method returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SeamClient, SeamPaginatedList } from '../../src/client/index.js';
import { recordingFetch, startFakeSeam, startProxy, type FakeSeam } from './support/servers.js';

let seam: FakeSeam;
let client: SeamClient;
let recorder: ReturnType<typeof recordingFetch>;

beforeAll(async () => {
  seam = await startFakeSeam();
  recorder = recordingFetch();
  client = SeamClient.fromApiKey(seam.seed.seam_apikey1_token, {
    endpoint: seam.endpoint,
    fetch: recorder.fetch,
  });
});

afterAll(async () => {
  await seam.close();
});

function lastRequest() {
  const request = recorder.requests.at(-1);
  if (!request) throw new Error('no request recorded');
  return request;
}

describe('devices and locks', () => {
  it('devices.get returns the device and POSTs { device_id } as JSON', async () => {
    const device = await client.devices.get({ device_id: seam.seed.august_device_1 });
    expect(device.device_id).toBe(seam.seed.august_device_1);
    expect(device.properties.name).toBe('Fake August Lock 1');
    const request = lastRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`${seam.endpoint}/devices/get`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({ device_id: seam.seed.august_device_1 });
  });

  it('devices.list is awaitable for all devices and async-iterable one by one', async () => {
    const list = client.devices.list();
    expect(list).toBeInstanceOf(SeamPaginatedList);
    const all = await list;
    expect(all.map((device) => device.device_id)).toEqual(
      expect.arrayContaining([
        seam.seed.august_device_1,
        seam.seed.august_device_2,
        seam.seed.schlage_device_1,
      ]),
    );
    const iterated: string[] = [];
    for await (const device of client.devices.list()) iterated.push(device.device_id);
    expect(iterated).toEqual(all.map((device) => device.device_id));
  });

  it('devices.list passes filters through as snake_case parameters', async () => {
    const devices = await client.devices.list({ device_ids: [seam.seed.august_device_2] });
    expect(devices.map((device) => device.device_id)).toEqual([seam.seed.august_device_2]);
    expect(lastRequest().body).toEqual({ device_ids: [seam.seed.august_device_2] });
  });

  it('locks.get returns the lock', async () => {
    const lock = await client.locks.get({ device_id: seam.seed.schlage_device_1 });
    expect(lock.device_id).toBe(seam.seed.schlage_device_1);
    expect(lock.device_type).toBe('schlage_lock');
    expect(lastRequest().route).toBe('/locks/get');
  });
});

describe('access codes', () => {
  it('create returns the access code; createWithActionAttempt returns the whole answer', async () => {
    const code = await client.accessCodes.create({
      device_id: seam.seed.august_device_1,
      name: 'Guest A',
      code: '4821',
    });
    expect(code).toMatchObject({
      device_id: seam.seed.august_device_1,
      name: 'Guest A',
      code: '4821',
      type: 'ongoing',
    });
    expect(lastRequest().body).toEqual({
      device_id: seam.seed.august_device_1,
      name: 'Guest A',
      code: '4821',
    });

    const both = await client.accessCodes.createWithActionAttempt({
      device_id: seam.seed.august_device_1,
      name: 'Guest B',
      code: '4822',
      starts_at: '2031-01-01T15:00:00Z',
      ends_at: '2031-01-03T11:00:00Z',
    });
    expect(both.access_code).toMatchObject({
      name: 'Guest B',
      type: 'time_bound',
      starts_at: '2031-01-01T15:00:00.000Z',
      ends_at: '2031-01-03T11:00:00.000Z',
    });
    // Seam answers with a CREATE_ACCESS_CODE attempt; the fake sends none, which must read as null.
    expect(
      both.action_attempt === null || both.action_attempt.action_type === 'CREATE_ACCESS_CODE',
    ).toBe(true);
  });

  it('createMultiple returns one code per device', async () => {
    const codes = await client.accessCodes.createMultiple({
      device_ids: [seam.seed.august_device_1, seam.seed.august_device_2],
      name: 'Shared',
    });
    expect(codes.map((code) => code.device_id)).toEqual([
      seam.seed.august_device_1,
      seam.seed.august_device_2,
    ]);
    expect(codes.every((code) => code.name === 'Shared')).toBe(true);
    expect(lastRequest().route).toBe('/access_codes/create_multiple');
  });

  it('get finds a code by id and by device_id + code', async () => {
    const created = await client.accessCodes.create({
      device_id: seam.seed.august_device_2,
      name: 'Get me',
      code: '5931',
    });
    const byId = await client.accessCodes.get({ access_code_id: created.access_code_id });
    expect(byId).toEqual(created);
    const byCode = await client.accessCodes.get({
      device_id: seam.seed.august_device_2,
      code: '5931',
    });
    expect(byCode.access_code_id).toBe(created.access_code_id);
  });

  it('list returns codes (awaited, iterated and by page)', async () => {
    const created = await client.accessCodes.create({
      device_id: seam.seed.august_device_2,
      name: 'Listed',
      code: '6042',
    });
    // The fake's list ignores device_id (its bug §9.1), so only inclusion is asserted here.
    const all = await client.accessCodes.list({ device_id: seam.seed.august_device_2 });
    expect(all.map((code) => code.access_code_id)).toContain(created.access_code_id);
    expect(lastRequest().body).toEqual({ device_id: seam.seed.august_device_2 });
    const pages = [];
    for await (const page of client.accessCodes
      .list({ device_id: seam.seed.august_device_2 })
      .pages())
      pages.push(page);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.at(-1)?.hasNextPage).toBe(false);
    expect(pages.flatMap((page) => page.items.map((code) => code.access_code_id))).toEqual(
      all.map((code) => code.access_code_id),
    );
  });

  it('update and delete resolve like the SDK; their variants return the action attempt', async () => {
    const created = await client.accessCodes.create({
      device_id: seam.seed.august_device_1,
      name: 'Old',
      code: '7153',
    });
    await expect(
      client.accessCodes.update({ access_code_id: created.access_code_id, name: 'New' }),
    ).resolves.toBeUndefined();
    expect(lastRequest().body).toEqual({ access_code_id: created.access_code_id, name: 'New' });
    expect((await client.accessCodes.get({ access_code_id: created.access_code_id })).name).toBe(
      'New',
    );

    const updated = await client.accessCodes.updateWithActionAttempt({
      access_code_id: created.access_code_id,
      code: '7154',
    });
    expect(updated.action_attempt).toMatchObject({ action_type: 'UPDATE_ACCESS_CODE' });

    const attempt = await client.actionAttempts.get({
      action_attempt_id: updated.action_attempt?.action_attempt_id ?? '',
    });
    expect(attempt.action_attempt_id).toBe(updated.action_attempt?.action_attempt_id);
    expect(['pending', 'success', 'error']).toContain(attempt.status);

    const deleted = await client.accessCodes.deleteWithActionAttempt({
      access_code_id: created.access_code_id,
    });
    expect(deleted.action_attempt).toMatchObject({ action_type: 'DELETE_ACCESS_CODE' });
    await expect(
      client.accessCodes.get({ access_code_id: created.access_code_id }),
    ).rejects.toMatchObject({
      status: 404,
    });

    const another = await client.accessCodes.create({
      device_id: seam.seed.august_device_1,
      name: 'Bye',
      code: '7155',
    });
    await expect(
      client.accessCodes.delete({ access_code_id: another.access_code_id }),
    ).resolves.toBeUndefined();
    expect(lastRequest().route).toBe('/access_codes/delete');
  });

  it('generateCode returns the PIN string', async () => {
    const pin = await client.accessCodes.generateCode({ device_id: seam.seed.august_device_1 });
    expect(pin).toMatch(/^\d{4,}$/);
    expect(lastRequest().route).toBe('/access_codes/generate_code');
  });

  it('pullBackupAccessCode returns the backup code, not the original', async () => {
    const original = await client.accessCodes.create({
      device_id: seam.seed.august_device_1,
      name: 'Needs backup',
      code: '8264',
      starts_at: '2031-02-01T15:00:00Z',
      ends_at: '2031-02-03T11:00:00Z',
      use_backup_access_code_pool: true,
    });
    const backup = await client.accessCodes.pullBackupAccessCode({
      access_code_id: original.access_code_id,
    });
    expect(backup.access_code_id).not.toBe(original.access_code_id);
    expect(backup.is_backup).toBe(true);
    expect(backup.device_id).toBe(original.device_id);
  });
});

describe('events and client sessions', () => {
  it('events.list returns events since an instant', async () => {
    const events = await client.events.list({ since: '2000-01-01T00:00:00Z' });
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((event) => event.event_type)).toContain('access_code.created');
    expect(lastRequest().body).toEqual({ since: '2000-01-01T00:00:00Z' });
  });

  it('clientSessions.getOrCreate returns the session (through a proxy that adds the publishable key)', async () => {
    const proxy = await startProxy(seam.endpoint, {
      'seam-publishable-key': seam.seed.seam_pk1_token,
    });
    try {
      const viaProxy = SeamClient.withoutAuth({ endpoint: proxy.endpoint });
      const session = await viaProxy.clientSessions.getOrCreate({
        user_identifier_key: 'routes-user',
      });
      expect(session.user_identifier_key).toBe('routes-user');
      expect(session.token).toMatch(/^seam_cst/);
      const again = await viaProxy.clientSessions.getOrCreate({
        user_identifier_key: 'routes-user',
      });
      expect(again.client_session_id).toBe(session.client_session_id);
    } finally {
      await proxy.close();
    }
  });
});

describe('generic request', () => {
  it('calls any route through the same pipeline', async () => {
    const response = (await client.request(
      '/devices/get',
      { device_id: seam.seed.august_device_2 },
      { kind: 'read' },
    )) as {
      device: { device_id: string };
    };
    expect(response.device.device_id).toBe(seam.seed.august_device_2);
  });
});
