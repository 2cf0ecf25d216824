import type {
  CompareNode,
  ExprNode,
  FieldNode,
  LiteralNode,
  Position,
} from '../ast';
import type { Token } from '../token';
import { parsePredicate } from './parsePredicate';
import { spanOf } from './SourceText';
import type { TokenCursor } from './TokenCursor';

const COMPARISONS = ['==', '!=', '<', '<=', '>', '>='] as const;
type Comparison = CompareNode['op'];

/**
 * Parses a condition. Precedence, loosest first: `or`, `and`, `not`, one
 * comparison (`==` ... `>=`), the predicates (`:`, `like`, `regex`, `in`
 * and their `~` and `not in` forms), `+ -`, `* / %`, unary minus, and
 * primaries (literals, fields, calls, parentheses).
 */
export function parseExpression(cursor: TokenCursor): ExprNode {
  return parseOr(cursor);
}

function parseOr(cursor: TokenCursor): ExprNode {
  let left = parseAnd(cursor);
  while (cursor.acceptKeyword('or')) {
    const right = parseAnd(cursor);
    left = { kind: 'or', left, right, pos: spanOf(left.pos, right.pos) };
  }
  return left;
}

function parseAnd(cursor: TokenCursor): ExprNode {
  let left = parseNot(cursor);
  while (cursor.acceptKeyword('and')) {
    const right = parseNot(cursor);
    left = { kind: 'and', left, right, pos: spanOf(left.pos, right.pos) };
  }
  return left;
}

function parseNot(cursor: TokenCursor): ExprNode {
  const not = cursor.acceptKeyword('not');
  if (!not) return parseComparison(cursor);
  const operand = parseNot(cursor);
  return { kind: 'not', operand, pos: spanOf(not.pos, operand.pos) };
}

// Elasticsearch allows one comparison between two operands; `a == b == c`
// is a syntax error there, and here.
function parseComparison(cursor: TokenCursor): ExprNode {
  const left = parsePredicate(cursor, parseAdditive);
  if (cursor.isOperator('=')) {
    throw cursor.fail(cursor.peek(), 'unexpected "="', 'compare with ==');
  }
  const op = acceptComparison(cursor);
  if (!op) return left;
  const right = parsePredicate(cursor, parseAdditive);
  const next = cursor.peek();
  if (acceptComparison(cursor)) {
    throw cursor.fail(
      next,
      `comparisons cannot be chained: found a second "${next.text}"`,
      'combine comparisons with and: a < b and b < c',
    );
  }
  return { kind: 'compare', op, left, right, pos: spanOf(left.pos, right.pos) };
}

function acceptComparison(cursor: TokenCursor): Comparison | undefined {
  const token = cursor.peek();
  const op = COMPARISONS.find(
    (c) => token.kind === 'operator' && token.text === c,
  );
  if (op) cursor.next();
  return op;
}

function parseAdditive(cursor: TokenCursor): ExprNode {
  let left = parseMultiplicative(cursor);
  for (;;) {
    const op = cursor.acceptOperator('+') ?? cursor.acceptOperator('-');
    if (!op) return left;
    const right = parseMultiplicative(cursor);
    const pos = spanOf(left.pos, right.pos);
    left = { kind: 'arithmetic', op: op.text as '+' | '-', left, right, pos };
  }
}

function parseMultiplicative(cursor: TokenCursor): ExprNode {
  let left = parseUnary(cursor);
  for (;;) {
    const op =
      cursor.acceptOperator('*') ??
      cursor.acceptOperator('/') ??
      cursor.acceptOperator('%');
    if (!op) return left;
    const right = parseUnary(cursor);
    const pos = spanOf(left.pos, right.pos);
    const kind = 'arithmetic';
    left = { kind, op: op.text as '*' | '/' | '%', left, right, pos };
  }
}

// A unary plus changes nothing, so it leaves no node.
function parseUnary(cursor: TokenCursor): ExprNode {
  const minus = cursor.acceptOperator('-');
  if (minus) {
    const operand = parseUnary(cursor);
    return { kind: 'negate', operand, pos: spanOf(minus.pos, operand.pos) };
  }
  if (cursor.acceptOperator('+')) return parseUnary(cursor);
  return parsePrimary(cursor);
}

function parsePrimary(cursor: TokenCursor): ExprNode {
  const token = cursor.peek();
  const literal = acceptLiteral(cursor);
  if (literal) return literal;
  if (cursor.isOperator('(')) return parseParenthesised(cursor);
  if (token.kind === 'function') return parseCall(cursor);
  if (token.kind === 'identifier' && cursor.isOperator('(', 1)) {
    return parseCall(cursor);
  }
  if (token.kind === 'identifier' && cursor.isKeyword('of', 1)) {
    throw cursor.fail(
      token,
      `Elasticsearch does not support process lineage (${token.text} of)`,
      'use a sequence joined on process.entity_id instead',
    );
  }
  if (isFieldStart(cursor)) return parseField(cursor);
  throw cursor.unexpected(
    'a value, field or function call',
    primaryHint(token),
  );
}

function primaryHint(token: Token): string | undefined {
  if (token.kind === 'keyword') {
    const name = token.text;
    return `"${name}" is a keyword; write a field so named as \`${name}\``;
  }
  return undefined;
}

function parseParenthesised(cursor: TokenCursor): ExprNode {
  cursor.expectOperator('(');
  const inner = parseExpression(cursor);
  const hint = cursor.isOperator(',')
    ? 'a list goes after in, :, like or regex: a in ("x", "y")'
    : 'every ( needs a matching )';
  cursor.expectOperator(')', hint);
  return inner;
}

/** Consumes a string, number, `true`, `false` or `null` if one is next. */
export function acceptLiteral(cursor: TokenCursor): LiteralNode | undefined {
  const token = cursor.peek();
  const value = literalValue(token);
  if (value === undefined) return undefined;
  cursor.next();
  return { kind: 'literal', value, pos: token.pos };
}

function literalValue(token: Token): LiteralNode['value'] | undefined {
  if (token.kind === 'string' || token.kind === 'number') return token.value;
  if (token.kind !== 'keyword') return undefined;
  if (token.text === 'true') return true;
  if (token.text === 'false') return false;
  if (token.text === 'null') return null;
  return undefined;
}

function parseCall(cursor: TokenCursor): ExprNode {
  const name = cursor.next();
  cursor.expectOperator('(');
  const args: ExprNode[] = [];
  if (!cursor.isOperator(')')) {
    do args.push(parseExpression(cursor));
    while (cursor.acceptOperator(','));
  }
  const close = cursor.expectOperator(')', 'separate arguments with commas');
  return {
    kind: 'call',
    name: String(name.value),
    caseInsensitive: name.kind === 'function',
    args,
    pos: spanOf(name.pos, close.pos),
  };
}

/** True when a field reference (`name`, `` `name` ``, `?name`) is next. */
export function isFieldStart(cursor: TokenCursor): boolean {
  const kind = cursor.peek(cursor.isOperator('?') ? 1 : 0).kind;
  return kind === 'identifier' || kind === 'quoted';
}

/**
 * Parses a field: dotted segments, each a name or a backquoted name, with an
 * optional leading `?`.
 */
export function parseField(cursor: TokenCursor): FieldNode {
  const question = cursor.acceptOperator('?');
  const first = parseSegment(cursor);
  let name = String(first.value);
  let last: Position = first.pos;
  while (cursor.acceptOperator('.')) {
    const segment = parseSegment(cursor);
    name += `.${segment.value}`;
    last = segment.pos;
  }
  rejectArrayIndex(cursor);
  const start = question ? question.pos : first.pos;
  return {
    kind: 'field',
    name,
    optional: !!question,
    pos: spanOf(start, last),
  };
}

function parseSegment(cursor: TokenCursor): Token {
  const token = cursor.peek();
  if (token.kind === 'identifier' || token.kind === 'quoted') {
    return cursor.next();
  }
  const hint =
    token.kind === 'keyword'
      ? `"${token.text}" is a keyword; escape it as \`${token.text}\``
      : undefined;
  throw cursor.unexpected('a field name', hint);
}

// Elasticsearch's grammar reads `field[0]` but then rejects it.
function rejectArrayIndex(cursor: TokenCursor): void {
  const open = cursor.peek();
  if (cursor.isOperator('[') && cursor.peek(1).kind === 'number') {
    throw cursor.fail(open, 'array indexes in field names are not supported');
  }
}
