import { describe, expect, it } from 'vitest';
import { cand, feed, sampleOf } from './fixtures';

const LATE = { latenessMs: 60_000 };

function run(
  filters: number,
  events: ReturnType<typeof cand>[],
  options: { maxSamplesPerKey?: number } = {},
) {
  return feed(sampleOf(filters), [{ now: 0, candidates: events }], {
    ...LATE,
    ...options,
    finalAt: 0,
  }).matches;
}

describe('a sample', () => {
  it('takes one event per filter, in filter order, whatever their time order', () => {
    expect(run(2, [cand('x', 1, [1]), cand('y', 2, [0])])).toEqual([
      ['y', 'x'],
    ]);
  });

  it('needs an event for every filter', () => {
    expect(run(3, [cand('x', 1, [0]), cand('y', 2, [1])])).toEqual([]);
  });

  it('never uses one event for two filters', () => {
    expect(run(2, [cand('z', 1, [0, 1])])).toEqual([]);
    expect(run(2, [cand('z', 1, [0, 1]), cand('w', 2, [1])])).toEqual([
      ['z', 'w'],
    ]);
  });

  it('reports one sample per key by default, from the earliest events', () => {
    const events = [
      cand('a1', 1, [0]),
      cand('b1', 2, [1]),
      cand('a2', 3, [0]),
      cand('b2', 4, [1]),
    ];
    expect(run(2, events)).toEqual([['a1', 'b1']]);
  });

  it('reports up to max_samples_per_key samples per key', () => {
    const events = [
      cand('a1', 1, [0]),
      cand('b1', 2, [1]),
      cand('a2', 3, [0]),
      cand('b2', 4, [1]),
      cand('a3', 5, [0]),
    ];
    // The second sample is taken as soon as a2 makes one possible; a search
    // over the finished burst would pick a1 b2 instead (see SampleRun).
    expect(run(2, events, { maxSamplesPerKey: 2 })).toEqual([
      ['a1', 'b1'],
      ['a2', 'b1'],
    ]);
  });

  it('samples the same key again once the lateness allowance has passed', () => {
    const events = [
      cand('a1', 1, [0]),
      cand('b1', 2, [1]),
      cand('a2', 2 + 60_001, [0]),
      cand('b2', 2 + 60_002, [1]),
    ];
    expect(run(2, events)).toEqual([
      ['a1', 'b1'],
      ['a2', 'b2'],
    ]);
  });

  it('does not join events further apart than the lateness allowance', () => {
    expect(run(2, [cand('a', 1, [0]), cand('b', 60_002, [1])])).toEqual([]);
  });
});
