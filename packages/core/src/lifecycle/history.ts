import { compareTime, parseTime } from './order.js';
import type { CodeState, TimelineEntry } from './types.js';

/**
 * Statuses seen in snapshots that an event of Seam's also tells: with events, the event is the
 * entry (one entry per fact, stamped by Seam's clock).
 */
const STATUS_TOLD_BY_EVENT: Readonly<Record<string, string>> = {
  unset: 'access_code.created',
  set: 'access_code.set_on_device',
  removing: 'access_code.deleted',
};

/**
 * The history to show for a code: one entry per fact, oldest first, in one clock.
 *
 * The timeline mixes two clocks: Seam's (events' `occurred_at`) and this runtime's (when a
 * snapshot, a request or an attempt was seen). When Seam's events are known, the history is
 * Seam's: its events, and the statuses no event tells (a code being set), placed by the
 * moments Seam gave around them. Without events (polling only), it is what was seen here:
 * statuses, requests and the 404, all in this runtime's clock.
 */
export function historyOf(state: CodeState): TimelineEntry[] {
  const events = state.timeline.filter((entry) => entry.kind === 'event');
  const ordered = (entries: TimelineEntry[]) =>
    entries
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => compareTime(a.entry.at, b.entry.at) || a.index - b.index)
      .map(({ entry }) => entry);
  if (events.length === 0) {
    // This runtime's clock only: a request's start is told by its outcome when there is one.
    const outcomes = new Set(
      state.timeline
        .filter((entry) => entry.kind === 'request' && entry.outcome !== 'started')
        .map((entry) => entry.key.replace(/:(succeeded|failed)$/, '')),
    );
    return ordered(
      state.timeline.filter(
        (entry) =>
          entry.kind !== 'action_attempt' &&
          !(
            entry.kind === 'request' &&
            entry.outcome === 'started' &&
            outcomes.has(entry.key.replace(/:started$/, ''))
          ),
      ),
    );
  }
  const told = new Set(events.map((entry) => entry.eventType));
  const statuses = state.timeline.filter(
    (entry): entry is Extract<TimelineEntry, { kind: 'status' }> =>
      entry.kind === 'status' &&
      !(
        STATUS_TOLD_BY_EVENT[entry.status] !== undefined &&
        told.has(STATUS_TOLD_BY_EVENT[entry.status] as string)
      ),
  );
  // A status seen here is moved into Seam's clock: by how far this runtime's clock stood from
  // Seam's when our create was answered (Seam stamped the code just before), else not at all.
  const offsetMs = clockOffsetMs(state);
  const placed = statuses.map((entry) => ({
    ...entry,
    at: new Date(parseTime(entry.at) - offsetMs).toISOString(),
  }));
  return ordered([...events, ...placed]);
}

/** This runtime's clock minus Seam's, from the create's answer and the code's `created_at`. */
function clockOffsetMs(state: CodeState): number {
  const createdAt = parseTime(state.snapshot?.accessCode.created_at ?? '');
  const answered = state.timeline.find(
    (entry) =>
      entry.kind === 'request' && entry.operation === 'create' && entry.outcome === 'succeeded',
  );
  if (answered === undefined || !Number.isFinite(createdAt)) return 0;
  return parseTime(answered.at) - createdAt;
}
