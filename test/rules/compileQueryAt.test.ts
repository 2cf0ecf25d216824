import { describe, expect, it } from 'vitest';
import type { CompiledQuery } from '../../lambda/eql/CompiledQuery';
import { EqlSyntaxError } from '../../lambda/eql/errors';
import { compileQueryAt } from '../../lambda/rules/compileQueryAt';
import { RuleLoadError } from '../../lambda/rules/errors';

// A stand-in compiler that fails at a fixed place in the query, so that the
// position mapping is tested apart from the real parser.
function failingAt(line: number, column: number, length: number) {
  return (source: string): CompiledQuery => {
    throw new EqlSyntaxError('bad token', source, {
      line,
      column,
      offset: 0,
      length,
    });
  };
}

function compileError(
  compile: (text: string) => CompiledQuery,
  origin: { line: number; column: number },
  fileLines: string[],
): RuleLoadError {
  try {
    compileQueryAt(
      'ignored',
      { path: 'r.toml', ...origin, fileLines },
      compile,
    );
  } catch (error) {
    if (error instanceof RuleLoadError) return error;
    throw error;
  }
  throw new Error('expected a RuleLoadError');
}

describe('compileQueryAt', () => {
  const file = [
    '[rule]',
    "query = '''",
    'sequence [a]',
    '  [process x]',
    "'''",
  ];

  it('moves an error on query line 2 to the file line after the first', () => {
    const error = compileError(
      failingAt(2, 12, 1),
      { line: 3, column: 1 },
      file,
    );
    expect(error.message).toBe('r.toml:4:12: bad token');
    expect(error.describe()).toBe(
      'r.toml:4:12: bad token\n  [process x]\n           ^',
    );
    expect(error.cause).toBeInstanceOf(EqlSyntaxError);
  });

  it('shifts the column on the first line by where the query starts', () => {
    const lines = ['query = "process x"'];
    const error = compileError(
      failingAt(1, 9, 1),
      { line: 1, column: 10 },
      lines,
    );
    expect(error.line).toBe(1);
    expect(error.column).toBe(18);
    expect(error.describe().split('\n')[2]).toBe(`${' '.repeat(17)}^`);
  });
});
