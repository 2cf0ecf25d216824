import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWildcard, hasWildcard } from '../../lambda/eql/wildcard';

/**
 * An independent oracle: classic dynamic programming over code points,
 * quadratic but obviously right.
 */
function referenceMatch(pattern: string, text: string): boolean {
  const p = Array.from(pattern);
  const t = Array.from(text);
  let row = new Array<boolean>(t.length + 1).fill(false);
  row[0] = true;
  for (const token of p) {
    const next = new Array<boolean>(t.length + 1).fill(false);
    if (token === '*') {
      next[0] = row[0] as boolean;
      for (let j = 1; j <= t.length; j++) {
        next[j] = (row[j] as boolean) || (next[j - 1] as boolean);
      }
    } else {
      for (let j = 1; j <= t.length; j++) {
        next[j] =
          (row[j - 1] as boolean) && (token === '?' || token === t[j - 1]);
      }
    }
    row = next;
  }
  return row[t.length] as boolean;
}

describe('compileWildcard', () => {
  it('matches the whole text, with * for any run and ? for one character', () => {
    const matches = compileWildcard('a*b?d', false);
    expect(matches('abcd')).toBe(true);
    expect(matches('aXXbcd')).toBe(true);
    expect(matches('abd')).toBe(false);
    expect(matches('abcde')).toBe(false);
  });

  it('treats backslash as a literal character', () => {
    const matches = compileWildcard('C:\\Windows\\*', true);
    expect(matches('c:\\windows\\cmd.exe')).toBe(true);
    expect(matches('C:/Windows/cmd.exe')).toBe(false);
  });

  it('folds case on both sides when case-insensitive', () => {
    expect(compileWildcard('*.EXE', true)('cmd.exe')).toBe(true);
    expect(compileWildcard('*.EXE', false)('cmd.exe')).toBe(false);
  });

  it('counts an astral character as one character for ?', () => {
    expect(compileWildcard('a?b', false)('a😀b')).toBe(true);
    expect(compileWildcard('a??b', false)('a😀b')).toBe(false);
  });

  it('matches a list when any pattern matches', () => {
    const matches = compileWildcard(['x*', '*y'], false);
    expect(matches('xa')).toBe(true);
    expect(matches('ay')).toBe(true);
    expect(matches('ab')).toBe(false);
  });

  it('does not let the last piece overlap the earlier ones', () => {
    expect(compileWildcard('ab*ba', false)('aba')).toBe(false);
    expect(compileWildcard('ab*ba', false)('abba')).toBe(true);
  });

  it('finishes on 50 KB of a against *a*a*a*a*b (no backtracking)', () => {
    const text = 'a'.repeat(50_000);
    expect(compileWildcard('*a*a*a*a*b', false)(text)).toBe(false);
    expect(compileWildcard('*a?a*a?a*b', false)(text)).toBe(false);
    expect(compileWildcard('*a*a*a*a*', false)(text)).toBe(true);
  });

  it('agrees with a dynamic-programming oracle on random patterns', () => {
    const alphabet = fc.constantFrom('a', 'b', '*', '?');
    const letters = fc.constantFrom('a', 'b');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 8 }).map((a) => a.join('')),
        fc.array(letters, { maxLength: 12 }).map((a) => a.join('')),
        (pattern, text) =>
          compileWildcard(pattern, false)(text) ===
          referenceMatch(pattern, text),
      ),
      { numRuns: 2000 },
    );
  });

  it('reports whether a pattern holds a wildcard', () => {
    expect(hasWildcard('cmd.exe')).toBe(false);
    expect(hasWildcard('cmd?.exe')).toBe(true);
    expect(hasWildcard('*')).toBe(true);
  });
});

describe('compileWildcard with Lucene syntax', () => {
  it('lets a backslash escape a star, a question mark or itself', () => {
    expect(compileWildcard('a\\*', false, 'lucene')('a*')).toBe(true);
    expect(compileWildcard('a\\*', false, 'lucene')('ab')).toBe(false);
    expect(compileWildcard('a\\?', false, 'lucene')('a?')).toBe(true);
    expect(compileWildcard('a\\\\b', false, 'lucene')('a\\b')).toBe(true);
  });

  it('reads a backslash before an ordinary character as that character', () => {
    expect(compileWildcard('*\\cmd', false, 'lucene')('xcmd')).toBe(true);
  });

  it('keeps a trailing backslash literal', () => {
    expect(compileWildcard('a\\', false, 'lucene')('a\\')).toBe(true);
  });

  it('leaves backslashes literal in EQL syntax', () => {
    expect(compileWildcard('a\\*', false)('a\\xyz')).toBe(true);
  });
});
