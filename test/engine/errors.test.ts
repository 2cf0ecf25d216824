import { describe, expect, it } from 'vitest';
import { advance } from '../../lambda/engine/advance';
import { KeyStateError, QueryShapeError } from '../../lambda/engine/errors';
import type { KeyState } from '../../lambda/engine/KeyState';
import { cand, sequenceOf } from './fixtures';

const options = { now: 0, latenessMs: 1000 };

describe('matcher errors', () => {
  it('refuses a sequence made only of missing-event stages', () => {
    const query = sequenceOf(['!M', '!N']);
    expect(() => advance(query, [], null, [], options)).toThrow(
      QueryShapeError,
    );
  });

  it('refuses a stored state of an unknown version', () => {
    const state = { version: 2, watermark: 0, held: [] } as unknown as KeyState;
    expect(() =>
      advance(sequenceOf(['A', 'B']), [], state, [], options),
    ).toThrow(KeyStateError);
  });

  it('refuses a stored state written for a query with other stages', () => {
    const first = advance(
      sequenceOf(['A', 'B']),
      [],
      null,
      [cand('a', 1, [0])],
      {
        now: 1001,
        latenessMs: 1000,
      },
    );
    expect(first.state).not.toBeNull();
    expect(() =>
      advance(sequenceOf(['A', 'B', 'C']), [], first.state, [], options),
    ).toThrow(KeyStateError);
  });

  it('ignores the until index when the query has no until', () => {
    const query = sequenceOf(['A', 'B']);
    const result = advance(
      query,
      [],
      null,
      [cand('a', 1, [0]), cand('x', 2, [2]), cand('b', 3, [1])],
      options,
    );
    expect(result.matches.map((m) => m.events.map((e) => e.id))).toEqual([
      ['a', 'b'],
    ]);
  });
});
