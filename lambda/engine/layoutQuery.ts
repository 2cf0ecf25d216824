import type { CompiledSample, CompiledSequence } from '../eql/CompiledQuery';
import { QueryShapeError } from './errors';

/**
 * What a stage is for: a `positive` stage takes an event into the sequence;
 * a missing-event stage `![...]` is `leading` (before the first positive
 * stage), `middle` (between two positive stages) or `trailing` (after the
 * last positive stage).
 */
export type StageRole = 'positive' | 'leading' | 'middle' | 'trailing';

/** The facts about a sequence query that the matcher needs at every step. */
export interface SequenceLayout {
  readonly kind: 'sequence';
  readonly roles: readonly StageRole[];
  /**
   * The index that stands for `until` in `Candidate.stages`, or -1 when the
   * query has no `until`.
   */
  readonly untilStage: number;
  readonly firstPositive: number;
  readonly lastPositive: number;
  /** For each stage, the nearest positive stage before it, or -1. */
  readonly previousPositive: readonly number[];
  readonly hasLeading: boolean;
  readonly hasTrailing: boolean;
  /**
   * The maxspan in ms. A query without maxspan gets the lateness allowance
   * instead: see `advance`.
   */
  readonly spanMs: number;
}

/** The facts about a sample query that the matcher needs. */
export interface SampleLayout {
  readonly kind: 'sample';
  readonly filterCount: number;
  readonly perKey: number;
  /** How far apart in time the events of one sample may be. */
  readonly spanMs: number;
}

export type QueryLayout = SequenceLayout | SampleLayout;

/**
 * Works out the stage roles and spans of a query once per `advance` call.
 * `latenessMs` stands in for a missing maxspan; `perKey` is
 * `max_samples_per_key`.
 */
export function layoutQuery(
  query: CompiledSequence | CompiledSample,
  latenessMs: number,
  perKey: number,
): QueryLayout {
  if (query.kind === 'sample') {
    return {
      kind: 'sample',
      filterCount: query.stages.length,
      perKey,
      spanMs: latenessMs,
    };
  }
  return layoutSequence(query, latenessMs);
}

function layoutSequence(
  query: CompiledSequence,
  latenessMs: number,
): SequenceLayout {
  const missing = query.stages.map((stage) => stage.missing);
  const firstPositive = missing.indexOf(false);
  const lastPositive = missing.lastIndexOf(false);
  if (firstPositive < 0) {
    throw new QueryShapeError('a sequence needs at least one positive stage');
  }
  const roles = missing.map((isMissing, index): StageRole => {
    if (!isMissing) return 'positive';
    if (index < firstPositive) return 'leading';
    return index > lastPositive ? 'trailing' : 'middle';
  });
  const previousPositive: number[] = [];
  let previous = -1;
  for (const [index, role] of roles.entries()) {
    previousPositive.push(previous);
    if (role === 'positive') previous = index;
  }
  // Elasticsearch treats a maxspan of 0 as no maxspan at all.
  const maxspan = query.maxspanMs ?? 0;
  return {
    kind: 'sequence',
    roles,
    untilStage: query.until ? query.stages.length : -1,
    firstPositive,
    lastPositive,
    previousPositive,
    hasLeading: roles.includes('leading'),
    hasTrailing: roles.includes('trailing'),
    spanMs: maxspan > 0 ? maxspan : latenessMs,
  };
}
