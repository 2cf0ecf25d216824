import type { EcsValue } from '../../ecs/EcsDocument';

/** One value an expression can take while a query runs. */
export type Scalar = string | number | boolean | null;

/**
 * The result of evaluating an expression: one scalar, or several when a
 * multi-valued field took part (every element, in order). Null means
 * missing or unknown; an empty list never occurs (it collapses to null).
 */
export type Value = Scalar | readonly Scalar[];

const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * Turns a field's raw JSON into a runtime value. Arrays keep their scalar
 * elements (nested arrays are flattened, nulls and objects dropped, as
 * Elasticsearch indexes them); an object or an array with no scalar is
 * null, the same as a missing field.
 */
export function toValue(raw: EcsValue | undefined): Value {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object') return raw;
  if (!Array.isArray(raw)) return null;
  const out: Scalar[] = [];
  collectScalars(raw, out);
  if (out.length === 0) return null;
  return out.length === 1 ? (out[0] as Scalar) : out;
}

function collectScalars(raw: readonly EcsValue[], out: Scalar[]): void {
  for (const item of raw) {
    if (item === null) continue;
    if (Array.isArray(item)) collectScalars(item, out);
    else if (typeof item !== 'object') out.push(item);
  }
}

/** The non-null elements of a value, as a list (empty for null). */
export function elementsOf(value: Value): readonly Scalar[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  return [value as Scalar];
}

/**
 * True when any non-null element of a value passes `test`; false for null.
 * The hot path of every field test, so it does not allocate.
 */
export function someElement(
  value: Value,
  test: (element: Scalar) => boolean,
): boolean {
  if (value === null) return false;
  if (!Array.isArray(value)) return test(value as Scalar);
  for (const element of value as readonly Scalar[]) {
    if (test(element)) return true;
  }
  return false;
}

/**
 * Parses a decimal number written as text (`"42"`, `" -1.5 "`), or returns
 * null. Hexadecimal and empty strings are not numbers here.
 */
export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
}

/** A number from a number, or from text holding a decimal number. */
export function toNumber(value: Scalar): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseDecimal(value);
  return null;
}

/**
 * A value's text, as string patterns and string functions see it. Numbers
 * and booleans print the way Java prints them for integral values.
 */
export function toText(value: Scalar): string | null {
  if (value === null) return null;
  return typeof value === 'string' ? value : String(value);
}

/**
 * Case-sensitive equality of two non-null scalars, with the coercion this
 * engine applies because field types are unknown (no index mappings):
 * a number equals text holding the same decimal number (`4624` and
 * `"4624"`), and a boolean equals its text (`true` and `"true"`).
 */
export function scalarEquals(a: Scalar, b: Scalar): boolean {
  if (a === null || b === null) return false;
  if (typeof a === typeof b) return a === b;
  if (typeof a === 'number' && typeof b === 'string') {
    return parseDecimal(b) === a;
  }
  if (typeof a === 'string' && typeof b === 'number') {
    return parseDecimal(a) === b;
  }
  if (typeof a === 'boolean' && typeof b === 'string') return String(a) === b;
  if (typeof a === 'string' && typeof b === 'boolean') return a === String(b);
  return false;
}

/**
 * Orders two non-null scalars: negative, zero or positive, or null when
 * they cannot be compared. Numbers compare numerically, text compares by
 * UTF-16 code units (case-sensitive), and a number against text holding a
 * decimal number compares numerically; other mixes are incomparable.
 */
export function compareScalars(a: Scalar, b: Scalar): number | null {
  if (a === null || b === null) return null;
  if (typeof a === 'string' && typeof b === 'string') {
    if (a === b) return 0;
    return a < b ? -1 : 1;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    return Number(a) - Number(b);
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === null || y === null) return null;
  return x - y;
}

/** Lower-cases text for case-insensitive comparison. */
export function foldCase(text: string): string {
  return text.toLowerCase();
}
