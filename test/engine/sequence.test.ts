import { describe, expect, it } from 'vitest';
import type { advance } from '../../lambda/engine/advance';
import { cand, feed, sequenceOf } from './fixtures';

const NOW = 10_000;
const LATE = { latenessMs: 60_000 };

/** Runs one call at NOW and returns the ids of the reported matches. */
function once(
  query: ReturnType<typeof sequenceOf>,
  candidates: Parameters<typeof advance>[3],
) {
  return feed(query, [{ now: NOW, candidates }], LATE).matches;
}

describe('a sequence, in Elasticsearch order', () => {
  const twoStages = sequenceOf(['A', 'B']);

  it('matches two stages that occur in time order under one key', () => {
    expect(
      once(twoStages, [cand('a', 1000, [0]), cand('b', 2000, [1])]),
    ).toEqual([['a', 'b']]);
  });

  it('orders candidates by time, not by the order they arrive in', () => {
    expect(
      once(twoStages, [cand('b', 2000, [1]), cand('a', 1000, [0])]),
    ).toEqual([['a', 'b']]);
  });

  it('does not match when the second stage happens first', () => {
    expect(
      once(twoStages, [cand('b', 1000, [1]), cand('a', 2000, [0])]),
    ).toEqual([]);
  });

  it('breaks equal times by the tiebreaker', () => {
    const a = cand('a', 1000, [0], { tiebreaker: 2 });
    const b = cand('b', 1000, [1], { tiebreaker: 1 });
    expect(once(twoStages, [a, b])).toEqual([]);
    const a2 = cand('a', 1000, [0], { tiebreaker: 1 });
    const b2 = cand('b', 1000, [1], { tiebreaker: 2 });
    expect(once(twoStages, [b2, a2])).toEqual([['a', 'b']]);
  });

  it('puts an event without tiebreaker after one with a tiebreaker', () => {
    const a = cand('a', 1000, [0], { tiebreaker: 'x' });
    const b = cand('b', 1000, [1], { tiebreaker: null });
    expect(once(twoStages, [b, a])).toEqual([['a', 'b']]);
  });

  it('breaks equal times and tiebreakers by position in the input', () => {
    const at = (line: number) => ({ source: { object: 'f', line } });
    const a = cand('a', 1000, [0], at(7));
    const b = cand('b', 1000, [1], at(3));
    expect(once(twoStages, [a, b])).toEqual([]);
    const a2 = cand('a', 1000, [0], at(3));
    const b2 = cand('b', 1000, [1], at(7));
    expect(once(twoStages, [b2, a2])).toEqual([['a', 'b']]);
  });

  it('keeps only the latest first-stage event waiting', () => {
    const events = [cand('a1', 1000, [0]), cand('a2', 2000, [0])];
    expect(once(twoStages, [...events, cand('b', 3000, [1])])).toEqual([
      ['a2', 'b'],
    ]);
  });

  it('lets an advancing sequence replace the one waiting at its stage', () => {
    const three = sequenceOf(['A', 'B', 'C']);
    const events = [
      cand('a1', 1, [0]),
      cand('b1', 2, [1]),
      cand('a2', 3, [0]),
      cand('b2', 4, [1]),
      cand('c', 5, [2]),
    ];
    expect(once(three, events)).toEqual([['a2', 'b2', 'c']]);
  });

  it('uses up the waiting sequence once a later stage takes it', () => {
    const events = [cand('a', 1, [0]), cand('b1', 2, [1]), cand('b2', 3, [1])];
    expect(once(twoStages, events)).toEqual([['a', 'b1']]);
  });
});

describe('maxspan', () => {
  const query = sequenceOf(['A', 'B'], { maxspanMs: 1000 });

  it('accepts a sequence that lasts exactly maxspan', () => {
    expect(once(query, [cand('a', 1000, [0]), cand('b', 2000, [1])])).toEqual([
      ['a', 'b'],
    ]);
  });

  it('rejects a sequence one millisecond longer than maxspan', () => {
    expect(once(query, [cand('a', 1000, [0]), cand('b', 2001, [1])])).toEqual(
      [],
    );
  });

  it('counts from the first event, not from the previous one', () => {
    const three = sequenceOf(['A', 'B', 'C'], { maxspanMs: 1000 });
    const events = [
      cand('a', 0, [0]),
      cand('b', 600, [1]),
      cand('c', 1200, [2]),
    ];
    expect(once(three, events)).toEqual([]);
  });

  it('uses up a sequence that a too-late event rejected', () => {
    const events = [
      cand('a', 0, [0]),
      cand('b1', 1500, [1]),
      cand('b2', 1600, [1]),
    ];
    expect(once(query, events)).toEqual([]);
  });
});

describe('an event that satisfies several stages', () => {
  const same = sequenceOf(['A', 'A']);

  it('never fills two stages of one sequence', () => {
    expect(once(same, [cand('x', 1, [0, 1])])).toEqual([]);
  });

  it('ends one sequence and starts the next', () => {
    const events = [
      cand('e1', 1, [0, 1]),
      cand('e2', 2, [0, 1]),
      cand('e4', 4, [0, 1]),
    ];
    expect(once(same, events)).toEqual([
      ['e1', 'e2'],
      ['e2', 'e4'],
    ]);
  });

  it('slides over a run of repeated stages (with runs=3 arrives expanded)', () => {
    const runs = sequenceOf(['A', 'A', 'A']);
    const events = ['e1', 'e2', 'e3', 'e4'].map((id, i) =>
      cand(id, i + 1, [0, 1, 2]),
    );
    expect(once(runs, events)).toEqual([
      ['e1', 'e2', 'e3'],
      ['e2', 'e3', 'e4'],
    ]);
  });
});

describe('until', () => {
  const query = sequenceOf(['A', 'B'], { until: true });
  const UNTIL = 2;

  it('ends the sequences in flight for its key', () => {
    const events = [
      cand('a', 1, [0]),
      cand('u', 2, [UNTIL]),
      cand('b', 3, [1]),
    ];
    expect(once(query, events)).toEqual([]);
  });

  it('does not touch a sequence that starts after it', () => {
    const events = [
      cand('u', 1, [UNTIL]),
      cand('a', 2, [0]),
      cand('b', 3, [1]),
    ];
    expect(once(query, events)).toEqual([['a', 'b']]);
  });

  it('does not undo a sequence completed before it', () => {
    const events = [
      cand('a', 1, [0]),
      cand('b', 2, [1]),
      cand('u', 3, [UNTIL]),
    ];
    expect(once(query, events)).toEqual([['a', 'b']]);
  });

  it('cancels a sequence that its own event starts', () => {
    const events = [cand('au', 1, [0, UNTIL]), cand('b', 2, [1])];
    expect(once(query, events)).toEqual([]);
  });

  it('lets its own event complete a sequence', () => {
    const events = [cand('a', 1, [0]), cand('bu', 2, [1, UNTIL])];
    expect(once(query, events)).toEqual([['a', 'bu']]);
  });
});
