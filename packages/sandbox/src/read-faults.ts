/**
 * Read faults: Seam answering reads with 429 (rate limited) or 503 (briefly unavailable), on
 * demand, so that pollers and event readers can be tested against the sandbox itself. Faults are
 * transport trouble, not world state: they are not saved with the state, and a reset clears them.
 */
import { SeamApiError } from './http/errors.js';
import { SandboxInputError } from './input-error.js';

/** The reads that can be faulted. */
export const FAULTABLE_READ_ROUTES = [
  '/access_codes/list',
  '/access_codes/get',
  '/access_codes/unmanaged/list',
  '/events/list',
  '/action_attempts/get',
  '/devices/list',
  '/devices/get',
  '/locks/list',
  '/locks/get',
] as const;

/** A read that can be faulted. */
export type FaultableReadRoute = (typeof FAULTABLE_READ_ROUTES)[number];

/** What `control.faultReads` takes: which reads, how they fail, and for how long. */
export interface ReadFaultOptions {
  /** The routes to fault (at least one of {@link FAULTABLE_READ_ROUTES}). */
  readonly routes: readonly FaultableReadRoute[];
  /** 429 (`rate_limit_exceeded`) or 503 (`service_unavailable`). */
  readonly status: 429 | 503;
  /** `Retry-After` in seconds; a 429 always carries one (1 s unless given), a 503 only if given. */
  readonly retryAfterS?: number;
  /** Fault this many matching reads (1 to 1000); give this or `untilMs`. */
  readonly count?: number;
  /** Fault every matching read until this virtual time (epoch ms, after now); or give `count`. */
  readonly untilMs?: number;
}

/** An active read fault, as `control.readFaults()` lists it. */
export interface ReadFault {
  readonly id: number;
  readonly routes: readonly FaultableReadRoute[];
  readonly status: 429 | 503;
  /** The `Retry-After` sent, in seconds, or null when none is (a 503 without one). */
  readonly retryAfterS: number | null;
  /** Reads still to fault, or null for a fault that lasts until `untilMs`. */
  readonly remaining: number | null;
  /** The virtual time (epoch ms) the fault ends, or null for one that counts reads. */
  readonly untilMs: number | null;
}

function isWholeIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** Checks `faultReads` options against the current virtual time; throws `SandboxInputError`. */
function checkOptions(options: ReadFaultOptions, now: number): ReadFault {
  if (options === null || typeof options !== 'object') {
    throw new SandboxInputError(
      'faultReads takes { routes, status, retryAfterS?, count | untilMs }.',
    );
  }
  const { routes, status, retryAfterS, count, untilMs } = options;
  if (!Array.isArray(routes) || routes.length === 0) {
    throw new SandboxInputError(
      `routes must name at least one read: ${FAULTABLE_READ_ROUTES.join(', ')}.`,
    );
  }
  for (const route of routes) {
    if (!(FAULTABLE_READ_ROUTES as readonly unknown[]).includes(route)) {
      throw new SandboxInputError(
        `${describe(route)} is not a read this sandbox can fault; use one of ${FAULTABLE_READ_ROUTES.join(', ')}.`,
      );
    }
  }
  if (status !== 429 && status !== 503) {
    throw new SandboxInputError(
      `status must be 429 or 503, got ${describe(status)}: 429 is a rate limit, 503 an outage.`,
    );
  }
  if (retryAfterS !== undefined && !isWholeIn(retryAfterS, 1, 86_400)) {
    throw new SandboxInputError(
      `retryAfterS must be a whole number of seconds from 1 to 86400, got ${describe(retryAfterS)}.`,
    );
  }
  if ((count === undefined) === (untilMs === undefined)) {
    throw new SandboxInputError(
      'Give exactly one of count (how many reads to fault) or untilMs (the virtual time the fault ends).',
    );
  }
  if (count !== undefined && !isWholeIn(count, 1, 1000)) {
    throw new SandboxInputError(
      `count must be a whole number from 1 to 1000, got ${describe(count)}.`,
    );
  }
  if (untilMs !== undefined && !(typeof untilMs === 'number' && untilMs > now)) {
    throw new SandboxInputError(
      `untilMs must be a virtual time after now (${new Date(now).toISOString()}), in epoch ms; got ${describe(untilMs)}.`,
    );
  }
  return {
    id: 0,
    routes: [...new Set(routes)],
    status,
    retryAfterS: retryAfterS ?? (status === 429 ? 1 : null),
    remaining: count ?? null,
    untilMs: untilMs ?? null,
  };
}

/** The active read faults of one sandbox. */
export class ReadFaults {
  #faults: ReadFault[] = [];
  #nextId = 1;

  /** Adds a fault; returns it as listed. */
  add(options: ReadFaultOptions, now: number): ReadFault {
    const fault = { ...checkOptions(options, now), id: this.#nextId++ };
    this.#faults.push(fault);
    return fault;
  }

  /** Removes the faults on any of `routes` (every fault when none are given); returns how many. */
  clear(routes?: readonly string[]): number {
    const before = this.#faults.length;
    this.#faults =
      routes === undefined
        ? []
        : this.#faults.filter((fault) => !fault.routes.some((route) => routes.includes(route)));
    return before - this.#faults.length;
  }

  /** The faults still active at `now`, oldest first. */
  list(now: number): ReadFault[] {
    this.#expire(now);
    return this.#faults.map((fault) => ({ ...fault, routes: [...fault.routes] }));
  }

  /**
   * The error to answer a read of `path` with, using up one read of a counted fault; null when
   * no fault applies. The oldest matching fault answers.
   */
  take(path: string, now: number): SeamApiError | null {
    this.#expire(now);
    const index = this.#faults.findIndex((fault) =>
      (fault.routes as readonly string[]).includes(path),
    );
    if (index === -1) return null;
    const fault = this.#faults[index]!;
    if (fault.remaining !== null) {
      const remaining = fault.remaining - 1;
      if (remaining === 0) this.#faults.splice(index, 1);
      else this.#faults[index] = { ...fault, remaining };
    }
    const headers: Record<string, string> =
      fault.retryAfterS === null ? {} : { 'retry-after': String(fault.retryAfterS) };
    return fault.status === 429
      ? new SeamApiError(
          429,
          'rate_limit_exceeded',
          `Too many requests to ${path}. Retry after ${fault.retryAfterS} s. (A read fault set with faultReads.)`,
          { headers },
        )
      : new SeamApiError(
          503,
          'service_unavailable',
          `Seam is briefly unavailable; try ${path} again shortly. (A read fault set with faultReads.)`,
          { headers },
        );
  }

  #expire(now: number): void {
    this.#faults = this.#faults.filter((fault) => fault.untilMs === null || fault.untilMs > now);
  }
}
