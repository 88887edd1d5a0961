/**
 * Every lifecycle path of the sandbox's catalogue, followed by the verifier's poll source over the
 * in-page fetch handler, in virtual time. Each test asserts the phases a subscriber saw, how soon
 * after the sandbox's own transition the verifier saw it, and the requests it took.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessCode } from '@seamapi/types/connect';
import { DAY, HOUR, MINUTE, SECOND, START, setup, type Harness } from './support/harness.js';

let harness: Harness;
afterEach(async () => {
  await harness?.dispose();
});

const start = Date.parse(START);

/** When the sandbox emitted the first event of `type` for the code (epoch ms). */
function eventAt(h: Harness, accessCodeId: string, type: string): number {
  const event = h.sandbox
    .events()
    .find(
      (candidate) =>
        candidate.event_type === type &&
        (candidate as { access_code_id?: string }).access_code_id === accessCodeId,
    );
  if (event === undefined) throw new Error(`the sandbox emitted no ${type} for ${accessCodeId}`);
  return Date.parse(event.occurred_at);
}

/** When subscribers first saw the code in `phase` (epoch ms). */
function seenAt(h: Harness, accessCodeId: string, phase: string): number {
  const entry = h.history.get(accessCodeId)?.find((item) => item.phase === phase);
  if (entry === undefined) throw new Error(`the verifier never showed ${accessCodeId} as ${phase}`);
  return entry.at;
}

function listRequestsBetween(h: Harness, from: number, to: number): number {
  return h.network.requests.filter(
    (request) => request.route === '/access_codes/list' && request.at > from && request.at < to,
  ).length;
}

/** Every request was a list of exactly this code. */
function expectOnlyListsOf(h: Harness, accessCodeId: string): void {
  for (const request of h.network.requests) {
    if (request.route === '/access_codes/list') {
      expect(request.body).toEqual({ access_code_ids: [accessCodeId] });
    }
  }
}

async function watchUntil(
  h: Harness,
  code: AccessCode,
  phase: string,
  limitMs: number,
  stepMs = SECOND,
): Promise<void> {
  h.verifier.watch(code);
  await h.verifier.ready;
  await h.advanceUntil(
    () => h.verifier.getSnapshot(code.access_code_id)?.phase === phase,
    limitMs,
    stepMs,
  );
}

describe('an ongoing code', () => {
  it('is followed from pending through programming to active, seen within one fast interval', async () => {
    harness = setup();
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    await watchUntil(harness, code, 'active', 2 * MINUTE);
    const id = code.access_code_id;
    expect(harness.phases(id)).toEqual(['pending', 'programming', 'active']);
    const lag = seenAt(harness, id, 'active') - eventAt(harness, id, 'access_code.set_on_device');
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThanOrEqual(3 * SECOND);
    expectOnlyListsOf(harness, id);
    // Active and ongoing: nothing is due, so it is looked at only every 30 minutes from now on.
    const before = harness.network.count();
    await harness.clock.advance(29 * MINUTE);
    expect(harness.network.count() - before).toBeLessThanOrEqual(1);
    expect(harness.state(id).issues).toEqual([]);
  });
});

describe('a time-bound code on a natively scheduling lock', () => {
  it('sleeps until 72 h before starts_at, sees the preload (scheduled), then sleeps until starts_at (active)', async () => {
    harness = setup();
    const startsAt = start + 5 * DAY;
    const code = await harness.create({
      device_id: harness.devices.nativeScheduling,
      name: 'Stay',
      starts_at: new Date(startsAt).toISOString(),
      ends_at: new Date(startsAt + 3 * DAY).toISOString(),
    });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.advanceUntil(() => harness.state(id).phase === 'scheduled', 3 * DAY, HOUR);
    const preloadAt = eventAt(harness, id, 'access_code.scheduled_on_device');
    expect(preloadAt).toBeGreaterThanOrEqual(startsAt - 72 * HOUR);
    expect(preloadAt).toBeLessThan(startsAt - 72 * HOUR + MINUTE);
    // Polled fast from the due moment: 2 s, then 3 s, 4.5 s...
    expect(seenAt(harness, id, 'scheduled') - preloadAt).toBeLessThanOrEqual(5 * SECOND);
    // After the first look-around (Seam may act at once on a new code), it slept until the preload.
    expect(listRequestsBetween(harness, start + 20 * MINUTE, startsAt - 72 * HOUR)).toBe(0);

    await harness.advanceUntil(() => harness.state(id).phase === 'active', 4 * DAY, HOUR);
    const setAt = eventAt(harness, id, 'access_code.set_on_device');
    expect(setAt).toBe(startsAt);
    expect(seenAt(harness, id, 'active') - setAt).toBeLessThanOrEqual(5 * SECOND);
    expect(listRequestsBetween(harness, preloadAt + 20 * MINUTE, startsAt)).toBe(0);
    expect(harness.phases(id)).toEqual(['pending', 'scheduled', 'active']);
    expectOnlyListsOf(harness, id);
  });
});

describe('a time-bound code on a just-in-time lock', () => {
  it('sleeps until 60 minutes before starts_at, then follows the programming to active', async () => {
    harness = setup();
    const startsAt = start + 2 * DAY;
    const code = await harness.create({
      device_id: harness.devices.justInTime,
      name: 'Stay',
      starts_at: new Date(startsAt).toISOString(),
      ends_at: new Date(startsAt + DAY).toISOString(),
    });
    const id = code.access_code_id;
    await watchUntil(harness, code, 'active', 3 * DAY, HOUR);
    expect(harness.phases(id)).toEqual(['pending', 'programming', 'active']);
    const setAt = eventAt(harness, id, 'access_code.set_on_device');
    expect(setAt).toBeGreaterThanOrEqual(startsAt - HOUR);
    expect(setAt).toBeLessThan(startsAt);
    expect(seenAt(harness, id, 'active') - setAt).toBeLessThanOrEqual(3 * SECOND);
    expect(listRequestsBetween(harness, start + 20 * MINUTE, startsAt - HOUR)).toBe(0);
    expectOnlyListsOf(harness, id);
  });

  it('goes to removing at ends_at and to removed once Seam deleted it, then stops', async () => {
    harness = setup();
    const startsAt = start + 2 * HOUR;
    const endsAt = startsAt + DAY;
    const code = await harness.create({
      device_id: harness.devices.justInTime,
      name: 'Short stay',
      starts_at: new Date(startsAt).toISOString(),
      ends_at: new Date(endsAt).toISOString(),
    });
    const id = code.access_code_id;
    await watchUntil(harness, code, 'removed', 2 * DAY, HOUR);
    expect(harness.phases(id)).toEqual(['pending', 'programming', 'active', 'removing', 'removed']);
    expect(seenAt(harness, id, 'removing')).toBe(endsAt);
    const state = harness.state(id);
    expect(state.terminal).toBe(true);
    const after = harness.network.count();
    await harness.clock.advance(DAY);
    expect(harness.network.count()).toBe(after);
  });
});

describe('a slow lock', () => {
  it('shows delayed when Seam warns, backs off to 30 s, and sees the code set', async () => {
    harness = setup();
    const code = await harness.create({ device_id: harness.devices.slow, name: 'Guest' });
    const id = code.access_code_id;
    await watchUntil(harness, code, 'active', HOUR, 10 * SECOND);
    expect(harness.phases(id)).toEqual(['pending', 'programming', 'delayed', 'active']);
    const delayedIssue = harness.history.get(id)?.find((item) => item.phase === 'delayed');
    expect(delayedIssue).toBeDefined();
    const lists = harness.network.requests.filter(
      (request) => request.route === '/access_codes/list',
    );
    const gaps = lists.slice(1).map((request, index) => request.at - lists[index]!.at);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(30 * SECOND);
    // About 20 minutes of programming at most every 30 s (and faster after each change).
    expect(lists.length).toBeLessThan(60);
    expect(
      seenAt(harness, id, 'active') - eventAt(harness, id, 'access_code.set_on_device'),
    ).toBeLessThanOrEqual(30 * SECOND);
  });
});

describe('failures', () => {
  it('a failed attempt shows failed with guidance, and the retry that works shows active', async () => {
    harness = setup();
    harness.sandbox.control.failNextSet(harness.devices.builtInKeypad, 1);
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.advanceUntil(() => harness.state(id).phase === 'failed', 5 * MINUTE);
    const failed = harness.state(id);
    expect(failed.issues.map((issue) => issue.code)).toContain('failed_to_set_on_device');
    expect(failed.terminal).toBe(false);
    await harness.advanceUntil(() => harness.state(id).phase === 'active', 10 * MINUTE);
    expect(harness.phases(id)).toEqual(['pending', 'programming', 'failed', 'active']);
    expect(harness.state(id).issues).toEqual([]);
  });

  it('a lock that always fails is polled less and less, never more rarely than every 2 minutes', async () => {
    harness = setup();
    const code = await harness.create({ device_id: harness.devices.failing, name: 'Guest' });
    const id = code.access_code_id;
    await watchUntil(harness, code, 'failed', 5 * MINUTE);
    const from = harness.sandbox.clock.now();
    await harness.clock.advance(HOUR);
    const lists = harness.network.requests.filter(
      (request) => request.route === '/access_codes/list' && request.at > from,
    );
    const gaps = lists.slice(1).map((request, index) => request.at - lists[index]!.at);
    // Backing off by 1.5 from 2 s after each news (the failure, then Seam's delay warning)...
    for (let index = 1; index < gaps.length; index += 1) {
      expect(gaps[index]! >= gaps[index - 1]! || gaps[index] === 2 * SECOND).toBe(true);
    }
    // ...to the ceiling for codes Seam keeps retrying, where it stays.
    expect(gaps.slice(-20)).toEqual(Array<number>(20).fill(2 * MINUTE));
    expect(lists.length).toBeLessThanOrEqual(50);
    expect(harness.state(id).phase).toBe('failed');
  });
});

describe('removal', () => {
  it('a delete through the verifier shows removing, then removed once Seam answers 404', async () => {
    harness = setup();
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    await watchUntil(harness, code, 'active', MINUTE);
    await harness.clock.advance(SECOND);
    await harness.verifier.deleteAccessCode(id);
    expect(harness.state(id).phase).toBe('removing');
    await harness.advanceUntil(() => harness.state(id).phase === 'removed', 5 * MINUTE);
    expect(harness.phases(id).slice(-3)).toEqual(['active', 'removing', 'removed']);
    expect(harness.network.count('/access_codes/delete')).toBe(1);
    expect(harness.network.count('/access_codes/get')).toBe(1);
    expect(harness.state(id).removal?.evidence).toBe('not_found');
    const after = harness.network.count();
    await harness.clock.advance(HOUR);
    expect(harness.network.count()).toBe(after);
  });

  it('a code deleted elsewhere goes removed on the next look: missing from the list, confirmed by a 404', async () => {
    harness = setup();
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    await watchUntil(harness, code, 'active', MINUTE);
    await harness.api('/access_codes/delete', { access_code_id: id });
    await harness.clock.advance(10 * MINUTE);
    // Active and ongoing: the next look is the quiet one, 30 minutes after the last.
    await harness.advanceUntil(() => harness.state(id).phase === 'removed', 30 * MINUTE, MINUTE);
    expect(harness.network.count('/access_codes/get')).toBe(1);
  });

  it('a 404 for a code that never existed ends the verification at once', async () => {
    harness = setup();
    const id = '3b9f0c1e-2d4a-4f5b-8c6d-7e8f9a0b1c2d';
    harness.verifier.watch(id);
    await harness.verifier.ready;
    await harness.clock.runDue();
    expect(harness.state(id).phase).toBe('removed');
    expect(harness.network.requests.map((request) => request.route)).toEqual([
      '/access_codes/list',
      '/access_codes/get',
    ]);
  });
});

describe('an account that loses its authorisation', () => {
  it('shows unknown while disconnected and active again once reconnected', async () => {
    harness = setup();
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    await watchUntil(harness, code, 'active', MINUTE);
    const account = harness.sandbox.catalogue.connectedAccounts.yale;
    harness.sandbox.control.setAccountConnected(account, false);
    // An active ongoing code is quiet: the next look comes within 30 minutes.
    await harness.advanceUntil(() => harness.state(id).phase === 'unknown', 31 * MINUTE, MINUTE);
    expect(harness.state(id).issues.map((issue) => issue.code)).toContain('account_disconnected');
    harness.sandbox.control.setAccountConnected(account, true);
    const waited = await harness.advanceUntil(
      () => harness.state(id).phase === 'active',
      10 * MINUTE,
    );
    // `unknown` with a snapshot is "stuck": looked at least every 2 minutes.
    expect(waited).toBeLessThanOrEqual(2 * MINUTE + SECOND);
    expect(harness.phases(id).slice(-3)).toEqual(['active', 'unknown', 'active']);
  });
});
