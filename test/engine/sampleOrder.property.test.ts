import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Arrival, cand, feed, sampleOf } from './fixtures';

const LATENESS = 15;

interface Raw {
  readonly id: string;
  readonly ts: number;
  readonly line: number;
  readonly stages: number[];
}

const events = fc
  .array(
    fc.record({
      ts: fc.integer({ min: 0, max: 60 }),
      stages: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), {
        minLength: 1,
        maxLength: 2,
      }),
    }),
    { maxLength: 20 },
  )
  .map((raw) => raw.map((r, line): Raw => ({ id: `e${line}`, line, ...r })));

/** One call per event, each at the latest clock that keeps it admissible. */
function arrivalsOf(order: readonly Raw[]): Arrival[] {
  let now = Number.POSITIVE_INFINITY;
  return [...order]
    .reverse()
    .map((e) => {
      now = Math.min(now, e.ts + LATENESS);
      const at = { object: 'f', line: e.line };
      return { now, candidates: [cand(e.id, e.ts, e.stages, { source: at })] };
    })
    .reverse();
}

describe('samples and arrival order', () => {
  it('in sealed mode give the same samples whatever order the events arrive in', () => {
    fc.assert(
      fc.property(
        events.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(list, {
              minLength: list.length,
              maxLength: list.length,
            }),
            fc.integer({ min: 1, max: 2 }),
          ),
        ),
        ([list, order, perKey]) => {
          const options = {
            latenessMs: LATENESS,
            emit: 'sealed' as const,
            maxSamplesPerKey: perKey,
          };
          const inOrder = [...list].sort(
            (a, b) => a.ts - b.ts || a.line - b.line,
          );
          const end = Math.max(0, ...list.map((e) => e.ts));
          const sorted = feed(sampleOf(3), arrivalsOf(inOrder), {
            ...options,
            finalAt: end,
          });
          const shuffled = feed(sampleOf(3), arrivalsOf(order), {
            ...options,
            finalAt: end,
          });
          expect(shuffled.late).toEqual([]);
          expect(shuffled.matches).toEqual(sorted.matches);
        },
      ),
      { numRuns: 300 },
    );
  });
});
