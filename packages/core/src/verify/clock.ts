/**
 * Clocks for the verifier: the real one, and a manual one that a test or a demo advances in step
 * with a virtual clock (the sandbox's), so that hours of polling take no real time.
 */
import type { VerifierClock } from './types.js';

// setTimeout fires at once for delays above 2^31 - 1 ms; longer sleeps are re-armed on waking.
const maxTimerMs = 2_147_483_647;

/** The real clock: `Date.now` and the global timers. Sleeps of any length work. */
export const realClock: VerifierClock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const handle: { timer: ReturnType<typeof setTimeout> | undefined } = { timer: undefined };
    const due = Date.now() + Math.max(0, ms);
    const arm = (): void => {
      const remaining = due - Date.now();
      handle.timer = setTimeout(
        () => {
          if (due - Date.now() > 0) arm();
          else callback();
        },
        Math.min(maxTimerMs, Math.max(0, remaining)),
      );
    };
    arm();
    return handle;
  },
  clearTimeout(handle) {
    const timer = (handle as { timer?: ReturnType<typeof setTimeout> } | null)?.timer;
    if (timer !== undefined) clearTimeout(timer);
  },
};

/** Options of {@link createManualClock}. */
export interface ManualClockOptions {
  /** The time at the start (epoch ms) when the clock keeps its own time. Default 0. */
  start?: number;
  /**
   * Reads the time from elsewhere, e.g. `() => sandbox.clock.now()`. Give `advanceTo` too, so
   * that advancing this clock moves that one.
   */
  now?: () => number;
  /** Moves the other clock to `time` (e.g. `(time) => sandbox.clock.advanceTo(time)`). */
  advanceTo?: (time: number) => void;
  /**
   * Waits for the work a timer started (requests to an in-page server, store writes) before the
   * next timer runs, e.g. `() => verifier.idle()`. Default: a few turns of the event loop.
   */
  settle?: () => Promise<void>;
}

/** A clock that moves only when told to; see {@link createManualClock}. */
export interface ManualClock extends VerifierClock {
  /**
   * Moves time forward by `ms`, running every timer due on the way in time order; the other
   * clock (if any) is moved to each timer's time before it runs, and the work it starts is
   * settled before the next one.
   */
  advance(ms: number): Promise<void>;
  /** Moves time forward to `time` (epoch ms); nothing happens when it is already past. */
  advanceTo(time: number): Promise<void>;
  /** Runs the timers already due, settling after each. */
  runDue(): Promise<void>;
  /** When the next timer is due (epoch ms), or null when none is pending. */
  nextTimerAt(): number | null;
  /** How many timers are pending. */
  pendingTimers(): number;
}

interface ManualTimer {
  readonly at: number;
  readonly seq: number;
  readonly callback: () => void;
}

async function defaultSettle(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * A {@link VerifierClock} that only moves when advanced. With the sandbox in manual time
 * (`speed: 0`), tie both together so that one `advance` drives the simulated locks and the
 * verifier's polls in order:
 *
 * @example
 * const clock = createManualClock({
 *   now: () => sandbox.clock.now(),
 *   advanceTo: (time) => sandbox.clock.advanceTo(time),
 *   settle: () => verifier.idle(),
 * });
 * const verifier = createVerifier({ client, clock });
 * await clock.advance(60_000); // a minute of locks and polling, in milliseconds of real time
 */
export function createManualClock(options: ManualClockOptions = {}): ManualClock {
  let ownTime = options.start ?? 0;
  const settle = options.settle ?? defaultSettle;
  const readNow = options.now ?? (() => ownTime);
  const moveTo = (time: number): void => {
    if (time <= readNow()) return;
    if (options.advanceTo) options.advanceTo(time);
    else ownTime = time;
  };
  const timers = new Map<number, ManualTimer>();
  let seq = 0;

  const next = (): [number, ManualTimer] | null => {
    let found: [number, ManualTimer] | null = null;
    for (const entry of timers) {
      const timer = entry[1];
      if (
        found === null ||
        timer.at < found[1].at ||
        (timer.at === found[1].at && timer.seq < found[1].seq)
      ) {
        found = entry;
      }
    }
    return found;
  };

  const runUntil = async (target: number): Promise<void> => {
    for (;;) {
      const found = next();
      if (found === null || found[1].at > target) break;
      const [id, timer] = found;
      timers.delete(id);
      moveTo(timer.at);
      timer.callback();
      await settle();
    }
    moveTo(target);
  };

  return {
    now: () => readNow(),
    setTimeout(callback, ms) {
      const id = ++seq;
      timers.set(id, { at: readNow() + Math.max(0, ms), seq: id, callback });
      return id;
    },
    clearTimeout(handle) {
      if (typeof handle === 'number') timers.delete(handle);
    },
    async advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`advance(ms) needs a finite number of 0 or more; got ${ms}.`);
      }
      await runUntil(readNow() + ms);
    },
    async advanceTo(time) {
      if (!Number.isFinite(time)) {
        throw new RangeError(`advanceTo(time) needs epoch milliseconds; got ${time}.`);
      }
      await runUntil(Math.max(time, readNow()));
    },
    async runDue() {
      await runUntil(readNow());
    },
    nextTimerAt() {
      return next()?.[1].at ?? null;
    },
    pendingTimers() {
      return timers.size;
    },
  };
}
