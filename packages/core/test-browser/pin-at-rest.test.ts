/**
 * No PIN at rest (issue 10, finding 2), in Chromium: two verifiers of one origin share an
 * IndexedDB store and coordinate over BroadcastChannel, as two tabs do. An eavesdropper on the
 * channel (any same-origin script can open it) and a raw read of the database after the pages
 * are gone must find none of the PINs; the PIN is fetched from Seam when the user asks for it.
 */
import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { createSandbox, type Sandbox } from '../../sandbox/src/index.js';
import { SeamClient } from '../src/client/index.js';
import { PIN_WITHHELD, createVerifier, type Verifier } from '../src/verify/index.js';
import { createIdbStore } from '../src/verify/idb-store.js';
import { create, eventually, sandboxClock } from './support.js';

const MINUTE = 60_000;

function verifierOn(sandbox: Sandbox, db: string) {
  const clock = sandboxClock(sandbox, () => verifier.idle());
  const verifier: Verifier = createVerifier({
    client: SeamClient.fromApiKey(sandbox.credentials.apiKey, {
      endpoint: 'https://sandbox.test',
      fetch: (request) => sandbox.fetch(request),
      retry: false,
    }),
    clock,
    store: createIdbStore({ name: db }),
    random: () => 0.5,
  });
  return { verifier, clock };
}

describe('no PIN at rest', () => {
  const db = `seam-codes-pin-test-${Date.now()}`;
  let sandbox: Sandbox | undefined;
  let channel: BroadcastChannel | undefined;

  afterEach(async () => {
    channel?.close();
    sandbox?.dispose();
    await deleteDB(db);
  });

  it('keeps PINs out of IndexedDB and BroadcastChannel, and fetches one when asked', async () => {
    sandbox = createSandbox({ speed: 0, start: '2026-03-02T15:00:00.000Z' });
    const heard: unknown[] = [];
    channel = new BroadcastChannel(`seam-codes-verifier/idb:${db}`);
    channel.onmessage = (event: MessageEvent) => heard.push(event.data);

    const { devices } = sandbox.catalogue;
    const codes = [
      await create(sandbox, { device_id: devices.schlage, name: 'Chosen', code: '84026' }),
      await create(sandbox, { device_id: devices.builtInKeypad, name: 'Generated' }),
    ];
    const pins = codes.map((code) => code.code!);
    expect(pins.every((pin) => /^\d{4,}$/.test(pin))).to.equal(true);

    const leader = verifierOn(sandbox, db);
    await leader.verifier.ready;
    expect(leader.verifier.role).to.equal('leader');
    for (const code of codes) leader.verifier.watch(code);
    const follower = verifierOn(sandbox, db);
    await follower.verifier.ready;
    expect(follower.verifier.role).to.equal('follower');
    for (const code of codes) follower.verifier.watch(code.access_code_id);

    for (let step = 0; step < 30; step += 1) {
      const phases = codes.map((c) => leader.verifier.getSnapshot(c.access_code_id)?.phase);
      if (phases.every((phase) => phase === 'active')) break;
      await leader.clock.advance(MINUTE);
    }
    const id = codes[0]!.access_code_id;
    await eventually(
      () => follower.verifier.getSnapshot(id)?.phase === 'active',
      'the follower seeing the code active',
    );
    // The page that observed the PIN keeps it in memory; the other tab learnt the phase, not it.
    expect(leader.verifier.getSnapshot(id)?.snapshot?.accessCode.code).to.equal('84026');
    expect(follower.verifier.getSnapshot(id)?.snapshot?.accessCode.code).to.equal(PIN_WITHHELD);

    await leader.verifier.idle();
    await follower.verifier.idle();
    // Asked for, the PIN comes from Seam (one /access_codes/get), not from shared state.
    expect(await follower.verifier.revealPin(id)).to.equal('84026');
    await follower.verifier.dispose();
    await leader.verifier.dispose();

    expect(heard.length).to.be.greaterThan(0);
    expect(heard.some((message) => (message as { kind?: string }).kind === 'states')).to.equal(
      true,
    );
    expect(
      heard.some((message) => (message as { kind?: string }).kind === 'observations'),
    ).to.equal(true);
    const broadcast = JSON.stringify(heard);
    for (const pin of pins) expect(broadcast, `PIN ${pin} broadcast`).not.to.contain(pin);

    // What is left on disk once both pages are gone.
    const raw = await openDB(db);
    const rows = [...(await raw.getAll('verifications')), ...(await raw.getAll('meta'))];
    raw.close();
    expect(rows.length).to.be.greaterThan(0);
    const disk = JSON.stringify(rows);
    expect(disk).to.contain(codes[0]!.access_code_id);
    for (const pin of pins) expect(disk, `PIN ${pin} in IndexedDB`).not.to.contain(pin);
  });
});
