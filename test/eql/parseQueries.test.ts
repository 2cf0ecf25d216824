import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../lambda/eql/parse';

const field = (name: string, optional = false) => ({
  kind: 'field',
  name,
  optional,
});
const TRUE = { kind: 'literal', value: true };
const event = (category: string | null, condition: unknown = TRUE) => ({
  kind: 'event',
  category,
  condition,
});
const stage = (
  category: string,
  extra: { by?: unknown[]; runs?: number; missing?: boolean } = {},
) => ({
  query: event(category),
  by: extra.by ?? [],
  runs: extra.runs ?? 1,
  missing: extra.missing ?? false,
});

/** Removes `pos` everywhere, leaving the shape of the tree. */
function shapeOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shapeOf);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(([key]) => key !== 'pos');
  return Object.fromEntries(entries.map(([k, v]) => [k, shapeOf(v)]));
}

function bodyOf(query: string): unknown {
  return shapeOf(parseQuery(query).body);
}

describe('parseQuery event queries', () => {
  it.each([
    ['a named category', 'process where true', event('process')],
    ['any as no category', 'any where true', event(null)],
    ['a quoted category', '"my-category" where true', event('my-category')],
    ['a raw-string category', '"""a.b""" where true', event('a.b')],
    [
      'an uppercase category as written',
      'Process where true',
      event('Process'),
    ],
  ])('reads %s', (_, query, expected) => {
    expect(bodyOf(query)).toEqual(expected);
  });

  it('keeps the source text on the query', () => {
    expect(parseQuery('any where true').source).toBe('any where true');
  });

  it('spans the event query from category to condition', () => {
    const { body } = parseQuery('  process where a == 1  ');
    expect(body.pos).toEqual({ line: 1, column: 3, offset: 2, length: 20 });
  });
});

describe('parseQuery sequences', () => {
  it('reads stages, query-level keys and maxspan', () => {
    const query =
      'sequence by host.id, user.name with maxspan=5m\n' +
      '  [process where true]\n' +
      '  [file where true]';
    expect(bodyOf(query)).toEqual({
      kind: 'sequence',
      by: [field('host.id'), field('user.name')],
      maxspan: { ms: 300_000, text: '5m' },
      stages: [stage('process'), stage('file')],
      until: null,
    });
  });

  it.each([
    ['milliseconds', '1500ms', 1500],
    ['seconds', '30s', 30_000],
    ['minutes', '2m', 120_000],
    ['hours', '1h', 3_600_000],
    ['days', '2d', 172_800_000],
  ])('reads a maxspan in %s', (_, span, ms) => {
    const query = `sequence with maxspan=${span} [a where true] [b where true]`;
    expect(bodyOf(query)).toMatchObject({ maxspan: { ms, text: span } });
  });

  it('allows a space between the maxspan number and unit', () => {
    const query = 'sequence with maxspan=5 m [a where true] [b where true]';
    expect(bodyOf(query)).toMatchObject({ maxspan: { ms: 300_000 } });
  });

  it('reads per-stage keys, runs and an until stage', () => {
    const query =
      'sequence [process where true] by process.pid with runs=3 ' +
      '[file where true] by ?process.ppid until [end where true] by x';
    expect(bodyOf(query)).toEqual({
      kind: 'sequence',
      by: [],
      maxspan: null,
      stages: [
        stage('process', { by: [field('process.pid')], runs: 3 }),
        stage('file', { by: [field('process.ppid', true)] }),
      ],
      until: stage('end', { by: [field('x')] }),
    });
  });

  it('reads missing-event stages', () => {
    const query =
      'sequence with maxspan=1h [a where true] ![b where true] [c where true]';
    expect(bodyOf(query)).toMatchObject({
      stages: [stage('a'), stage('b', { missing: true }), stage('c')],
    });
  });

  it('accepts one stage repeated with runs', () => {
    const query = 'sequence [a where true] with runs=2';
    expect(bodyOf(query)).toMatchObject({ stages: [stage('a', { runs: 2 })] });
  });

  it('spans a stage from its bracket to its last clause', () => {
    const { body } = parseQuery(
      'sequence [a where true] by x [b where true] by y',
    );
    if (body.kind !== 'sequence') throw new Error('expected a sequence');
    expect(body.stages[0]?.pos).toEqual({
      line: 1,
      column: 10,
      offset: 9,
      length: 19,
    });
  });

  it('gives maxspan the position of its number and unit', () => {
    const { body } = parseQuery(
      'sequence with maxspan=10s [a where true] [b where true]',
    );
    if (body.kind !== 'sequence') throw new Error('expected a sequence');
    expect(body.maxspan?.pos).toEqual({
      line: 1,
      column: 23,
      offset: 22,
      length: 3,
    });
  });
});

describe('parseQuery samples', () => {
  it('reads keys and stages with their own keys', () => {
    const query = 'sample by host.id [a where true] by x [b where true] by y';
    expect(bodyOf(query)).toEqual({
      kind: 'sample',
      by: [field('host.id')],
      stages: [
        stage('a', { by: [field('x')] }),
        stage('b', { by: [field('y')] }),
      ],
    });
  });
});

describe('parseQuery pipes', () => {
  it('reads head and tail with their counts', () => {
    const { pipes } = parseQuery('any where true | head 5 | tail 2');
    expect(pipes).toEqual([
      {
        name: 'head',
        count: 5,
        pos: { line: 1, column: 16, offset: 15, length: 8 },
      },
      {
        name: 'tail',
        count: 2,
        pos: { line: 1, column: 25, offset: 24, length: 8 },
      },
    ]);
  });

  it('has no pipes when none are written', () => {
    expect(parseQuery('any where true').pipes).toEqual([]);
  });
});
