import type { QueryNode } from './ast';
import { tokenize } from './lexer';
import { parseEventQuery } from './parser/parseEventQuery';
import { parsePipes } from './parser/parsePipes';
import { parseSample } from './parser/parseSample';
import { parseSequence } from './parser/parseSequence';
import { SourceText } from './parser/SourceText';
import { TokenCursor } from './parser/TokenCursor';

/**
 * Parses an EQL query, with Elasticsearch's syntax, into its syntax tree.
 *
 * @throws EqlSyntaxError with the line, column and length of the offending
 * text, what was expected and found, and a hint when one is likely.
 * @example
 * const query = parseQuery('process where process.name : "cmd.exe"');
 * query.body.kind; // 'event'
 */
export function parseQuery(text: string): QueryNode {
  const source = new SourceText(text);
  const cursor = new TokenCursor(source, tokenize(source));
  const body = parseBody(cursor);
  const pipes = parsePipes(cursor);
  if (cursor.peek().kind !== 'eof') {
    throw cursor.unexpected(
      'the end of the query',
      'combine conditions with and / or; add pipes with |',
    );
  }
  return { body, pipes, source: text };
}

function parseBody(cursor: TokenCursor): QueryNode['body'] {
  if (cursor.isKeyword('sequence')) return parseSequence(cursor);
  if (cursor.isKeyword('sample')) return parseSample(cursor);
  if (cursor.isKeyword('join')) {
    throw cursor.fail(
      cursor.peek(),
      'Elasticsearch does not support join queries',
      'use a sequence, or a sample for unordered events',
    );
  }
  return parseEventQuery(cursor);
}
