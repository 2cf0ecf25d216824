import { describe, expect, it } from 'vitest';
import { advance } from '../../lambda/engine/advance';
import type { Candidate } from '../../lambda/engine/types';
import { cand, feed, ids, sequenceOf } from './fixtures';

const MINUTE = 60_000;
const LATE = { latenessMs: MINUTE };
const twoStages = sequenceOf(['A', 'B'], { maxspanMs: 5000 });

describe('a sequence split across calls', () => {
  const a = cand('a', 1000, [0]);
  const b = cand('b', 2000, [1]);

  it('fires once when the first half comes first', () => {
    const run = feed(
      twoStages,
      [
        { now: 3000, candidates: [a] },
        { now: 4000, candidates: [b] },
      ],
      LATE,
    );
    expect(run.matches).toEqual([['a', 'b']]);
  });

  it('fires once when the second half comes first', () => {
    const run = feed(
      twoStages,
      [
        { now: 3000, candidates: [b] },
        { now: 4000, candidates: [a] },
      ],
      LATE,
    );
    expect(run.matches).toEqual([['a', 'b']]);
  });

  it('does not fire again when the same candidates are delivered twice', () => {
    const run = feed(
      twoStages,
      [
        { now: 3000, candidates: [a, b] },
        { now: 4000, candidates: [a, b] },
        { now: 5000, candidates: [b] },
      ],
      LATE,
    );
    expect(run.matches).toEqual([['a', 'b']]);
  });

  it('does not fire again when a sealed match is redelivered much later', () => {
    const run = feed(
      twoStages,
      [
        { now: 3000, candidates: [a, b] },
        { now: 2 * MINUTE, candidates: [] },
        { now: 10 * MINUTE, candidates: [a, b] },
      ],
      LATE,
    );
    expect(run.matches).toEqual([['a', 'b']]);
    expect(run.late).toEqual(['a', 'b']);
  });

  it('keeps a state that survives JSON unchanged', () => {
    const first = advance(twoStages, ['k'], null, [a], { now: 3000, ...LATE });
    const text = JSON.stringify(first.state);
    expect(JSON.parse(text)).toEqual(first.state);
    const second = advance(twoStages, ['k'], JSON.parse(text), [b], {
      now: 4000,
      ...LATE,
    });
    expect(ids(second.matches)).toEqual([['a', 'b']]);
    expect(second.matches[0]?.joinKey).toEqual(['k']);
  });
});

describe('lateness', () => {
  it('drops a candidate older than the lateness allowance', () => {
    const old = cand('old', 1000, [0]);
    const result = advance(twoStages, ['k'], null, [old], {
      now: 1000 + MINUTE + 1,
      ...LATE,
    });
    expect(result.late).toEqual([old]);
    expect(result.state).toBeNull();
  });

  it('accepts a candidate exactly at the lateness allowance', () => {
    const edge = cand('edge', 1000, [0]);
    const result = advance(twoStages, ['k'], null, [edge], {
      now: 1000 + MINUTE,
      ...LATE,
    });
    expect(result.late).toEqual([]);
    expect(result.state?.held.map((c) => c.id)).toEqual(['edge']);
  });

  it('measures lateness against the furthest clock seen, even if now goes back', () => {
    const first = advance(twoStages, ['k'], null, [cand('a', 500_000, [0])], {
      now: 500_000,
      ...LATE,
    });
    const back = advance(
      twoStages,
      ['k'],
      first.state,
      [cand('b', 420_000, [1])],
      { now: 430_000, ...LATE },
    );
    expect(back.late.map((c) => c.id)).toEqual(['b']);
  });

  it('says when the state stops mattering', () => {
    const result = advance(twoStages, ['k'], null, [cand('a', 1000, [0])], {
      now: 2000,
      ...LATE,
    });
    // The first stage at 1 s can complete until 1 s + 5 s maxspan; an event
    // that late may still arrive a minute after that.
    expect(result.expiresAt).toBe(1000 + 5000 + MINUTE + 1);
  });

  it('returns no state once nothing in it can matter', () => {
    const run = feed(
      twoStages,
      [{ now: 3000, candidates: [cand('a', 1000, [0]), cand('b', 2000, [1])] }],
      { ...LATE, finalAt: 3000 },
    );
    expect(run.state).toBeNull();
  });
});

describe('eager and sealed reporting', () => {
  const a1 = cand('a1', 1000, [0]);
  const a2 = cand('a2', 2000, [0]);
  const b = cand('b', 3000, [1]);
  const arrivals = [
    { now: 4000, candidates: [a1, b] },
    { now: 5000, candidates: [a2] },
  ];

  it('eager mode reports at once, and reports the corrected match after a late first stage', () => {
    const run = feed(twoStages, arrivals, { ...LATE, finalAt: 5000 });
    expect(run.matches).toEqual([
      ['a1', 'b'],
      ['a2', 'b'],
    ]);
  });

  it('sealed mode reports only the match Elasticsearch returns', () => {
    const run = feed(twoStages, arrivals, {
      ...LATE,
      emit: 'sealed',
      finalAt: 5000,
    });
    expect(run.matches).toEqual([['a2', 'b']]);
  });

  it('sealed mode reports when the clock passes the lateness allowance, and says when to call', () => {
    const first = advance(twoStages, ['k'], null, [a2, b], {
      now: 4000,
      emit: 'sealed',
      ...LATE,
    });
    expect(first.matches).toEqual([]);
    expect(first.wakeAt).toBe(2000 + MINUTE + 1);
    const early = advance(twoStages, ['k'], first.state, [], {
      now: 3000 + MINUTE,
      emit: 'sealed',
      ...LATE,
    });
    expect(early.matches).toEqual([]);
    const sealed = advance(twoStages, ['k'], early.state, [], {
      now: 3001 + MINUTE,
      emit: 'sealed',
      ...LATE,
    });
    expect(ids(sealed.matches)).toEqual([['a2', 'b']]);
  });
});

describe('the flood cap', () => {
  const padding = 'x'.repeat(1000);
  const flood = (count: number): Candidate[] =>
    Array.from({ length: count }, (_, i) =>
      cand(`a${i}`, 1000 + i, [0], { event: { id: `a${i}`, padding } }),
    );

  it('keeps the state of a flooded key small enough for DynamoDB', () => {
    const result = advance(twoStages, ['k'], null, flood(2000), {
      now: 1000,
      ...LATE,
    });
    const size = JSON.stringify(result.state).length;
    expect(size).toBeLessThan(350_000);
    expect(result.evicted).toBe(2000 - 250);
    expect(result.state?.held.length).toBeLessThanOrEqual(251);
  });

  it('honours a smaller cap and still matches the newest first stage', () => {
    const first = advance(twoStages, ['k'], null, flood(100), {
      now: 1000,
      maxCandidates: 10,
      ...LATE,
    });
    expect(first.evicted).toBe(90);
    const second = advance(
      twoStages,
      ['k'],
      first.state,
      [cand('b', 1200, [1])],
      {
        now: 1000,
        maxCandidates: 10,
        ...LATE,
      },
    );
    expect(ids(second.matches)).toEqual([['a99', 'b']]);
  });

  it('drops as late a candidate older than those the cap pushed through', () => {
    const first = advance(twoStages, ['k'], null, flood(100), {
      now: 1000,
      maxCandidates: 10,
      ...LATE,
    });
    const second = advance(
      twoStages,
      ['k'],
      first.state,
      [cand('b', 1050, [1])],
      {
        now: 1000,
        maxCandidates: 10,
        ...LATE,
      },
    );
    expect(second.late.map((c) => c.id)).toEqual(['b']);
  });
});

describe('state size', () => {
  it('keeps only the identity of a candidate that can never appear in a match', () => {
    const query = sequenceOf(['A', '!M'], { maxspanMs: 5000, until: true });
    const body = { id: 'm', padding: 'x'.repeat(1000) };
    const result = advance(
      query,
      ['k'],
      null,
      [
        cand('m', 1000, [1], { event: body }),
        cand('u', 1001, [2], { event: body }),
      ],
      { now: 2000, ...LATE },
    );
    expect(result.state?.held.map((c) => c.event)).toEqual([{}, {}]);
  });
});
