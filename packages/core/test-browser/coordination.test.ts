/**
 * Several tabs, one store, in Chromium: two same-origin pages (iframes, each its own realm with
 * its own verifier) share one IndexedDB store and watch the same 20 codes. One of them leads (a
 * Web Lock) and polls for both; the other makes no request and shows what the leader shares over
 * BroadcastChannel. When the leader's page goes away (the iframe is removed), the lock is freed,
 * the other page takes over and finishes every verification. The sandbox and its virtual clock
 * live in this test page; each frame's manual clock moves it.
 */
import { expect } from '@open-wc/testing';
import type { AccessCode } from '@seamapi/types/connect';
import { deleteDB } from 'idb';
import { createSandbox, type Sandbox } from '../../sandbox/src/index.js';
import type { FrameHarness } from './fixtures/verifier-frame.js';
import { create, eventually } from './support.js';

const MINUTE = 60_000;
const CODES = 20;

async function openPage(db: string): Promise<{ frame: HTMLIFrameElement; page: FrameHarness }> {
  const frame = document.createElement('iframe');
  frame.src = `/packages/core/test-browser/fixtures/verifier-frame.html?db=${db}`;
  document.body.append(frame);
  let page: FrameHarness | undefined;
  await eventually(() => {
    page = (frame.contentWindow as unknown as { frameHarness?: FrameHarness } | null)?.frameHarness;
    return page !== undefined;
  }, 'the frame starting its verifier');
  await page!.verifier.ready;
  return { frame, page: page! };
}

/** The list requests of a page, and how many distinct ticks (virtual times) they were made at. */
function ticks(page: FrameHarness): { lists: number; ticks: number } {
  const lists = page.requests.filter((request) => request.route === '/access_codes/list');
  return { lists: lists.length, ticks: new Set(lists.map((request) => request.at)).size };
}

describe('two tabs on one store', () => {
  const db = `seam-codes-coordination-test-${Date.now()}`;
  const frames: HTMLIFrameElement[] = [];
  let sandbox: Sandbox | undefined;

  afterEach(async () => {
    for (const frame of frames) frame.remove();
    sandbox?.dispose();
    await deleteDB(db);
  });

  it('polls once for both, and the survivor takes over when the leader goes away', async () => {
    // Twenty creates on one lock at one instant: past Seam's per-device limit, which is not
    // what this test is about.
    sandbox = createSandbox({
      speed: 0,
      start: '2026-03-02T15:00:00.000Z',
      rateLimits: { create: CODES },
    });
    (window as unknown as { verifyHarness: { sandbox: Sandbox } }).verifyHarness = { sandbox };
    const codes: AccessCode[] = [];
    for (let index = 0; index < CODES; index += 1) {
      // 20 minutes of programming each: still on their way when the leader goes.
      codes.push(
        await create(sandbox, {
          device_id: sandbox.catalogue.devices.slow,
          name: `Guest ${index + 1}`,
        }),
      );
    }
    const ids = codes.map((code) => code.access_code_id);

    const first = await openPage(db);
    frames.push(first.frame);
    const second = await openPage(db);
    frames.push(second.frame);
    expect(first.page.verifier.role).to.equal('leader');
    expect(second.page.verifier.role).to.equal('follower');
    for (const code of codes) first.page.verifier.watch(code);
    for (const code of codes) second.page.verifier.watch(code.access_code_id);

    const phases = (page: FrameHarness) => ids.map((id) => page.verifier.getSnapshot(id)?.phase);
    for (let minute = 0; minute < 10; minute += 1) {
      await first.page.clock.advance(MINUTE);
      // Timers of the follower's page run too (as they would in a real tab): it has none to poll.
      await second.page.clock.advance(0);
      await eventually(
        () =>
          JSON.stringify(phases(second.page)) === JSON.stringify(phases(first.page)) &&
          ids.every(
            (id) =>
              second.page.verifier.getSnapshot(id)?.snapshot?.observedAt ===
              first.page.verifier.getSnapshot(id)?.snapshot?.observedAt,
          ),
        `the follower showing the leader's news after minute ${minute + 1}`,
      );
    }
    // Still on their way (the slow lock reports a delay first) when the leader goes.
    expect(new Set(phases(first.page))).to.deep.equal(new Set(['delayed']));
    // One request per tick for the 20 codes of both pages, all of them the leader's.
    const leader = ticks(first.page);
    expect(leader.ticks).to.be.greaterThan(5);
    expect(leader.lists).to.equal(leader.ticks);
    expect(first.page.requests.length).to.equal(leader.lists);
    expect(second.page.requests).to.deep.equal([]);

    // The leader's tab closes: its lock is freed and the follower takes over.
    first.frame.remove();
    await eventually(() => second.page.verifier.role === 'leader', 'the follower taking over');
    const tookOverAt = sandbox.clock.now();
    for (let step = 0; step < 40; step += 1) {
      if (phases(second.page).every((phase) => phase === 'active')) break;
      await second.page.clock.advance(MINUTE);
    }
    expect(phases(second.page)).to.deep.equal(ids.map(() => 'active'));
    const survivor = ticks(second.page);
    expect(survivor.lists).to.equal(survivor.ticks);
    expect(second.page.requests.length).to.equal(survivor.lists);
    // The first look right away: what happened since the last message is caught up at once.
    expect(second.page.requests[0]!.at).to.equal(tookOverAt);
    await second.page.verifier.dispose();
  });
});
