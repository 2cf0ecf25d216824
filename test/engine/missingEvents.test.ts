import { describe, expect, it } from 'vitest';
import { advance } from '../../lambda/engine/advance';
import { cand, feed, ids, sequenceOf } from './fixtures';

const MINUTE = 60_000;
const LATE = { latenessMs: 60 * MINUTE };

/** Feeds everything in one call at time 0, then ends the input. */
function run(
  query: ReturnType<typeof sequenceOf>,
  events: ReturnType<typeof cand>[],
) {
  return feed(query, [{ now: 0, candidates: events }], { ...LATE, finalAt: 0 })
    .matches;
}

describe('a missing-event stage between two stages', () => {
  const query = sequenceOf(['A', '!M', 'B'], { maxspanMs: 10_000 });

  it('rules out a sequence when the missing event happens between its neighbours', () => {
    const events = [cand('a', 1, [0]), cand('m', 2, [1]), cand('b', 3, [2])];
    expect(run(query, events)).toEqual([]);
  });

  it('leaves the missing stage out of the reported events', () => {
    const events = [cand('a', 1, [0]), cand('b', 3, [2]), cand('m', 4, [1])];
    expect(run(query, events)).toEqual([['a', 'b']]);
  });

  it('ignores a missing event at the same millisecond as a neighbour', () => {
    // Elasticsearch searches strictly between the two timestamps.
    const events = [
      cand('a', 1, [0], { source: { object: 'f', line: 1 } }),
      cand('m1', 1, [1], { source: { object: 'f', line: 2 } }),
      cand('m2', 3, [1], { source: { object: 'f', line: 3 } }),
      cand('b', 3, [2], { source: { object: 'f', line: 4 } }),
    ];
    expect(run(query, events)).toEqual([['a', 'b']]);
  });

  it('lets a ruled-out sequence still displace others, then picks the next candidate', () => {
    const four = sequenceOf(['A', 'A', '!M', 'A'], { maxspanMs: 1000 });
    const normal = [0, 1, 3];
    const events = [
      cand('e1', 1, normal),
      cand('e2', 2, normal),
      cand('m', 3, [2]),
      cand('e4', 4, normal),
      cand('e5', 5, normal),
    ];
    // e1 e2 e4 completes first but m lies between e2 and e4; e2 e4 e5 is clean.
    expect(run(four, events)).toEqual([['e2', 'e4', 'e5']]);
  });

  it('checks each missing stage between its own neighbours', () => {
    const query6 = sequenceOf(['A', 'B', '!M1', 'C', '!M2', 'D'], {
      maxspanMs: 1000,
    });
    const events = [
      cand('a1', 1, [0]),
      cand('b1', 2, [1]),
      cand('m1', 3, [2]),
      cand('c1', 5, [3]),
      cand('m2', 6, [4]),
      cand('d1', 7, [5]),
      cand('a2', 13, [0]),
      cand('b2', 14, [1]),
      cand('c2', 16, [3]),
      cand('d2', 17, [5]),
    ];
    expect(run(query6, events)).toEqual([['a2', 'b2', 'c2', 'd2']]);
  });
});

describe('a leading missing-event stage', () => {
  const query = sequenceOf(['!M', 'A'], { maxspanMs: 3 * MINUTE });

  it('rules out an event with a missing event less than maxspan before it', () => {
    const events = [cand('m', 0, [0]), cand('a', 2 * MINUTE, [1])];
    expect(run(query, events)).toEqual([]);
  });

  it('accepts an event whose latest missing event is more than maxspan before it', () => {
    const events = [
      cand('m1', 0, [0]),
      cand('a1', 10 * MINUTE, [1]),
      cand('m2', 20 * MINUTE, [0]),
      cand('a2', 21 * MINUTE, [1]),
      cand('a3', 29 * MINUTE, [1]),
    ];
    expect(run(query, events)).toEqual([['a1'], ['a3']]);
  });
});

describe('a trailing missing-event stage', () => {
  const query = sequenceOf(['A', '!M'], { maxspanMs: 1000 });

  it('rules out a sequence followed by the missing event within maxspan', () => {
    expect(run(query, [cand('a', 1, [0]), cand('m', 1001, [1])])).toEqual([]);
  });

  it('accepts a sequence when the missing event comes after maxspan', () => {
    expect(run(query, [cand('a', 1, [0]), cand('m', 1002, [1])])).toEqual([
      ['a'],
    ]);
  });

  it('waits for maxspan to pass before reporting, and says when to call again', () => {
    const options = { latenessMs: 500 };
    const first = advance(query, ['k'], null, [cand('a', 100, [0])], {
      now: 600,
      ...options,
    });
    expect(first.matches).toEqual([]);
    // No event may still arrive within maxspan of the first event once the
    // clock passes 100 + 1000 (maxspan) + 500 (lateness).
    expect(first.wakeAt).toBe(100 + 1000 + 500 + 1);
    const early = advance(query, ['k'], first.state, [], {
      now: 100 + 1000 + 500,
      ...options,
    });
    expect(early.matches).toEqual([]);
    const due = advance(query, ['k'], early.state, [], {
      now: first.wakeAt as number,
      ...options,
    });
    expect(ids(due.matches)).toEqual([['a']]);
    expect(due.state).toBeNull();
  });
});

describe('leading and trailing missing-event stages together', () => {
  const events = [
    cand('m1', 0, [0, 2]),
    cand('n2', 10 * MINUTE + 1, [1]),
    cand('m3', 20 * MINUTE + 1, [0, 2]),
    cand('n4', 21 * MINUTE + 1, [1]),
    cand('n5', 29 * MINUTE + 1, [1]),
    cand('n6', 31 * MINUTE + 1, [1]),
  ];

  it('accepts when more than maxspan separates the missing events around it', () => {
    const query = sequenceOf(['!M', 'N', '!M'], { maxspanMs: 19 * MINUTE });
    expect(run(query, events)).toEqual([['n2'], ['n4'], ['n5'], ['n6']]);
  });

  it('rejects when the missing events around it are within maxspan', () => {
    const query = sequenceOf(['!M', 'N', '!M'], { maxspanMs: 21 * MINUTE });
    expect(run(query, events)).toEqual([['n4'], ['n5'], ['n6']]);
  });
});
