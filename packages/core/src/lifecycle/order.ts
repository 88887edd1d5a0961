/**
 * Time parsing and the deterministic orderings the machine joins by. Every comparison ends in a
 * total tie-break on content, so the result never depends on the order observations arrive in.
 */

/** Milliseconds since the epoch of an ISO 8601 time, or NaN when it is not one. */
export function parseTime(value: unknown): number {
  if (typeof value !== 'string' || value.trim() === '') return Number.NaN;
  return Date.parse(value);
}

/** Whether `value` is a time `parseTime` understands. */
export function isTime(value: unknown): value is string {
  return Number.isFinite(parseTime(value));
}

/** The canonical ISO form of a valid time (`2026-03-01T12:00:00.000Z`). */
export function normaliseTime(value: string): string {
  return new Date(parseTime(value)).toISOString();
}

/** -1, 0 or 1 by time, for canonical ISO strings or any parseable times. */
export function compareTime(a: string, b: string): number {
  const difference = parseTime(a) - parseTime(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** The later of two optional times (canonical strings). */
export function maxTime(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareTime(a, b) >= 0 ? a : b;
}

/** The earlier of two optional times (canonical strings). */
export function minTime(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareTime(a, b) <= 0 ? a : b;
}

/** -1, 0 or 1 for two strings, by code units (locale-free, so the same everywhere). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with object keys sorted: equal values give equal strings, whatever their key order. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'undefined';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

/**
 * Keeps the `limit` greatest items by `compare` (ascending order out), after merging items with
 * equal keys with `merge`. Keeping the greatest of a set is independent of insertion order.
 */
export function boundedUpsert<T>(
  items: readonly T[],
  item: T,
  keyOf: (item: T) => string,
  merge: (existing: T, incoming: T) => T,
  compare: (a: T, b: T) => number,
  limit: number,
): T[] {
  const key = keyOf(item);
  const index = items.findIndex((existing) => keyOf(existing) === key);
  const next = [...items];
  if (index === -1) next.push(item);
  else next[index] = merge(items[index] as T, item);
  next.sort(compare);
  return next.length > limit ? next.slice(next.length - limit) : next;
}
