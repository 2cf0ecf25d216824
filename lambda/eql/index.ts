import type { CompiledQuery } from './CompiledQuery';
import { compileQuery } from './compile';
import { parseQuery } from './parse';

/**
 * Parses and compiles an EQL query, once, ready to run over many events.
 *
 * @throws EqlSyntaxError when the text is not valid EQL, and
 * EqlSemanticError when it parses but Elasticsearch would reject it.
 * @example
 * const query = loadQuery('process where process.name : "cmd.exe"');
 * if (query.kind === 'event') query.filter(event);
 */
export function loadQuery(text: string): CompiledQuery {
  return compileQuery(parseQuery(text));
}

export type * from './ast';
export type * from './CompiledQuery';
export { compileQuery } from './compile';
export {
  EqlError,
  EqlQueryError,
  EqlSemanticError,
  EqlSyntaxError,
} from './errors';
export { getField } from './fieldValue';
export { parseQuery } from './parse';
