import type { EcsDocument } from '../../ecs/EcsDocument';
import type {
  CallNode,
  CompareNode,
  ExprNode,
  FieldNode,
  InNode,
} from '../ast';
import type { Predicate } from '../CompiledQuery';
import { ipKey } from '../functions/ipAddress';
import type { CompileContext } from './CompileContext';
import { compileComparison, mirrorOperator } from './compileComparison';
import { compileInTest } from './compileInTest';
import { compilePatternTest, type ScalarTest } from './compilePatternTest';
import { compileValue } from './compileValue';
import { readFieldValue } from './fields';
import { resolveFunction } from './validateExpression';
import { type Scalar, someElement } from './values';

/**
 * Compiles a test of one plain field against literals, with the semantics
 * of the Lucene query Elasticsearch builds for it: true when any element
 * of the field passes, false when the field is missing or null, and
 * negations (`!=`, `not in`) as the complement of the positive test.
 */
export function compileFieldTest(
  node: ExprNode,
  ctx: CompileContext,
): Predicate {
  switch (node.kind) {
    case 'field':
      return anyElement(node, (value) => value === true);
    case 'compare':
      return compileFieldComparison(node, ctx);
    case 'pattern':
      return anyElement(node.left as FieldNode, compilePatternTest(node, ctx));
    case 'in':
      return compileFieldIn(node, ctx);
    case 'call':
      return compileFieldCall(node, ctx);
    default:
      throw ctx.fail(node.pos, `cannot use ${node.kind} as a condition`);
  }
}

function anyElement(field: FieldNode, test: ScalarTest): Predicate {
  const read = readFieldValue(field.name);
  return (event: EcsDocument) => someElement(read(event), test);
}

function compileFieldComparison(
  node: CompareNode,
  ctx: CompileContext,
): Predicate {
  const fieldOnLeft = node.left.kind === 'field';
  const field = (fieldOnLeft ? node.left : node.right) as FieldNode;
  const other = fieldOnLeft ? node.right : node.left;
  const op = fieldOnLeft ? node.op : mirrorOperator(node.op);
  const constant = compileValue(other, ctx)({});
  if (Array.isArray(constant)) {
    throw ctx.fail(other.pos, 'expected a single value');
  }
  const value = constant as Scalar;
  const read = readFieldValue(field.name);
  if (value === null) {
    if (op === '==') return (event) => read(event) === null;
    if (op === '!=') return (event) => read(event) !== null;
    return () => false;
  }
  if (op === '==' || op === '!=') {
    const equals = compileEquality(value);
    if (op === '==') return (event) => someElement(read(event), equals);
    return (event) => !someElement(read(event), equals);
  }
  const test = compileComparison(op);
  return (event) =>
    someElement(read(event), (element) => test(element, value) === true);
}

/**
 * Equality with one literal. When the literal is an IP address, another
 * spelling of the same address is equal too, since the ECS fields that
 * hold addresses are `ip` fields in Elasticsearch.
 */
function compileEquality(literal: Scalar): ScalarTest {
  const equals = compileComparison('==');
  const key = typeof literal === 'string' ? ipKey(literal) : null;
  if (key === null) return (element) => equals(element, literal) === true;
  return (element) =>
    equals(element, literal) === true ||
    (typeof element === 'string' && ipKey(element) === key);
}

function compileFieldIn(node: InNode, ctx: CompileContext): Predicate {
  const matches = anyElement(node.left as FieldNode, compileInTest(node, ctx));
  return node.negated ? (event) => !matches(event) : matches;
}

function compileFieldCall(node: CallNode, ctx: CompileContext): Predicate {
  const spec = resolveFunction(node, ctx);
  const [field, ...rest] = node.args;
  const literals = rest.map((arg) => compileValue(arg, ctx)({}) as Scalar);
  const asQuery = spec.asFieldQuery;
  if (!asQuery) throw ctx.fail(node.pos, `${spec.name} is not a field query`);
  return anyElement(
    field as FieldNode,
    asQuery(literals, node.caseInsensitive),
  );
}
