import { compareCandidates } from './compareCandidates';
import { KeyStateError } from './errors';
import type {
  KeyState,
  StoredSampleRun,
  StoredSequence,
  StoredSequenceRun,
} from './KeyState';
import type { QueryLayout } from './layoutQuery';
import { emptySampleRun, type SampleRun } from './SampleRun';
import {
  emptySequenceRun,
  type PendingSequence,
  type SequenceRun,
} from './SequenceRun';
import type { Candidate } from './types';

/** The matcher's working form of a `KeyState`. */
export interface LiveState {
  watermark: number | null;
  /** Candidates not yet fed to the machine, in time order. */
  buffer: Candidate[];
  run: SequenceRun | SampleRun;
  /** Eager mode: signature of each match reported early, and its last time. */
  reported: Map<string, number>;
}

/** Turns a stored state (or none) into its working form. */
export function decodeState(
  state: KeyState | null,
  layout: QueryLayout,
): LiveState {
  if (state === null) {
    return {
      watermark: null,
      buffer: [],
      run: emptyRun(layout),
      reported: new Map(),
    };
  }
  if (state.version !== 1 || !Array.isArray(state.held)) {
    throw new KeyStateError(`unknown version ${String(state.version)}`);
  }
  const held = state.held;
  const at = (index: number): Candidate => {
    const candidate = held[index];
    if (!candidate) throw new KeyStateError(`no held candidate ${index}`);
    return candidate;
  };
  return {
    watermark: state.watermark,
    buffer: held.filter((c) => c.timestamp >= state.watermark),
    run: decodeRun(state, layout, at),
    reported: new Map(state.reported ?? []),
  };
}

/**
 * Turns a working state into plain JSON, or null when nothing is worth
 * keeping.
 */
export function encodeState(
  live: LiveState,
  watermark: number,
  isEmpty: boolean,
): KeyState | null {
  if (isEmpty && live.buffer.length === 0 && live.reported.size === 0) {
    return null;
  }
  const held = collectHeld(live);
  const index = new Map(held.map((c, i) => [c.id, i]));
  const refs = (events: readonly Candidate[]): number[] =>
    events.map((c) => index.get(c.id) as number);
  const base = { version: 1 as const, watermark, held };
  const reported = live.reported.size
    ? { reported: [...live.reported.entries()] }
    : {};
  if ('lists' in live.run) {
    return { ...base, sample: encodeSample(live.run, refs), ...reported };
  }
  return { ...base, sequence: encodeSequence(live.run, refs), ...reported };
}

function emptyRun(layout: QueryLayout): SequenceRun | SampleRun {
  return layout.kind === 'sample'
    ? emptySampleRun(layout)
    : emptySequenceRun(layout);
}

function decodeRun(
  state: KeyState,
  layout: QueryLayout,
  at: (index: number) => Candidate,
): SequenceRun | SampleRun {
  if (layout.kind === 'sample') {
    const stored = state.sample;
    if (!stored) return emptySampleRun(layout);
    return {
      lists: stored.lists.map((list) => list.map(at)),
      found: [...stored.found],
      quietUntil: stored.quietUntil,
    };
  }
  const stored = state.sequence;
  if (!stored) return emptySequenceRun(layout);
  if (stored.pending.length !== layout.roles.length) {
    throw new KeyStateError('stage count differs from the query');
  }
  return {
    pending: stored.pending.map((seq) => (seq ? decodeSeq(seq, at) : null)),
    waiting: stored.waiting.map((seq) => ({
      events: seq.events.map(at),
      anchor: seq.anchor,
    })),
    leadLatest: stored.lead[0],
    leadBefore: stored.lead[1],
  };
}

function decodeSeq(
  seq: StoredSequence,
  at: (index: number) => Candidate,
): PendingSequence {
  return {
    events: seq.events.map(at),
    lead: seq.lead,
    miss: seq.miss,
    doomed: seq.doomed === true,
  };
}

function collectHeld(live: LiveState): Candidate[] {
  const byId = new Map<string, Candidate>();
  const run = live.run;
  const fromRun =
    'lists' in run
      ? run.lists.flat()
      : [
          ...run.pending.flatMap((seq) => (seq ? seq.events : [])),
          ...run.waiting.flatMap((seq) => seq.events),
        ];
  for (const c of [...fromRun, ...live.buffer]) byId.set(c.id, c);
  return [...byId.values()].sort(compareCandidates);
}

function encodeSequence(
  run: SequenceRun,
  refs: (events: readonly Candidate[]) => number[],
): StoredSequenceRun {
  return {
    pending: run.pending.map((seq) =>
      seq
        ? {
            events: refs(seq.events),
            lead: seq.lead,
            miss: seq.miss,
            ...(seq.doomed ? { doomed: true as const } : {}),
          }
        : null,
    ),
    waiting: run.waiting.map((seq) => ({
      events: refs(seq.events),
      anchor: seq.anchor,
    })),
    lead: [run.leadLatest, run.leadBefore],
  };
}

function encodeSample(
  run: SampleRun,
  refs: (events: readonly Candidate[]) => number[],
): StoredSampleRun {
  return {
    lists: run.lists.map(refs),
    found: run.found,
    quietUntil: run.quietUntil,
  };
}
