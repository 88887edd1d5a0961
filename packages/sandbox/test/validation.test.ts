import { validateCodeDraft, type ExistingCode } from '@seam-codes/core';
import type { AccessCode, Device, UnmanagedAccessCode } from '@seamapi/types/connect';
import { describe, expect, it } from 'vitest';
import type { SandboxDeviceRole } from '../src/index.js';
import { nextFloat, randomState } from '../src/util/random.js';
import { createCode, day, inFuture, setup, type Caller } from './support/api.js';

type Setup = ReturnType<typeof setup>;

async function rejectField(
  api: Caller,
  params: Record<string, unknown>,
  field: string,
  message?: RegExp,
): Promise<void> {
  const response = await api('/access_codes/create', params);
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  const error = response.body['error'] as {
    type: string;
    validation_errors: Record<string, { _errors: string[] }>;
  };
  expect(error.type).toBe('invalid_input');
  expect(Object.keys(error.validation_errors)).toContain(field);
  if (message) expect(error.validation_errors[field]!._errors.join(' ')).toMatch(message);
}

describe('each lock rule is enforced by the API', () => {
  it('Nuki: length 6, no zeros, not starting with 12, names ≤ 20 and unique', async () => {
    const { api, devices } = setup();
    const device_id = devices.nuki;
    await rejectField(api, { device_id, code: '12345' }, 'code', /6 digits/);
    await rejectField(api, { device_id, code: '405678' }, 'code');
    await rejectField(api, { device_id, code: '123456' }, 'code');
    await rejectField(
      api,
      { device_id, code: '345678', name: 'A very long guest name indeed' },
      'name',
    );
    await createCode(api, { device_id, code: '345678', name: 'Ana' });
    await rejectField(api, { device_id, code: '456789', name: 'ana' }, 'name', /unique/);
  });

  it('Kwikset: time-bound starts in the future, names of 2–14 characters', async () => {
    const { api, sandbox, devices } = setup();
    const device_id = devices.kwikset;
    await rejectField(
      api,
      {
        device_id,
        code: '5273',
        starts_at: inFuture(sandbox, -60_000),
        ends_at: inFuture(sandbox, day),
      },
      'starts_at',
    );
    await rejectField(api, { device_id, code: '5273', name: 'A' }, 'name');
    // The server needs the start only to be in the future (no 15-minute UI margin).
    await createCode(api, {
      device_id,
      code: '5273',
      starts_at: inFuture(sandbox, 60_000),
      ends_at: inFuture(sandbox, day),
    });
  });

  it('TTLock: no 0, 8 or 9; Tedee: three distinct digits and no runs; Korelock: not all the same', async () => {
    const { api, devices } = setup();
    await rejectField(api, { device_id: devices.ttlock, code: '1289' }, 'code');
    await rejectField(api, { device_id: devices.nativeScheduling, code: '11222' }, 'code');
    await rejectField(api, { device_id: devices.nativeScheduling, code: '34567' }, 'code');
    await rejectField(api, { device_id: devices.nearlyFull, code: '7777' }, 'code');
  });

  it('windows: both ends, in order, in the future; digits only; Seam’s 4–9 length', async () => {
    const { api, sandbox, devices } = setup();
    const device_id = devices.builtInKeypad;
    await rejectField(
      api,
      { device_id, code: '4827', starts_at: inFuture(sandbox, day) },
      'ends_at',
    );
    await rejectField(
      api,
      {
        device_id,
        code: '4827',
        starts_at: inFuture(sandbox, 2 * day),
        ends_at: inFuture(sandbox, day),
      },
      'ends_at',
    );
    await rejectField(
      api,
      {
        device_id,
        code: '4827',
        starts_at: inFuture(sandbox, -2 * day),
        ends_at: inFuture(sandbox, -day),
      },
      'ends_at',
    );
    await rejectField(api, { device_id, code: '48a7' }, 'code', /digits/);
    await rejectField(api, { device_id, code: '482' }, 'code');
    await rejectField(api, { device_id, code: 4827 }, 'code', /string/);
    await rejectField(
      api,
      { device_id, starts_at: 'next tuesday', ends_at: inFuture(sandbox, day) },
      'starts_at',
    );
  });

  it('a device that cannot take codes, and a full one, are refused on device_id', async () => {
    const { api, devices } = setup();
    await rejectField(api, { device_id: devices.noAccessCodes, code: '4827' }, 'device_id');
    await createCode(api, { device_id: devices.nearlyFull, code: '2468' });
    await rejectField(
      api,
      { device_id: devices.nearlyFull, code: '1357' },
      'device_id',
      /at most 5/,
    );
    const generate = await api('/access_codes/generate_code', { device_id: devices.nearlyFull });
    expect(generate.status).toBe(400);
  });

  it('a PIN already on the lock is a 409 duplicate_access_code (managed or unmanaged)', async () => {
    const { api, devices } = setup();
    await createCode(api, { device_id: devices.builtInKeypad, code: '4827' });
    const managed = await api('/access_codes/create', {
      device_id: devices.builtInKeypad,
      code: '4827',
    });
    expect(managed.status).toBe(409);
    expect(managed.body['error']).toMatchObject({ type: 'duplicate_access_code' });
    // The seeded unmanaged "Cleaner" code uses 8642.
    const unmanaged = await api('/access_codes/create', {
      device_id: devices.builtInKeypad,
      code: '8642',
    });
    expect(unmanaged.status).toBe(409);
  });
});

const roles: SandboxDeviceRole[] = [
  'builtInKeypad',
  'nuki',
  'kwikset',
  'schlage',
  'salto',
  'ttlock',
  'nativeScheduling',
  'justInTime',
  'offlineCodes',
  'nearlyFull',
  'noAccessCodes',
  'keypadDisconnected',
  'offline',
];

async function rulesContext(s: Setup, deviceId: string) {
  const device = (await s.api<{ device: Device }>('/devices/get', { device_id: deviceId })).body
    .device;
  const managed = (
    await s.api<{ access_codes: AccessCode[] }>('/access_codes/list', { device_id: deviceId })
  ).body.access_codes;
  const unmanaged = (
    await s.api<{ access_codes: UnmanagedAccessCode[] }>('/access_codes/unmanaged/list', {
      device_id: deviceId,
    })
  ).body.access_codes;
  return { device, existingCodes: [...managed, ...unmanaged] as ExistingCode[] };
}

describe('the server judges drafts exactly as core’s validateCodeDraft', () => {
  it('agrees on 400 generated drafts across 13 locks', async () => {
    const s = setup({ rateLimits: false });
    const random = randomState(99, 'drafts');
    const pick = <T>(items: readonly T[]): T =>
      items[Math.floor(nextFloat(random) * items.length)]!;
    const digits = (length: number) =>
      Array.from({ length }, () => String(Math.floor(nextFloat(random) * 10))).join('');
    const names = [
      undefined,
      'Ana',
      'ana',
      'A',
      'Guest: Ana Silva',
      'A name far too long for a Nuki',
    ];
    let agreed = 0;
    let accepted = 0;
    for (let i = 0; i < 400; i++) {
      const role = pick(roles);
      const deviceId = s.devices[role];
      const draft: Record<string, unknown> = {};
      const name = pick(names);
      if (name !== undefined) draft['name'] = name;
      if (nextFloat(random) < 0.8) draft['code'] = digits(4 + Math.floor(nextFloat(random) * 6));
      const windowKind = pick(['none', 'future', 'past', 'reversed', 'start_only', 'soon']);
      const now = s.sandbox.clock.now();
      const at = (ms: number) => new Date(now + ms).toISOString();
      if (windowKind === 'future')
        Object.assign(draft, { starts_at: at(day), ends_at: at(3 * day) });
      if (windowKind === 'past')
        Object.assign(draft, { starts_at: at(-3 * day), ends_at: at(-day) });
      if (windowKind === 'reversed')
        Object.assign(draft, { starts_at: at(3 * day), ends_at: at(day) });
      if (windowKind === 'start_only') Object.assign(draft, { starts_at: at(day) });
      if (windowKind === 'soon') Object.assign(draft, { starts_at: at(-60_000), ends_at: at(day) });
      if (nextFloat(random) < 0.15) draft['is_offline_access_code'] = true;
      if (nextFloat(random) < 0.1) draft['use_backup_access_code_pool'] = true;
      if (nextFloat(random) < 0.1)
        draft['preferred_code_length'] = 4 + Math.floor(nextFloat(random) * 4);

      const context = await rulesContext(s, deviceId);
      const verdict = validateCodeDraft(draft, { ...context, now, startDateMarginMs: 0 });
      const response = await s.api('/access_codes/create', { device_id: deviceId, ...draft });
      const duplicateOnly =
        verdict.errors.length > 0 &&
        verdict.errors.every((issue) => issue.code === 'duplicate_code');
      const expected = verdict.ok ? 200 : duplicateOnly ? 409 : 400;
      expect(
        response.status,
        `${role} ${JSON.stringify(draft)} → ${JSON.stringify(response.body)}`,
      ).toBe(expected);
      agreed++;
      if (response.status === 200) accepted++;
    }
    expect(agreed).toBe(400);
    // The generator must exercise both sides of the rules, not only rejections.
    expect(accepted).toBeGreaterThan(40);
    expect(accepted).toBeLessThan(360);
  });
});
