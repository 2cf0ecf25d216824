import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../lambda/engine/types';
import { type Arrival, cand, feed, sequenceOf } from './fixtures';
import {
  type RefEvent,
  type RefRole,
  referenceSequences,
} from './referenceSequence';

const LATENESS = 15;

interface Scenario {
  roles: RefRole[];
  hasUntil: boolean;
  maxspan: number;
  events: RefEvent[];
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    roles: fc
      .array(fc.constantFrom<RefRole>('P', 'P', 'M'), {
        minLength: 1,
        maxLength: 4,
      })
      .filter((roles) => roles.includes('P')),
    hasUntil: fc.boolean(),
    maxspan: fc.integer({ min: 1, max: 30 }),
    raw: fc.array(
      fc.record({
        ts: fc.integer({ min: 0, max: 40 }),
        stages: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
      { maxLength: 24 },
    ),
  })
  .map(({ roles, hasUntil, maxspan, raw }) => {
    const limit = roles.length + (hasUntil ? 1 : 0);
    const events = raw
      .map((r, line) => ({
        id: `e${line}`,
        ts: r.ts,
        line,
        stages: r.stages.filter((s) => s < limit),
      }))
      .filter((e) => e.stages.length > 0);
    return { roles, hasUntil, maxspan, events };
  });

function toCandidate(e: RefEvent): Candidate {
  return cand(e.id, e.ts, e.stages, { source: { object: 'f', line: e.line } });
}

/**
 * Splits events into calls at the given cut points and gives each call the
 * latest clock under which none of its events (nor any later call's) is
 * late, so that the watermark moves while everything stays admissible.
 */
function arrivalsOf(
  events: readonly RefEvent[],
  cuts: readonly number[],
): Arrival[] {
  const points = [...new Set(cuts.map((c) => c % (events.length + 1)))].sort(
    (a, b) => a - b,
  );
  const batches: RefEvent[][] = [];
  let from = 0;
  for (const to of [...points, events.length]) {
    if (to > from) batches.push(events.slice(from, to));
    from = Math.max(from, to);
  }
  let now = Number.POSITIVE_INFINITY;
  const nows = batches
    .map((batch) => Math.min(...batch.map((e) => e.ts)))
    .reverse()
    .map((min) => {
      now = Math.min(now, min + LATENESS);
      return now;
    })
    .reverse();
  return batches.map((batch, i) => ({
    now: nows[i] as number,
    candidates: batch.map(toCandidate),
  }));
}

function sorted(matches: readonly string[][]): string[] {
  return matches.map((m) => m.join(' ')).sort();
}

function run(
  s: Scenario,
  order: readonly RefEvent[],
  cuts: number[],
  emit: 'eager' | 'sealed',
) {
  const stages = s.roles.map((r) => (r === 'P' ? 'A' : '!M'));
  const query = sequenceOf(stages, { maxspanMs: s.maxspan, until: s.hasUntil });
  const arrivals = arrivalsOf(order, cuts);
  const last = arrivals.at(-1)?.now ?? 0;
  return feed(query, arrivals, { latenessMs: LATENESS, emit, finalAt: last });
}

const cutsArb = fc.array(fc.nat(), { maxLength: 6 });
const shuffled = (events: RefEvent[]) =>
  fc.shuffledSubarray(events, {
    minLength: events.length,
    maxLength: events.length,
  });

describe('out-of-order arrival', () => {
  it('in sealed mode reports exactly what Elasticsearch returns over the sorted events', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) =>
          fc.tuple(fc.constant(s), shuffled(s.events), cutsArb),
        ),
        ([s, order, cuts]) => {
          const expected = referenceSequences(
            s.roles,
            s.hasUntil,
            s.maxspan,
            s.events,
          );
          const got = run(s, order, cuts, 'sealed');
          expect(got.late).toEqual([]);
          expect(sorted(got.matches)).toEqual(sorted(expected));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('in eager mode never misses a match, whatever the arrival order', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) =>
          fc.tuple(fc.constant(s), shuffled(s.events), cutsArb),
        ),
        ([s, order, cuts]) => {
          const expected = referenceSequences(
            s.roles,
            s.hasUntil,
            s.maxspan,
            s.events,
          );
          const got = new Set(sorted(run(s, order, cuts, 'eager').matches));
          for (const match of sorted(expected)) expect(got).toContain(match);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('in eager mode reports exactly what Elasticsearch returns when events come in time order', () => {
    fc.assert(
      fc.property(scenario, cutsArb, (s, cuts) => {
        const inOrder = [...s.events].sort(
          (a, b) => a.ts - b.ts || a.line - b.line,
        );
        const expected = referenceSequences(
          s.roles,
          s.hasUntil,
          s.maxspan,
          s.events,
        );
        const got = run(s, inOrder, cuts, 'eager');
        expect(sorted(got.matches)).toEqual(sorted(expected));
      }),
      { numRuns: 400 },
    );
  });
});
