/** Reading JSON that a page embeds: parsed into prototype-less objects, read by own keys only. */

export type JsonNode = Record<string, unknown>;

/** JSON.parse whose objects have no prototype, so `__proto__`/`constructor` keys are plain data. */
export function parseJson(text: string | null | undefined): unknown {
  if (typeof text !== 'string' || text.length > 2_000_000) return undefined;
  try {
    return JSON.parse(text, (_key, value: unknown) =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.assign(Object.create(null) as JsonNode, value)
        : value,
    );
  } catch {
    return undefined;
  }
}

/** The value at a path of own keys (`at(data, 'reservation', 'arrivalDate')`), or undefined. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else if (
      typeof current === 'object' &&
      current !== null &&
      !Array.isArray(current) &&
      Object.hasOwn(current, key)
    ) {
      current = (current as JsonNode)[key];
    } else return undefined;
  }
  return current;
}

export const str = (value: unknown): string | null =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : null;

/** An hour of the day given as an integer 0-23 (Hostaway's `checkInTime: 16`) as `HH:00`. */
export function hourOf(value: unknown): string | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 23
    ? `${String(value).padStart(2, '0')}:00`
    : null;
}

export const isoDay = (value: unknown): string | null => {
  const s = str(value);
  return s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))
    ? s
    : null;
};
