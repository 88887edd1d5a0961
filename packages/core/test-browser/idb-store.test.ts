/** The IndexedDB store in Chromium: what it keeps, atomic saves, isolation, upgrades by other tabs. */
import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { initialCodeState } from '../src/lifecycle/index.js';
import { createIdbStore, DEFAULT_IDB_NAME, IdbStoreError } from '../src/verify/idb-store.js';
import type { StoredVerification } from '../src/verify/index.js';

const idA = '11111111-1111-4111-8111-111111111111';
const idB = '22222222-2222-4222-8222-222222222222';
const record = (accessCodeId: string, savedAt = 1): StoredVerification => ({
  accessCodeId,
  state: initialCodeState(accessCodeId),
  watchedAt: 0,
  savedAt,
});

describe('createIdbStore', () => {
  const names: string[] = [];
  const name = (label: string) => {
    const unique = `seam-codes-idb-test-${label}-${Date.now()}-${Math.random()}`;
    names.push(unique);
    return unique;
  };

  afterEach(async () => {
    for (const each of names.splice(0)) await deleteDB(each);
  });

  it('keeps verifications and meta across store instances (as across page loads)', async () => {
    const db = name('round-trip');
    const store = createIdbStore({ name: db });
    expect(await store.load()).to.deep.equal({ verifications: [], meta: {} });
    await store.save({
      put: [record(idA), record(idB)],
      meta: { 'events.cursor': { since: '2026-03-02T15:00:00.000Z', newest: null, seen: [] } },
    });
    await store.save({
      put: [record(idA, 2)],
      delete: [idB],
      meta: { 'push.lastEventId:x': 'e1' },
    });
    await store.close();
    const reopened = createIdbStore({ name: db });
    const data = await reopened.load();
    expect(data.verifications).to.deep.equal([record(idA, 2)]);
    expect(data.meta).to.deep.equal({
      'events.cursor': { since: '2026-03-02T15:00:00.000Z', newest: null, seen: [] },
      'push.lastEventId:x': 'e1',
    });
    await reopened.save({ meta: { 'push.lastEventId:x': undefined } });
    expect((await reopened.load()).meta).to.deep.equal({
      'events.cursor': { since: '2026-03-02T15:00:00.000Z', newest: null, seen: [] },
    });
    await reopened.close();
  });

  it('writes all of a save or none of it', async () => {
    const store = createIdbStore({ name: name('atomic') });
    await store.save({ put: [record(idA)] });
    let failed = false;
    try {
      await store.save({
        put: [record(idB)],
        delete: [idA],
        meta: { broken: () => 'functions cannot be stored' },
      });
    } catch {
      failed = true;
    }
    expect(failed).to.equal(true);
    const data = await store.load();
    expect(data.verifications.map((item) => item.accessCodeId)).to.deep.equal([idA]);
    expect(data.meta).to.deep.equal({});
    await store.close();
  });

  it('keeps stores of different names apart', async () => {
    const first = createIdbStore({ name: name('workspace-a') });
    const second = createIdbStore({ name: name('workspace-b') });
    await first.save({ put: [record(idA)] });
    expect((await second.load()).verifications).to.deep.equal([]);
    await first.close();
    await second.close();
    expect(DEFAULT_IDB_NAME).to.equal('seam-codes-verifier');
  });

  it('gives way to another tab that upgrades the database', async () => {
    const db = name('upgrade');
    const store = createIdbStore({ name: db });
    await store.save({ put: [record(idA)] });
    // A newer release in another tab opens version 2; our open connection must not block it.
    const newer = await openDB(db, 2, {
      upgrade(database) {
        database.createObjectStore('future');
      },
    });
    expect([...newer.objectStoreNames].sort()).to.deep.equal(['future', 'meta', 'verifications']);
    newer.close();
    await store.close();
  });

  it('refuses to work after close, and says what is wrong with bad options', async () => {
    const store = createIdbStore({ name: name('closed') });
    await store.close();
    let error: unknown;
    try {
      await store.load();
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(IdbStoreError);
    expect(() => createIdbStore({ name: '' })).to.throw(/`name` must be a non-empty string/);
  });
});
