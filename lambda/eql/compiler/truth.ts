import type { Scalar, Value } from './values';

/*
 * Three-valued logic, in one place. A condition's value is true, false or
 * null (unknown: a missing field, a null argument). `not` keeps unknown
 * unknown, `and` / `or` follow Kleene's tables, and an event matches only
 * when the outcome is true. A multi-valued field yields one outcome per
 * element; the event matches when any outcome is true.
 */

/** True when a value, or any of its elements, is `true`. */
export function isTrue(value: Value): boolean {
  if (value === true) return true;
  return Array.isArray(value) && value.includes(true);
}

/**
 * Collapses a value to one three-valued boolean for `and` / `or`: true if
 * any element is true, else false if any is false, else null.
 */
export function toTruth(value: Value): boolean | null {
  if (typeof value === 'boolean') return value;
  if (!Array.isArray(value)) return null;
  if (value.includes(true)) return true;
  return value.includes(false) ? false : null;
}

/** Negates a three-valued boolean: unknown (or a non-boolean) stays null. */
export function negateTruth(value: Scalar): Scalar {
  return typeof value === 'boolean' ? !value : null;
}

/** Kleene `and` / `or` of two three-valued booleans. */
export function combineTruth(
  isAnd: boolean,
  a: boolean | null,
  b: boolean | null,
): boolean | null {
  if (a === !isAnd || b === !isAnd) return !isAnd;
  return a === null || b === null ? null : isAnd;
}
