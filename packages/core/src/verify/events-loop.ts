/**
 * The events loop: `/events/list` for the codes followed by events, from a cursor that persists
 * (so what happened while no page was open still counts), fast while a code moves and slow when
 * all are quiet. It owns its timer, its backoff, the cursor and how a full page is followed
 * (Seam's events list has no page cursor).
 */
import type { SeamEvent } from '@seamapi/types/connect';
import { startCursor, takeEvents, type EventsCursor } from './events-cursor.js';
import { Loop, isAbort, type LoopHost } from './loop.js';
import {
  MAX_IDS_PER_REQUEST,
  chunk,
  eventsIntervalMs,
  phaseClass,
  type ResolvedEventsOptions,
} from './schedule.js';

/** How many requests the events source makes in one tick at most (following full pages). */
const MAX_EVENT_REQUESTS_PER_TICK = 20;
/** The events source's page size (Seam's default for `/events/list`). */
const EVENTS_PAGE_LIMIT = 500;

export class EventsLoop extends Loop {
  readonly #options: ResolvedEventsOptions;
  /** Ticks in a row that brought no news (the interval grows with it). */
  #unchanged = 0;
  #lastAt: number | null = null;
  #cursor: EventsCursor | null = null;

  constructor(host: LoopHost, options: ResolvedEventsOptions) {
    super(host, 'events');
    this.#options = options;
  }

  /** A code was watched or moved: look at the fast interval again. */
  stir(): void {
    this.#unchanged = 0;
  }

  /** Carries on from a stored cursor (after loading, or from the old leader's). */
  restore(cursor: EventsCursor | null): void {
    this.#cursor = cursor;
  }

  #ids(): string[] {
    const ids: string[] = [];
    for (const entry of this.host.entries.values()) {
      if (!entry.stopped && this.host.sources(entry).events) ids.push(entry.id);
    }
    return ids;
  }

  protected next(): number | null {
    const host = this.host;
    const ids = this.#ids();
    if (ids.length === 0 || host.hidden()) return null;
    const now = host.clock.now();
    const anyMoving = ids.some((id) => {
      const entry = host.entries.get(id);
      return (
        entry !== undefined && (phaseClass(entry.state, now) === 'moving' || now < entry.burstUntil)
      );
    });
    const interval = eventsIntervalMs(anyMoving, this.#unchanged, this.#options);
    const base = this.#lastAt ?? now;
    return Math.min(base + interval, now + interval);
  }

  protected async once(now: number): Promise<void> {
    const host = this.host;
    const options = this.#options;
    const ids = this.#ids();
    if (ids.length === 0 || host.hidden()) return;
    const signal = host.signal;
    let cursor = this.#cursor ?? startCursor(now, options.lookbackMs);
    let applied = 0;
    // Seam's events list has no page cursor: a full page is followed by listing again from its
    // newest event (ids already taken are skipped); a full page of events all at that one instant
    // is split by codes instead, since listing from the same instant would give the same page.
    const work = chunk(ids, MAX_IDS_PER_REQUEST).map((part) => ({ part, since: cursor.since }));
    let budget = MAX_EVENT_REQUESTS_PER_TICK;
    while (work.length > 0 && budget > 0) {
      budget -= 1;
      const { part, since } = work.shift()!;
      let events: SeamEvent[];
      try {
        events = await host.client.events.list(
          {
            since,
            access_code_ids: part,
            limit: EVENTS_PAGE_LIMIT,
            ...(options.eventTypes === null
              ? {}
              : { event_types: [...options.eventTypes] as never }),
          },
          { signal },
        );
      } catch (error) {
        if (isAbort(error, signal)) return;
        this.failed(part, error);
        this.#cursor = cursor;
        return;
      }
      const taken = takeEvents(cursor, events, options.lookbackMs);
      cursor = taken.cursor;
      for (const event of taken.fresh) {
        if (host.deliver(event)) applied += 1;
      }
      if (events.length < EVENTS_PAGE_LIMIT) continue;
      const newest = Math.max(...events.map((event) => Date.parse(event.occurred_at)));
      if (Number.isFinite(newest) && newest > Date.parse(since)) {
        work.push({ part, since: new Date(newest).toISOString() });
      } else if (part.length > 1) {
        const half = Math.ceil(part.length / 2);
        work.push({ part: part.slice(0, half), since }, { part: part.slice(half), since });
      }
    }
    if (work.length > 0) {
      // Out of budget for this tick: the next one starts where the unfinished listings stood.
      const floor = Math.min(...work.map((item) => Date.parse(item.since)));
      if (floor < Date.parse(cursor.since))
        cursor = { ...cursor, since: new Date(floor).toISOString() };
    }
    this.succeeded();
    this.#lastAt = host.clock.now();
    this.#unchanged = applied > 0 ? 0 : this.#unchanged + 1;
    this.#cursor = cursor;
    host.saveCursor(cursor);
  }
}
