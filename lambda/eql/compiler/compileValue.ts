import type { EcsDocument } from '../../ecs/EcsDocument';
import type {
  ArithmeticNode,
  CallNode,
  CompareNode,
  ExprNode,
  InNode,
  LogicalNode,
  PatternNode,
} from '../ast';
import { applyArithmetic } from '../functions/arithmetic';
import { isConstant } from './analysis';
import type { CompileContext } from './CompileContext';
import { compileComparison } from './compileComparison';
import { compileInTest } from './compileInTest';
import { compilePatternTest } from './compilePatternTest';
import { readFieldValue } from './fields';
import { lift, lift1 } from './lift';
import { combineTruth, negateTruth, toTruth } from './truth';
import { resolveFunction } from './validateExpression';
import type { Value } from './values';

/** Computes an expression's value for one event. */
export type Evaluator = (event: EcsDocument) => Value;

const NO_EVENT: EcsDocument = {};

/**
 * Compiles an expression into a closure with script semantics: null is
 * unknown and spreads (three-valued logic for `and`, `or`, `not`), and a
 * multi-valued field makes the expression run once per element. An
 * expression that reads no field is computed once, here.
 */
export function compileValue(node: ExprNode, ctx: CompileContext): Evaluator {
  const evaluate = compileNode(node, ctx);
  if (node.kind !== 'literal' && isConstant(node)) {
    const value = evaluate(NO_EVENT);
    return () => value;
  }
  return evaluate;
}

function compileNode(node: ExprNode, ctx: CompileContext): Evaluator {
  switch (node.kind) {
    case 'literal': {
      const value = node.value;
      return () => value;
    }
    case 'field':
      return readFieldValue(node.name);
    case 'not': {
      const operand = compileValue(node.operand, ctx);
      return (event) => lift1(operand(event), negateTruth);
    }
    case 'negate': {
      const operand = compileValue(node.operand, ctx);
      return (event) =>
        lift1(operand(event), (v) => applyArithmetic('-', 0, v));
    }
    case 'and':
    case 'or':
      return compileLogical(node, ctx);
    case 'compare':
      return compileCompareValue(node, ctx);
    case 'arithmetic':
      return compileArithmetic(node, ctx);
    case 'pattern':
      return compilePatternValue(node, ctx);
    case 'in':
      return compileInValue(node, ctx);
    case 'call':
      return compileCall(node, ctx);
  }
}

function compileLogical(node: LogicalNode, ctx: CompileContext): Evaluator {
  const left = compileValue(node.left, ctx);
  const right = compileValue(node.right, ctx);
  const isAnd = node.kind === 'and';
  return (event) => {
    const a = toTruth(left(event));
    if (a === !isAnd) return a;
    return combineTruth(isAnd, a, toTruth(right(event)));
  };
}

function compileCompareValue(
  node: CompareNode,
  ctx: CompileContext,
): Evaluator {
  const left = compileValue(node.left, ctx);
  const right = compileValue(node.right, ctx);
  const isNullCheck =
    isNullLiteral(node.left) || isNullLiteral(node.right)
      ? node.op === '==' || node.op === '!='
      : false;
  if (isNullCheck) {
    const other = isNullLiteral(node.left) ? right : left;
    const wantNull = node.op === '==';
    return (event) => (other(event) === null) === wantNull;
  }
  const test = compileComparison(node.op);
  return (event) =>
    lift([left(event), right(event)], (s) => test(s[0] ?? null, s[1] ?? null));
}

function isNullLiteral(node: ExprNode): boolean {
  return node.kind === 'literal' && node.value === null;
}

function compileArithmetic(
  node: ArithmeticNode,
  ctx: CompileContext,
): Evaluator {
  const left = compileValue(node.left, ctx);
  const right = compileValue(node.right, ctx);
  const floats = [node.left, node.right].map((side) =>
    ctx.isFloatExpression(side),
  );
  return (event) =>
    lift([left(event), right(event)], (s) =>
      applyArithmetic(node.op, s[0], s[1], floats),
    );
}

function compilePatternValue(
  node: PatternNode,
  ctx: CompileContext,
): Evaluator {
  const left = compileValue(node.left, ctx);
  const test = compilePatternTest(node, ctx);
  return (event) => lift1(left(event), (v) => (v === null ? null : test(v)));
}

function compileInValue(node: InNode, ctx: CompileContext): Evaluator {
  const left = compileValue(node.left, ctx);
  const test = compileInTest(node, ctx);
  return (event) =>
    lift1(left(event), (v) =>
      v === null ? null : node.negated ? !test(v) : test(v),
    );
}

function compileCall(node: CallNode, ctx: CompileContext): Evaluator {
  const spec = resolveFunction(node, ctx);
  const args = node.args.map((arg) => compileValue(arg, ctx));
  const options = {
    caseInsensitive: node.caseInsensitive,
    floatLiterals: node.args.map((arg) => ctx.isFloatExpression(arg)),
  };
  return (event) =>
    lift(
      args.map((arg) => arg(event)),
      (scalars) => spec.apply(scalars, options),
    );
}
