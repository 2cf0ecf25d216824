import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../lambda/eql/regex/compileRegex';
import { RegexSyntaxError } from '../../lambda/eql/regex/RegexSyntaxError';

const matches = (pattern: string, text: string, caseInsensitive = false) =>
  compileRegex(pattern, caseInsensitive)(text);

describe('compileRegex (Lucene syntax)', () => {
  it('matches the whole text only', () => {
    expect(matches('abc', 'abc')).toBe(true);
    expect(matches('abc', 'xabc')).toBe(false);
    expect(matches('b', 'abc')).toBe(false);
  });

  it('supports ., classes, negated classes and ranges', () => {
    expect(matches('a.c', 'a\nc')).toBe(true);
    expect(matches('[a-c]+', 'abcab')).toBe(true);
    expect(matches('[^a-c]', 'd')).toBe(true);
    expect(matches('[^a-c]', 'b')).toBe(false);
    expect(matches('[a-]', '-')).toBe(true);
  });

  it('supports repetition operators and bounds', () => {
    expect(matches('a{3}', 'aaa')).toBe(true);
    expect(matches('a{3}', 'aa')).toBe(false);
    expect(matches('a{2,}', 'aaaaa')).toBe(true);
    expect(matches('a{2,3}', 'aaaa')).toBe(false);
    expect(matches('ab?c*d+', 'acccdd')).toBe(true);
    expect(matches('a*?', 'aaa')).toBe(true);
  });

  it('supports alternation, groups and the empty group', () => {
    expect(matches('(ab|cd)+', 'abcdab')).toBe(true);
    expect(matches('a()b', 'ab')).toBe(true);
    expect(matches('a|b|c', 'c')).toBe(true);
  });

  it('treats ^ and $ as plain characters, and @ as any string', () => {
    expect(matches('^a$', '^a$')).toBe(true);
    expect(matches('^a$', 'a')).toBe(false);
    expect(matches('x@', 'xyz')).toBe(true);
  });

  it('matches nothing with #', () => {
    expect(matches('#', '')).toBe(false);
    expect(matches('a|#', 'a')).toBe(true);
  });

  it('reads quoted runs and escapes literally', () => {
    expect(matches('"a.b"', 'a.b')).toBe(true);
    expect(matches('"a.b"', 'axb')).toBe(false);
    expect(matches('a\\.b', 'a.b')).toBe(true);
    expect(matches('a\\.b', 'axb')).toBe(false);
  });

  it('supports the \\d \\s \\w shorthands and their negations', () => {
    expect(matches('\\d+', '0123')).toBe(true);
    expect(matches('\\D', '5')).toBe(false);
    expect(matches('\\s', '\t')).toBe(true);
    expect(matches('\\w+\\W\\w+', 'ab-cd')).toBe(true);
    expect(matches('[\\s_]+', ' _ ')).toBe(true);
  });

  it('folds case for regex~, including before negating a class', () => {
    expect(matches('[a-z]+', 'ABC', true)).toBe(true);
    expect(matches('abc', 'AbC', true)).toBe(true);
    expect(matches('[^z]', 'Z', true)).toBe(false);
    expect(matches('abc', 'AbC', false)).toBe(false);
  });

  it('matches an empty pattern against the empty string only', () => {
    expect(matches('', '')).toBe(true);
    expect(matches('', 'a')).toBe(false);
  });

  it('treats an astral character as one character', () => {
    expect(matches('a.b', 'a😀b')).toBe(true);
  });

  it('rejects intersection, complement and numeric intervals', () => {
    for (const pattern of ['a&b', '~a', '<1-10>']) {
      expect(() => compileRegex(pattern, false)).toThrow(RegexSyntaxError);
    }
  });

  it('rejects malformed patterns with their offset', () => {
    for (const pattern of ['(ab', 'a|', '[ab', '*a', 'a{2', 'a{3,1}', '\\']) {
      expect(() => compileRegex(pattern, false)).toThrow(RegexSyntaxError);
    }
    expect(() => compileRegex('ab)', false)).toThrow(
      expect.objectContaining({ index: 2 }),
    );
  });

  it('rejects groups nested too deep instead of exhausting the stack', () => {
    const deep = `${'('.repeat(5000)}a${')'.repeat(5000)}`;
    expect(() => compileRegex(deep, false)).toThrow(RegexSyntaxError);
  });

  it('rejects repetitions that would build a huge automaton', () => {
    expect(() => compileRegex('((a{1000}){1000}){1000}', false)).toThrow(
      RegexSyntaxError,
    );
  });

  it('finishes on 50 KB against (a*)*b without backtracking', () => {
    const text = 'a'.repeat(50_000);
    expect(matches('(a*)*b', text)).toBe(false);
    expect(matches('(a|aa)*b', text)).toBe(false);
    expect(matches('(a|a)*', text)).toBe(true);
    expect(matches('.*a.*a.*a.*b', text)).toBe(false);
  });

  it('agrees with JavaScript regular expressions on a shared subset', () => {
    const atom = fc.constantFrom('a', 'b', '.', '[ab]', '(a|b)', '(ab)');
    const suffix = fc.constantFrom('', '*', '+', '?', '{1,2}');
    const piece = fc.tuple(atom, suffix).map(([a, s]) => a + s);
    const pattern = fc.array(piece, { minLength: 1, maxLength: 5 });
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c'), { maxLength: 8 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(pattern, text, (pieces, subject) => {
        const source = pieces.join('');
        const oracle = new RegExp(`^(?:${source})$`, 's').test(subject);
        return matches(source, subject) === oracle;
      }),
      { numRuns: 2000 },
    );
  });
});
