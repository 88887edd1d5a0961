/**
 * How many requests the poll source makes: one `/access_codes/list` per tick for every code due,
 * whatever their number (up to the per-request maximum), codes drifting into shared ticks, nothing
 * while the page is hidden or while time-bound codes wait for their due moments.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessCode } from '@seamapi/types/connect';
import { MAX_IDS_PER_REQUEST } from '../../src/verify/index.js';
import {
  DAY,
  HOUR,
  MINUTE,
  SECOND,
  START,
  manualVisibility,
  sandboxStateWithLocks,
  setup,
  type Harness,
} from './support/harness.js';

let harness: Harness;
afterEach(async () => {
  await harness?.dispose();
});

/** Requests grouped by the virtual instant they were sent at. */
function requestsPerTick(h: Harness): number[] {
  const perTick = new Map<number, number>();
  for (const request of h.network.requests) {
    perTick.set(request.at, (perTick.get(request.at) ?? 0) + 1);
  }
  return [...perTick.values()];
}

async function createOn(h: Harness, deviceIds: readonly string[], count: number) {
  const codes: AccessCode[] = [];
  for (let index = 0; index < count; index += 1) {
    codes.push(
      await h.create({ device_id: deviceIds[index % deviceIds.length]!, name: `Guest ${index}` }),
    );
  }
  return codes;
}

describe('200 codes on 40 locks', () => {
  it('cost exactly one request per poll tick until all are active', async () => {
    const { state, deviceIds } = sandboxStateWithLocks(40);
    harness = setup({ sandbox: { state } });
    // Realistic spread: each lock takes between 3 s and 3.5 minutes to program a code.
    deviceIds.forEach((deviceId, index) => {
      harness.sandbox.control.configureDevice(deviceId, { setLatencyMs: 3_000 + index * 5_000 });
    });
    const codes = await createOn(harness, deviceIds, 200);
    for (const code of codes) harness.verifier.watch(code);
    await harness.verifier.ready;
    const ids = codes.map((code) => code.access_code_id);
    await harness.advanceUntil(
      () => ids.every((id) => harness.verifier.getSnapshot(id)?.phase === 'active'),
      10 * MINUTE,
    );
    const ticks = requestsPerTick(harness);
    expect(ticks.length).toBeGreaterThan(5);
    expect(ticks.every((count) => count === 1)).toBe(true);
    expect(harness.network.count('/access_codes/list')).toBe(ticks.length);
    const first = harness.network.requests[0]!;
    expect((first.body.access_code_ids as string[]).length).toBe(200);
    // Twenty-odd ticks for 200 codes over 3.5 minutes; one request per code per tick would be thousands.
    expect(ticks.length).toBeLessThan(40);
  });
});

describe('more codes than one request carries', () => {
  it(`splits a tick into requests of at most ${MAX_IDS_PER_REQUEST} ids`, async () => {
    const { state, deviceIds } = sandboxStateWithLocks(6);
    harness = setup({ sandbox: { state, rateLimits: false } });
    const codes = await createOn(harness, deviceIds, MAX_IDS_PER_REQUEST + 1);
    for (const code of codes) harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.clock.advance(2 * SECOND);
    const sizes = harness.network.requests.map(
      (request) => (request.body.access_code_ids as string[]).length,
    );
    expect(sizes).toEqual([MAX_IDS_PER_REQUEST, 1]);
    const all = new Set(
      harness.network.requests.flatMap((request) => request.body.access_code_ids as string[]),
    );
    expect(all.size).toBe(MAX_IDS_PER_REQUEST + 1);
  });
});

describe('codes watched at different moments', () => {
  it('drift into shared ticks instead of each keeping its own schedule', async () => {
    harness = setup();
    harness.sandbox.control.configureDevice(harness.devices.builtInKeypad, {
      setLatencyMs: 10 * MINUTE,
    });
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const code = await harness.create({
        device_id: harness.devices.builtInKeypad,
        name: `G${index}`,
      });
      harness.verifier.watch(code);
      ids.push(code.access_code_id);
      await harness.clock.advance(700);
    }
    await harness.clock.advance(5 * MINUTE);
    const late = harness.network.requests.filter(
      (request) => request.at > Date.parse(START) + MINUTE,
    );
    expect(late.length).toBeGreaterThan(0);
    for (const request of late) {
      expect([...(request.body.access_code_ids as string[])].sort()).toEqual([...ids].sort());
    }
  });
});

describe('a hidden page', () => {
  it('makes no periodic requests while hidden and looks at once when visible again', async () => {
    const visibility = manualVisibility();
    harness = setup({ verifier: { visibility } });
    harness.sandbox.control.configureDevice(harness.devices.builtInKeypad, {
      setLatencyMs: 5 * MINUTE,
    });
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.clock.advance(10 * SECOND);
    visibility.set(true);
    const hiddenAt = harness.sandbox.clock.now();
    await harness.clock.advance(20 * MINUTE);
    expect(harness.network.requests.filter((request) => request.at > hiddenAt)).toEqual([]);
    expect(harness.state(id).phase).toBe('programming');
    visibility.set(false);
    await harness.clock.runDue();
    expect(harness.state(id).phase).toBe('active');
    expect(harness.network.requests.filter((request) => request.at > hiddenAt)).toHaveLength(1);
  });
});

describe('time-bound codes far ahead', () => {
  it('cost nothing while they wait: 30 stays over the next weeks sleep until their due moments', async () => {
    harness = setup({ sandbox: { rateLimits: false } });
    const start = Date.parse(START);
    const codes: AccessCode[] = [];
    for (let index = 0; index < 30; index += 1) {
      const startsAt = start + (10 + index) * DAY;
      codes.push(
        await harness.create({
          device_id: harness.devices.justInTime,
          name: `Stay ${index}`,
          starts_at: new Date(startsAt).toISOString(),
          ends_at: new Date(startsAt + 2 * DAY).toISOString(),
        }),
      );
    }
    for (const code of codes) harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.clock.advance(HOUR);
    const afterLookAround = harness.network.count();
    // The first 15 minutes look fast (a new code may be acted on at once); all in shared ticks.
    expect(requestsPerTick(harness).every((count) => count === 1)).toBe(true);
    await harness.clock.advance(6 * DAY);
    expect(harness.network.count()).toBe(afterLookAround);
    // At 72 h before the first stay starts, one tick for the codes due then.
    await harness.clock.advance(2 * DAY);
    expect(harness.network.count()).toBeGreaterThan(afterLookAround);
  });
});
