import type { QueryLayout } from './layoutQuery';
import {
  cloneSampleRun,
  isSampleRunEmpty,
  type SampleRun,
  sampleRunHorizon,
  stepSample,
  tickSample,
} from './SampleRun';
import {
  cloneSequenceRun,
  isSequenceRunEmpty,
  type SequenceRun,
  sequenceRunHorizon,
  stepSequence,
  tickSequence,
} from './SequenceRun';
import { signatureOf } from './signatureOf';
import type { Candidate } from './types';

/** A sequence or sample machine, whichever the query needs. */
export type Run = SequenceRun | SampleRun;

/**
 * Uniform access to the two machines, so that `advance` treats sequences
 * and samples alike.
 */
export const runMachine = {
  step(
    run: Run,
    candidate: Candidate,
    layout: QueryLayout,
    out: Candidate[][],
  ) {
    if (layout.kind === 'sample') {
      stepSample(run as SampleRun, candidate, layout, out);
    } else stepSequence(run as SequenceRun, candidate, layout, out);
  },
  tick(run: Run, watermark: number, layout: QueryLayout, out: Candidate[][]) {
    if (layout.kind === 'sample') {
      tickSample(run as SampleRun, watermark, layout);
    } else tickSequence(run as SequenceRun, watermark, layout, out);
  },
  clone(run: Run): Run {
    return 'lists' in run ? cloneSampleRun(run) : cloneSequenceRun(run);
  },
  isEmpty(run: Run): boolean {
    return 'lists' in run ? isSampleRunEmpty(run) : isSequenceRunEmpty(run);
  },
  horizon(run: Run, layout: QueryLayout): number | null {
    if (layout.kind === 'sample') {
      return sampleRunHorizon(run as SampleRun, layout);
    }
    return sequenceRunHorizon(run as SequenceRun, layout);
  },
  /** The anchors of sequences waiting on a trailing missing stage. */
  waitingAnchors(run: Run): number[] {
    return 'lists' in run ? [] : run.waiting.map((seq) => seq.anchor);
  },
  /** Signatures of the sequences waiting on a trailing missing stage. */
  waitingSignatures(run: Run): Set<string> {
    if ('lists' in run) return new Set();
    return new Set(run.waiting.map((seq) => signatureOf(seq.events)));
  },
};
