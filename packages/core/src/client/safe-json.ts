/**
 * Untrusted JSON without prototype pollution. Every object comes back prototype-less, so a key
 * such as `__proto__` is plain data and a polluted `Object.prototype` is never read through it;
 * and the three keys that reach a prototype when code later copies or walks the value
 * (`__proto__`, `constructor`, `prototype`) are refused or dropped.
 */

/** Keys that lead to a prototype when used as a property path. */
const forbidden: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether `key` is one of `__proto__`, `constructor`, `prototype`. */
export function isForbiddenKey(key: string): boolean {
  return forbidden.has(key);
}

/** Thrown by {@link parseJsonSafe} in `throw` mode when the text holds a forbidden key. */
export class ForbiddenKeyError extends Error {
  override readonly name = 'ForbiddenKeyError';
  constructor(readonly key: string) {
    super(
      `"${key}" is not accepted as a key: __proto__, constructor and prototype are refused in input.`,
    );
  }
}

/** What to do with a forbidden key: refuse the whole text, or leave the key out. */
export type ForbiddenKeyMode = 'throw' | 'drop';

/**
 * `JSON.parse` whose objects are prototype-less (`Object.create(null)`) and which refuses
 * (`throw`, a {@link ForbiddenKeyError}) or leaves out (`drop`) forbidden keys. Throws
 * `SyntaxError` on text that is not JSON, as `JSON.parse` does.
 */
export function parseJsonSafe(text: string, mode: ForbiddenKeyMode = 'throw'): unknown {
  return JSON.parse(text, function revive(this: unknown, key: string, value: unknown) {
    if (isForbiddenKey(key)) {
      if (mode === 'throw') throw new ForbiddenKeyError(key);
      return undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const copy = Object.create(null) as Record<string, unknown>;
    for (const name of Object.keys(value)) copy[name] = (value as Record<string, unknown>)[name];
    return copy;
  });
}

/** An own property of `object`, never one inherited from a (possibly polluted) prototype. */
export function ownValue(object: object, key: string): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}
