import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EqlSyntaxError } from '../../lambda/eql/errors';
import { tokenize } from '../../lambda/eql/lexer';

/** Kind and text of each token, without the trailing end-of-query token. */
function kindsOf(text: string): string[] {
  return tokenize(text)
    .slice(0, -1)
    .map((token) => `${token.kind} ${token.text}`);
}

function firstValue(text: string): string | number {
  const [token] = tokenize(text);
  return token?.value ?? '';
}

function errorOf(text: string): EqlSyntaxError {
  try {
    tokenize(text);
  } catch (error) {
    if (error instanceof EqlSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${text}`);
}

describe('tokenize', () => {
  it.each([
    [
      'keywords are lowercase words',
      'sequence by',
      ['keyword sequence', 'keyword by'],
    ],
    [
      'keywords are case-sensitive, so WHERE is a name',
      'WHERE',
      ['identifier WHERE'],
    ],
    ['a name may start with @', '@timestamp', ['identifier @timestamp']],
    [
      'dots separate names',
      'a.b_1',
      ['identifier a', 'operator .', 'identifier b_1'],
    ],
    [
      'a name with ~ is a case-insensitive function',
      'startsWith~(',
      ['function startsWith~', 'operator ('],
    ],
    [
      'like~ is the case-insensitive keyword',
      'like~ in~ regex~',
      ['keyword like~', 'keyword in~', 'keyword regex~'],
    ],
    ['![ opens a missing-event stage', '![', ['operator ![']],
    ['!= wins over ![', '!=[', ['operator !=', 'operator [']],
    [
      'two-character comparisons win over one',
      '<= >= == < > =',
      [
        'operator <=',
        'operator >=',
        'operator ==',
        'operator <',
        'operator >',
        'operator =',
      ],
    ],
    [
      'a duration is a number then a name',
      '5ms',
      ['number 5', 'identifier ms'],
    ],
    ['? marks an optional field', '?x', ['operator ?', 'identifier x']],
    [
      'line comments are skipped',
      'a // note\nb',
      ['identifier a', 'identifier b'],
    ],
    [
      'block comments are skipped and nest',
      'a /* x /* y */ z */ b',
      ['identifier a', 'identifier b'],
    ],
    [
      'a slash alone divides',
      'a / b',
      ['identifier a', 'operator /', 'identifier b'],
    ],
  ])('%s', (_, text, expected) => {
    expect(kindsOf(text)).toEqual(expected);
  });

  it.each([
    ['an integer', '42', 42],
    ['a decimal', '4.5', 4.5],
    ['a decimal with a leading dot', '.5', 0.5],
    ['an exponent', '1e3', 1000],
    ['a signed exponent', '25E-1', 2.5],
    ['escapes in a string', '"a\\tb\\n\\"c\\\\"', 'a\tb\n"c\\'],
    ['escaped quotes of both kinds', '"\\\'\\""', '\'"'],
    ['control escapes', '"\\b\\f\\r"', '\b\f\r'],
    ['a unicode escape', '"\\u{41}\\u{1F600}"', 'A😀'],
    [
      'a raw string, backslashes and all',
      '"""C:\\Windows\\"x"""',
      'C:\\Windows\\"x',
    ],
    ['a raw string ending in quotes', '""""a""""', '"a"'],
    ['a backquoted name', '`my field`', 'my field'],
    ['a doubled backquote in a backquoted name', '`a``b`', 'a`b'],
  ])('reads %s', (_, text, expected) => {
    expect(firstValue(text)).toEqual(expected);
  });

  it('marks integers apart from decimals', () => {
    const [whole, decimal] = tokenize('7 7.0');
    expect(whole?.integer).toBe(true);
    expect(decimal?.integer).toBe(false);
  });

  it('gives each token its line, column, offset and length', () => {
    const [first, second] = tokenize('any\n  where');
    expect(first?.pos).toEqual({ line: 1, column: 1, offset: 0, length: 3 });
    expect(second?.pos).toEqual({ line: 2, column: 3, offset: 6, length: 5 });
  });

  it('ends with an end-of-query token', () => {
    expect(tokenize('')).toHaveLength(1);
    expect(tokenize('')[0]?.kind).toBe('eof');
  });

  it.each([
    [
      'an unknown escape',
      '"a\\qb"',
      1,
      3,
      'unknown escape sequence \\q in string',
      'raw string',
    ],
    [
      'a unicode escape with one digit',
      '"\\u{D}"',
      1,
      2,
      'has 1 hex digits',
      '2 to 8',
    ],
    [
      'a unicode escape with nine digits',
      '"\\u{123456789}"',
      1,
      2,
      'has 9 hex digits',
      '2 to 8',
    ],
    [
      'a surrogate code point',
      '"\\u{D800}"',
      1,
      2,
      'not a valid unicode code point',
      'surrogates',
    ],
    [
      'a code point past 10FFFF',
      '"\\u{110000}"',
      1,
      2,
      'not a valid unicode code point',
      '10FFFF',
    ],
    [
      'a unicode escape without braces',
      '"\\u0041"',
      1,
      2,
      'malformed unicode escape',
      '\\u{HEX}',
    ],
    [
      'a string cut by a line end',
      '"abc\n"',
      1,
      1,
      'unterminated string',
      'close the string',
    ],
    [
      'an unterminated raw string',
      'x """abc',
      1,
      3,
      'unterminated raw string',
      '"""',
    ],
    [
      'a single-quoted string',
      "a == 'x'",
      1,
      6,
      'no single-quoted strings',
      'double quotes',
    ],
    ['a ?"..." string', 'a == ?"x"', 1, 6, 'no ?"..." strings', '"""..."""'],
    ["a ?'...' string", "a == ?'x'", 1, 6, "no ?'...' strings", '"""..."""'],
    [
      'an unterminated backquoted name',
      '`abc',
      1,
      1,
      'unterminated backquoted',
      '``',
    ],
    ['an unterminated comment', 'a /* b', 1, 3, 'unterminated comment', '*/'],
    ['a bare !', 'a ! b', 1, 3, 'unexpected character "!"', 'not'],
    ['an ampersand', 'a && b', 1, 3, 'unexpected character "&"', 'and'],
    ['a stray ~', 'a ~ b', 1, 3, 'unexpected character "~"', 'startsWith~'],
    [
      'an error on a later line',
      'a\n  #',
      2,
      3,
      'unexpected character "#"',
      undefined,
    ],
  ])('rejects %s', (_, text, line, column, reason, hint) => {
    const error = errorOf(text);
    expect(error.pos.line).toBe(line);
    expect(error.pos.column).toBe(column);
    expect(error.reason).toContain(reason);
    if (hint === undefined) expect(error.hint).toBeUndefined();
    else expect(error.hint).toContain(hint);
  });

  it('measures an unknown escape as the backslash and its character', () => {
    expect(errorOf('"ab\\w"').pos).toEqual({
      line: 1,
      column: 4,
      offset: 3,
      length: 2,
    });
  });

  // The encoder is written here from the list of escapes in the syntax
  // reference, independently of the lexer.
  it('decodes any text written with escapes back to itself', () => {
    const encode = (text: string) =>
      text
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\n/g, '\\n')
        .replace(/\r/g, '\\r')
        .replace(/\t/g, '\\t');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const [token] = tokenize(`"${encode(text)}"`);
        expect(token?.value).toBe(text);
      }),
    );
  });
});
