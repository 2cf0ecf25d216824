import type { PipeNode } from '../ast';
import { spanOf } from './SourceText';
import type { TokenCursor } from './TokenCursor';

const SUPPORTED = 'Elasticsearch EQL supports only | head N and | tail N';

/** Parses `| head N` and `| tail N` pipes until the end of the query. */
export function parsePipes(cursor: TokenCursor): PipeNode[] {
  const pipes: PipeNode[] = [];
  while (cursor.isOperator('|')) pipes.push(parsePipe(cursor));
  return pipes;
}

function parsePipe(cursor: TokenCursor): PipeNode {
  const bar = cursor.expectOperator('|');
  const name = cursor.peek();
  if (name.kind !== 'identifier') {
    throw cursor.unexpected('a pipe name (head or tail)', SUPPORTED);
  }
  if (name.text !== 'head' && name.text !== 'tail') {
    throw cursor.fail(name, `unsupported pipe "${name.text}"`, SUPPORTED);
  }
  cursor.next();
  const count = cursor.peek();
  if (count.kind !== 'number' || !count.integer) {
    throw cursor.unexpected(
      `a whole number after "${name.text}"`,
      `write | ${name.text} 10`,
    );
  }
  cursor.next();
  return {
    name: name.text,
    count: count.value as number,
    pos: spanOf(bar.pos, count.pos),
  };
}
