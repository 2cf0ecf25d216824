import type { Candidate } from './types';

/**
 * What the matcher keeps for one rule and one join key between calls, in
 * plain JSON (it is stored in DynamoDB between Lambda invocations).
 *
 * `held` lists, in time order and once each, every candidate the state
 * needs. Those older than `watermark` have been fed to the state machine
 * and are referred to by index from `sequence` or `sample`; the rest wait
 * in time order for late arrivals before they are fed.
 */
export interface KeyState {
  readonly version: 1;
  /** Epoch ms: every candidate older than this has been fed to the machine. */
  readonly watermark: number;
  readonly held: readonly Candidate[];
  readonly sequence?: StoredSequenceRun;
  readonly sample?: StoredSampleRun;
  /**
   * Matches already reported early (eager mode) that the machine has not yet
   * confirmed, as `[ids joined by newlines, time of the last event]`.
   */
  readonly reported?: readonly (readonly [string, number])[];
}

/** A sequence in flight; `events` are indexes into `held`. */
export interface StoredSequence {
  readonly events: readonly number[];
  readonly lead: number | null;
  readonly miss: number | null;
  readonly doomed?: true;
}

/** The sequence machine: one slot per stage, see `SequenceRun`. */
export interface StoredSequenceRun {
  readonly pending: readonly (StoredSequence | null)[];
  readonly waiting: readonly {
    readonly events: readonly number[];
    readonly anchor: number;
  }[];
  readonly lead: readonly [number | null, number | null];
}

/** The sample machine, see `SampleRun`; `lists` are indexes into `held`. */
export interface StoredSampleRun {
  readonly lists: readonly (readonly number[])[];
  readonly found: readonly string[];
  readonly quietUntil: number | null;
}
