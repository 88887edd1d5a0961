/**
 * Nothing lost on reload: pending verifications persist in the store and a new verifier resumes
 * them (a reload, a crashed tab, a restarted service worker). The Chromium test does the same with
 * IndexedDB and a real page reload; these use the in-memory store, whose values are structured
 * clones as in IndexedDB.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessCode } from '@seamapi/types/connect';
import {
  createMemoryStore,
  type PendingStore,
  type StoredVerifierData,
  type VerifierErrorSource,
} from '../../src/verify/index.js';
import { initialCodeState } from '../../src/lifecycle/index.js';
import { MINUTE, SECOND, setup, type Harness } from './support/harness.js';

let harness: Harness;
afterEach(async () => {
  await harness?.dispose();
});

async function slowCodes(h: Harness, count: number): Promise<AccessCode[]> {
  const codes: AccessCode[] = [];
  for (let index = 0; index < count; index += 1) {
    codes.push(await h.create({ device_id: h.devices.slow, name: `Guest ${index}` }));
  }
  return codes;
}

describe('a page that crashes mid-setting', () => {
  it('is resumed by the next page from the store, in one batch, and finished', async () => {
    const store = createMemoryStore();
    harness = setup({ store });
    const codes = await slowCodes(harness, 3);
    const ids = codes.map((code) => code.access_code_id);
    for (const code of codes) harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.clock.advance(MINUTE);
    expect(ids.map((id) => harness.state(id).phase)).toEqual([
      'programming',
      'programming',
      'programming',
    ]);
    expect(
      store
        .verifications()
        .map((record) => record.accessCodeId)
        .sort(),
    ).toEqual([...ids].sort());

    // The tab dies: no dispose, no last write. Five minutes later a new page opens.
    harness.sandbox.clock.advance(5 * MINUTE);
    const reopenedAt = harness.sandbox.clock.now();
    const verifier = harness.restart();
    await verifier.ready;
    // Known at once, from the store, before any request.
    expect(ids.map((id) => verifier.getSnapshot(id)?.phase)).toEqual([
      'programming',
      'programming',
      'programming',
    ]);
    expect(harness.network.requests.filter((request) => request.at >= reopenedAt)).toEqual([]);
    await harness.clock.runDue();
    const first = harness.network.requests.filter((request) => request.at >= reopenedAt);
    expect(first).toHaveLength(1);
    expect([...(first[0]!.body.access_code_ids as string[])].sort()).toEqual([...ids].sort());
    await harness.advanceUntil(
      () => ids.every((id) => verifier.getSnapshot(id)?.phase === 'active'),
      30 * MINUTE,
      10 * SECOND,
    );
    // The delay shown meanwhile came from Seam; the history of the first page carried over.
    for (const id of ids) {
      expect(harness.state(id).timeline.length).toBeGreaterThan(2);
    }
  });
});

describe('what the store keeps', () => {
  it('forgets a code once it is removed, and a code nobody watches any more', async () => {
    const store = createMemoryStore();
    harness = setup({ store });
    const [first, second] = await slowCodes(harness, 2);
    const release = harness.verifier.watch(first!);
    harness.verifier.watch(second!);
    await harness.verifier.ready;
    await harness.clock.advance(SECOND);
    expect(store.verifications()).toHaveLength(2);
    release();
    await harness.verifier.idle();
    expect(store.verifications().map((record) => record.accessCodeId)).toEqual([
      second!.access_code_id,
    ]);
    await harness.clock.advance(SECOND);
    await harness.verifier.deleteAccessCode(second!.access_code_id);
    await harness.advanceUntil(
      () => harness.state(second!.access_code_id).phase === 'removed',
      5 * MINUTE,
    );
    await harness.verifier.idle();
    expect(store.verifications()).toEqual([]);
  });

  it('writes a code whose state changed only in its history at most every 30 s', async () => {
    const store = createMemoryStore();
    harness = setup({ store });
    const [code] = await slowCodes(harness, 1);
    harness.verifier.watch(code!);
    await harness.verifier.ready;
    await harness.clock.advance(20 * SECOND);
    const before = store.saves;
    // Programming for minutes: a poll every few seconds, a write only now and then.
    await harness.clock.advance(3 * MINUTE);
    const polls = harness.network.count();
    expect(polls).toBeGreaterThan(10);
    expect(store.saves - before).toBeLessThanOrEqual(7);
  });

  it('drops stored records it cannot resume, saying why, and resumes the others', async () => {
    harness = setup();
    const [good] = await slowCodes(harness, 1);
    const goodId = good!.access_code_id;
    const badId = '0c8d4f1a-9b7e-4c2d-8e1f-3a5b6c7d8e9f';
    const state = { ...initialCodeState(goodId) };
    const stored: StoredVerifierData = {
      verifications: [
        { accessCodeId: goodId, state, watchedAt: 0, savedAt: 0 },
        {
          accessCodeId: badId,
          state: { schemaVersion: 99 } as never,
          watchedAt: 0,
          savedAt: 0,
        },
        { accessCodeId: 'not-a-uuid', state, watchedAt: 0, savedAt: 0 },
      ],
      meta: { 'events.cursor': { since: 'yesterday' } },
    };
    const store = createMemoryStore(stored);
    const errors: { error: unknown; source: VerifierErrorSource }[] = [];
    const verifier = harness.restart({
      store,
      onError: (error, source) => errors.push({ error, source }),
    });
    await verifier.ready;
    expect(verifier.watchedIds()).toEqual([goodId]);
    expect(errors.map((item) => item.source)).toEqual(['store', 'store']);
    expect(String((errors[0]!.error as Error).message)).toMatch(/schemaVersion 99/);
    await harness.clock.runDue();
    expect(verifier.getSnapshot(goodId)?.phase).toBe('pending');
    await verifier.idle();
    expect(store.verifications().map((record) => record.accessCodeId)).toEqual([goodId]);
  });

  it('works without persistence when the store cannot be read or written, and says so', async () => {
    const broken: PendingStore = {
      load: () => Promise.reject(new Error('IndexedDB is not available in this browser mode')),
      save: () => Promise.reject(new Error('QuotaExceededError')),
    };
    const errors: string[] = [];
    harness = setup({
      store: broken,
      verifier: {
        onError: (error, source) => {
          if (source === 'store') errors.push((error as Error).message);
        },
      },
    });
    const [code] = await slowCodes(harness, 1);
    harness.verifier.watch(code!);
    await harness.verifier.ready;
    await harness.advanceUntil(
      () => harness.state(code!.access_code_id).phase === 'programming',
      MINUTE,
    );
    expect(errors[0]).toBe('IndexedDB is not available in this browser mode');
    expect(errors).toContain('QuotaExceededError');
  });

  it('applies what was watched while loading on top of what was stored', async () => {
    const store = createMemoryStore();
    harness = setup({ store });
    const [code] = await slowCodes(harness, 1);
    const id = code!.access_code_id;
    harness.verifier.watch(code!);
    await harness.verifier.ready;
    await harness.advanceUntil(() => harness.state(id).phase === 'programming', MINUTE);
    await harness.verifier.dispose();
    const verifier = harness.restart();
    // Watched again before the store finished loading (a component rendering at once).
    verifier.watch(id);
    await verifier.ready;
    expect(verifier.getSnapshot(id)?.phase).toBe('programming');
    expect(verifier.watchedIds()).toEqual([id]);
  });
});
