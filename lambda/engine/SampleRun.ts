import type { SampleLayout } from './layoutQuery';
import { signatureOf } from './signatureOf';
import type { Candidate } from './types';

/**
 * The sample matcher for one join key, fed candidates in time order.
 * `lists[f]` holds the earliest candidates for filter f, at most
 * `filterCount * perKey` of them, as the final step of Elasticsearch's
 * SampleIterator asks each filter for that many hits per key. `found` holds
 * the samples already reported in this round (as id lists). `quietUntil` is
 * set once a round has reported `perKey` samples: candidates up to that time
 * are ignored, so a burst of events yields `perKey` samples as one
 * Elasticsearch search over it would.
 *
 * Limit: a sample is reported as soon as the events so far allow one.
 * Elasticsearch, searching a finished time range, backtracks over the whole
 * lists, so it may pick a different combination when an event satisfies
 * several filters, or for the second and later samples of a key.
 */
export interface SampleRun {
  lists: Candidate[][];
  found: string[];
  quietUntil: number | null;
}

/** A run with nothing collected. */
export function emptySampleRun(layout: SampleLayout): SampleRun {
  return {
    lists: Array.from({ length: layout.filterCount }, () => []),
    found: [],
    quietUntil: null,
  };
}

/** A copy that can be stepped without changing the original. */
export function cloneSampleRun(run: SampleRun): SampleRun {
  return {
    lists: run.lists.map((list) => [...list]),
    found: [...run.found],
    quietUntil: run.quietUntil,
  };
}

/**
 * Feeds one candidate and appends every new sample it makes possible to
 * `out`. A sample takes one distinct event per filter, in filter order,
 * chosen as Elasticsearch's backtracking does (the first combination in list
 * order). Events further apart in time than `spanMs` never share a sample.
 */
export function stepSample(
  run: SampleRun,
  candidate: Candidate,
  layout: SampleLayout,
  out: Candidate[][],
): void {
  const time = candidate.timestamp;
  if (run.quietUntil !== null && time <= run.quietUntil) return;
  run.quietUntil = null;
  dropOlderThan(run, time - layout.spanMs);
  const capacity = layout.filterCount * layout.perKey;
  for (const filter of new Set(candidate.stages)) {
    const list = run.lists[filter];
    if (list && list.length < capacity) list.push(candidate);
  }
  for (const sample of findSamples(run.lists, layout.perKey)) {
    const signature = signatureOf(sample);
    if (run.found.includes(signature)) continue;
    run.found.push(signature);
    out.push(sample);
    if (run.found.length >= layout.perKey) {
      endRound(run, sample, layout);
      return;
    }
  }
}

/** Forgets candidates that no future candidate can share a sample with. */
export function tickSample(
  run: SampleRun,
  watermark: number,
  layout: SampleLayout,
): void {
  if (run.quietUntil !== null && run.quietUntil < watermark) {
    run.quietUntil = null;
  }
  dropOlderThan(run, watermark - layout.spanMs);
}

/** Every candidate the run still refers to. */
export function sampleRunCandidates(run: SampleRun): Candidate[] {
  return run.lists.flat();
}

/** True when the run holds nothing that could affect a future sample. */
export function isSampleRunEmpty(run: SampleRun): boolean {
  return run.quietUntil === null && run.lists.every((l) => l.length === 0);
}

/** The event time after which the run can no longer change anything. */
export function sampleRunHorizon(
  run: SampleRun,
  layout: SampleLayout,
): number | null {
  const times = run.lists.flat().map((c) => c.timestamp + layout.spanMs);
  if (run.quietUntil !== null) times.push(run.quietUntil);
  return times.length ? Math.max(...times) : null;
}

function endRound(
  run: SampleRun,
  sample: readonly Candidate[],
  layout: SampleLayout,
): void {
  const newest = Math.max(...sample.map((event) => event.timestamp));
  run.quietUntil = newest + layout.spanMs;
  run.found = [];
  for (const list of run.lists) list.length = 0;
}

function dropOlderThan(run: SampleRun, limit: number): void {
  run.lists = run.lists.map((list) => list.filter((c) => c.timestamp >= limit));
}

/**
 * Up to `max` combinations of distinct candidates, one per list, in the
 * depth-first order of Elasticsearch's SampleIterator.matchSamples.
 */
function findSamples(
  lists: readonly Candidate[][],
  max: number,
): Candidate[][] {
  const found: Candidate[][] = [];
  if (lists.some((list) => list.length === 0)) return found;
  const partial: Candidate[] = [];
  const visit = (depth: number): void => {
    for (const candidate of lists[depth] ?? []) {
      if (found.length >= max) return;
      if (partial.some((taken) => taken.id === candidate.id)) continue;
      partial.push(candidate);
      if (depth === lists.length - 1) found.push([...partial]);
      else visit(depth + 1);
      partial.pop();
    }
  };
  visit(0);
  return found;
}
