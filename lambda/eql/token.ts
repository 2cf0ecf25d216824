import type { Position } from './ast';

/**
 * The reserved words of Elasticsearch EQL. They are lowercase and
 * case-sensitive, as in Elasticsearch's grammar: `WHERE` is an identifier,
 * not the keyword `where`.
 */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'any',
  'by',
  'false',
  'in',
  'in~',
  'join',
  'like',
  'like~',
  'maxspan',
  'not',
  'null',
  'of',
  'or',
  'regex',
  'regex~',
  'sample',
  'sequence',
  'true',
  'until',
  'where',
  'with',
]);

/**
 * What a token is. `identifier` is a bare name (`process`, `@timestamp`);
 * `function` is a name written with a trailing `~` (`startsWith~`);
 * `quoted` is a backquoted name; `operator` covers punctuation, including
 * `![` which opens a missing-event stage.
 */
export type TokenKind =
  | 'identifier'
  | 'function'
  | 'quoted'
  | 'keyword'
  | 'string'
  | 'number'
  | 'operator'
  | 'eof';

/**
 * One token of query text. `text` is exactly what was written; `value` is
 * the decoded value for strings, numbers and names (a string without its
 * quotes and escapes, a backquoted name without its backquotes, a `~`
 * function name without the `~`).
 */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value: string | number;
  /** For numbers: true when written without a decimal point or exponent. */
  readonly integer: boolean;
  readonly pos: Position;
}

/** Describes a token for an error message: `keyword "where"`, `"]"`. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'the end of the query';
    case 'identifier':
    case 'function':
      return `name "${token.text}"`;
    case 'quoted':
      return `field ${token.text}`;
    case 'keyword':
      return `keyword "${token.text}"`;
    case 'string':
      return `string ${abbreviate(token.text)}`;
    case 'number':
      return `number ${token.text}`;
    case 'operator':
      return `"${token.text}"`;
  }
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
