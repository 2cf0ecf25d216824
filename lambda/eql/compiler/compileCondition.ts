import type { ExprNode } from '../ast';
import type { Predicate } from '../CompiledQuery';
import { findFunction } from '../functions/registry';
import { isConstant } from './analysis';
import type { CompileContext } from './CompileContext';
import { compileFieldTest } from './compileFieldTest';
import { compileValue } from './compileValue';
import { simplifyBooleanEquality } from './simplifyBooleanEquality';
import { isTrue } from './truth';

/**
 * Compiles a `where` condition into a predicate with the semantics
 * Elasticsearch gives it, which come from how it turns EQL into a search:
 *
 * - A test of a plain field against literals (`==`, `!=`, `<`..., `:`,
 *   `like`, `regex`, `in`, and `startsWith`, `endsWith`, `stringContains`,
 *   `cidrMatch` on a field) becomes a Lucene query. It matches when any
 *   element of a multi-valued field passes, and fails on a missing or null
 *   field. (`endsWith` and `stringContains` become wildcard queries, so
 *   `*`, `?` and `\` in their literal act as wildcards and escape.)
 * - Its negation (`!=`, `not in`, `not ...`) becomes a `must_not` of that
 *   query: the complement. So `process.args != "/i"` is false when any
 *   element is `/i`, and true when `process.args` is missing.
 * - Anything else (functions, arithmetic, a comparison whose left side is
 *   not a plain field) runs as a script with three-valued logic: a null
 *   makes the test unknown, which never matches, even under `not`. A
 *   multi-valued field makes the script run per element, and it matches
 *   when any run is true.
 * - `and` and `or` combine whole queries, and `not` over an `and` / `or`
 *   is again a complement.
 * - `field == null` matches a missing or null field and `field != null`
 *   one with a value (Elasticsearch's exists query).
 * - `test == true` and `test == false` on a function or comparison are
 *   first rewritten to `test` and `not test`, as Elasticsearch does.
 */
export function compileCondition(
  written: ExprNode,
  ctx: CompileContext,
): Predicate {
  const node = simplifyBooleanEquality(written);
  if (isConstant(node)) {
    const value = isTrue(compileValue(node, ctx)({}));
    return () => value;
  }
  switch (node.kind) {
    case 'and': {
      const left = compileCondition(node.left, ctx);
      const right = compileCondition(node.right, ctx);
      return (event) => left(event) && right(event);
    }
    case 'or': {
      const left = compileCondition(node.left, ctx);
      const right = compileCondition(node.right, ctx);
      return (event) => left(event) || right(event);
    }
    case 'not': {
      if (isScript(node.operand)) return compileScript(node);
      const operand = compileCondition(node.operand, ctx);
      return (event) => !operand(event);
    }
    default:
      if (isScript(node)) return compileScript(node);
      return compileFieldTest(node, ctx);
  }

  function compileScript(script: ExprNode): Predicate {
    const evaluate = compileValue(script, ctx);
    return (event) => isTrue(evaluate(event));
  }
}

/**
 * True when Elasticsearch would run this condition as a script rather than
 * as a query on a field (see compileCondition).
 */
function isScript(written: ExprNode): boolean {
  const node = simplifyBooleanEquality(written);
  switch (node.kind) {
    case 'and':
    case 'or':
    case 'literal':
      return false;
    case 'not':
      return isScript(node.operand);
    case 'field':
      return false;
    case 'compare':
      return !isFieldAgainstConstant(node.left, node.right);
    case 'pattern':
    case 'in':
      return node.left.kind !== 'field';
    case 'call': {
      const [first, ...rest] = node.args;
      const spec = findFunction(node.name);
      return !(
        spec?.asFieldQuery &&
        first?.kind === 'field' &&
        rest.every(isConstant)
      );
    }
    default:
      return true;
  }
}

function isFieldAgainstConstant(left: ExprNode, right: ExprNode): boolean {
  if (left.kind === 'field') return isConstant(right);
  return right.kind === 'field' && isConstant(left);
}
