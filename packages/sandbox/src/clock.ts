/**
 * The sandbox's virtual clock. Every time the simulation reads (`created_at`, `starts_at` checks,
 * rate-limit windows) comes from here, and every future transition is a timer on it. Two modes:
 *
 * - manual (`speed: 0`): time stands still until `advance(ms)`; what tests and replays use.
 * - real time (`speed > 0`): virtual time flows at `speed` times wall-clock time, and a single
 *   real timer wakes the simulation when the next transition is due.
 *
 * Timers due at the same instant run in the order they were scheduled, so runs replay exactly.
 */

interface TimerEntry {
  readonly at: number;
  readonly seq: number;
  readonly key: string;
  readonly run: () => void;
}

/** Options for {@link VirtualClock}. */
export interface VirtualClockOptions {
  /** Virtual time at the start, in epoch milliseconds. */
  start: number;
  /** 0 for manual time; otherwise virtual milliseconds per real millisecond. */
  speed: number;
  /** Wall-clock source (tests may replace it). Default `Date.now`. */
  realNow?: () => number;
  /** Receives errors thrown by timers that ran from a real-time wake-up (nobody else would). */
  onError?: (error: unknown) => void;
  /** Called after a run that fired at least one timer (persistence listens here). */
  onRun?: () => void;
}

/** Upper bound of timers one `advance` may run: a runaway loop fails loudly instead of hanging. */
const maxTimersPerRun = 20_000_000;
/** setTimeout's largest delay; longer waits are re-armed when they wake. */
const maxRealDelay = 2_147_483_647;

/** The public face of the clock on the sandbox object. */
export interface SandboxClock {
  /** Current virtual time, epoch milliseconds. */
  now(): number;
  /** Moves virtual time forward by `ms`, running every transition due on the way, in order. */
  advance(ms: number): void;
  /** Moves virtual time forward to `time` (epoch ms or ISO 8601); no-op if already past it. */
  advanceTo(time: number | string | Date): void;
  /** 0 stops time (manual mode); a positive factor makes it flow that many times faster than real. */
  setSpeed(speed: number): void;
  /** The current speed factor (0 = manual). */
  readonly speed: number;
}

/** A virtual clock with a timer queue; see the module comment. */
export class VirtualClock implements SandboxClock {
  #virtualAnchor: number;
  #realAnchor: number;
  #speed: number;
  #pinned: number | undefined;
  #seq = 0;
  #heap: TimerEntry[] = [];
  #active = new Map<string, TimerEntry>();
  #realTimer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  readonly #realNow: () => number;
  readonly #onError: (error: unknown) => void;
  readonly #onRun: () => void;

  constructor(options: VirtualClockOptions) {
    assertSpeed(options.speed);
    if (!Number.isFinite(options.start)) {
      throw new RangeError(`clock start must be a finite epoch time in ms, got ${options.start}`);
    }
    this.#realNow = options.realNow ?? (() => Date.now());
    this.#onError = options.onError ?? ((error) => console.error('[seam-sandbox]', error));
    this.#onRun = options.onRun ?? (() => {});
    this.#virtualAnchor = options.start;
    this.#realAnchor = this.#realNow();
    this.#speed = options.speed;
  }

  get speed(): number {
    return this.#speed;
  }

  now(): number {
    if (this.#pinned !== undefined) return this.#pinned;
    if (this.#speed === 0) return this.#virtualAnchor;
    return Math.floor(this.#virtualAnchor + (this.#realNow() - this.#realAnchor) * this.#speed);
  }

  /** Schedules `run` at virtual time `at`, replacing any timer with the same key. */
  schedule(key: string, at: number, run: () => void): void {
    const entry: TimerEntry = { at, seq: this.#seq++, key, run };
    this.#active.set(key, entry);
    this.#push(entry);
    this.#arm();
  }

  /** Removes the timer with this key, if any. */
  cancel(key: string): void {
    if (this.#active.delete(key)) this.#arm();
  }

  /** Whether a timer with this key is pending. */
  has(key: string): boolean {
    return this.#active.has(key);
  }

  /** Virtual time of the next pending timer, or undefined. */
  nextAt(): number | undefined {
    this.#dropStale();
    return this.#heap[0]?.at;
  }

  /** Runs every timer already due (real-time mode may lag behind its real timer). */
  runDue(): void {
    this.#runUntil(this.now());
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`advance(ms) needs a finite, non-negative number of ms, got ${ms}`);
    }
    const target = this.now() + ms;
    this.#runUntil(target);
    this.#setNow(target);
  }

  advanceTo(time: number | string | Date): void {
    const target = toEpoch(time, 'advanceTo(time)');
    if (target <= this.now()) {
      this.runDue();
      return;
    }
    this.advance(target - this.now());
  }

  setSpeed(speed: number): void {
    assertSpeed(speed);
    const now = this.now();
    this.#speed = speed;
    this.#setNow(now);
  }

  /** Drops every pending timer (a reset rebuilds them from the new state). */
  clear(): void {
    this.#heap = [];
    this.#active.clear();
    this.#arm();
  }

  /** Stops the real timer; the clock keeps answering `now()` but never wakes up again. */
  dispose(): void {
    this.#disposed = true;
    if (this.#realTimer !== undefined) clearTimeout(this.#realTimer);
    this.#realTimer = undefined;
  }

  #setNow(time: number): void {
    this.#virtualAnchor = time;
    this.#realAnchor = this.#realNow();
    this.#arm();
  }

  #runUntil(target: number): void {
    let runs = 0;
    try {
      for (;;) {
        this.#dropStale();
        const next = this.#heap[0];
        if (next === undefined || next.at > target) break;
        this.#pop();
        this.#active.delete(next.key);
        // Time never runs backwards, even for a timer scheduled in the past.
        const at = Math.max(next.at, this.#pinned ?? this.now());
        this.#pinned = at;
        if (this.#speed === 0) this.#virtualAnchor = at;
        if (++runs > maxTimersPerRun) {
          throw new Error(`the clock ran more than ${maxTimersPerRun} timers in one step`);
        }
        next.run();
      }
    } finally {
      this.#pinned = undefined;
    }
    this.#arm();
    if (runs > 0) this.#onRun();
  }

  #arm(): void {
    if (this.#realTimer !== undefined) clearTimeout(this.#realTimer);
    this.#realTimer = undefined;
    if (this.#speed === 0 || this.#disposed || this.#pinned !== undefined) return;
    const next = this.nextAt();
    if (next === undefined) return;
    const delay = Math.min(maxRealDelay, Math.max(0, Math.ceil((next - this.now()) / this.#speed)));
    const timer = setTimeout(() => {
      this.#realTimer = undefined;
      try {
        this.runDue();
      } catch (error) {
        this.#onError(error);
        this.#arm();
      }
    }, delay);
    // A sandbox must not keep a Node process alive on its own.
    (timer as { unref?: () => void }).unref?.();
    this.#realTimer = timer;
  }

  #dropStale(): void {
    while (this.#heap.length > 0) {
      const top = this.#heap[0]!;
      if (this.#active.get(top.key) === top) return;
      this.#pop();
    }
  }

  #push(entry: TimerEntry): void {
    const heap = this.#heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    heap[0] = last;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === index) return;
      [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
      index = smallest;
    }
  }
}

function before(a: TimerEntry, b: TimerEntry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function assertSpeed(speed: number): void {
  if (!Number.isFinite(speed) || speed < 0) {
    throw new RangeError(
      `clock speed must be 0 (manual) or a positive factor such as 1 or 60, got ${speed}`,
    );
  }
}

/** Epoch milliseconds from a number, a Date or an ISO 8601 string; throws a clear error otherwise. */
export function toEpoch(time: number | string | Date, what: string): number {
  const value =
    typeof time === 'number' ? time : time instanceof Date ? time.getTime() : Date.parse(time);
  if (!Number.isFinite(value)) {
    throw new RangeError(`${what}: expected epoch ms, a Date or an ISO 8601 string, got ${time}`);
  }
  return value;
}
