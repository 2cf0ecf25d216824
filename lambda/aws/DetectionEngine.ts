import type { Alert } from '../alerts/Alert';
import type { AlertContext } from '../alerts/buildAlert';
import type { MalformedRecord } from '../decoders/types';
import type { Candidate, Match } from '../engine/types';
import type { CompiledQuery, JoinValue } from '../eql/CompiledQuery';
import type { LoadedRule } from '../rules/LoadedRule';

/** The sequence state of one join key: plain JSON the matcher owns. */
export type KeyState = unknown;

/** Candidates of one rule under one join key, found in one object. */
export interface CandidateGroup {
  readonly groupId: string;
  readonly rule: LoadedRule;
  readonly joinKey: readonly (JoinValue | null)[];
  readonly candidates: readonly Candidate[];
}

/** What scanning one object found. */
export interface ScanResult {
  readonly object: string;
  readonly format: string | null;
  readonly groups: readonly CandidateGroup[];
  readonly eventMatches: readonly {
    readonly rule: LoadedRule;
    readonly candidate: Candidate;
  }[];
  readonly hosts: readonly { readonly hostId: string; hostName: string }[];
  readonly malformed: readonly MalformedRecord[];
  readonly error: string | null;
  readonly stats: {
    readonly compressedBytes: number;
    readonly bytes: number;
    readonly records: number;
    readonly events: number;
    readonly candidates: number;
    readonly skipped: number;
    readonly malformed: number;
  };
}

/** Settings of one advance call. */
export interface AdvanceSettings {
  readonly now: number;
  readonly latenessMs: number;
  readonly maxCandidates?: number;
}

/** What advancing one join key's state with new candidates gave. */
export interface AdvanceResult {
  readonly state: KeyState | null;
  readonly matches: readonly Match[];
  readonly late: readonly Candidate[];
  readonly evicted: number;
  /** Epoch ms after which the state can no longer match, or null. */
  readonly expiresAt: number | null;
}

/**
 * The pure core as the AWS adapters use it: scan an object, advance one
 * join key, build an alert. Injected, so that the orchestration is tested
 * against the real engine and the command line can reuse it unchanged.
 */
export interface DetectionEngine {
  scanObject(
    input: AsyncIterable<Buffer>,
    object: string,
    rules: readonly LoadedRule[],
    options?: { format?: string },
  ): Promise<ScanResult>;
  advance(
    query: CompiledQuery,
    joinKey: readonly (JoinValue | null)[],
    state: KeyState | null,
    candidates: readonly Candidate[],
    settings: AdvanceSettings,
  ): AdvanceResult;
  buildAlert(
    rule: LoadedRule,
    found: Match | Candidate,
    context: AlertContext,
  ): Alert;
}
