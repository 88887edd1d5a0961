/**
 * Nothing lost on reload, in Chromium: a page (an iframe, so that the test can reload it) watches
 * codes while the lock is still programming them, and is reloaded mid-setting: its document, its
 * JavaScript realm and every object in memory are gone. The reloaded page creates a verifier on the
 * same IndexedDB store and must show every code at once from what was stored, then finish each
 * verification. The sandbox (and its virtual clock) lives in the test page, so the locks go on
 * while the page reloads.
 */
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { createSandbox, type Sandbox } from '../../sandbox/src/index.js';
import { createIdbStore } from '../src/verify/idb-store.js';
import type { FrameHarness } from './fixtures/verifier-frame.js';
import { create } from './support.js';

const MINUTE = 60_000;

/** Waits for the frame's page to have started its verifier (a new one after a reload). */
async function frameHarness(
  frame: HTMLIFrameElement,
  previous?: FrameHarness,
): Promise<FrameHarness> {
  const deadline = performance.now() + 10_000;
  for (;;) {
    const current = (frame.contentWindow as unknown as { frameHarness?: FrameHarness } | null)
      ?.frameHarness;
    if (current !== undefined && current !== previous) return current;
    if (performance.now() > deadline) throw new Error('the frame did not start its verifier');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a page reloaded mid-setting', () => {
  const db = `seam-codes-reload-test-${Date.now()}`;
  let frame: HTMLIFrameElement | undefined;
  let sandbox: Sandbox | undefined;

  afterEach(async () => {
    frame?.remove();
    sandbox?.dispose();
    await deleteDB(db);
  });

  it('resumes every verification from IndexedDB and finishes it', async () => {
    sandbox = createSandbox({ speed: 0, start: '2026-03-02T15:00:00.000Z' });
    (window as unknown as { verifyHarness: { sandbox: Sandbox } }).verifyHarness = { sandbox };
    const slow = sandbox.catalogue.devices.slow;
    const codes = [
      await create(sandbox, { device_id: slow, name: 'Guest 1' }),
      await create(sandbox, { device_id: slow, name: 'Guest 2' }),
      await create(sandbox, { device_id: slow, name: 'Guest 3' }),
    ];
    const ids = codes.map((code) => code.access_code_id);

    frame = document.createElement('iframe');
    frame.src = `/packages/core/test-browser/fixtures/verifier-frame.html?db=${db}`;
    document.body.append(frame);
    const first = await frameHarness(frame);
    for (const code of codes) first.verifier.watch(code);
    await first.verifier.ready;
    await first.clock.advance(MINUTE);
    expect(ids.map((id) => first.verifier.getSnapshot(id)?.phase)).to.deep.equal([
      'programming',
      'programming',
      'programming',
    ]);
    const stored = await createIdbStore({ name: db }).load();
    expect(stored.verifications.map((record) => record.accessCodeId).sort()).to.deep.equal(
      [...ids].sort(),
    );

    // Reload while the next poll may be in flight: nothing gets to finish or to say goodbye.
    void first.clock.advance(5_000);
    frame.contentWindow!.location.reload();
    const second = await frameHarness(frame, first);
    await second.verifier.ready;
    // Shown at once from IndexedDB, before the reloaded page asked Seam anything.
    expect(ids.map((id) => second.verifier.getSnapshot(id)?.phase)).to.deep.equal([
      'programming',
      'programming',
      'programming',
    ]);
    expect(second.requests).to.deep.equal([]);

    const reloadedAt = sandbox.clock.now();
    for (let step = 0; step < 40; step += 1) {
      if (ids.every((id) => second.verifier.getSnapshot(id)?.phase === 'active')) break;
      await second.clock.advance(MINUTE);
    }
    expect(ids.map((id) => second.verifier.getSnapshot(id)?.phase)).to.deep.equal([
      'active',
      'active',
      'active',
    ]);
    // One batch per tick for the three codes, the first one at once.
    const lists = second.requests.filter((request) => request.route === '/access_codes/list');
    expect(lists.length).to.equal(second.requests.length);
    expect(lists[0]!.at).to.equal(reloadedAt);
    // The history from before the reload carried over.
    for (const id of ids) {
      const state = second.verifier.getSnapshot(id)!;
      expect(state.timeline.some((entry) => Date.parse(entry.at) < reloadedAt - MINUTE)).to.equal(
        true,
      );
    }
    // Finished verifications of active codes stay stored until unwatched or removed.
    await second.verifier.idle();
    const after = await createIdbStore({ name: db }).load();
    expect(after.verifications).to.have.length(3);
    await second.verifier.dispose();
  });
});
