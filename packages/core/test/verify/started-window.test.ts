/**
 * Time-bound codes whose window has already started (or starts within the lock's lead time) when
 * they are created: Seam programs them at once, so the verifier must keep looking until they are
 * set, not sleep until a due time that has passed or until `ends_at`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND, START, setup, type Harness } from './support/harness.js';

let harness: Harness;
afterEach(async () => {
  await harness?.dispose();
});

const start = Date.parse(START);

describe('a time-bound code whose window has begun', () => {
  const locks = ['slow', 'justInTime', 'nativeScheduling', 'builtInKeypad'] as const;
  for (const role of locks) {
    it(`on the ${role} lock: followed to active while Seam programs it`, async () => {
      harness = setup();
      const code = await harness.create({
        device_id: harness.devices[role],
        name: 'Started stay',
        starts_at: new Date(start - MINUTE).toISOString(),
        ends_at: new Date(start + 3 * DAY).toISOString(),
      });
      const id = code.access_code_id;
      harness.verifier.watch(code);
      await harness.verifier.ready;
      await harness.advanceUntil(() => harness.state(id).phase === 'active', 2 * HOUR, SECOND);
      expect(harness.state(id).phase).toBe('active');
    });
  }

  it('still unset after the first look-around (a lock that takes 40 min): followed to active, not left until ends_at', async () => {
    harness = setup();
    const deviceId = harness.devices.builtInKeypad;
    harness.sandbox.control.configureDevice(deviceId, { setLatencyMs: 40 * MINUTE });
    const code = await harness.create({
      device_id: deviceId,
      name: 'Started stay',
      starts_at: new Date(start - MINUTE).toISOString(),
      ends_at: new Date(start + 3 * DAY).toISOString(),
    });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.advanceUntil(() => harness.state(id).phase === 'active', 2 * HOUR, 10 * SECOND);
    expect(harness.state(id).phase).toBe('active');
  });

  it('on a lock that is offline for an hour after creation: seen active within a minute of the set', async () => {
    harness = setup();
    const deviceId = harness.devices.builtInKeypad;
    harness.sandbox.control.setDeviceOnline(deviceId, false);
    const code = await harness.create({
      device_id: deviceId,
      name: 'Started stay',
      starts_at: new Date(start - MINUTE).toISOString(),
      ends_at: new Date(start + 3 * DAY).toISOString(),
    });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.clock.advance(HOUR);
    harness.sandbox.control.setDeviceOnline(deviceId, true);
    await harness.advanceUntil(() => harness.state(id).phase === 'active', 2 * HOUR, 10 * SECOND);
    expect(harness.state(id).phase).toBe('active');
    const setEvent = harness.sandbox
      .events()
      .find((event) => event.event_type === 'access_code.set_on_device');
    expect(setEvent).toBeDefined();
    expect(harness.clock.now() - Date.parse(setEvent!.occurred_at)).toBeLessThanOrEqual(MINUTE);
  });

  it('on a just-in-time lock, starting within the 60-minute lead: followed to active', async () => {
    harness = setup();
    const code = await harness.create({
      device_id: harness.devices.justInTime,
      name: 'Soon',
      starts_at: new Date(start + 20 * MINUTE).toISOString(),
      ends_at: new Date(start + DAY).toISOString(),
    });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.advanceUntil(() => harness.state(id).phase === 'active', 2 * HOUR, SECOND);
    expect(harness.state(id).phase).toBe('active');
  });
});
