/**
 * Every device of the catalogue, driven with core's `SeamClient` (its fetch is the sandbox's,
 * every response checked against @seamapi/types), through every state it is there to show. The
 * phases are judged by core's `derivePhase`, not by the sandbox, and together they must cover
 * every phase a code can be in.
 */
import {
  DERIVED_PHASES,
  derivePhase,
  isSeamApiError,
  isSeamInvalidInputError,
  SeamClient,
  type DerivedPhase,
} from '@seam-codes/core';
import type { AccessCode } from '@seamapi/types/connect';
import { describe, expect, it } from 'vitest';
import {
  createSandbox,
  SANDBOX_DEVICE_ROLES,
  type Sandbox,
  type SandboxDeviceRole,
} from '../src/index.js';
import { checkedFetch, day, hour, minute } from './support/api.js';

const start = '2026-03-02T15:00:00.000Z';
const seen = new Map<SandboxDeviceRole, DerivedPhase[]>();

function clientFor(
  sandbox: Sandbox,
  token: 'apiKey' | 'clientSessionToken' | 'otherWorkspaceApiKey',
) {
  const options = {
    endpoint: 'http://sandbox.test',
    fetch: checkedFetch(sandbox.fetch),
    retry: false as const,
  };
  return token === 'clientSessionToken'
    ? SeamClient.fromClientSessionToken(sandbox.credentials[token], options)
    : SeamClient.fromApiKey(sandbox.credentials[token], options);
}

function tour(role: SandboxDeviceRole) {
  const sandbox = createSandbox({ speed: 0, start, control: true, rateLimits: false });
  const seam = clientFor(sandbox, 'apiKey');
  const device_id = sandbox.catalogue.devices[role];
  const phases = seen.get(role) ?? [];
  seen.set(role, phases);
  /** The code's phase now, by core's rules (`removed` after a 404). */
  const phase = async (id: string): Promise<DerivedPhase> => {
    let result: DerivedPhase;
    try {
      result = derivePhase(await seam.accessCodes.get({ access_code_id: id }), sandbox.clock.now());
    } catch (error) {
      if (!isSeamApiError(error) || error.status !== 404) throw error;
      result = 'removed';
    }
    phases.push(result);
    return result;
  };
  /** Creates a code, or records `rejected` and returns the error. */
  const create = async (params: Record<string, unknown>): Promise<AccessCode | Error> => {
    try {
      return await seam.accessCodes.create({ device_id, ...params } as never);
    } catch (error) {
      if (!isSeamInvalidInputError(error)) throw error;
      phases.push('rejected');
      return error;
    }
  };
  const at = (ms: number) => new Date(sandbox.clock.now() + ms).toISOString();
  const advance = (ms: number) => sandbox.clock.advance(ms);
  return { sandbox, seam, device_id, phase, create, at, advance };
}

function created(value: AccessCode | Error): AccessCode {
  if (value instanceof Error) throw value;
  return value;
}

describe('the catalogue, device by device, with core’s SeamClient', () => {
  it('builtInKeypad: ongoing and natively scheduled codes from start to removal; a backup pulled', async () => {
    const { seam, phase, create, at, advance } = tour('builtInKeypad');
    const ongoing = created(await create({ code: '4826', name: 'Ana' }));
    expect(await phase(ongoing.access_code_id)).toBe('pending');
    advance(500);
    expect(await phase(ongoing.access_code_id)).toBe('programming');
    advance(4_000);
    expect(await phase(ongoing.access_code_id)).toBe('active');
    await seam.accessCodes.delete({ access_code_id: ongoing.access_code_id });
    expect(await phase(ongoing.access_code_id)).toBe('removing');
    advance(3_000);
    expect(await phase(ongoing.access_code_id)).toBe('removed');

    const stay = created(
      await create({
        code: '7315',
        starts_at: at(4 * day),
        ends_at: at(6 * day),
        use_backup_access_code_pool: true,
      }),
    );
    expect(await phase(stay.access_code_id)).toBe('pending');
    advance(day + minute);
    expect(await phase(stay.access_code_id)).toBe('scheduled');
    const backup = await seam.accessCodes.pullBackupAccessCode({
      access_code_id: stay.access_code_id,
    });
    expect(backup).toMatchObject({ is_backup: true, ends_at: stay.ends_at });
    advance(3 * day);
    expect(await phase(stay.access_code_id)).toBe('active');
    advance(2 * day + 5_000);
    expect(await phase(stay.access_code_id)).toBe('removed');
  });

  it('keypadDisconnected: refused until the keypad is back, then set', async () => {
    const { sandbox, phase, create, advance, device_id } = tour('keypadDisconnected');
    const refused = await create({ code: '4455' });
    expect(isSeamInvalidInputError(refused) && refused.validationErrors['device_id']).toBeTruthy();
    sandbox.control.setKeypadConnected(device_id, true);
    const code = created(await create({ code: '4455' }));
    advance(5_000);
    expect(await phase(code.access_code_id)).toBe('active');
  });

  it('lowKeypadBattery: works, and fails while its keypad is unplugged', async () => {
    const { sandbox, seam, phase, create, advance, device_id } = tour('lowKeypadBattery');
    const device = await seam.devices.get({ device_id });
    expect(device.properties.accessory_keypad?.battery?.level).toBe(0.12);
    const code = created(await create({ code: '2580' }));
    sandbox.control.setKeypadConnected(device_id, false);
    advance(5_000);
    expect(await phase(code.access_code_id)).toBe('failed');
    sandbox.control.setKeypadConnected(device_id, true);
    advance(2 * minute + 5_000);
    expect(await phase(code.access_code_id)).toBe('active');
  });

  it('offline: programming, then delayed, then set when it reconnects', async () => {
    const { sandbox, phase, create, advance, device_id } = tour('offline');
    const code = created(await create({ code: '5151' }));
    advance(minute);
    expect(await phase(code.access_code_id)).toBe('programming');
    advance(5 * minute);
    expect(await phase(code.access_code_id)).toBe('delayed');
    sandbox.control.setDeviceOnline(device_id, true);
    advance(5_000);
    expect(await phase(code.access_code_id)).toBe('active');
  });

  it('accountDisconnected: its code is unknown and new ones are refused until the account is back', async () => {
    const { sandbox, seam, phase, create, device_id } = tour('accountDisconnected');
    const [seeded] = await seam.accessCodes.list({ device_id });
    expect(await phase(seeded!.access_code_id)).toBe('unknown');
    expect(await create({ code: '1234' })).toBeInstanceOf(Error);
    sandbox.control.setAccountConnected(
      sandbox.catalogue.connectedAccounts.smartthingsDisconnected,
      true,
    );
    expect(await phase(seeded!.access_code_id)).toBe('active');
  });

  it('nuki: its PIN and name rules are enforced; a valid code is set', async () => {
    const { phase, create, advance } = tour('nuki');
    expect(await create({ code: '120456' })).toBeInstanceOf(Error);
    expect(
      await create({ code: '345678', name: 'A guest name longer than twenty' }),
    ).toBeInstanceOf(Error);
    const code = created(await create({ code: '345678', name: 'Ana' }));
    advance(7_000);
    expect(await phase(code.access_code_id)).toBe('active');
  });

  it('kwikset: the start must be in the future; then scheduled and active', async () => {
    const { phase, create, at, advance } = tour('kwikset');
    expect(await create({ code: '5273', starts_at: at(-minute), ends_at: at(day) })).toBeInstanceOf(
      Error,
    );
    const code = created(
      await create({ code: '5273', starts_at: at(2 * day), ends_at: at(4 * day) }),
    );
    advance(10_000);
    expect(await phase(code.access_code_id)).toBe('scheduled');
    advance(2 * day);
    expect(await phase(code.access_code_id)).toBe('active');
  });

  it('schlage: first four digits distinct; an edit in the lock app is undone by Seam', async () => {
    const { sandbox, seam, phase, create, advance } = tour('schlage');
    expect(await create({ code: '11234' })).toBeInstanceOf(Error);
    const code = created(await create({ code: '40517' }));
    advance(6_000);
    sandbox.control.modifyCodeExternally(code.access_code_id, {
      change: 'modified',
      code: '99887',
    });
    // Seam is putting it back: programming again, with the error telling why.
    expect(await phase(code.access_code_id)).toBe('programming');
    const restoring = await seam.accessCodes.get({ access_code_id: code.access_code_id });
    expect(restoring.errors.map((error) => error.error_code)).toEqual([
      'conflicting_external_modification',
    ]);
    advance(6_000);
    expect(await phase(code.access_code_id)).toBe('active');
  });

  it('salto: awaiting the code until the lock assigns it', async () => {
    const { phase, create, advance } = tour('salto');
    expect(await create({ code: '123456' })).toBeInstanceOf(Error);
    const code = created(await create({ name: 'Desk 4' }));
    expect(await phase(code.access_code_id)).toBe('awaiting_code');
    advance(6_000);
    expect(await phase(code.access_code_id)).toBe('active');
  });

  it('ttlock: no 0, 8 or 9; a generated PIN is accepted', async () => {
    const { seam, phase, create, advance, device_id } = tour('ttlock');
    expect(await create({ code: '1089' })).toBeInstanceOf(Error);
    const pin = await seam.accessCodes.generateCode({ device_id });
    expect(pin).toMatch(/^[1-7]+$/);
    const code = created(await create({ code: pin }));
    advance(8_000);
    expect(await phase(code.access_code_id)).toBe('active');
  });

  it('nativeScheduling: preloaded 72 h ahead, set at the start', async () => {
    const { phase, create, at, advance } = tour('nativeScheduling');
    const code = created(
      await create({ code: '48215', starts_at: at(5 * day), ends_at: at(6 * day) }),
    );
    advance(2 * day - minute);
    expect(await phase(code.access_code_id)).toBe('pending');
    advance(2 * minute);
    expect(await phase(code.access_code_id)).toBe('scheduled');
    advance(3 * day);
    expect(await phase(code.access_code_id)).toBe('active');
  });

  it('justInTime: pending until an hour before the start, then programmed', async () => {
    const { phase, create, at, advance } = tour('justInTime');
    const code = created(
      await create({ code: '736451', starts_at: at(day), ends_at: at(2 * day) }),
    );
    advance(day - hour - 1_000);
    expect(await phase(code.access_code_id)).toBe('pending');
    advance(2_000);
    expect(await phase(code.access_code_id)).toBe('programming');
    advance(4_000);
    expect(await phase(code.access_code_id)).toBe('active');
  });

  it('offlineCodes: an offline code registered and lapsing; an online one too', async () => {
    const { phase, create, advance } = tour('offlineCodes');
    const offline = created(
      await create({
        is_offline_access_code: true,
        starts_at: '2026-03-03T08:00:00Z',
        ends_at: '2026-03-04T08:00:00Z',
      }),
    );
    expect(await phase(offline.access_code_id)).toBe('awaiting_code');
    advance(5_000);
    expect(await phase(offline.access_code_id)).toBe('active');
    const online = created(await create({ code: '482615'.slice(0, 6) }));
    advance(5_000);
    expect(await phase(online.access_code_id)).toBe('active');
    advance(2 * day);
    expect(await phase(offline.access_code_id)).toBe('removed');
  });

  it('nearlyFull: one more code fits, the next is refused until a slot is freed', async () => {
    const { seam, phase, create, advance, device_id } = tour('nearlyFull');
    const fifth = created(await create({ code: '2468' }));
    advance(5_000);
    expect(await phase(fifth.access_code_id)).toBe('active');
    const full = await create({ code: '1357' });
    expect(isSeamInvalidInputError(full) && full.validationErrors['device_id']).toBeTruthy();
    const [oldest] = await seam.accessCodes.list({ device_id });
    await seam.accessCodes.delete({ access_code_id: oldest!.access_code_id });
    advance(5_000);
    const sixth = created(await create({ code: '1357' }));
    advance(5_000);
    expect(await phase(sixth.access_code_id)).toBe('active');
  });

  it('noAccessCodes: refused, and says why', async () => {
    const { create } = tour('noAccessCodes');
    const refused = await create({ code: '4827' });
    expect(isSeamInvalidInputError(refused) && refused.message).toMatch(
      /does not support online access codes/,
    );
  });

  it('failing: failed while the third-party app interferes, active once it stops', async () => {
    const { sandbox, phase, create, advance, device_id } = tour('failing');
    const code = created(await create({ code: '2019' }));
    advance(10_000);
    expect(await phase(code.access_code_id)).toBe('failed');
    advance(30 * minute);
    expect(await phase(code.access_code_id)).toBe('failed');
    sandbox.control.configureDevice(device_id, { setFailureProbability: 0 });
    sandbox.control.setDeviceWarning(device_id, 'third_party_integration_detected', false);
    advance(3 * minute);
    expect(await phase(code.access_code_id)).toBe('active');
  });

  it('slow: delayed before set; a removal that fails is removing_failed, then removed', async () => {
    const { sandbox, seam, phase, create, advance, device_id } = tour('slow');
    const code = created(await create({ code: '3344' }));
    advance(6 * minute);
    expect(await phase(code.access_code_id)).toBe('delayed');
    advance(15 * minute);
    expect(await phase(code.access_code_id)).toBe('active');
    sandbox.control.failNextRemove(device_id);
    await seam.accessCodes.delete({ access_code_id: code.access_code_id });
    advance(12 * minute + 1_000);
    expect(await phase(code.access_code_id)).toBe('removing_failed');
    advance(20 * minute);
    expect(await phase(code.access_code_id)).toBe('removed');
  });

  it('ownerOnly: the API key sees it, the demo client session does not', async () => {
    const { sandbox, phase, create, advance, device_id } = tour('ownerOnly');
    const code = created(await create({ code: '9090' }));
    advance(5_000);
    expect(await phase(code.access_code_id)).toBe('active');
    const browser = clientFor(sandbox, 'clientSessionToken');
    await expect(browser.devices.get({ device_id })).rejects.toMatchObject({
      type: 'device_not_found',
    });
    await expect(
      browser.accessCodes.get({ access_code_id: code.access_code_id }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it('otherWorkspace: only its own workspace key sees it', async () => {
    const { sandbox, device_id } = tour('otherWorkspace');
    const phases = seen.get('otherWorkspace')!;
    expect(phases).toEqual([]);
    const theirs = clientFor(sandbox, 'otherWorkspaceApiKey');
    const code = await theirs.accessCodes.create({ device_id, code: '6543' });
    sandbox.clock.advance(5_000);
    phases.push(
      derivePhase(
        await theirs.accessCodes.get({ access_code_id: code.access_code_id }),
        sandbox.clock.now(),
      ),
    );
    expect(phases).toEqual(['active']);
    const mine = clientFor(sandbox, 'apiKey');
    await expect(mine.devices.get({ device_id })).rejects.toMatchObject({ status: 404 });
  });

  it('survives a restart: a snapshot restored serves the same codes to a new client', async () => {
    const { sandbox, seam, create, advance } = tour('builtInKeypad');
    const code = created(await create({ code: '1470' }));
    advance(5_000);
    const restored = createSandbox({ speed: 0, state: sandbox.snapshot() });
    const again = clientFor(restored, 'apiKey');
    expect(await again.accessCodes.get({ access_code_id: code.access_code_id })).toEqual(
      await seam.accessCodes.get({ access_code_id: code.access_code_id }),
    );
  });

  it('together, the tour reaches every role and every phase a code can be in', () => {
    expect([...seen.keys()].sort()).toEqual([...SANDBOX_DEVICE_ROLES].sort());
    const all = new Set([...seen.values()].flat());
    // `submitting` exists only inside a client while its request is in flight.
    expect([...all].sort()).toEqual(
      DERIVED_PHASES.filter((phase) => phase !== 'submitting').sort(),
    );
  });
});
