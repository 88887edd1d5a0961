import { describe, expect, it } from 'vitest';
import { RecentIds, ReplayBuffer, type BufferedEvent } from '../src/replay-buffer.js';

const event = (id: string, accessCodeId = 'code_1'): BufferedEvent => ({
  id,
  workspaceId: 'w',
  accessCodeId,
  frame: `id: ${id}\n\n`,
});

describe('ReplayBuffer', () => {
  it('returns the events after an id, oldest first', () => {
    const buffer = new ReplayBuffer(5);
    for (const id of ['a', 'b', 'c', 'd']) buffer.push(event(id));
    expect(buffer.after('b')?.map((e) => e.id)).toEqual(['c', 'd']);
    expect(buffer.after('d')).toEqual([]);
    expect(buffer.size).toBe(4);
  });

  it('evicts the oldest once full, and then reports a gap for evicted ids', () => {
    const buffer = new ReplayBuffer(3);
    for (const id of ['a', 'b', 'c', 'd', 'e']) buffer.push(event(id));
    expect(buffer.size).toBe(3);
    expect(buffer.has('b')).toBe(false);
    expect(buffer.after('b')).toBeUndefined();
    expect(buffer.after('c')?.map((e) => e.id)).toEqual(['d', 'e']);
    expect(buffer.after('never-seen')).toBeUndefined();
  });

  it('ignores an id it already holds', () => {
    const buffer = new ReplayBuffer(3);
    for (const id of ['a', 'b', 'a', 'c']) buffer.push(event(id));
    expect(buffer.after('a')?.map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('wraps around many times without losing order', () => {
    const buffer = new ReplayBuffer(4);
    for (let i = 0; i < 103; i += 1) buffer.push(event(`e${i}`));
    expect(buffer.after('e99')?.map((e) => e.id)).toEqual(['e100', 'e101', 'e102']);
    expect(buffer.after('e98')).toBeUndefined();
  });

  it('refuses a capacity below 1', () => {
    expect(() => new ReplayBuffer(0)).toThrow(/capacity must be a whole number/);
  });
});

describe('RecentIds', () => {
  it('remembers up to its capacity and forgets the oldest first', () => {
    const ids = new RecentIds(2);
    ids.add('a');
    ids.add('b');
    ids.add('a');
    ids.add('c');
    expect([ids.has('a'), ids.has('b'), ids.has('c')]).toEqual([false, true, true]);
    expect(ids.size).toBe(2);
  });
});
