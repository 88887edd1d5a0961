/**
 * The events source's cursor: where the next `/events/list` starts (`since`) and which events at
 * or after it were already taken. Listing from a little before the newest event seen (the
 * lookback) catches events Seam records late; the seen ids drop the ones already applied. Plain
 * JSON, so it persists with the verifications.
 */
import type { SeamEvent } from '@seamapi/types/connect';

/** The cursor of the events source. */
export interface EventsCursor {
  /** Where the next listing starts (ISO 8601); it never moves back. */
  readonly since: string;
  /** The newest `occurred_at` seen, or null before the first event. */
  readonly newest: string | null;
  /** Events taken whose `occurred_at` is at or after `since`, to drop them when listed again. */
  readonly seen: readonly { readonly id: string; readonly at: string }[];
}

/** The cursor of a source starting at `now` (epoch ms), looking `lookbackMs` back. */
export function startCursor(now: number, lookbackMs: number): EventsCursor {
  return { since: new Date(now - lookbackMs).toISOString(), newest: null, seen: [] };
}

function timeOf(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

/** A stored cursor, or null when `value` is not one (then the source starts afresh). */
export function readCursor(value: unknown): EventsCursor | null {
  if (value === null || typeof value !== 'object') return null;
  const cursor = value as Record<string, unknown>;
  if (!Number.isFinite(timeOf(cursor.since))) return null;
  if (cursor.newest !== null && !Number.isFinite(timeOf(cursor.newest))) return null;
  if (!Array.isArray(cursor.seen)) return null;
  const seen = cursor.seen.filter(
    (item): item is { id: string; at: string } =>
      item !== null &&
      typeof item === 'object' &&
      typeof (item as { id?: unknown }).id === 'string' &&
      Number.isFinite(timeOf((item as { at?: unknown }).at)),
  );
  return { since: cursor.since as string, newest: cursor.newest as string | null, seen };
}

/**
 * Takes a listing into the cursor: returns the events not taken before (oldest first, ties by id)
 * and the cursor moved to `newest - lookbackMs` (never back), forgetting ids older than that.
 * Events without a readable `event_id` or `occurred_at` are dropped.
 */
export function takeEvents(
  cursor: EventsCursor,
  events: readonly SeamEvent[],
  lookbackMs: number,
): { fresh: SeamEvent[]; cursor: EventsCursor } {
  const seenIds = new Set(cursor.seen.map((item) => item.id));
  const fresh: SeamEvent[] = [];
  let newest = cursor.newest === null ? Number.NEGATIVE_INFINITY : timeOf(cursor.newest);
  const seen = [...cursor.seen];
  for (const event of events) {
    const at = timeOf(event.occurred_at);
    if (typeof event.event_id !== 'string' || event.event_id === '' || !Number.isFinite(at)) {
      continue;
    }
    if (seenIds.has(event.event_id)) continue;
    seenIds.add(event.event_id);
    fresh.push(event);
    seen.push({ id: event.event_id, at: new Date(at).toISOString() });
    if (at > newest) newest = at;
  }
  fresh.sort(
    (a, b) =>
      timeOf(a.occurred_at) - timeOf(b.occurred_at) ||
      (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0),
  );
  const sinceMs = Math.max(
    timeOf(cursor.since),
    Number.isFinite(newest) ? newest - lookbackMs : Number.NEGATIVE_INFINITY,
  );
  return {
    fresh,
    cursor: {
      since: new Date(sinceMs).toISOString(),
      newest: Number.isFinite(newest) ? new Date(newest).toISOString() : null,
      seen: seen.filter((item) => timeOf(item.at) >= sinceMs),
    },
  };
}
