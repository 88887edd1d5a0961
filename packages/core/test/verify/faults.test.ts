/**
 * Transport trouble: 429 storms, dropped connections, 5xx, refused credentials. Rate limits and
 * outages come from the sandbox itself (its read faults, answered as Seam answers them); dropped
 * connections, which no server can answer with, are injected at the network edge in front of it.
 * The verifier must back off (honouring `Retry-After`), show the codes as degraded, never stop,
 * and recover on its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE, SECOND, setup, type Harness } from './support/harness.js';

let harness: Harness;
afterEach(async () => {
  await harness?.dispose();
});

function listTimes(h: Harness, after = 0): number[] {
  return h.network.requests
    .filter((request) => request.route === '/access_codes/list' && request.at > after)
    .map((request) => request.at);
}

function gaps(times: number[]): number[] {
  return times.slice(1).map((time, index) => time - times[index]!);
}

async function programmingCode(h: Harness, deviceRole: 'builtInKeypad' | 'slow' = 'slow') {
  const code = await h.create({ device_id: h.devices[deviceRole], name: 'Guest' });
  h.verifier.watch(code);
  await h.verifier.ready;
  await h.advanceUntil(
    () => h.verifier.getSnapshot(code.access_code_id)?.phase === 'programming',
    MINUTE,
  );
  return code.access_code_id;
}

describe('a 429 storm', () => {
  it('waits out Retry-After between tries, shows the codes degraded, and recovers', async () => {
    harness = setup();
    const id = await programmingCode(harness);
    const stormFrom = harness.sandbox.clock.now();
    harness.sandbox.control.faultReads({
      routes: ['/access_codes/list'],
      status: 429,
      retryAfterS: 30,
      count: 5,
    });
    await harness.advanceUntil(() => harness.state(id).flags.connectionDegraded, MINUTE);
    const degraded = harness.state(id);
    expect(degraded.issues.find((issue) => issue.scope === 'transport')?.code).toBe('rate_limited');
    expect(degraded.phase).toBe('programming');
    await harness.advanceUntil(() => !harness.state(id).flags.connectionDegraded, 10 * MINUTE);
    const times = listTimes(harness, stormFrom);
    const statuses = harness.network.requests
      .filter((request) => request.route === '/access_codes/list' && request.at > stormFrom)
      .map((request) => request.status);
    expect(statuses.slice(0, 6)).toEqual([429, 429, 429, 429, 429, 200]);
    // Never sooner than Seam asked, one request per try.
    for (const gap of gaps(times).slice(0, 5)) expect(gap).toBeGreaterThanOrEqual(30 * SECOND);
    expect(harness.state(id).issues.filter((issue) => issue.scope === 'transport')).toEqual([]);
    await harness.advanceUntil(
      () => harness.state(id).phase === 'active',
      30 * MINUTE,
      10 * SECOND,
    );
  });

  it('costs one request per try for 50 codes, not one per code', async () => {
    harness = setup({ sandbox: { rateLimits: false } });
    const ids: string[] = [];
    for (let index = 0; index < 50; index += 1) {
      const code = await harness.create({
        device_id: harness.devices.slow,
        name: `Guest ${index}`,
      });
      harness.verifier.watch(code);
      ids.push(code.access_code_id);
    }
    await harness.verifier.ready;
    harness.sandbox.control.faultReads({
      routes: ['/access_codes/list', '/access_codes/get'],
      status: 429,
      retryAfterS: 20,
      count: 3,
    });
    await harness.clock.advance(2 * MINUTE);
    expect(harness.network.requests.filter((request) => request.status === 429)).toHaveLength(3);
    for (const request of harness.network.requests) {
      expect(request.route).toBe('/access_codes/list');
      expect((request.body.access_code_ids as string[]).length).toBe(50);
    }
    expect(ids.every((id) => !harness.state(id).flags.connectionDegraded)).toBe(true);
  });
});

describe('network drops', () => {
  it('back off exponentially while the network is down, keep the last state, then catch up', async () => {
    harness = setup();
    const id = await programmingCode(harness, 'builtInKeypad');
    const dropFrom = harness.sandbox.clock.now();
    harness.network.inject({ kind: 'network_down' }, 6);
    await harness.advanceUntil(() => harness.network.count() >= 8, 10 * MINUTE);
    const times = listTimes(harness, dropFrom);
    // Equal jitter with random() = 0.5: three quarters of 2 s, 4 s, 8 s, 16 s, 32 s, 64 s.
    expect(gaps(times).slice(0, 6)).toEqual([1_500, 3_000, 6_000, 12_000, 24_000, 48_000]);
    const state = harness.state(id);
    expect(state.phase).not.toBe('unknown');
    // The set happened while we could not look; the first look after the drop shows it.
    expect(state.phase).toBe('active');
    expect(state.flags.connectionDegraded).toBe(false);
    expect(harness.phases(id)).toEqual(['pending', 'programming', 'active']);
  });

  it('mark the code degraded with the network guidance while they last', async () => {
    harness = setup();
    const id = await programmingCode(harness, 'slow');
    harness.network.inject({ kind: 'network_down' }, 100);
    await harness.advanceUntil(() => harness.state(id).flags.connectionDegraded, MINUTE);
    const issue = harness.state(id).issues.find((candidate) => candidate.scope === 'transport');
    expect(issue?.code).toBe('network_error');
    // Hours of outage: tries settle at one every 5 minutes at most (3.75 min with this jitter).
    await harness.clock.advance(60 * MINUTE);
    const late = gaps(listTimes(harness)).slice(-3);
    expect(late).toEqual([225_000, 225_000, 225_000]);
    harness.network.heal();
    await harness.advanceUntil(() => !harness.state(id).flags.connectionDegraded, 10 * MINUTE);
  });
});

describe('server errors and refusals', () => {
  it('5xx answers are retried with backoff like drops', async () => {
    harness = setup();
    const id = await programmingCode(harness, 'slow');
    harness.sandbox.control.faultReads({ routes: ['/access_codes/list'], status: 503, count: 3 });
    await harness.advanceUntil(
      () =>
        harness.network.requests.filter((request) => request.status === 503).length === 3 &&
        !harness.state(id).flags.connectionDegraded,
      5 * MINUTE,
    );
    expect(harness.state(id).phase).toBe('programming');
  });

  it('a refused credential (401) waits the longest backoff instead of hammering Seam', async () => {
    harness = setup({ clientSessionToken: 'seam_cst_revoked_000000000000000000000000' });
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.clock.advance(30 * MINUTE);
    const statuses = harness.network.requests.map((request) => request.status);
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(harness.state(id).issues.some((issue) => issue.code === 'unauthorized')).toBe(true);
    expect(harness.state(id).flags.connectionDegraded).toBe(true);
    // Three quarters of the 5-minute ceiling between tries: 8 tries in 30 minutes, not 900.
    expect(gaps(listTimes(harness))).toEqual(Array<number>(7).fill(225_000));
  });
});
