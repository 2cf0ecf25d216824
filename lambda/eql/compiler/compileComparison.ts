import type { CompareNode } from '../ast';
import { compareScalars, type Scalar, scalarEquals } from './values';

/** Compares two scalars: true, false, or null when either is null. */
export type Comparison = (a: Scalar, b: Scalar) => boolean | null;

/**
 * The scalar test behind `==`, `!=`, `<`, `<=`, `>`, `>=`. Null on either
 * side gives null (unknown). Equality is case-sensitive and applies the
 * number/text coercion of scalarEquals; ordering follows compareScalars
 * and is false for values that cannot be ordered.
 */
export function compileComparison(op: CompareNode['op']): Comparison {
  return (a, b) => {
    if (a === null || b === null) return null;
    switch (op) {
      case '==':
        return scalarEquals(a, b);
      case '!=':
        return !scalarEquals(a, b);
      default:
        return isOrdered(op, compareScalars(a, b));
    }
  };
}

function isOrdered(op: CompareNode['op'], order: number | null): boolean {
  if (order === null) return false;
  switch (op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    default:
      return order >= 0;
  }
}

/** The operator that keeps a comparison true when its sides swap. */
export function mirrorOperator(op: CompareNode['op']): CompareNode['op'] {
  const mirrored: Record<string, CompareNode['op']> = {
    '<': '>',
    '<=': '>=',
    '>': '<',
    '>=': '<=',
  };
  return mirrored[op] ?? op;
}
