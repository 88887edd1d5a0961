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

/** Creates a time-bound code on `deviceId` from `startsAt` for three days and follows it. */
async function follow(deviceId: string, startsAt = start - MINUTE): Promise<string> {
  const code = await harness.create({
    device_id: deviceId,
    name: 'Started stay',
    starts_at: new Date(startsAt).toISOString(),
    ends_at: new Date(startsAt + 3 * DAY).toISOString(),
  });
  harness.verifier.watch(code);
  await harness.verifier.ready;
  return code.access_code_id;
}

async function expectActiveWithin(id: string, limitMs: number, stepMs: number): Promise<void> {
  await harness.advanceUntil(() => harness.state(id).phase === 'active', limitMs, stepMs);
  expect(harness.state(id).phase).toBe('active');
}

describe('a time-bound code whose window has begun', () => {
  for (const role of ['slow', 'justInTime', 'nativeScheduling', 'builtInKeypad'] as const) {
    it(`on the ${role} lock: followed to active while Seam programs it`, async () => {
      harness = setup();
      const id = await follow(harness.devices[role]);
      await expectActiveWithin(id, 2 * HOUR, SECOND);
    });
  }

  it('still unset after the first look-around (a lock that takes 40 min): followed to active, not left until ends_at', async () => {
    harness = setup();
    const deviceId = harness.devices.builtInKeypad;
    harness.sandbox.control.configureDevice(deviceId, { setLatencyMs: 40 * MINUTE });
    const id = await follow(deviceId);
    await expectActiveWithin(id, 2 * HOUR, 10 * SECOND);
  });

  it('on a lock that is offline for an hour after creation: seen active within a minute of the set', async () => {
    harness = setup();
    const deviceId = harness.devices.builtInKeypad;
    harness.sandbox.control.setDeviceOnline(deviceId, false);
    const id = await follow(deviceId);
    await harness.clock.advance(HOUR);
    harness.sandbox.control.setDeviceOnline(deviceId, true);
    await expectActiveWithin(id, 2 * HOUR, 10 * SECOND);
    const setEvent = harness.sandbox
      .events()
      .find((event) => event.event_type === 'access_code.set_on_device');
    expect(setEvent).toBeDefined();
    expect(harness.clock.now() - Date.parse(setEvent!.occurred_at)).toBeLessThanOrEqual(MINUTE);
  });

  it('on a just-in-time lock, starting within the 60-minute lead: followed to active', async () => {
    harness = setup();
    const id = await follow(harness.devices.justInTime, start + 20 * MINUTE);
    await expectActiveWithin(id, 2 * HOUR, SECOND);
  });
});
