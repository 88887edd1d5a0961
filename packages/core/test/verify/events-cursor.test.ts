/** The events source's cursor: listing again from a little before the newest event seen. */
import { describe, expect, it } from 'vitest';
import type { SeamEvent } from '@seamapi/types/connect';
import { readCursor, startCursor, takeEvents } from '../../src/verify/events-cursor.js';

const t0 = Date.parse('2026-03-02T15:00:00.000Z');
const event = (id: string, seconds: number): SeamEvent =>
  ({
    event_id: id,
    event_type: 'access_code.set_on_device',
    occurred_at: new Date(t0 + seconds * 1000).toISOString(),
    access_code_id: 'c',
  }) as unknown as SeamEvent;

describe('the events cursor', () => {
  it('starts a lookback before now', () => {
    expect(startCursor(t0, 10_000)).toEqual({
      since: new Date(t0 - 10_000).toISOString(),
      newest: null,
      seen: [],
    });
  });

  it('takes new events oldest first, skips those already taken, and moves since behind the newest', () => {
    let cursor = startCursor(t0, 10_000);
    const first = takeEvents(cursor, [event('b', 20), event('a', 5)], 10_000);
    expect(first.fresh.map((item) => item.event_id)).toEqual(['a', 'b']);
    cursor = first.cursor;
    expect(cursor.since).toBe(new Date(t0 + 10_000).toISOString());
    expect(cursor.seen.map((item) => item.id)).toEqual(['b']);
    // Listed again from since: b comes back with a late event c (recorded after b, happened before).
    const second = takeEvents(cursor, [event('c', 15), event('b', 20), event('d', 30)], 10_000);
    expect(second.fresh.map((item) => item.event_id)).toEqual(['c', 'd']);
    expect(second.cursor.since).toBe(new Date(t0 + 20_000).toISOString());
  });

  it('never moves since back, and drops events it cannot read', () => {
    const cursor = takeEvents(startCursor(t0 + 60_000, 0), [event('old', 1)], 10_000).cursor;
    expect(cursor.since).toBe(new Date(t0 + 60_000).toISOString());
    const broken = { event_id: '', occurred_at: 'soon' } as unknown as SeamEvent;
    expect(takeEvents(cursor, [broken], 0).fresh).toEqual([]);
  });

  it('reads back what it stored, and refuses what it did not', () => {
    const cursor = takeEvents(startCursor(t0, 1_000), [event('a', 1)], 1_000).cursor;
    expect(readCursor(JSON.parse(JSON.stringify(cursor)))).toEqual(cursor);
    expect(readCursor({ since: 'yesterday', newest: null, seen: [] })).toBeNull();
    expect(readCursor(null)).toBeNull();
    expect(readCursor({ since: cursor.since, newest: null, seen: [{ id: 1 }] })?.seen).toEqual([]);
  });
});
