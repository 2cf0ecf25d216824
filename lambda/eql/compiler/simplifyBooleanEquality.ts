import type { ExprNode } from '../ast';
import { staticType } from './analysis';

/**
 * Rewrites `test == true` / `test != false` into `test`, and
 * `test == false` / `test != true` into `not test`, when `test` is a
 * boolean expression that is not a plain field (a function call or a
 * comparison). Elasticsearch's optimizer does the same before it builds
 * the search, and it matters: `startsWith(x, "a") == false` then becomes
 * a `must_not` prefix query, which matches events missing `x`.
 */
export function simplifyBooleanEquality(node: ExprNode): ExprNode {
  if (node.kind !== 'compare') return node;
  if (node.op !== '==' && node.op !== '!=') return node;
  const rightIsBoolean = isBooleanLiteral(node.right);
  const flag = rightIsBoolean ? node.right : node.left;
  const test = rightIsBoolean ? node.left : node.right;
  if (!isBooleanLiteral(flag) || !isBooleanTest(test)) return node;
  const keeps = (flag.value === true) === (node.op === '==');
  return keeps ? test : { kind: 'not', operand: test, pos: node.pos };
}

function isBooleanLiteral(
  node: ExprNode,
): node is ExprNode & { kind: 'literal'; value: boolean } {
  return node.kind === 'literal' && typeof node.value === 'boolean';
}

function isBooleanTest(node: ExprNode): boolean {
  return (
    node.kind !== 'field' &&
    node.kind !== 'literal' &&
    staticType(node) === 'boolean'
  );
}
