import type { SequenceLayout } from './layoutQuery';
import type { Candidate } from './types';

/**
 * A sequence in flight: the positive events taken so far, in stage order.
 * `lead` is the time of the latest leading missing-stage event before the
 * first event (null when none was seen). `miss` is the time of the first
 * middle missing-stage event seen after the last event taken. `doomed` marks
 * a sequence that a middle missing event already rules out: like
 * Elasticsearch, it still advances (and displaces others) and is discarded
 * only when complete.
 */
export interface PendingSequence {
  readonly events: readonly Candidate[];
  readonly lead: number | null;
  miss: number | null;
  readonly doomed: boolean;
}

/**
 * A sequence whose positive stages are complete but whose trailing
 * missing stage is still open: it is reported unless a trailing event comes
 * within maxspan of `anchor` (the first event, or the leading event).
 */
export interface WaitingSequence {
  readonly events: readonly Candidate[];
  readonly anchor: number;
}

/**
 * The Elasticsearch sequence state machine for one join key, fed candidates
 * in time order. `pending[i]` is the one sequence waiting at positive stage
 * i: Elasticsearch keeps only the latest sequence per stage and key, since
 * a later event always takes the most recent one and drops the older.
 * `leadLatest` and `leadBefore` are the times of the latest leading
 * missing-stage event and of the latest strictly earlier one.
 */
export interface SequenceRun {
  pending: (PendingSequence | null)[];
  waiting: WaitingSequence[];
  leadLatest: number | null;
  leadBefore: number | null;
}

/** A run with nothing in flight. */
export function emptySequenceRun(layout: SequenceLayout): SequenceRun {
  return {
    pending: layout.roles.map(() => null),
    waiting: [],
    leadLatest: null,
    leadBefore: null,
  };
}

/** A copy that can be stepped without changing the original. */
export function cloneSequenceRun(run: SequenceRun): SequenceRun {
  return {
    pending: run.pending.map((seq) => (seq ? { ...seq } : null)),
    waiting: [...run.waiting],
    leadLatest: run.leadLatest,
    leadBefore: run.leadBefore,
  };
}

/**
 * Feeds one candidate, the next in time order, and appends every sequence
 * it completes to `out`. An event that satisfies several stages serves the
 * later stages first, so that it never fills two stages of one sequence:
 * Elasticsearch gets the same effect by only joining strictly earlier
 * events. An `until` event then ends every sequence in flight, including
 * one the same event just advanced.
 */
export function stepSequence(
  run: SequenceRun,
  candidate: Candidate,
  layout: SequenceLayout,
  out: Candidate[][],
): void {
  const stages = [...new Set(candidate.stages)].sort((a, b) => b - a);
  for (const stage of stages) {
    const role = layout.roles[stage];
    if (role === 'positive') takePositive(run, candidate, stage, layout, out);
    else if (role === 'leading') noteLeading(run, candidate.timestamp);
    else if (role === 'middle') noteMiddle(run, candidate, stage, layout);
    else if (role === 'trailing') noteTrailing(run, candidate, layout, out);
  }
  if (stages.includes(layout.untilStage)) run.pending.fill(null);
}

/**
 * Settles what the passage of time decides once no candidate older than
 * `watermark` can come any more: a waiting sequence whose trailing window
 * has closed is reported, and sequences or leading events too old to matter
 * are forgotten.
 */
export function tickSequence(
  run: SequenceRun,
  watermark: number,
  layout: SequenceLayout,
  out: Candidate[][],
): void {
  const span = layout.spanMs;
  run.waiting = run.waiting.filter((seq) => {
    const closed = watermark > seq.anchor + span;
    if (closed) out.push([...seq.events]);
    return !closed;
  });
  run.pending = run.pending.map((seq) =>
    seq && firstTime(seq.events) + span >= watermark ? seq : null,
  );
  if (run.leadLatest !== null && run.leadLatest + span < watermark) {
    run.leadLatest = null;
    run.leadBefore = null;
  }
}

/** Every candidate the run still refers to. */
export function sequenceRunCandidates(run: SequenceRun): Candidate[] {
  const all: Candidate[] = [];
  for (const seq of run.pending) if (seq) all.push(...seq.events);
  for (const seq of run.waiting) all.push(...seq.events);
  return all;
}

/** True when the run holds nothing that could affect a future match. */
export function isSequenceRunEmpty(run: SequenceRun): boolean {
  return (
    run.pending.every((seq) => seq === null) &&
    run.waiting.length === 0 &&
    run.leadLatest === null
  );
}

/**
 * The latest event time after which the run can no longer change anything,
 * or null when it is empty.
 */
export function sequenceRunHorizon(
  run: SequenceRun,
  layout: SequenceLayout,
): number | null {
  const times: number[] = [];
  for (const seq of run.pending) if (seq) times.push(firstTime(seq.events));
  for (const seq of run.waiting) times.push(seq.anchor);
  if (run.leadLatest !== null) times.push(run.leadLatest);
  return times.length ? Math.max(...times) + layout.spanMs : null;
}

function takePositive(
  run: SequenceRun,
  candidate: Candidate,
  stage: number,
  layout: SequenceLayout,
  out: Candidate[][],
): void {
  const time = candidate.timestamp;
  let next: PendingSequence;
  if (stage === layout.firstPositive) {
    next = {
      events: [candidate],
      lead: leadBefore(run, time),
      miss: null,
      doomed: false,
    };
  } else {
    const from = layout.previousPositive[stage] ?? -1;
    const previous = run.pending[from];
    if (!previous) return;
    // Taking a sequence removes it even when a check below then rejects it.
    run.pending[from] = null;
    if (time - firstTime(previous.events) > layout.spanMs) return;
    next = {
      events: [...previous.events, candidate],
      lead: previous.lead,
      miss: null,
      doomed:
        previous.doomed || (previous.miss !== null && previous.miss < time),
    };
  }
  if (stage === layout.lastPositive) complete(run, next, layout, out);
  else run.pending[stage] = next;
}

/**
 * Applies Elasticsearch's missing-event verdict to a sequence whose positive
 * stages are all filled (TumblingWindow.doCheckMissingEvents).
 */
function complete(
  run: SequenceRun,
  seq: PendingSequence,
  layout: SequenceLayout,
  out: Candidate[][],
): void {
  if (seq.doomed) return;
  const last = lastTime(seq.events);
  if (layout.hasTrailing) {
    if (layout.hasLeading && seq.lead === null) out.push([...seq.events]);
    else {
      const anchor = layout.hasLeading
        ? (seq.lead as number)
        : firstTime(seq.events);
      run.waiting.push({ events: seq.events, anchor });
    }
    return;
  }
  if (seq.lead === null || last - seq.lead > layout.spanMs) {
    out.push([...seq.events]);
  }
}

function noteLeading(run: SequenceRun, time: number): void {
  if (run.leadLatest === null || time > run.leadLatest) {
    run.leadBefore = run.leadLatest;
    run.leadLatest = time;
  }
}

/** Elasticsearch looks for leading events strictly before the first event. */
function leadBefore(run: SequenceRun, time: number): number | null {
  if (run.leadLatest !== null && run.leadLatest < time) return run.leadLatest;
  return run.leadBefore;
}

/**
 * A middle missing event counts against the sequence waiting at the
 * positive stage before it, when it is strictly later than that stage's
 * event; whether it is also strictly earlier than the next stage's event is
 * checked when that event comes.
 */
function noteMiddle(
  run: SequenceRun,
  candidate: Candidate,
  stage: number,
  layout: SequenceLayout,
): void {
  const seq = run.pending[layout.previousPositive[stage] ?? -1];
  if (!seq || seq.miss !== null) return;
  if (candidate.timestamp > lastTime(seq.events)) {
    seq.miss = candidate.timestamp;
  }
}

/**
 * The first trailing event strictly after a waiting sequence's last event
 * settles it: within maxspan of the anchor it rules the sequence out,
 * beyond it the sequence is reported.
 */
function noteTrailing(
  run: SequenceRun,
  candidate: Candidate,
  layout: SequenceLayout,
  out: Candidate[][],
): void {
  const time = candidate.timestamp;
  run.waiting = run.waiting.filter((seq) => {
    if (time <= lastTime(seq.events)) return true;
    if (time - seq.anchor > layout.spanMs) out.push([...seq.events]);
    return false;
  });
}

function firstTime(events: readonly Candidate[]): number {
  return (events[0] as Candidate).timestamp;
}

function lastTime(events: readonly Candidate[]): number {
  return (events[events.length - 1] as Candidate).timestamp;
}
