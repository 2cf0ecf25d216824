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

const AB = '[a where true] [b where true]';

// Each row: the case, the query, the expected line and column, a part of
// the reason, and a part of the hint (undefined when none is expected).
describe('parseQuery errors in sequences, samples and pipes', () => {
  it.each([
    [
      'a maxspan without a unit',
      `sequence by host.id with maxspan=1 ${AB}`,
      1,
      34,
      'maxspan needs a unit',
      'maxspan needs a unit, such as 1m',
    ],
    [
      'an unknown maxspan unit',
      `sequence with maxspan=5x ${AB}`,
      1,
      24,
      'unknown maxspan unit "x"',
      'ms, s, m, h or d',
    ],
    [
      'a decimal maxspan',
      `sequence with maxspan=1.5m ${AB}`,
      1,
      23,
      'positive whole number',
      '1500ms',
    ],
    [
      'a zero maxspan',
      `sequence with maxspan=0s ${AB}`,
      1,
      23,
      'positive whole number',
      '1500ms or 2m',
    ],
    [
      'a maxspan that is not a number',
      `sequence with maxspan=x ${AB}`,
      1,
      23,
      'expected a duration such as 1m, found name "x"',
      'duration',
    ],
    [
      'by after with',
      `sequence with maxspan=1m by x ${AB}`,
      1,
      26,
      '"by" clause must come before "with maxspan"',
      'sequence by ... with maxspan=1m',
    ],
    [
      'an uppercase sequence',
      `SEQUENCE by x ${AB}`,
      1,
      10,
      'expected "where", found keyword "by"',
      'write "sequence"',
    ],
    [
      'an unsupported pipe',
      'process where x | count',
      1,
      19,
      'unsupported pipe "count"',
      'head N and | tail N',
    ],
    [
      'a pipe without a name',
      'process where x | 5',
      1,
      19,
      'expected a pipe name',
      'head',
    ],
    [
      'head without a count',
      'process where x | head',
      1,
      23,
      'expected a whole number after "head", found the end of the query',
      '| head 10',
    ],
    [
      'head with a decimal count',
      'process where x | tail 1.5',
      1,
      24,
      'expected a whole number',
      '| tail 10',
    ],
    [
      'a join query',
      `join ${AB}`,
      1,
      1,
      'Elasticsearch does not support join queries',
      'sequence',
    ],
    [
      'a single stage',
      'sequence [a where true]',
      1,
      10,
      'a sequence needs at least two stages',
      'event query',
    ],
    [
      'a sequence without stages',
      'sequence by x',
      1,
      14,
      'expected "[" to open a stage, found the end of the query',
      undefined,
    ],
    [
      'a sample with one stage',
      'sample [a where true]',
      1,
      22,
      'expected a second stage',
      'at least two stages',
    ],
    [
      'a missing join key on a stage',
      'sequence [a where true] by x [b where true]',
      1,
      30,
      'inconsistent number of join keys: expected 1, found 0',
      'same number',
    ],
    [
      'an extra join key on a stage',
      'sequence [a where true] by x [b where true] by y, z',
      1,
      48,
      'expected 1, found 2',
      'same number',
    ],
    [
      'an extra join key on until',
      `sequence ${AB} until [c where true] by x`,
      1,
      64,
      'expected 0, found 1',
      'same number',
    ],
    [
      'a join key that is not a field',
      `sequence by f(x) ${AB}`,
      1,
      13,
      'a join key must be a field',
      'by host.id',
    ],
    [
      'zero runs',
      'sequence [a where true] with runs=0 [b where true]',
      1,
      35,
      'runs must be a whole number from 1 to 100, found 0',
      undefined,
    ],
    [
      'too many runs',
      'sequence [a where true] with runs=101 [b where true]',
      1,
      35,
      'found 101',
      undefined,
    ],
    [
      'an unknown stage option',
      'sequence [a where true] with tries=2 [b where true]',
      1,
      30,
      'expected "runs", found name "tries"',
      'with runs=N',
    ],
    [
      'a missing event in a sample',
      'sample [a where true] ![b where true]',
      1,
      23,
      'only allowed in a sequence',
      undefined,
    ],
    [
      'a missing event as until',
      `sequence ${AB} until ![c where true]`,
      1,
      46,
      'only allowed in a sequence',
      undefined,
    ],
    [
      'only missing events',
      'sequence ![a where true] ![b where true]',
      1,
      10,
      'at least one stage that is not a missing event',
      undefined,
    ],
    [
      'an unclosed stage',
      'sequence [a where true [b where true]',
      1,
      24,
      'expected "]", found "["',
      'close the stage',
    ],
    [
      'a join-key mismatch on a later line',
      'sequence by host.id\n  [a where true] by x\n  [b where true]',
      3,
      3,
      'inconsistent number of join keys: expected 1, found 0',
      'same number',
    ],
    [
      'with on a sequence without maxspan',
      `sequence with runs=2 ${AB}`,
      1,
      15,
      'expected "maxspan", found name "runs"',
      'with maxspan=5m',
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
});
