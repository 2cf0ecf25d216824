import type { ExprNode } from '../ast';
import type { EqlType } from '../functions/FunctionSpec';
import { findFunction } from '../functions/registry';

/** True when an expression reads any field of the event. */
export function hasField(node: ExprNode): boolean {
  switch (node.kind) {
    case 'field':
      return true;
    case 'literal':
      return false;
    case 'not':
    case 'negate':
      return hasField(node.operand);
    case 'and':
    case 'or':
    case 'compare':
    case 'arithmetic':
      return hasField(node.left) || hasField(node.right);
    case 'pattern':
      return hasField(node.left) || node.patterns.some(hasField);
    case 'in':
      return hasField(node.left) || node.values.some(hasField);
    case 'call':
      return node.args.some(hasField);
  }
}

/** True when an expression is a constant: it reads no field. */
export function isConstant(node: ExprNode): boolean {
  return !hasField(node);
}

/**
 * The type an expression is known to have before any event is seen, or
 * `any` when it depends on a field (field types are unknown here).
 */
export function staticType(node: ExprNode): EqlType {
  switch (node.kind) {
    case 'literal':
      return literalType(node.value);
    case 'field':
      return 'any';
    case 'arithmetic':
    case 'negate':
      return 'number';
    case 'call':
      return findFunction(node.name)?.returns ?? 'any';
    default:
      return 'boolean';
  }
}

function literalType(value: unknown): EqlType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'any';
}
