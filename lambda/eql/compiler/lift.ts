import type { Scalar, Value } from './values';

const MAX_COMBINATIONS = 10_000;

/**
 * Applies a scalar operation to values that may hold several elements (a
 * multi-valued field). Elasticsearch runs such scripts once per value, so
 * the operation runs once per combination of elements and the result keeps
 * every outcome; a condition over it holds when any outcome is true.
 * Combinations past 10,000 are not evaluated (an event that large is
 * treated as if the rest did not match).
 */
export function lift(
  values: readonly Value[],
  operation: (scalars: readonly Scalar[]) => Scalar,
): Value {
  if (!values.some(Array.isArray)) return operation(values as Scalar[]);
  const results: Scalar[] = [];
  const current: Scalar[] = new Array(values.length);
  const visit = (index: number): void => {
    if (results.length >= MAX_COMBINATIONS) return;
    if (index === values.length) {
      results.push(operation(current));
      return;
    }
    const value = values[index] as Value;
    const options = Array.isArray(value) ? value : [value as Scalar];
    for (const option of options) {
      current[index] = option;
      visit(index + 1);
    }
  };
  visit(0);
  return results.length === 1 ? (results[0] as Scalar) : results;
}

/** Applies a one-argument scalar operation element by element. */
export function lift1(value: Value, operation: (s: Scalar) => Scalar): Value {
  if (!Array.isArray(value)) return operation(value as Scalar);
  return (value as readonly Scalar[]).map(operation);
}
