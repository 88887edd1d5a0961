/**
 * The verifier's surface as components use it: watch counts, subscriptions, stable snapshots,
 * observations from elsewhere, requests through the verifier, disposal, and clear errors for bad
 * input.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SeamEvent } from '@seamapi/types/connect';
import { SeamClient, SeamInvalidArgumentError } from '../../src/client/index.js';
import type { CodeState } from '../../src/lifecycle/index.js';
import {
  createManualClock,
  createMemoryStore,
  createVerifier,
  type VerifierErrorSource,
  type VerifierUpdate,
} from '../../src/verify/index.js';
import { MINUTE, SECOND, setup, type Harness } from './support/harness.js';

let harness: Harness;
afterEach(async () => {
  await harness?.dispose();
});

const client = SeamClient.fromClientSessionToken('seam_cst_test', {
  endpoint: 'https://sandbox.test',
  fetch: () => Promise.reject(new Error('no requests in these tests')),
});

describe('watching', () => {
  it('counts watches: a code stays followed until every watch of it is released', async () => {
    harness = setup();
    const code = await harness.create({ device_id: harness.devices.slow, name: 'Guest' });
    const id = code.access_code_id;
    const updates: VerifierUpdate[] = [];
    harness.verifier.subscribe((update) => updates.push(update));
    const releaseFirst = harness.verifier.watch(code);
    harness.verifier.watch(id, { mode: 'poll' });
    await harness.verifier.ready;
    releaseFirst();
    releaseFirst();
    expect(harness.verifier.watchedIds()).toEqual([id]);
    harness.verifier.unwatch(id);
    expect(harness.verifier.watchedIds()).toEqual([]);
    expect(harness.verifier.getSnapshot(id)).toBeNull();
    expect(updates.at(-1)).toEqual({ accessCodeId: id, state: null, previousPhase: 'pending' });
    await harness.clock.advance(10 * MINUTE);
    expect(harness.network.count()).toBe(0);
  });

  it('gives the same snapshot object until what the code shows changes', async () => {
    harness = setup();
    harness.sandbox.control.configureDevice(harness.devices.builtInKeypad, {
      setLatencyMs: MINUTE,
    });
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    const states: CodeState[] = [];
    harness.verifier.subscribe(id, (state) => states.push(state));
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.clock.advance(5 * SECOND);
    const programming = harness.verifier.getSnapshot(id);
    expect(programming?.phase).toBe('programming');
    await harness.clock.advance(20 * SECOND);
    expect(harness.network.count()).toBeGreaterThan(3);
    expect(harness.verifier.getSnapshot(id)).toBe(programming);
    await harness.advanceUntil(() => harness.verifier.getSnapshot(id)?.phase === 'active', MINUTE);
    expect(states.map((state) => state.phase)).toEqual(['pending', 'programming', 'active']);
  });

  it('tells per-code subscribers about their code only, and survives a listener that throws', async () => {
    harness = setup();
    const errors: VerifierErrorSource[] = [];
    const verifier = harness.restart({ onError: (_error, source) => errors.push(source) });
    const first = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'A' });
    const second = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'B' });
    const seen: string[] = [];
    verifier.subscribe(() => {
      throw new Error('a broken listener');
    });
    verifier.subscribe(second.access_code_id, (state) => seen.push(state.accessCodeId!));
    verifier.watch(first);
    verifier.watch(second);
    await verifier.ready;
    await harness.advanceUntil(
      () => verifier.getSnapshot(first.access_code_id)?.phase === 'active',
      MINUTE,
    );
    expect(new Set(seen)).toEqual(new Set([second.access_code_id]));
    expect(errors).toContain('observation');
  });

  it('applies observations from elsewhere (a webhook relayed by the page) to followed codes', async () => {
    harness = setup({
      verifier: { sources: { poll: { fastIntervalMs: MINUTE, slowIntervalMs: MINUTE } } },
    });
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    harness.sandbox.clock.advance(10 * SECOND);
    const set = harness.sandbox
      .events()
      .find((event) => event.event_type === 'access_code.set_on_device') as SeamEvent;
    expect(harness.verifier.observe(id, { type: 'event.received', event: set })).toBe(true);
    expect(harness.verifier.getSnapshot(id)?.phase).toBe('active');
    expect(harness.network.count()).toBe(0);
    expect(
      harness.verifier.observe('d1a2b3c4-0000-4000-8000-000000000000', {
        type: 'event.received',
        event: set,
      }),
    ).toBe(false);
  });

  it('reports a malformed observation instead of applying it', async () => {
    const errors: unknown[] = [];
    harness = setup({ verifier: { onError: (error) => errors.push(error) } });
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    harness.verifier.watch(code);
    await harness.verifier.ready;
    harness.verifier.observe(code.access_code_id, {
      type: 'code.observed',
      accessCode: code,
      observedAt: 'last tuesday',
    });
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).name).toBe('VerifierObservationError');
    expect((errors[0] as Error).message).toMatch(/observedAt/);
  });
});

describe('requests through the verifier', () => {
  it('an update shows submitting, then programming again until the change is on the lock', async () => {
    harness = setup();
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.advanceUntil(() => harness.state(id).phase === 'active', MINUTE);
    await harness.clock.advance(SECOND);
    const pending = harness.verifier.updateAccessCode({ access_code_id: id, name: 'Guest, late' });
    expect(harness.state(id).phase).toBe('submitting');
    await pending;
    await harness.advanceUntil(
      () => harness.state(id).snapshot?.accessCode.name === 'Guest, late',
      MINUTE,
    );
    await harness.advanceUntil(() => harness.state(id).phase === 'active', MINUTE);
    expect(harness.phases(id).slice(2)).toEqual(['active', 'submitting', 'programming', 'active']);
  });

  it('a refused delete rejects and shows the refusal on the code', async () => {
    harness = setup();
    // Offline codes come from the manufacturer's algorithm: Seam refuses to delete them (400).
    const startsAt = harness.sandbox.clock.now() + 2 * 60 * MINUTE;
    const code = await harness.create({
      device_id: harness.devices.offlineCodes,
      name: 'Guest',
      is_offline_access_code: true,
      starts_at: new Date(startsAt).toISOString(),
      ends_at: new Date(startsAt + 24 * 60 * MINUTE).toISOString(),
    });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.clock.advance(SECOND);
    const attempt = harness.verifier.deleteAccessCode(id);
    await expect(attempt).rejects.toMatchObject({
      status: 400,
      type: 'cannot_modify_offline_access_code',
    });
    const issue = harness.state(id).issues.find((candidate) => candidate.scope === 'request');
    expect(issue?.code).toBe('cannot_modify_offline_access_code');
    expect(harness.state(id).phase).not.toBe('removing');
  });

  it('a delete accepted in the same millisecond as the last look shows removing at once', async () => {
    harness = setup();
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.advanceUntil(() => harness.state(id).phase === 'active', 5 * MINUTE);
    // The clock stands still: the delete's acceptance and the look are stamped alike.
    const lookedAt = harness.state(id).snapshot!.observedAt;
    expect(new Date(harness.sandbox.clock.now()).toISOString()).toBe(lookedAt);
    await harness.verifier.deleteAccessCode(id);
    expect(harness.state(id).phase).toBe('removing');
    await harness.advanceUntil(() => harness.state(id).phase === 'removed', 5 * MINUTE);
  });

  it('a delete of a code nobody watches is followed to its removal, then forgotten', async () => {
    harness = setup();
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    await harness.verifier.ready;
    harness.sandbox.clock.advance(MINUTE);
    const updates: (string | null)[] = [];
    harness.verifier.subscribe((update) => updates.push(update.state?.phase ?? null));
    await harness.verifier.deleteAccessCode(id);
    await harness.advanceUntil(() => updates.includes('removed'), 5 * MINUTE);
    expect(harness.verifier.watchedIds()).toEqual([]);
    expect(updates.at(-1)).toBe('removed');
  });
});

describe('an update of a code nobody watches', () => {
  it('is followed until the change is on the lock, then forgotten (memory and store)', async () => {
    harness = setup();
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    await harness.verifier.ready;
    harness.sandbox.clock.advance(MINUTE);
    const phases: (string | null)[] = [];
    harness.verifier.subscribe((update) => phases.push(update.state?.phase ?? null));
    await harness.verifier.updateAccessCode({ access_code_id: id, name: 'Guest, renamed' });
    await harness.advanceUntil(() => phases.includes('active'), 2 * MINUTE);
    expect(harness.verifier.watchedIds()).toEqual([]);
    await harness.verifier.idle();
    expect(await harness.store.load()).toMatchObject({ verifications: [] });
    const after = harness.network.count();
    await harness.clock.advance(2 * 60 * MINUTE);
    expect(harness.network.count()).toBe(after);
  });
});

describe('coordination between pages', () => {
  it('runs alone where the Web Locks API is missing (Node), even with a shared store', async () => {
    expect((globalThis as { navigator?: { locks?: unknown } }).navigator?.locks).toBeUndefined();
    harness = setup({ verifier: { coordination: 'auto' } });
    const store = Object.assign(createMemoryStore(), { coordinationKey: 'idb:shared' });
    const verifier = createVerifier({ client: harness.client, clock: harness.clock, store });
    await verifier.ready;
    expect(verifier.role).toBe('solo');
    expect(harness.verifier.role).toBe('solo');
    // Today's behaviour: it polls by itself.
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    verifier.watch(code.access_code_id);
    await harness.clock.advance(0);
    expect(harness.network.count('/access_codes/list')).toBe(1);
    await verifier.dispose();
  });
});

describe('disposal', () => {
  it('stops every request and refuses new watches', async () => {
    harness = setup();
    const code = await harness.create({ device_id: harness.devices.slow, name: 'Guest' });
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.clock.advance(5 * SECOND);
    await harness.verifier.dispose();
    const count = harness.network.count();
    await harness.clock.advance(10 * MINUTE);
    expect(harness.network.count()).toBe(count);
    expect(harness.clock.pendingTimers()).toBe(0);
    expect(() => harness.verifier.watch(code)).toThrow(/disposed/);
  });
});

describe('bad input', () => {
  const clock = createManualClock();

  it.each([
    [() => createVerifier(undefined as never), /options object/],
    [() => createVerifier({} as never), /`client` must be a SeamClient/],
    [() => createVerifier({ client, sources: {} }), /at least one source/],
    [
      () => createVerifier({ client, sources: { websocket: true } as never }),
      /unknown source `websocket`/,
    ],
    [
      () => createVerifier({ client, sources: { poll: { fastIntervalMs: -1 } } }),
      /sources\.poll\.fastIntervalMs` must be a number of milliseconds above 0; got -1/,
    ],
    [
      () =>
        createVerifier({
          client,
          sources: { poll: { fastIntervalMs: 5_000, slowIntervalMs: 1_000 } },
        }),
      /slowIntervalMs` \(1000\) must not be below `fastIntervalMs` \(5000\)/,
    ],
    [
      () => createVerifier({ client, sources: { events: { eventTypes: [] } } }),
      /eventTypes` must be a non-empty array/,
    ],
    [
      () => createVerifier({ client, sources: { push: { url: 'relay.example.com', token: 't' } } }),
      /push\.url` must be the relay's absolute URL/,
    ],
    [
      () =>
        createVerifier({
          client,
          sources: { push: { url: 'https://relay.example.com/?token=abc', token: 't' } },
        }),
      /must not carry a query or credentials/,
    ],
    [
      () =>
        createVerifier({
          client,
          sources: { push: { url: 'https://relay.example.com', token: '' } },
        }),
      /push\.token` must be the subscriber token/,
    ],
    [
      () => createVerifier({ client, clock: { now: () => 0 } as never }),
      /`clock` must have now\(\)/,
    ],
    [() => createVerifier({ client, store: {} as never }), /`store` must be a PendingStore/],
    [
      () => createVerifier({ client, coordination: 'sometimes' as never }),
      /`coordination` must be 'auto' or 'none'; got "sometimes"/,
    ],
    [
      () => createVerifier({ client, visibility: { isHidden: () => false } as never }),
      /`visibility` must have/,
    ],
  ])('createVerifier refuses %#', (make, message) => {
    expect(make).toThrow(SeamInvalidArgumentError);
    expect(make).toThrow(message);
  });

  it('watch refuses what is not a code and sources that are off', async () => {
    const verifier = createVerifier({ client, clock });
    expect(() => verifier.watch('1234')).toThrow(/an access code id \(a UUID/);
    expect(() => verifier.watch({ name: 'x' } as never)).toThrow(/with its `access_code_id`/);
    const id = '5e0c2a4b-1d3f-4a6b-8c9d-0e1f2a3b4c5d';
    expect(() => verifier.watch(id, { sources: { events: true } })).toThrow(/events source is off/);
    expect(() => verifier.watch(id, { sources: { push: true } })).toThrow(/push needs a relay/);
    expect(() => verifier.watch(id, { sources: {} })).toThrow(/turns every source off/);
    expect(() => verifier.watch(id, { mode: 'smoke' as never })).toThrow(/unknown mode "smoke"/);
    expect(() => verifier.subscribe('x' as never)).toThrow(/takes a listener/);
    await expect(verifier.updateAccessCode({} as never)).rejects.toThrow(/needs `access_code_id`/);
    await verifier.dispose();
  });
});
