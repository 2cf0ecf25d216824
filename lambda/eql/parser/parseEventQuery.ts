import type { EventQueryNode } from '../ast';
import { KEYWORDS, type Token } from '../token';
import { parseExpression } from './parseExpression';
import { spanOf } from './SourceText';
import type { TokenCursor } from './TokenCursor';

/**
 * Parses `CATEGORY where CONDITION`. The category is `any`, a name
 * (`process`) or a string (`"my-category"`); `any` becomes null.
 */
export function parseEventQuery(cursor: TokenCursor): EventQueryNode {
  const first = cursor.peek();
  const category = parseCategory(cursor);
  cursor.expectKeyword('where', whereHint(cursor, first));
  const condition = parseExpression(cursor);
  return {
    kind: 'event',
    category,
    condition,
    pos: spanOf(first.pos, condition.pos),
  };
}

// Keywords are case-sensitive, so `SEQUENCE by ...` reads as an event
// query of category SEQUENCE; say so rather than only asking for `where`.
function whereHint(cursor: TokenCursor, first: Token): string | undefined {
  const lower = first.text.toLowerCase();
  if (first.kind === 'identifier' && KEYWORDS.has(lower)) {
    return `EQL keywords are lowercase: write "${lower}"`;
  }
  if (cursor.peek().kind === 'identifier') return undefined;
  return 'an event query reads: CATEGORY where CONDITION';
}

function parseCategory(cursor: TokenCursor): string | null {
  const token = cursor.peek();
  if (cursor.acceptKeyword('any')) return null;
  if (token.kind === 'identifier' || token.kind === 'string') {
    cursor.next();
    return String(token.value);
  }
  throw cursor.unexpected(
    'an event category (such as process or any)',
    token.kind === 'quoted'
      ? 'quote a category with double quotes: "my-category"'
      : 'an event query reads: CATEGORY where CONDITION',
  );
}
