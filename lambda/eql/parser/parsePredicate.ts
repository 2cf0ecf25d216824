import type { ExprNode, InNode, LiteralNode, PatternNode } from '../ast';
import type { Token } from '../token';
import { acceptLiteral, parseExpression } from './parseExpression';
import { spanOf } from './SourceText';
import type { TokenCursor } from './TokenCursor';

const PATTERN_OPERATORS: ReadonlySet<string> = new Set([
  ':',
  'like',
  'like~',
  'regex',
  'regex~',
]);

/**
 * Parses an operand and, if one follows, its predicate: `in (...)`,
 * `in~ (...)`, `not in (...)`, `not in~ (...)`, or a pattern operator
 * (`:`, `like`, `like~`, `regex`, `regex~`) with one constant or a
 * parenthesised list of constants, as Elasticsearch requires.
 */
export function parsePredicate(
  cursor: TokenCursor,
  parseOperand: (cursor: TokenCursor) => ExprNode,
): ExprNode {
  const left = parseOperand(cursor);
  const token = cursor.peek();
  if (isPatternOperator(token)) return parsePattern(cursor, left);
  const negated = cursor.isKeyword('not');
  const inAt = negated ? 1 : 0;
  if (cursor.isKeyword('in', inAt) || cursor.isKeyword('in~', inAt)) {
    return parseIn(cursor, left, negated);
  }
  if (negated) {
    cursor.next();
    const hint = isPatternOperator(cursor.peek())
      ? `negate the whole condition: not a ${cursor.peek().text} ...`
      : undefined;
    throw cursor.unexpected('"in" or "in~" after "not"', hint);
  }
  return left;
}

function isPatternOperator(token: Token): boolean {
  const isOperatorToken = token.kind === 'operator' || token.kind === 'keyword';
  return isOperatorToken && PATTERN_OPERATORS.has(token.text);
}

function parsePattern(cursor: TokenCursor, left: ExprNode): PatternNode {
  const op = cursor.next().text as PatternNode['op'];
  const patterns: LiteralNode[] = [];
  let last: Token;
  if (cursor.acceptOperator('(')) {
    do patterns.push(expectConstant(cursor, op));
    while (cursor.acceptOperator(','));
    last = cursor.expectOperator(')', 'separate patterns with commas');
  } else {
    patterns.push(expectConstant(cursor, op));
    last = cursor.previous();
  }
  return {
    kind: 'pattern',
    op,
    left,
    patterns,
    pos: spanOf(left.pos, last.pos),
  };
}

function expectConstant(cursor: TokenCursor, op: string): LiteralNode {
  const literal = acceptLiteral(cursor);
  if (literal) return literal;
  throw cursor.unexpected(
    `a constant after "${op}"`,
    `"${op}" compares with constants, such as "*.exe" or ("a*", "b*")`,
  );
}

function parseIn(
  cursor: TokenCursor,
  left: ExprNode,
  negated: boolean,
): InNode {
  if (negated) cursor.next();
  const op = cursor.next();
  cursor.expectOperator('(', `"${op.text}" takes a list in parentheses`);
  const values: ExprNode[] = [];
  do values.push(parseExpression(cursor));
  while (cursor.acceptOperator(','));
  const close = cursor.expectOperator(')', 'separate values with commas');
  return {
    kind: 'in',
    caseInsensitive: op.text === 'in~',
    negated,
    left,
    values,
    pos: spanOf(left.pos, close.pos),
  };
}
