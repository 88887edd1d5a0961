/**
 * No PIN at rest: what a verifier writes to its store or sends to other tabs never holds a PIN.
 * An IndexedDB database outlives the page and a BroadcastChannel reaches every same-origin
 * context, so the PIN is replaced by {@link PIN_WITHHELD} there, and fetched from Seam when the
 * user asks to see it (`verifier.revealPin`).
 */

/**
 * What stands for a PIN in stored and shared state. Not null, so the phase a state derives
 * (`awaiting_code` means Seam has not chosen a PIN) stays what it was; not digits, so it can
 * never be typed on a keypad or taken for the PIN.
 */
export const PIN_WITHHELD = '••••';

/** Whether an access code's `code` is the stand-in for a PIN that was not kept. */
export function isPinWithheld(code: unknown): boolean {
  return code === PIN_WITHHELD;
}

/**
 * A deep copy of `value` in which every PIN is {@link PIN_WITHHELD}: the string `code` of every
 * access code (any object with an `access_code_id`: snapshots, action-attempt results, events),
 * any other all-digit `code` (a pending mutation's `from`/`to`), and the `from`/`to` of a change
 * to the `code` (an event's `changed_properties`, an error's `modified_fields`). Values with no
 * PIN come back as they are.
 */
export function withoutPins<T>(value: T): T {
  return strip(value) as T;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const next = strip(item);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? items : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | null = null;
  const isAccessCode = typeof record['access_code_id'] === 'string';
  const isCodeChange = record['property'] === 'code' || record['field'] === 'code';
  for (const key of Object.keys(record)) {
    const item = record[key];
    const pin =
      typeof item === 'string' &&
      item !== PIN_WITHHELD &&
      ((key === 'code' && (isAccessCode || /^\d+$/.test(item))) ||
        (isCodeChange && (key === 'from' || key === 'to')));
    const next = pin ? PIN_WITHHELD : strip(item);
    if (next !== item) {
      copy ??= { ...record };
      copy[key] = next;
    }
  }
  return copy ?? value;
}
