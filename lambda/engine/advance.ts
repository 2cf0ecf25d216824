import type {
  CompiledSample,
  CompiledSequence,
  JoinValue,
} from '../eql/CompiledQuery';
import { compareCandidates } from './compareCandidates';
import type { KeyState } from './KeyState';
import { layoutQuery, type QueryLayout } from './layoutQuery';
import { type Run, runMachine } from './runMachine';
import { signatureOf } from './signatureOf';
import { decodeState, encodeState, type LiveState } from './stateCodec';
import type { AdvanceOptions, Candidate, Match } from './types';

/** Default flood cap: candidates one key may hold waiting for late ones. */
export const DEFAULT_MAX_CANDIDATES = 250;

/** What one `advance` call produced. */
export interface AdvanceResult {
  /** The state to store for this key; null when nothing is worth keeping. */
  readonly state: KeyState | null;
  /** Matches to report now; none of them was reported by an earlier call. */
  readonly matches: Match[];
  /** Candidates dropped because they are older than `now - latenessMs`. */
  readonly late: Candidate[];
  /**
   * Candidates the flood cap pushed out of the wait for late arrivals: they
   * were fed to the machine at once, not lost, but a later arrival older
   * than them is now dropped as late.
   */
  readonly evicted: number;
  /** Epoch ms after which the state is useless (a TTL), or null. */
  readonly expiresAt: number | null;
  /**
   * Epoch ms at which calling `advance` again for this key, even with no
   * candidates, would report a match that waits on time alone (a trailing
   * missing-event stage, or anything in `sealed` mode). Null when nothing
   * waits. A host that never calls back loses those matches.
   */
  readonly wakeAt: number | null;
}

/**
 * Feeds one join key's new candidates to a sequence or sample query and
 * returns the matches they complete, with Elasticsearch's EQL semantics.
 *
 * Candidates may arrive out of order, within and across calls. The state
 * holds every candidate not older than `now - latenessMs` (the watermark)
 * in time order; as the watermark passes a candidate it is fed, in order, to
 * a state machine that follows Elasticsearch's SequenceMatcher (or
 * SampleIterator). So the machine sees exactly what a search over all the
 * events sorted by time would see, as long as no candidate comes later than
 * `latenessMs` behind `now`; such candidates are dropped and returned in
 * `late`. A candidate whose id is already held is ignored (redelivery).
 *
 * In `eager` mode (the default) the candidates still waiting for late
 * arrivals are also run through a copy of the machine, and what that copy
 * completes is reported at once; the state remembers it so that nothing is
 * reported twice. If a late arrival then changes the outcome (say a newer
 * first-stage event lands between two already matched), the early report
 * stands and the corrected match is reported too: eager mode never misses a
 * match but may report one Elasticsearch would have replaced or ruled out
 * (a late missing-stage or `until` event can do that too). `sealed` mode
 * reports only what no allowed late arrival can change, at the cost of
 * reporting `latenessMs` later, and only when called again (see `wakeAt`).
 *
 * Limits, in plain words:
 * - A sequence without maxspan is treated as if its maxspan were
 *   `latenessMs`: its events must lie within that time of the first one.
 *   Likewise a sample's events must lie within `latenessMs` of each other.
 *   Without maxspan Elasticsearch would also let any missing event, however
 *   old or recent, rule a sequence out; here only those within `latenessMs`.
 * - Samples: after a key reports `maxSamplesPerKey` samples, it stays quiet
 *   for `latenessMs` past the newest sampled event, then may sample again.
 * - Flood cap: a key holds at most `maxCandidates` candidates waiting for
 *   late arrivals; under a flood the oldest are processed at once, and a
 *   later arrival older than them is dropped as late. Sequences waiting on a
 *   trailing missing stage are not capped.
 * - Matches that wait on time alone (trailing missing stages, and all of
 *   `sealed` mode) are reported only by a later call: see `wakeAt`.
 * - Missing-event stages are left out of `Match.events`; Elasticsearch
 *   returns a placeholder event marked missing in their place.
 *
 * @example
 * const r = advance(query, ['host-1'], stored, candidates, {
 *   now: Date.now(),
 *   latenessMs: 15 * 60_000,
 * });
 * for (const match of r.matches) publish(match);
 * save(r.state, r.expiresAt);
 */
export function advance(
  query: CompiledSequence | CompiledSample,
  joinKey: readonly (JoinValue | null)[],
  state: KeyState | null,
  candidates: readonly Candidate[],
  options: AdvanceOptions,
): AdvanceResult {
  const layout = layoutQuery(
    query,
    options.latenessMs,
    options.maxSamplesPerKey ?? 1,
  );
  const live = decodeState(state, layout);
  const lateFrom = Math.max(
    live.watermark ?? Number.NEGATIVE_INFINITY,
    options.now - options.latenessMs,
  );
  const late = admit(live, candidates, lateFrom, layout);
  const cap = capBuffer(live, lateFrom, options.maxCandidates);
  const sealed = seal(live, options.final ? Infinity : cap.watermark, layout);
  const watermark = options.final
    ? Math.max(cap.watermark, sealed.lastTime + 1)
    : cap.watermark;
  const found =
    options.emit === 'sealed'
      ? { events: sealed.matches, waiting: [] }
      : reportEagerly(live, sealed.matches, layout, watermark);
  const isEmpty = runMachine.isEmpty(live.run);
  const stored = encodeState(live, watermark, isEmpty);
  return {
    state: stored,
    matches: found.events.map((events) => ({ joinKey, events })),
    late,
    evicted: cap.evicted,
    expiresAt: stored ? expiry(live, layout, options.latenessMs) : null,
    wakeAt: stored ? wakeTime(live, found.waiting, layout, options) : null,
  };
}

/** Adds the new candidates to the buffer; returns the late ones. */
function admit(
  live: LiveState,
  candidates: readonly Candidate[],
  lateFrom: number,
  layout: QueryLayout,
): Candidate[] {
  const late: Candidate[] = [];
  const seen = new Set(live.buffer.map((c) => c.id));
  for (const candidate of candidates) {
    if (seen.has(candidate.id) || candidate.stages.length === 0) continue;
    seen.add(candidate.id);
    if (candidate.timestamp < lateFrom) late.push(candidate);
    else live.buffer.push(slim(candidate, layout));
  }
  live.buffer.sort(compareCandidates);
  return late;
}

/**
 * A candidate that only satisfies missing-event or `until` stages can never
 * appear in a match, so its event body is not kept: a host's telemetry
 * flooding a missing-event stage then costs little state.
 */
function slim(candidate: Candidate, layout: QueryLayout): Candidate {
  if (layout.kind === 'sample') return candidate;
  const shown = candidate.stages.some((s) => layout.roles[s] === 'positive');
  return shown ? candidate : { ...candidate, event: {} };
}

/**
 * Flood cap: when more than `max` candidates wait, the watermark moves up
 * so that the oldest ones are fed at once and only the newest `max` wait.
 */
function capBuffer(
  live: LiveState,
  watermark: number,
  max = DEFAULT_MAX_CANDIDATES,
): { watermark: number; evicted: number } {
  const excess = live.buffer.length - max;
  if (excess <= 0) return { watermark, evicted: 0 };
  const pushed = (live.buffer[excess - 1] as Candidate).timestamp + 1;
  if (pushed <= watermark) return { watermark, evicted: 0 };
  const evicted = live.buffer.filter(
    (c) => c.timestamp >= watermark && c.timestamp < pushed,
  ).length;
  return { watermark: pushed, evicted };
}

/** Feeds every buffered candidate older than `limit` to the machine. */
function seal(
  live: LiveState,
  limit: number,
  layout: QueryLayout,
): { matches: Candidate[][]; lastTime: number } {
  const matches: Candidate[][] = [];
  let lastTime = Number.NEGATIVE_INFINITY;
  while (
    live.buffer.length &&
    (live.buffer[0] as Candidate).timestamp < limit
  ) {
    const candidate = live.buffer.shift() as Candidate;
    runMachine.step(live.run, candidate, layout, matches);
    lastTime = candidate.timestamp;
  }
  runMachine.tick(live.run, limit, layout, matches);
  return { matches, lastTime };
}

/**
 * Reports sealed matches not reported early, then runs a copy of the
 * machine over the waiting candidates and reports what it completes.
 */
function reportEagerly(
  live: LiveState,
  sealed: readonly Candidate[][],
  layout: QueryLayout,
  watermark: number,
): { events: Candidate[][]; waiting: number[] } {
  const events: Candidate[][] = [];
  for (const match of sealed) {
    if (!live.reported.delete(signatureOf(match))) events.push(match);
  }
  const copy: Run = runMachine.clone(live.run);
  const early: Candidate[][] = [];
  for (const candidate of live.buffer) {
    runMachine.step(copy, candidate, layout, early);
  }
  for (const match of early) {
    const signature = signatureOf(match);
    if (live.reported.has(signature)) continue;
    live.reported.set(signature, lastTimeOf(match));
    events.push(match);
  }
  forgetSettled(live, watermark);
  return { events, waiting: runMachine.waitingAnchors(copy) };
}

/**
 * An early report can be forgotten once its last event is fed and no
 * waiting sequence could still confirm it.
 */
function forgetSettled(live: LiveState, watermark: number): void {
  const waiting = runMachine.waitingSignatures(live.run);
  for (const [signature, time] of live.reported) {
    if (time < watermark && !waiting.has(signature)) {
      live.reported.delete(signature);
    }
  }
}

function expiry(
  live: LiveState,
  layout: QueryLayout,
  latenessMs: number,
): number {
  const times = [
    runMachine.horizon(live.run, layout) ?? Number.NEGATIVE_INFINITY,
    ...live.buffer.map((c) => c.timestamp + layout.spanMs),
    ...live.reported.values(),
  ];
  return Math.max(...times) + latenessMs + 1;
}

function wakeTime(
  live: LiveState,
  earlyWaiting: readonly number[],
  layout: QueryLayout,
  options: AdvanceOptions,
): number | null {
  const times = [...runMachine.waitingAnchors(live.run), ...earlyWaiting].map(
    (anchor) => anchor + layout.spanMs,
  );
  const first = live.buffer[0];
  if (options.emit === 'sealed' && first) times.push(first.timestamp);
  if (times.length === 0) return null;
  return Math.min(...times) + options.latenessMs + 1;
}

function lastTimeOf(events: readonly Candidate[]): number {
  return Math.max(...events.map((event) => event.timestamp));
}
