/**
 * The poll loop, and every refetch whatever the sources: one `/access_codes/list` per tick for
 * every code due (up to 500 ids a request), codes due soon riding along; a code missing from a
 * listing confirmed with `/access_codes/get` before it counts as removed. It owns its timer, its
 * backoff after failures (and `Retry-After`), and when each code is next due (`#plan`).
 */
import type { AccessCode } from '@seamapi/types/connect';
import { isSeamApiError } from '../client/errors.js';
import type { Observation } from '../lifecycle/types.js';
import { nextCheckOf, type Entry } from './entry.js';
import { Loop, isAbort, iso, type LoopHost } from './loop.js';
import { MAX_IDS_PER_REQUEST, chunk, phaseClass, pollIntervalMs } from './schedule.js';

/** How many codes missing from a listing are confirmed with `/access_codes/get` per tick. */
export const MAX_CONFIRMATIONS_PER_TICK = 10;

export class PollLoop extends Loop {
  constructor(host: LoopHost) {
    super(host, 'poll');
  }

  /**
   * When this code should next be fetched (`at`), and from when it may ride along with a request
   * that goes anyway (`rideFrom`): half its interval early, so that codes drift into the same
   * ticks; never early when it waits for a due moment (a look before then is wasted).
   */
  #plan(entry: Entry, now: number, hidden: boolean): { at: number; rideFrom: number } | null {
    if (entry.stopped) return null;
    if (entry.refetch || entry.missing) return { at: now, rideFrom: now };
    if (hidden) return null;
    if (!this.host.sources(entry).poll) return null;
    const klass = phaseClass(entry.state, now);
    if (klass === 'done') return null;
    const base = entry.lastLookAt ?? entry.watchedAt;
    const bursting = now < entry.burstUntil;
    const checkAt = nextCheckOf(entry.state);
    const interval = pollIntervalMs(
      klass,
      entry.unchangedLooks,
      bursting,
      checkAt !== null,
      this.host.timing,
    );
    const due = base + interval;
    if (checkAt !== null && checkAt < due) return { at: checkAt, rideFrom: checkAt };
    if (!Number.isFinite(due)) return null;
    return { at: due, rideFrom: due - interval / 2 };
  }

  protected next(): number | null {
    const host = this.host;
    const now = host.clock.now();
    const hidden = host.hidden();
    let next: number | null = null;
    for (const entry of host.entries.values()) {
      const plan = this.#plan(entry, now, hidden);
      if (plan !== null && (next === null || plan.at < next)) next = plan.at;
    }
    return next;
  }

  protected override prepare(now: number): Promise<void> | undefined {
    return this.host.checkMembers(now);
  }

  protected async once(now: number): Promise<void> {
    const host = this.host;
    const hidden = host.hidden();
    const due: Entry[] = [];
    const confirm: Entry[] = [];
    const soon: Entry[] = [];
    for (const entry of host.entries.values()) {
      const plan = this.#plan(entry, now, hidden);
      if (plan === null) continue;
      if (entry.missing && !entry.refetch) confirm.push(entry);
      else if (plan.at <= now) due.push(entry);
      else if (plan.rideFrom <= now) soon.push(entry);
    }
    if (due.length === 0 && confirm.length === 0) return;
    const batch = due.length > 0 ? [...due, ...soon] : [];
    for (const entry of batch) {
      const checkAt = nextCheckOf(entry.state);
      // A due moment passed: Seam should act now, so look fast for a while.
      if (checkAt !== null && checkAt <= now) {
        entry.burstUntil = now + host.timing.dueWindowMs;
        entry.unchangedLooks = 0;
      }
    }
    const signal = host.signal;
    for (const ids of chunk(
      batch.map((entry) => entry.id),
      MAX_IDS_PER_REQUEST,
    )) {
      let codes: AccessCode[];
      try {
        codes = await host.client.accessCodes.list({ access_code_ids: ids }, { signal });
      } catch (error) {
        if (isAbort(error, signal)) return;
        this.failed(ids, error);
        return;
      }
      const lookAt = host.clock.now();
      const found = new Set<string>();
      for (const accessCode of codes) {
        const entry = host.entries.get(accessCode?.access_code_id);
        if (entry === undefined) continue;
        found.add(entry.id);
        this.#looked(entry, lookAt, { type: 'code.observed', accessCode, observedAt: iso(lookAt) });
      }
      for (const id of ids) {
        const entry = host.entries.get(id);
        if (entry === undefined || found.has(id) || entry.stopped) continue;
        // Not listed: confirm with a get before believing it is gone (a listing can lag behind a
        // create, and removal cannot be undone).
        entry.refetch = false;
        entry.missing = true;
        confirm.push(entry);
      }
    }
    this.succeeded();
    for (const entry of confirm.slice(0, MAX_CONFIRMATIONS_PER_TICK)) {
      if (!entry.missing || entry.stopped || host.entries.get(entry.id) !== entry) continue;
      try {
        const accessCode = await host.client.accessCodes.get(
          { access_code_id: entry.id },
          { signal },
        );
        const lookAt = host.clock.now();
        this.#looked(entry, lookAt, { type: 'code.observed', accessCode, observedAt: iso(lookAt) });
      } catch (error) {
        if (isAbort(error, signal)) return;
        if (isSeamApiError(error) && error.status === 404) {
          const lookAt = host.clock.now();
          this.#looked(entry, lookAt, {
            type: 'code.notFound',
            accessCodeId: entry.id,
            observedAt: iso(lookAt),
          });
        } else {
          this.failed([entry.id], error);
          return;
        }
      }
    }
  }

  /** A fetch brought news of the code. */
  #looked(entry: Entry, at: number, observation: Observation): void {
    entry.refetch = false;
    entry.missing = false;
    entry.lastLookAt = at;
    if (!this.host.apply(entry, observation)) entry.unchangedLooks += 1;
  }
}
