import { describe, expect, it } from 'vitest';
import { compareCandidates } from '../../lambda/engine/compareCandidates';
import { cand } from './fixtures';

describe('compareCandidates', () => {
  it('orders by time first', () => {
    expect(
      compareCandidates(cand('b', 1, [0]), cand('a', 2, [0])),
    ).toBeLessThan(0);
  });

  it('then by tiebreaker, numbers numerically and a missing one last', () => {
    const at = (id: string, tiebreaker: string | number | null) =>
      cand(id, 5, [0], { tiebreaker, source: { object: 'f', line: 1 } });
    const order = [at('n', null), at('ten', 10), at('two', 2), at('s', 'x')]
      .sort(compareCandidates)
      .map((c) => c.id);
    expect(order).toEqual(['two', 'ten', 's', 'n']);
  });

  it('then by object name, and by line, record and offset as numbers', () => {
    const at = (id: string, object: string, line: number) =>
      cand(id, 5, [0], { source: { object, line } });
    const order = [at('b9', 'b', 9), at('a10', 'a', 10), at('a9', 'a', 9)]
      .sort(compareCandidates)
      .map((c) => c.id);
    expect(order).toEqual(['a9', 'a10', 'b9']);
  });
});
