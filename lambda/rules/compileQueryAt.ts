import type { CompiledQuery } from '../eql/CompiledQuery';
import { EqlQueryError } from '../eql/errors';
import { RuleLoadError } from './errors';

/** Where a query's first character sits in the file that holds it. */
export interface QueryOrigin {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  /** The whole file's lines, for the excerpt under an error. */
  readonly fileLines: readonly string[];
}

/**
 * Compiles (with `compile`, normally `loadQuery`) query text that lives
 * inside a file (a TOML rule, an .eql file) and turns a compile error into
 * a RuleLoadError whose line and column point into that file: an error at
 * query line L lands on file line `origin.line + L - 1`, and on the first
 * line the column is shifted by the origin's column.
 *
 * Known limit: inside a TOML basic string ("..." or """..."""), escape
 * sequences make the file text longer than the value, so a column after an
 * escape on the same line is off by the difference. Elastic's rules use
 * literal strings ('''...'''), where the mapping is exact.
 *
 * @throws RuleLoadError for any compile error (with the EqlQueryError as its
 * cause).
 */
export function compileQueryAt(
  query: string,
  origin: QueryOrigin,
  compile: (text: string) => CompiledQuery,
): CompiledQuery {
  try {
    return compile(query);
  } catch (error) {
    if (!(error instanceof EqlQueryError)) {
      const reason = `query does not compile: ${String(error)}`;
      throw new RuleLoadError(origin.path, origin, reason, {
        excerpt: origin.fileLines[origin.line - 1] ?? '',
        cause: error,
      });
    }
    const line = origin.line + error.pos.line - 1;
    const shift = error.pos.line === 1 ? origin.column - 1 : 0;
    const position = {
      line,
      column: error.pos.column + shift,
      length: error.pos.length,
    };
    throw new RuleLoadError(origin.path, position, error.reason, {
      excerpt: origin.fileLines[line - 1] ?? '',
      cause: error,
      ...(error.hint ? { hint: error.hint } : {}),
    });
  }
}
