import { describe, expect, it } from 'vitest';
import { EqlSyntaxError } from '../../lambda/eql/errors';
import { parseQuery } from '../../lambda/eql/parse';

function errorOf(query: string): EqlSyntaxError {
  try {
    parseQuery(query);
  } catch (error) {
    if (error instanceof EqlSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for: ${query}`);
}

// Each row: the case, the query, the expected line and column, a part of
// the reason, and a part of the hint (undefined when none is expected).
describe('parseQuery errors', () => {
  it.each([
    [
      'an uppercase keyword',
      'process WHERE true',
      1,
      9,
      'expected "where", found name "WHERE"',
      'lowercase',
    ],
    [
      'no category',
      'where true',
      1,
      1,
      'expected an event category',
      'CATEGORY where CONDITION',
    ],
    [
      'a missing where',
      'process true',
      1,
      9,
      'expected "where", found keyword "true"',
      'CATEGORY where CONDITION',
    ],
    [
      'a backquoted category',
      '`a b` where true',
      1,
      1,
      'expected an event category',
      'double quotes',
    ],
    [
      'chained comparisons',
      'process where a == b == c',
      1,
      22,
      'comparisons cannot be chained',
      'and',
    ],
    [
      'a field after ":"',
      'process where x : y',
      1,
      19,
      'expected a constant after ":", found name "y"',
      'constants',
    ],
    [
      'a field in a like list',
      'process where x like~ ("a", y)',
      1,
      29,
      'expected a constant after "like~"',
      'constants',
    ],
    [
      'an empty in list',
      'any where a in ()',
      1,
      17,
      'expected a value, field or function call, found ")"',
      undefined,
    ],
    [
      'a not without in',
      'any where a not b',
      1,
      17,
      'expected "in" or "in~" after "not", found name "b"',
      undefined,
    ],
    [
      'a not before like',
      'any where a not like "x"',
      1,
      17,
      'expected "in" or "in~" after "not", found keyword "like"',
      'not a like ...',
    ],
    [
      'a single equals sign',
      'any where a = 1',
      1,
      13,
      'unexpected "="',
      'compare with ==',
    ],
    [
      'a list after ==',
      'any where a == ("x", "y")',
      1,
      20,
      'expected ")", found ","',
      'a in ("x", "y")',
    ],
    [
      'in without parentheses',
      'any where a in "x"',
      1,
      16,
      'expected "(", found string "x"',
      'list in parentheses',
    ],
    [
      'a missing comma in a list',
      'any where a in ("x" "y")',
      1,
      21,
      'expected ")", found string "y"',
      'commas',
    ],
    [
      'an unclosed parenthesis',
      'any where (a == 1',
      1,
      18,
      'expected ")", found the end of the query',
      'matching )',
    ],
    [
      'a dangling and',
      'any where a and',
      1,
      16,
      'expected a value, field or function call, found the end of the query',
      undefined,
    ],
    [
      'a missing right operand',
      'any where a ==',
      1,
      15,
      'expected a value',
      undefined,
    ],
    [
      'text after the query',
      'any where true extra',
      1,
      16,
      'expected the end of the query, found name "extra"',
      'and / or',
    ],
    [
      'a keyword as a field',
      'any where sequence == 1',
      1,
      11,
      'found keyword "sequence"',
      '`sequence`',
    ],
    [
      'a keyword as a field segment',
      'any where a.by == 1',
      1,
      13,
      'expected a field name, found keyword "by"',
      '`by`',
    ],
    [
      'an array index',
      'any where a[0] == 1',
      1,
      12,
      'array indexes in field names are not supported',
      undefined,
    ],
    [
      'process lineage',
      'any where descendant of [a where true]',
      1,
      11,
      'does not support process lineage (descendant of)',
      'sequence',
    ],
    [
      'an error on a later line',
      'process where\n  a == "x\\y"',
      2,
      10,
      'unknown escape sequence \\y',
      '\\\\',
    ],
  ])('reports %s', (_, query, line, column, reason, hint) => {
    const error = errorOf(query);
    expect({ line: error.pos.line, column: error.pos.column }).toEqual({
      line,
      column,
    });
    expect(error.reason).toContain(reason);
    if (hint === undefined) expect(error.hint).toBeUndefined();
    else expect(error.hint).toContain(hint);
  });

  it('measures the offending token', () => {
    const error = errorOf('process WHERE true');
    expect(error.pos).toEqual({ line: 1, column: 9, offset: 8, length: 5 });
  });

  it('renders the line with a caret under the token and the hint', () => {
    const error = errorOf('sequence by host.id with maxspan=1 [a where true]');
    expect(error.describe()).toBe(
      [
        '1:34: maxspan needs a unit',
        'sequence by host.id with maxspan=1 [a where true]',
        '                                 ^',
        'hint: maxspan needs a unit, such as 1m (the units are ms, s, m, h or d)',
      ].join('\n'),
    );
  });

  it('points at the end of the query when text is missing there', () => {
    const error = errorOf('any where a ==');
    expect(error.pos.offset).toBe(14);
  });
});
