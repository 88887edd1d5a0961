import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../src/index.js';
import { callerFor, day, hour, minute } from './support/api.js';

/** A busy scenario: random failures, generated PINs, schedules, faults, updates and deletes. */
async function scenario(seed: number): Promise<Sandbox> {
  const sandbox = createSandbox({
    seed,
    speed: 0,
    start: '2026-03-02T15:00:00Z',
    rateLimits: false,
  });
  const api = callerFor(sandbox.fetch, 'http://sandbox.test', sandbox.credentials.apiKey);
  const { devices } = sandbox.catalogue;
  for (const role of ['builtInKeypad', 'schlage', 'nuki', 'justInTime'] as const) {
    sandbox.control.configureDevice(devices[role], {
      setFailureProbability: 0.35,
      removeFailureProbability: 0.2,
    });
  }
  const ids: string[] = [];
  const roles = [
    'builtInKeypad',
    'schlage',
    'nuki',
    'justInTime',
    'nativeScheduling',
    'salto',
  ] as const;
  for (let round = 0; round < 6; round++) {
    for (const [index, role] of roles.entries()) {
      const now = sandbox.clock.now();
      const timeBound = (round + index) % 2 === 0;
      const response = await api<{ access_code: { access_code_id: string } }>(
        '/access_codes/create',
        {
          device_id: devices[role],
          name: `Guest ${round}-${index}`,
          ...(timeBound
            ? {
                starts_at: new Date(now + (index + 1) * 7 * hour).toISOString(),
                ends_at: new Date(now + (index + 2) * day).toISOString(),
              }
            : {}),
        },
      );
      expect(response.status).toBe(200);
      ids.push(response.body.access_code.access_code_id);
    }
    sandbox.clock.advance(17 * minute);
    if (round === 2) sandbox.control.setDeviceOnline(devices.schlage, false);
    if (round === 3) sandbox.control.setDeviceOnline(devices.schlage, true);
    await api('/access_codes/update', {
      access_code_id: ids[round * 2]!,
      name: `Renamed ${round}`,
    });
    await api('/access_codes/delete', { access_code_id: ids[round * 3]! });
  }
  sandbox.clock.advance(10 * day);
  return sandbox;
}

describe('determinism', () => {
  it('the same seed and the same clock steps give byte-identical event logs and states', async () => {
    const first = await scenario(1);
    const second = await scenario(1);
    const log = JSON.stringify(first.events());
    expect(JSON.stringify(second.events())).toBe(log);
    expect(JSON.stringify(second.snapshot())).toBe(JSON.stringify(first.snapshot()));
    // The scenario is busy enough for that to mean something: failures happened and were retried.
    const types = first.events().map((event) => event.event_type);
    expect(
      types.filter((type) => type === 'access_code.failed_to_set_on_device').length,
    ).toBeGreaterThan(2);
    expect(types.filter((type) => type === 'access_code.set_on_device').length).toBeGreaterThan(20);
    expect(types).toContain('access_code.failed_to_remove_from_device');
    expect(types).toContain('access_code.removed_from_device');
    expect(first.events().length).toBeGreaterThan(100);
  });

  it('another seed gives another run', async () => {
    const one = await scenario(1);
    const other = await scenario(2);
    expect(JSON.stringify(other.events())).not.toBe(JSON.stringify(one.events()));
  });
});
