import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../lambda/eql/parse';

// Expected trees are written by hand with these builders; positions are
// dropped here and checked on their own below.
const field = (name: string, optional = false) => ({
  kind: 'field',
  name,
  optional,
});
const lit = (value: string | number | boolean | null) => ({
  kind: 'literal',
  value,
});
const cmp = (op: string, left: unknown, right: unknown) => ({
  kind: 'compare',
  op,
  left,
  right,
});
const logic = (kind: 'and' | 'or', left: unknown, right: unknown) => ({
  kind,
  left,
  right,
});
const not = (operand: unknown) => ({ kind: 'not', operand });
const math = (op: string, left: unknown, right: unknown) => ({
  kind: 'arithmetic',
  op,
  left,
  right,
});
const neg = (operand: unknown) => ({ kind: 'negate', operand });
const call = (name: string, args: unknown[], caseInsensitive = false) => ({
  kind: 'call',
  name,
  caseInsensitive,
  args,
});
const pattern = (op: string, left: unknown, patterns: unknown[]) => ({
  kind: 'pattern',
  op,
  left,
  patterns,
});
const inList = (
  left: unknown,
  values: unknown[],
  flags: { negated?: boolean; caseInsensitive?: boolean } = {},
) => ({
  kind: 'in',
  caseInsensitive: flags.caseInsensitive ?? false,
  negated: flags.negated ?? false,
  left,
  values,
});

/** Removes `pos` everywhere, leaving the shape of the tree. */
function shapeOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shapeOf);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(([key]) => key !== 'pos');
  return Object.fromEntries(entries.map(([k, v]) => [k, shapeOf(v)]));
}

function conditionOf(expression: string): unknown {
  const { body } = parseQuery(`any where ${expression}`);
  if (body.kind !== 'event') throw new Error('expected an event query');
  return body.condition;
}

const [a, b, c] = [field('a'), field('b'), field('c')];

describe('parseQuery conditions', () => {
  it.each([
    ['a string equality', 'a == "x"', cmp('==', a, lit('x'))],
    ['each comparison operator', 'a != 1', cmp('!=', a, lit(1))],
    ['less than or equal', 'a <= 1.5', cmp('<=', a, lit(1.5))],
    ['greater than', 'a > -2', cmp('>', a, neg(lit(2)))],
    ['a comparison with null', 'a == null', cmp('==', a, lit(null))],
    [
      'booleans',
      'a == true or b != false',
      logic('or', cmp('==', a, lit(true)), cmp('!=', b, lit(false))),
    ],
    [
      'and binding tighter than or',
      'a or b and c',
      logic('or', a, logic('and', b, c)),
    ],
    [
      'or chaining to the left',
      'a or b or c',
      logic('or', logic('or', a, b), c),
    ],
    ['not binding tighter than and', 'not a and b', logic('and', not(a), b)],
    [
      'not applying to a whole comparison',
      'not a == 1',
      not(cmp('==', a, lit(1))),
    ],
    ['a double not', 'not not a', not(not(a))],
    [
      'parentheses overriding precedence',
      '(a or b) and c',
      logic('and', logic('or', a, b), c),
    ],
    [
      'multiplication binding tighter than addition',
      'a + b * c',
      math('+', a, math('*', b, c)),
    ],
    [
      'subtraction chaining to the left',
      'a - b - c',
      math('-', math('-', a, b), c),
    ],
    ['division and remainder', 'a / b % c', math('%', math('/', a, b), c)],
    [
      'arithmetic inside a comparison',
      'a + 1 > b * 2',
      cmp('>', math('+', a, lit(1)), math('*', b, lit(2))),
    ],
    [
      'unary minus binding tighter than multiplication',
      '-a * b',
      math('*', neg(a), b),
    ],
    ['unary plus leaving no node', '+a', a],
    [
      'a dotted field',
      'process.pe.original_file_name',
      field('process.pe.original_file_name'),
    ],
    ['@timestamp', '@timestamp > 0', cmp('>', field('@timestamp'), lit(0))],
    [
      'a backquoted field',
      '`my field` == 1',
      cmp('==', field('my field'), lit(1)),
    ],
    ['a backquoted segment in a dotted field', 'a.`b-c`.d', field('a.b-c.d')],
    [
      'an optional field',
      '?a.b == null',
      cmp('==', field('a.b', true), lit(null)),
    ],
    ['a function call', 'length(a) > 1', cmp('>', call('length', [a]), lit(1))],
    ['a call without arguments', 'f()', call('f', [])],
    [
      'a case-insensitive call',
      'startsWith~(a, "x")',
      call('startsWith', [a, lit('x')], true),
    ],
    [
      'nested calls',
      'f(g(a), 1 + 2)',
      call('f', [call('g', [a]), math('+', lit(1), lit(2))]),
    ],
    ['a wildcard match', 'a : "*.exe"', pattern(':', a, [lit('*.exe')])],
    [
      'a wildcard match with a list',
      'a : ("x*", "y")',
      pattern(':', a, [lit('x*'), lit('y')]),
    ],
    ['like', 'a like "x*"', pattern('like', a, [lit('x*')])],
    [
      'like~ with a list',
      'a like~ ("x", "y")',
      pattern('like~', a, [lit('x'), lit('y')]),
    ],
    ['regex', 'a regex "[0-9]+"', pattern('regex', a, [lit('[0-9]+')])],
    ['regex~', 'a regex~ ("a.*")', pattern('regex~', a, [lit('a.*')])],
    [
      'a raw string pattern',
      'a : """C:\\*"""',
      pattern(':', a, [lit('C:\\*')]),
    ],
    ['in', 'a in ("x", 1)', inList(a, [lit('x'), lit(1)])],
    ['in~', 'a in~ ("x")', inList(a, [lit('x')], { caseInsensitive: true })],
    ['not in', 'a not in ("x")', inList(a, [lit('x')], { negated: true })],
    [
      'not in~',
      'a not in~ ("x", "y")',
      inList(a, [lit('x'), lit('y')], { negated: true, caseInsensitive: true }),
    ],
    [
      'in with fields and expressions',
      'a in (b, c + 1)',
      inList(a, [b, math('+', c, lit(1))]),
    ],
    ['not before a predicate', 'not a : "x"', not(pattern(':', a, [lit('x')]))],
    [
      'a predicate compared with a value',
      'a in (1) == true',
      cmp('==', inList(a, [lit(1)]), lit(true)),
    ],
    [
      'comments inside a condition',
      'a /* why */ == // note\n 1',
      cmp('==', a, lit(1)),
    ],
  ])('parses %s', (_, expression, expected) => {
    expect(shapeOf(conditionOf(expression))).toEqual(expected);
  });

  it('gives a node the span from its first to its last token', () => {
    const condition = conditionOf('a.b == "xy"') as { pos: unknown };
    expect(condition.pos).toEqual({
      line: 1,
      column: 11,
      offset: 10,
      length: 11,
    });
  });

  it('spans a call up to its closing parenthesis', () => {
    const condition = conditionOf('f(a, b)') as { pos: unknown };
    expect(condition.pos).toEqual({
      line: 1,
      column: 11,
      offset: 10,
      length: 7,
    });
  });

  it('starts an optional field at its question mark', () => {
    const condition = conditionOf('?x') as { pos: unknown };
    expect(condition.pos).toEqual({
      line: 1,
      column: 11,
      offset: 10,
      length: 2,
    });
  });
});
