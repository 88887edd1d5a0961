/** One event as the relay keeps it: routing keys plus the SSE frame, serialised once. */
export interface BufferedEvent {
  /** The SSE `id`: the Seam `event_id`, the same on every relay instance. */
  readonly id: string;
  /** The Seam workspace the event belongs to. */
  readonly workspaceId: string;
  /** The access code the event is about. */
  readonly accessCodeId: string;
  /** The complete SSE frame (`id:`, `event:`, `data:` lines and the blank line). */
  readonly frame: string;
}

/**
 * A fixed-size ring of the most recent events, so a subscriber that reconnects with
 * `Last-Event-ID` gets what it missed. Once an event falls out of the ring, a reconnect that names
 * it can only be told that there is a gap.
 */
export class ReplayBuffer {
  readonly #slots: (BufferedEvent | undefined)[];
  /** Sequence number of each buffered id; sequence `n` lives in slot `n % capacity`. */
  readonly #sequenceOf = new Map<string, number>();
  #nextSequence = 0;

  /** @param capacity How many events to keep (at least 1). */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new TypeError(`ReplayBuffer: capacity must be a whole number ≥ 1; got ${capacity}.`);
    }
    this.#slots = new Array<BufferedEvent | undefined>(capacity);
  }

  /** How many events are buffered now. */
  get size(): number {
    return Math.min(this.#nextSequence, this.capacity);
  }

  /** Whether an event with this id is still buffered. */
  has(id: string): boolean {
    return this.#sequenceOf.has(id);
  }

  /** Appends an event, evicting the oldest when full; an id already buffered is ignored. */
  push(event: BufferedEvent): void {
    if (this.#sequenceOf.has(event.id)) return;
    const slot = this.#nextSequence % this.capacity;
    const evicted = this.#slots[slot];
    if (evicted) this.#sequenceOf.delete(evicted.id);
    this.#slots[slot] = event;
    this.#sequenceOf.set(event.id, this.#nextSequence);
    this.#nextSequence += 1;
  }

  /**
   * The events buffered after the one with `id`, oldest first, or `undefined` when `id` is not in
   * the buffer (evicted, never seen, or from another deployment): the caller must resync.
   */
  after(id: string): BufferedEvent[] | undefined {
    const sequence = this.#sequenceOf.get(id);
    if (sequence === undefined) return undefined;
    const events: BufferedEvent[] = [];
    for (let next = sequence + 1; next < this.#nextSequence; next += 1) {
      const event = this.#slots[next % this.capacity];
      if (event) events.push(event);
    }
    return events;
  }
}

/**
 * A bounded set of recently seen ids (insertion order, oldest evicted first), used to deliver each
 * webhook once although Svix retries it.
 */
export class RecentIds {
  readonly #ids = new Set<string>();

  /** @param capacity How many ids to remember (at least 1). */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new TypeError(`RecentIds: capacity must be a whole number ≥ 1; got ${capacity}.`);
    }
  }

  /** How many ids are remembered now. */
  get size(): number {
    return this.#ids.size;
  }

  /** Whether this id was remembered and not yet evicted. */
  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** Remembers an id, forgetting the oldest when full. */
  add(id: string): void {
    if (this.#ids.has(id)) return;
    this.#ids.add(id);
    if (this.#ids.size > this.capacity) {
      const oldest = this.#ids.values().next().value;
      if (oldest !== undefined) this.#ids.delete(oldest);
    }
  }
}
