import type { AccessCode, ActionAttempt } from '@seamapi/types/connect';
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

async function attemptOf(api: ReturnType<typeof setup>['api'], id: string): Promise<ActionAttempt> {
  const { body } = await api<{ action_attempt: ActionAttempt }>('/action_attempts/get', {
    action_attempt_id: id,
  });
  return body.action_attempt;
}

describe('ongoing codes', () => {
  it('go unset → setting → set, with created and set_on_device events and a resolved attempt', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, {
      device_id: devices.builtInKeypad,
      name: 'Guest Ana',
      code: '4827',
    });
    const id = created.access_code.access_code_id;
    expect(created.access_code).toMatchObject({ status: 'unset', type: 'ongoing', code: '4827' });
    expect(created.action_attempt).toMatchObject({
      status: 'pending',
      action_type: 'CREATE_ACCESS_CODE',
      result: null,
      error: null,
    });

    sandbox.clock.advance(500);
    expect((await readCode(api, id))?.status).toBe('setting');
    sandbox.clock.advance(4_000);
    const set = await readCode(api, id);
    expect(set).toMatchObject({ status: 'set', errors: [], warnings: [] });
    expect(eventTypesOf(sandbox, id)).toEqual(['access_code.created', 'access_code.set_on_device']);
    const setEvent = sandbox
      .events()
      .find((event) => event.event_type === 'access_code.set_on_device');
    expect(setEvent).toMatchObject({
      code: '4827',
      device_id: devices.builtInKeypad,
      connected_account_id: sandbox.catalogue.connectedAccounts.yale,
      occurred_at: new Date(Date.parse('2026-03-02T15:00:00.000Z') + 4_500).toISOString(),
    });

    const attempt = await attemptOf(api, created.action_attempt.action_attempt_id);
    expect(attempt).toMatchObject({ status: 'success', error: null });
    expect((attempt.result as { access_code: AccessCode }).access_code.status).toBe('set');
  });

  it('generate a PIN the lock accepts when none is given, honouring preferred_code_length', async () => {
    const { api, devices } = setup();
    const nuki = await createCode(api, { device_id: devices.nuki, name: 'Generated' });
    expect(nuki.access_code.code).toMatch(/^[1-9]{6}$/);
    expect(nuki.access_code.code!.startsWith('12')).toBe(false);
    const longer = await createCode(api, { device_id: devices.schlage, preferred_code_length: 7 });
    expect(longer.access_code.code).toMatch(/^\d{7}$/);
  });
});

describe('time-bound codes', () => {
  it('are preloaded 72 h ahead on native-scheduling locks, set at starts_at, removed at ends_at', async () => {
    const { api, sandbox, devices } = setup();
    const startsIn = 5 * day;
    const created = await createCode(api, {
      device_id: devices.nativeScheduling,
      name: 'Stay 5–7',
      code: '48215',
      starts_at: inFuture(sandbox, startsIn),
      ends_at: inFuture(sandbox, startsIn + 2 * day),
    });
    const id = created.access_code.access_code_id;
    expect(created.access_code).toMatchObject({
      type: 'time_bound',
      status: 'unset',
      is_scheduled_on_device: false,
    });

    sandbox.clock.advance(startsIn - 72 * hour - minute);
    expect(await readCode(api, id)).toMatchObject({
      status: 'unset',
      is_scheduled_on_device: false,
    });
    // The create attempt succeeded once Seam queued the code: nothing to wait for before then.
    expect((await attemptOf(api, created.action_attempt.action_attempt_id)).status).toBe('success');

    sandbox.clock.advance(2 * minute);
    expect(await readCode(api, id)).toMatchObject({
      status: 'unset',
      is_scheduled_on_device: true,
    });
    expect(eventTypesOf(sandbox, id)).toEqual([
      'access_code.created',
      'access_code.scheduled_on_device',
    ]);

    sandbox.clock.advanceTo(created.access_code.starts_at!);
    expect(await readCode(api, id)).toMatchObject({ status: 'set', is_scheduled_on_device: true });

    sandbox.clock.advanceTo(created.access_code.ends_at!);
    expect((await readCode(api, id))?.status).toBe('removing');
    sandbox.clock.advance(3_000);
    expect(await readCode(api, id)).toBeNull();
    expect(eventTypesOf(sandbox, id)).toEqual([
      'access_code.created',
      'access_code.scheduled_on_device',
      'access_code.set_on_device',
      'access_code.removed_from_device',
    ]);
  });

  it('are programmed 60 minutes before starts_at on just-in-time locks', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, {
      device_id: devices.justInTime,
      code: '736451',
      starts_at: inFuture(sandbox, 2 * day),
      ends_at: inFuture(sandbox, 3 * day),
    });
    const id = created.access_code.access_code_id;
    sandbox.clock.advance(2 * day - hour - 1);
    expect(await readCode(api, id)).toMatchObject({
      status: 'unset',
      is_scheduled_on_device: false,
    });
    sandbox.clock.advance(1);
    expect((await readCode(api, id))?.status).toBe('setting');
    sandbox.clock.advance(4_000);
    expect(await readCode(api, id)).toMatchObject({ status: 'set', is_scheduled_on_device: false });
    expect(eventTypesOf(sandbox, id)).toEqual(['access_code.created', 'access_code.set_on_device']);
  });

  it('ignore native scheduling when prefer_native_scheduling is false', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, {
      device_id: devices.builtInKeypad,
      code: '90817',
      prefer_native_scheduling: false,
      starts_at: inFuture(sandbox, 2 * day),
      ends_at: inFuture(sandbox, 3 * day),
    });
    sandbox.clock.advance(2 * day - hour + 5_000);
    const code = await readCode(api, created.access_code.access_code_id);
    expect(code).toMatchObject({ status: 'set', is_scheduled_on_device: false });
  });

  it('start right away when starts_at is already here', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, {
      device_id: devices.schlage,
      code: '51234',
      starts_at: inFuture(sandbox, 1_000),
      ends_at: inFuture(sandbox, day),
    });
    sandbox.clock.advance(6_000);
    expect((await readCode(api, created.access_code.access_code_id))?.status).toBe('set');
  });
});

describe('deleting', () => {
  it('removes a set code through removing, then 404', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.builtInKeypad, code: '3141' });
    const id = created.access_code.access_code_id;
    sandbox.clock.advance(10_000);
    const deleted = await api<{ action_attempt: ActionAttempt }>('/access_codes/delete', {
      access_code_id: id,
    });
    expect(deleted.body.action_attempt).toMatchObject({
      status: 'pending',
      action_type: 'DELETE_ACCESS_CODE',
    });
    expect((await readCode(api, id))?.status).toBe('removing');
    sandbox.clock.advance(3_000);
    expect(await readCode(api, id)).toBeNull();
    expect(eventTypesOf(sandbox, id)).toEqual([
      'access_code.created',
      'access_code.set_on_device',
      'access_code.deleted',
      'access_code.removed_from_device',
    ]);
    const attempt = await attemptOf(api, deleted.body.action_attempt.action_attempt_id);
    expect(attempt).toMatchObject({ status: 'success', result: {}, error: null });
  });

  it('drops a code that never reached the lock at once, without removed_from_device', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, {
      device_id: devices.builtInKeypad,
      code: '2718',
      starts_at: inFuture(sandbox, 10 * day),
      ends_at: inFuture(sandbox, 11 * day),
    });
    const id = created.access_code.access_code_id;
    await api('/access_codes/delete', { access_code_id: id }, { method: 'DELETE' });
    expect(await readCode(api, id)).toBeNull();
    expect(eventTypesOf(sandbox, id)).toEqual(['access_code.created', 'access_code.deleted']);
    const deletedEvent = sandbox.events().at(-1);
    expect(deletedEvent).toMatchObject({ event_type: 'access_code.deleted', code: '2718' });
  });
});

describe('updating', () => {
  it('reprograms a set code whose name or PIN changes, with access_code.changed', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, {
      device_id: devices.builtInKeypad,
      code: '1357',
      name: 'A',
    });
    const id = created.access_code.access_code_id;
    sandbox.clock.advance(10_000);
    const updated = await api<{ action_attempt: ActionAttempt }>(
      '/access_codes/update',
      { access_code_id: id, name: 'Guest B', code: '2468' },
      { method: 'PUT' },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.action_attempt.action_type).toBe('UPDATE_ACCESS_CODE');
    expect(await readCode(api, id)).toMatchObject({
      status: 'setting',
      name: 'Guest B',
      code: '2468',
    });
    sandbox.clock.advance(4_000);
    expect((await readCode(api, id))?.status).toBe('set');
    expect(eventTypesOf(sandbox, id)).toEqual([
      'access_code.created',
      'access_code.set_on_device',
      'access_code.changed',
      'access_code.set_on_device',
    ]);
    const attempt = await attemptOf(api, updated.body.action_attempt.action_attempt_id);
    expect(attempt.status).toBe('success');
  });

  it('turns an ongoing code time-bound and back with type: ongoing', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.schlage, code: '80246' });
    const id = created.access_code.access_code_id;
    sandbox.clock.advance(10_000);
    const starts_at = inFuture(sandbox, 4 * day);
    const ends_at = inFuture(sandbox, 6 * day);
    await api(
      '/access_codes/update',
      { access_code_id: id, starts_at, ends_at },
      { method: 'PATCH' },
    );
    expect(await readCode(api, id)).toMatchObject({
      type: 'time_bound',
      status: 'unset',
      starts_at,
      ends_at,
    });
    await api('/access_codes/update', { access_code_id: id, type: 'ongoing' });
    const ongoing = await readCode(api, id);
    expect(ongoing).toMatchObject({ type: 'ongoing' });
    expect(ongoing).not.toHaveProperty('starts_at');
    sandbox.clock.advance(5_000);
    expect((await readCode(api, id))?.status).toBe('set');
  });

  it('refuses to update a code that is being removed', async () => {
    const { api, sandbox, devices } = setup();
    const created = await createCode(api, { device_id: devices.builtInKeypad, code: '6060' });
    const id = created.access_code.access_code_id;
    sandbox.clock.advance(10_000);
    await api('/access_codes/delete', { access_code_id: id });
    const refused = await api('/access_codes/update', { access_code_id: id, name: 'Late' });
    expect(refused.status).toBe(400);
    expect(refused.body['error']).toMatchObject({ type: 'access_code_not_updatable' });
  });
});

describe('listing and reading', () => {
  it('lists a device’s codes only, by access_code_ids too, and reads by device_id + code', async () => {
    const { api, devices } = setup();
    const a = await createCode(api, { device_id: devices.builtInKeypad, code: '1111' });
    await createCode(api, { device_id: devices.schlage, code: '5678' });
    const list = await api<{ access_codes: AccessCode[] }>('/access_codes/list', {
      device_id: devices.builtInKeypad,
    });
    expect(list.body.access_codes.map((code) => code.access_code_id)).toEqual([
      a.access_code.access_code_id,
    ]);
    const byIds = await api<{ access_codes: AccessCode[] }>('/access_codes/list', {
      access_code_ids: [a.access_code.access_code_id],
    });
    expect(byIds.body.access_codes).toHaveLength(1);
    const byPin = await api<{ access_code: AccessCode }>('/access_codes/get', {
      device_id: devices.builtInKeypad,
      code: '1111',
    });
    expect(byPin.body.access_code.access_code_id).toBe(a.access_code.access_code_id);
    const nearlyFull = await api<{ access_codes: AccessCode[] }>(
      '/access_codes/list',
      { device_id: devices.nearlyFull },
      { method: 'GET' },
    );
    expect(nearlyFull.body.access_codes.map((code) => code.name)).toEqual([
      'Owner',
      'Gardener',
      'Pool service',
      'Neighbour',
    ]);
  });

  it('never lets another workspace or session read, change or delete a code', async () => {
    const { api, other, cst, devices, sandbox } = setup();
    const created = await createCode(api, { device_id: devices.ownerOnly, code: '9090' });
    const id = created.access_code.access_code_id;
    for (const caller of [other, cst]) {
      expect((await caller('/access_codes/get', { access_code_id: id })).status).toBe(404);
      expect((await caller('/access_codes/update', { access_code_id: id, name: 'x' })).status).toBe(
        404,
      );
      expect((await caller('/access_codes/delete', { access_code_id: id })).status).toBe(404);
      const list = await caller<{ access_codes: AccessCode[] }>('/access_codes/list', {
        access_code_ids: [id],
      });
      expect(list.body.access_codes).toEqual([]);
      const events = await caller<{ events: unknown[] }>('/events/list', {
        since: '2026-01-01T00:00:00Z',
        access_code_id: id,
      });
      expect(events.body.events).toEqual([]);
      const attempt = await caller('/action_attempts/get', {
        action_attempt_id: created.action_attempt.action_attempt_id,
      });
      // The attempt's result carries the code (and its PIN): scoped like the code itself.
      expect(attempt.status).toBe(404);
    }
    expect(sandbox.events().some((event) => event.event_type === 'access_code.deleted')).toBe(
      false,
    );
  });
});
