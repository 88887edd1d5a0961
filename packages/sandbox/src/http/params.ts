/**
 * Request parameters as Seam reads them: a JSON body, or the query string for GET (arrays as
 * repeated keys, nested objects with dots, as `@seamapi/http` serialises them). Each route
 * declares its parameters; anything wrong becomes a 400 `invalid_input` whose
 * `validation_errors` names the field. Unknown parameters are ignored, as Seam ignores them.
 */
import { isForbiddenKey, ownValue } from '@seam-codes/core';
import { invalidInput } from './errors.js';

interface Base {
  required?: boolean;
  /** Accept an explicit `null` (read as "not given"). */
  nullable?: boolean;
}

/** A declared parameter. */
export type Field =
  | (Base & { kind: 'string'; minLength?: number; maxLength?: number; digits?: boolean })
  | (Base & { kind: 'uuid' })
  | (Base & { kind: 'number'; integer?: boolean; min?: number; max?: number })
  | (Base & { kind: 'boolean' })
  | (Base & { kind: 'enum'; values: readonly string[] })
  | (Base & { kind: 'datetime' })
  | (Base & { kind: 'string_array'; uuid?: boolean; maxItems?: number })
  | (Base & { kind: 'datetime_pair' })
  | (Base & { kind: 'record' });

/** A route's parameters by name. */
export type ParamSpec = Record<string, Field>;

type ValueOf<F extends Field> = F extends { kind: 'number' }
  ? number
  : F extends { kind: 'boolean' }
    ? boolean
    : F extends { kind: 'enum'; values: readonly (infer V)[] }
      ? V
      : F extends { kind: 'string_array' }
        ? string[]
        : F extends { kind: 'datetime_pair' }
          ? [string, string]
          : F extends { kind: 'record' }
            ? Record<string, unknown>
            : string;

/** The parsed parameters of a spec: required ones present, the others possibly undefined. */
export type Params<S extends ParamSpec> = {
  [K in keyof S as S[K] extends { required: true } ? K : never]: ValueOf<S[K]>;
} & {
  [K in keyof S as S[K] extends { required: true } ? never : K]?: ValueOf<S[K]>;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoPattern = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Reads a query string into a raw parameter object (repeated keys → arrays, dots → nesting).
 * Every object is prototype-less and a `__proto__`, `constructor` or `prototype` segment is
 * refused: `?__proto__.code=4321` once wrote to `Object.prototype` and chose every later PIN.
 */
export function queryToRaw(search: URLSearchParams): Record<string, unknown> {
  const raw = Object.create(null) as Record<string, unknown>;
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    const path = key.replace(/\[\]$/, '').split('.');
    const bad = path.find(isForbiddenKey);
    if (bad !== undefined) {
      throw invalidInput({
        [key]: [`"${bad}" is not accepted in a parameter name; name the parameter itself.`],
      });
    }
    let target = raw;
    for (const part of path.slice(0, -1)) {
      const next = ownValue(target, part);
      target[part] = typeof next === 'object' && next !== null ? next : Object.create(null);
      target = target[part] as Record<string, unknown>;
    }
    target[path[path.length - 1]!] =
      values.length === 1 && !key.endsWith('[]') ? values[0] : values;
  }
  return raw;
}

function coerceFromQuery(field: Field, value: unknown): unknown {
  if (typeof value !== 'string' && !Array.isArray(value)) return value;
  switch (field.kind) {
    case 'number': {
      if (typeof value !== 'string' || value.trim() === '') return value;
      const number = Number(value);
      return Number.isFinite(number) ? number : value;
    }
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'string_array':
    case 'datetime_pair':
      if (value === '') return [];
      return Array.isArray(value) ? value : [value];
    default:
      return value;
  }
}

function check(name: string, field: Field, value: unknown): string | null {
  switch (field.kind) {
    case 'string': {
      if (typeof value !== 'string') return `Expected a string, received ${describe(value)}.`;
      if (field.digits === true && !/^\d+$/.test(value)) {
        return 'Must contain digits only (0-9), as a string such as "4827".';
      }
      if (field.minLength !== undefined && value.length < field.minLength) {
        return `Must be at least ${field.minLength} characters long.`;
      }
      if (field.maxLength !== undefined && value.length > field.maxLength) {
        return `Must be at most ${field.maxLength} characters long.`;
      }
      return null;
    }
    case 'uuid':
      if (typeof value !== 'string') return `Expected a UUID string, received ${describe(value)}.`;
      return uuidPattern.test(value)
        ? null
        : `Expected a UUID such as "3f7a2c1e-8b4d-4e2a-9c6f-1a2b3c4d5e6f", received ${JSON.stringify(value)}.`;
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return `Expected a number, received ${describe(value)}.`;
      }
      if (field.integer === true && !Number.isInteger(value)) return 'Expected a whole number.';
      if (field.min !== undefined && value < field.min) return `Must be at least ${field.min}.`;
      if (field.max !== undefined && value > field.max) return `Must be at most ${field.max}.`;
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean'
        ? null
        : `Expected true or false, received ${describe(value)}.`;
    case 'enum':
      return typeof value === 'string' && field.values.includes(value)
        ? null
        : `Expected one of ${field.values.map((option) => `"${option}"`).join(', ')}, received ${describe(value)}.`;
    case 'datetime':
      if (typeof value !== 'string') {
        return `Expected an ISO 8601 date-time string such as "2026-12-03T22:00:00Z", received ${describe(value)}.`;
      }
      return isoPattern.test(value) && Number.isFinite(Date.parse(value))
        ? null
        : `Must be parsable ISO 8601, such as "2026-12-03T22:00:00Z"; received ${JSON.stringify(value)}.`;
    case 'string_array': {
      if (!Array.isArray(value))
        return `Expected an array of strings, received ${describe(value)}.`;
      if (field.maxItems !== undefined && value.length > field.maxItems) {
        return `Must contain at most ${field.maxItems} items.`;
      }
      for (const [index, item] of value.entries()) {
        if (typeof item !== 'string') return `Item ${index} must be a string.`;
        if (field.uuid === true && !uuidPattern.test(item)) {
          return `Item ${index} must be a UUID, received ${JSON.stringify(item)}.`;
        }
      }
      return null;
    }
    case 'datetime_pair': {
      if (!Array.isArray(value) || value.length !== 2) {
        return 'Expected two ISO 8601 date-times, [from, to].';
      }
      return value.every((item) => typeof item === 'string' && Number.isFinite(Date.parse(item)))
        ? null
        : 'Both items must be ISO 8601 date-times, such as "2026-12-03T22:00:00Z".';
    }
    case 'record':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? null
        : `Expected an object, received ${describe(value)}.`;
  }
  void name;
}

/**
 * Parses raw parameters against a spec. Throws a 400 `invalid_input` listing every bad field.
 * `fromQuery` turns query-string text into numbers, booleans and arrays first.
 */
export function parseParams<S extends ParamSpec>(
  raw: Record<string, unknown>,
  spec: S,
  fromQuery: boolean,
): Params<S> {
  const out = Object.create(null) as Record<string, unknown>;
  const problems: Record<string, string[]> = {};
  for (const [name, field] of Object.entries(spec)) {
    // Own properties only: nothing a polluted prototype holds is ever read as a parameter.
    let value = ownValue(raw, name);
    if (fromQuery) value = coerceFromQuery(field, value);
    if (value === undefined || (value === null && field.nullable === true)) {
      if (field.required === true) problems[name] = ['Required.'];
      continue;
    }
    const problem = check(name, field, value);
    if (problem !== null) problems[name] = [problem];
    else out[name] = value;
  }
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
  return out as Params<S>;
}
