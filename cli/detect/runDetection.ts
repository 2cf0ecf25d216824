import type { Decoder } from '../../lambda/decoders/types';
import type { KeyState } from '../../lambda/engine/KeyState';
import type { Candidate, Match } from '../../lambda/engine/types';
import type { LoadedRule } from '../../lambda/rules/LoadedRule';
import type {
  DetectEngine,
  ScanGroup,
  ScanResult,
  ScanStats,
} from './DetectEngine';
import type { RunSummary } from './RunSummary';
import type { StateStore } from './StateStore';

/** A match or a matching event, with what an alert needs to name it. */
export interface Found {
  readonly rule: LoadedRule;
  readonly match: Match | Candidate;
  readonly hostNames: ReadonlyMap<string, string>;
}

/** What a detection run needs besides its inputs and rules. */
export interface DetectionContext {
  readonly engine: DetectEngine;
  readonly store: StateStore<KeyState>;
  /**
   * Receives each completed sequence or sample, and each event that
   * satisfied an event query, with the host names learnt so far.
   */
  readonly onFound: (found: Found) => Promise<void>;
  /** True when the caller wants nothing more (`| head N` is full). */
  readonly isDone?: () => boolean;
  readonly summary: RunSummary;
  /** How far behind the newest event an event may be and still count. */
  readonly latenessMs: number;
  /** Decoder name that overrides format detection. */
  readonly format?: string;
  /** Decoders to use instead of the detector's own registry. */
  readonly decoders?: readonly Decoder[];
  /** Called while a file is read, and after it. */
  readonly onProgress?: (object: string, stats: ScanStats | null) => void;
}

/**
 * Runs rules over local files one after another, the way the Lambda runs
 * them over S3 objects: sequence state per rule and join key carries from
 * one file to the next through the state store, so a sequence split across
 * files fires, once, whatever order the files come in (within the lateness
 * allowance).
 *
 * The matcher's clock is event time, kept per rule and join key: `now` is
 * the newest event time read so far for that group. A backfill of last
 * month's archive would otherwise find every event late, and an archive
 * laid out host by host would find the second host's events late against
 * the first host's newest. A group's candidates from one file are handed
 * over in time order, in slices no wider than the lateness allowance, so a
 * file spanning days is not late against itself.
 */
export async function runDetection(
  inputs: readonly string[],
  rules: readonly LoadedRule[],
  context: DetectionContext,
): Promise<void> {
  const run: RunState = {
    hostNames: new Map(),
    clocks: new Map(),
    open: new Map(),
  };
  for (const object of inputs) {
    if (context.isDone?.()) return;
    const result = await scan(object, rules, context);
    if (result === null) continue;
    context.summary.addScan(result);
    for (const host of result.hosts) {
      run.hostNames.set(host.hostId, host.hostName);
    }
    for (const group of result.groups) {
      run.open.set(group.groupId, { ...group, candidates: [] });
      for (const slice of sliceByTime(group.candidates, context.latenessMs)) {
        await advanceGroup(group, slice, false, run, context);
      }
    }
    for (const { rule, candidate } of result.eventMatches) {
      const hostNames = run.hostNames;
      await context.onFound({ rule, match: candidate, hostNames });
    }
    context.onProgress?.(object, null);
  }
  // No more files will come: whatever the matcher still holds back for
  // late arrivals is decided now.
  for (const group of run.open.values()) {
    await advanceGroup(group, [], true, run, context);
  }
}

/** What one run carries from file to file besides sequence state. */
interface RunState {
  readonly hostNames: Map<string, string>;
  /** Per group: the newest event time read so far, the matcher's `now`. */
  readonly clocks: Map<string, number>;
  /** Groups seen so far, without their candidates, for the final pass. */
  readonly open: Map<string, ScanGroup>;
}

async function advanceGroup(
  group: ScanGroup,
  candidates: readonly Candidate[],
  final: boolean,
  run: RunState,
  context: DetectionContext,
): Promise<void> {
  const state = await context.store.get(group.groupId);
  if (final && state === null) return;
  let now = run.clocks.get(group.groupId) ?? Number.NEGATIVE_INFINITY;
  for (const candidate of candidates) now = Math.max(now, candidate.timestamp);
  run.clocks.set(group.groupId, now);
  const advanced = context.engine.advance(
    group.rule.query,
    group.joinKey,
    state,
    candidates,
    { now, latenessMs: context.latenessMs, final },
  );
  context.summary.late += advanced.late.length;
  await context.store.put(group.groupId, advanced.state, advanced.expiresAt);
  for (const match of advanced.matches) {
    const hostNames = run.hostNames;
    await context.onFound({ rule: group.rule, match, hostNames });
  }
}

async function scan(
  object: string,
  rules: readonly LoadedRule[],
  context: DetectionContext,
): Promise<ScanResult | null> {
  try {
    return await context.engine.scanObject(
      context.engine.openFile(object),
      object,
      rules,
      {
        ...(context.format ? { format: context.format } : {}),
        ...(context.decoders ? { decoders: context.decoders } : {}),
        onProgress: (stats) => context.onProgress?.(object, stats),
      },
    );
  } catch (error) {
    // One unreadable file must not stop a run over a thousand others.
    context.summary.addFailure(object, (error as Error).message);
    return null;
  }
}

/**
 * Splits candidates into time-ordered slices, each spanning no more than
 * `widthMs`, so that no candidate is late against a newer one of its own
 * slice.
 */
export function sliceByTime(
  candidates: readonly Candidate[],
  widthMs: number,
): Candidate[][] {
  const sorted = [...candidates].sort((a, b) => a.timestamp - b.timestamp);
  const slices: Candidate[][] = [];
  let current: Candidate[] = [];
  for (const candidate of sorted) {
    const first = current[0];
    if (first && candidate.timestamp - first.timestamp > widthMs) {
      slices.push(current);
      current = [];
    }
    current.push(candidate);
  }
  if (current.length > 0) slices.push(current);
  return slices;
}
