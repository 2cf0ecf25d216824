import type {
  ArithmeticNode,
  CallNode,
  CompareNode,
  ExprNode,
  InNode,
  PatternNode,
} from '../ast';
import type { EqlType, FunctionSpec } from '../functions/FunctionSpec';
import { findFunction, hintForUnknownFunction } from '../functions/registry';
import { hasField, isConstant, staticType } from './analysis';
import type { CompileContext } from './CompileContext';

/**
 * Checks an expression for what Elasticsearch rejects before running it:
 * unknown functions, `~` on a function without that form, wrong arity,
 * literal arguments of the wrong type, field-to-field comparisons, and
 * non-literal patterns or lookup lists.
 *
 * @throws EqlSemanticError at the offending node.
 */
export function validateExpression(node: ExprNode, ctx: CompileContext): void {
  switch (node.kind) {
    case 'literal':
    case 'field':
      return;
    case 'not':
    case 'negate':
      validateExpression(node.operand, ctx);
      if (node.kind === 'negate') checkNumeric(node.operand, ctx);
      return;
    case 'and':
    case 'or':
      validateExpression(node.left, ctx);
      validateExpression(node.right, ctx);
      return;
    case 'compare':
      validateCompare(node, ctx);
      return;
    case 'arithmetic':
      validateArithmetic(node, ctx);
      return;
    case 'pattern':
      validatePattern(node, ctx);
      return;
    case 'in':
      validateIn(node, ctx);
      return;
    case 'call':
      validateCall(node, ctx);
      return;
  }
}

function validateCompare(node: CompareNode, ctx: CompileContext): void {
  validateExpression(node.left, ctx);
  validateExpression(node.right, ctx);
  if (hasField(node.left) && hasField(node.right)) {
    throw ctx.fail(
      node.pos,
      'Elasticsearch cannot compare a field with another field',
      'compare each field with a literal value instead',
    );
  }
}

function validateArithmetic(node: ArithmeticNode, ctx: CompileContext) {
  validateExpression(node.left, ctx);
  validateExpression(node.right, ctx);
  checkNumeric(node.left, ctx);
  checkNumeric(node.right, ctx);
}

function checkNumeric(node: ExprNode, ctx: CompileContext): void {
  const type = staticType(node);
  if (type !== 'any' && type !== 'number') {
    throw ctx.fail(node.pos, `arithmetic needs a number, not a ${type}`);
  }
}

function validatePattern(node: PatternNode, ctx: CompileContext): void {
  validateExpression(node.left, ctx);
  for (const pattern of node.patterns) {
    if (pattern.kind !== 'literal' || typeof pattern.value !== 'string') {
      throw ctx.fail(
        pattern.pos,
        `the ${node.op} operator needs literal string patterns`,
        'write the pattern as a double-quoted string',
      );
    }
  }
}

function validateIn(node: InNode, ctx: CompileContext): void {
  validateExpression(node.left, ctx);
  for (const value of node.values) {
    validateExpression(value, ctx);
    if (!isConstant(value)) {
      throw ctx.fail(
        value.pos,
        'a lookup list can hold only literal values, not fields',
        'compare each field with a literal value instead',
      );
    }
  }
}

function validateCall(node: CallNode, ctx: CompileContext): void {
  const spec = resolveFunction(node, ctx);
  checkArity(node, spec, ctx);
  node.args.forEach((arg, index) => {
    validateExpression(arg, ctx);
    const param = paramAt(spec, index);
    checkArgumentType(arg, param, spec, index, ctx);
    if (arg.kind === 'literal' && spec.checkLiteral) {
      const problem = spec.checkLiteral(arg.value, index);
      if (problem) throw ctx.fail(arg.pos, problem);
    }
    if (isLiteralOnly(spec, index) && !isConstant(arg)) {
      throw ctx.fail(
        arg.pos,
        `argument ${index + 1} of ${spec.name} must be a literal, not a field`,
      );
    }
  });
}

/**
 * Looks up the function of a call, rejecting unknown names and the `~`
 * form where Elasticsearch has none.
 */
export function resolveFunction(
  node: CallNode,
  ctx: CompileContext,
): FunctionSpec {
  const spec = findFunction(node.name);
  if (!spec) {
    throw ctx.fail(
      node.pos,
      `unknown function ${node.name}`,
      hintForUnknownFunction(node.name),
    );
  }
  if (node.caseInsensitive && !spec.hasInsensitiveForm) {
    throw ctx.fail(
      node.pos,
      `${spec.name} has no case-insensitive (~) form`,
      `remove the ~ after ${spec.name}`,
    );
  }
  return spec;
}

function checkArity(node: CallNode, spec: FunctionSpec, ctx: CompileContext) {
  const count = node.args.length;
  const max = spec.variadic ? Infinity : spec.params.length;
  if (count >= spec.required && count <= max) return;
  const expected =
    max === Infinity
      ? `at least ${spec.required}`
      : spec.required === max
        ? `${max}`
        : `${spec.required} to ${max}`;
  throw ctx.fail(
    node.pos,
    `${spec.name} takes ${expected} argument${max === 1 ? '' : 's'}, not ${count}`,
    `write ${spec.usage}`,
  );
}

function paramAt(spec: FunctionSpec, index: number): EqlType {
  const last = spec.params.length - 1;
  return spec.params[Math.min(index, last)] as EqlType;
}

function isLiteralOnly(spec: FunctionSpec, index: number): boolean {
  const at = spec.variadic ? Math.min(index, spec.params.length - 1) : index;
  return spec.literalOnly?.includes(at) ?? false;
}

function checkArgumentType(
  arg: ExprNode,
  param: EqlType,
  spec: FunctionSpec,
  index: number,
  ctx: CompileContext,
): void {
  const actual = staticType(arg);
  if (param === 'any' || actual === 'any' || actual === param) return;
  throw ctx.fail(
    arg.pos,
    `argument ${index + 1} of ${spec.name} must be a ${param}, not a ${actual}`,
    `write ${spec.usage}`,
  );
}
