/**
 * The events source: `/events/list` for the watched codes with a cursor, alone or beside polling,
 * against the sandbox's recorded events.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessCode } from '@seamapi/types/connect';
import { VERIFIER_EVENT_TYPES, createMemoryStore } from '../../src/verify/index.js';
import { MINUTE, SECOND, sandboxStateWithLocks, setup, type Harness } from './support/harness.js';

let harness: Harness;
afterEach(async () => {
  await harness?.dispose();
});

describe('the events source alone', () => {
  it('follows a code to active with one /events/list per tick and no access-code reads', async () => {
    harness = setup({ verifier: { sources: { events: true } } });
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.advanceUntil(() => harness.state(id).phase === 'active', MINUTE);
    expect(harness.network.count('/access_codes/list')).toBe(0);
    const lists = harness.network.requests.filter((request) => request.route === '/events/list');
    expect(lists.length).toBe(harness.network.count());
    for (const request of lists) {
      expect(request.body.access_code_ids).toEqual([id]);
      expect(request.body.event_types).toEqual(VERIFIER_EVENT_TYPES);
      expect(typeof request.body.since).toBe('string');
    }
    const state = harness.state(id);
    expect(state.statusEvent?.eventType).toBe('access_code.set_on_device');
    const setAt = Date.parse(
      harness.sandbox.events().find((event) => event.event_type === 'access_code.set_on_device')!
        .occurred_at,
    );
    const seen = harness.history.get(id)!.find((item) => item.phase === 'active')!.at;
    expect(seen - setAt).toBeLessThanOrEqual(3 * SECOND);
  });

  it('asks for the code itself only when an event does not carry the news (a failure)', async () => {
    harness = setup({ verifier: { sources: { events: true } } });
    harness.sandbox.control.failNextSet(harness.devices.builtInKeypad, 1);
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.advanceUntil(() => harness.state(id).phase === 'failed', 2 * MINUTE);
    await harness.clock.advance(SECOND);
    // failed_to_set_on_device asks for a refetch: Seam's message and guidance are on the code.
    expect(harness.network.count('/access_codes/list')).toBe(1);
    expect(harness.state(id).issues.map((issue) => issue.code)).toContain(
      'failed_to_set_on_device',
    );
    await harness.advanceUntil(() => harness.state(id).phase === 'active', 10 * MINUTE);
  });

  it('marks a code used when the lock reports an unlock with it', async () => {
    harness = setup({ verifier: { sources: { events: true } } });
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.advanceUntil(() => harness.state(id).phase === 'active', MINUTE);
    expect(harness.sandbox.control.enterCode(harness.devices.builtInKeypad, code.code!)).toBe(true);
    await harness.advanceUntil(() => harness.state(id).flags.used, 2 * MINUTE);
    expect(harness.state(id).flags.firstUsedAt).not.toBeNull();
  });

  it('resumes from its stored cursor: an unlock while no page was open still marks the code used', async () => {
    const store = createMemoryStore();
    harness = setup({ store, verifier: { sources: { events: true } } });
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.advanceUntil(() => harness.state(id).phase === 'active', MINUTE);
    await harness.clock.advance(10 * SECOND);
    expect(store.meta()['events.cursor']).toMatchObject({ since: expect.any(String) });
    await harness.verifier.dispose();
    // No page open: the guest arrives, and half an hour passes.
    harness.sandbox.clock.advance(5 * MINUTE);
    expect(harness.sandbox.control.enterCode(harness.devices.builtInKeypad, code.code!)).toBe(true);
    harness.sandbox.clock.advance(25 * MINUTE);
    const reopenedAt = harness.sandbox.clock.now();
    const reopened = harness.restart();
    await reopened.ready;
    expect(harness.state(id).flags.used).toBe(false);
    await harness.advanceUntil(() => harness.state(id).flags.used, MINUTE);
    const since = harness.network.requests
      .filter((request) => request.route === '/events/list' && request.at >= reopenedAt)
      .map((request) => Date.parse(request.body.since as string));
    // It listed from where the closed page stopped, not from "now".
    expect(since[0]).toBeLessThan(reopenedAt - 25 * MINUTE);
  });
});

describe('events and polling together', () => {
  it('apply each fact once: the phase changes once, the event is deduplicated', async () => {
    harness = setup({ verifier: { sources: { poll: true, events: true } } });
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.advanceUntil(() => harness.state(id).phase === 'active', MINUTE);
    await harness.clock.advance(MINUTE);
    expect(harness.phases(id)).toEqual(['pending', 'programming', 'active']);
    const seen = harness.state(id).seenEvents.map((item) => item.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(harness.network.count('/events/list')).toBeGreaterThan(0);
    expect(harness.network.count('/access_codes/list')).toBeGreaterThan(0);
  });
});

describe('a burst larger than a page of events', () => {
  it('is split by codes when a whole page shares one instant, so no event is skipped', async () => {
    const { state, deviceIds } = sandboxStateWithLocks(30);
    harness = setup({
      sandbox: { state, rateLimits: false },
      verifier: { sources: { events: true } },
    });
    const codes: AccessCode[] = [];
    for (let index = 0; index < 300; index += 1) {
      codes.push(await harness.create({ device_id: deviceIds[index % 30]!, name: `G${index}` }));
    }
    for (const code of codes) harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.advanceUntil(
      () =>
        codes.every(
          (code) => harness.verifier.getSnapshot(code.access_code_id)?.phase === 'active',
        ),
      2 * MINUTE,
    );
    const before = harness.network.count('/events/list');
    // Every guest arrives at the same instant and types the PIN twice: 600 unlocks at one time,
    // more than one listing returns (500), all for codes of one request.
    for (const [index, code] of codes.entries()) {
      harness.sandbox.control.enterCode(deviceIds[index % 30]!, code.code!);
      harness.sandbox.control.enterCode(deviceIds[index % 30]!, code.code!);
    }
    await harness.advanceUntil(
      () => codes.every((code) => harness.verifier.getSnapshot(code.access_code_id)?.flags.used),
      2 * MINUTE,
    );
    const sizes = harness.network.requests
      .filter((request) => request.route === '/events/list')
      .slice(before)
      .map((request) => (request.body.access_code_ids as string[]).length);
    expect(sizes).toContain(150);
  });
});
