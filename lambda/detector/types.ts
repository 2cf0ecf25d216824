import type { Decoder, MalformedRecord } from '../decoders/types';
import type { Candidate } from '../engine/types';
import type { JoinValue } from '../eql/CompiledQuery';
import type { LoadedRule } from '../rules/LoadedRule';

export type { LoadedRule } from '../rules/LoadedRule';

/**
 * The candidates one object gave one sequence or sample rule under one join
 * key, in the order the object holds them. `groupId` is
 * `${rule.id}\u0000${JSON.stringify(joinKey)}`, the same for the same key
 * in every object, so that a caller can merge groups across objects.
 */
export interface CandidateGroup {
  readonly groupId: string;
  readonly rule: LoadedRule;
  readonly joinKey: readonly (JoinValue | null)[];
  readonly candidates: Candidate[];
}

/** Counters of one scan, updated as it goes. */
export interface ScanStats {
  /** Bytes read from the input as given (compressed when it is gzip). */
  compressedBytes: number;
  /** Bytes after decompression. */
  bytes: number;
  /** Records seen: non-empty lines, or what a stream decoder yielded. */
  records: number;
  /** Records decoded into events. */
  events: number;
  /** Candidates produced, each (rule, join key, event) counted once. */
  candidates: number;
  /** Records a decoder skipped on purpose (not a process start). */
  skipped: number;
  /** Records that could not be decoded, over-long lines included. */
  malformed: number;
}

/** An event query's hit: an event query fires once per matching event. */
export interface EventMatch {
  readonly rule: LoadedRule;
  readonly candidate: Candidate;
}

/** A host-name fact a decoder read (CrowdStrike aidmaster records). */
export interface HostFact {
  readonly hostId: string;
  readonly hostName: string;
}

/** Everything one object gave, ready for the matcher. */
export interface ScanResult {
  readonly object: string;
  /** The decoder used, or null when no format was recognised. */
  readonly format: string | null;
  readonly groups: CandidateGroup[];
  readonly eventMatches: EventMatch[];
  readonly hosts: HostFact[];
  /** The first `MAX_KEPT_MALFORMED` malformed records; all are counted. */
  readonly malformed: MalformedRecord[];
  /**
   * Why the scan stopped early (unknown format, truncated or corrupt gzip),
   * saying how far it got; null when it read the whole object. Candidates
   * found before the damage are kept.
   */
  readonly error: string | null;
  readonly stats: ScanStats;
}

/** How to scan; every field is optional. */
export interface ScanOptions {
  /** Decoder name to use instead of detecting the format. */
  readonly format?: string;
  /** Longest record accepted, in bytes. Default 1 MiB. */
  readonly maxRecordBytes?: number;
  /** Called with the running counters now and then (every few MB). */
  readonly onProgress?: (stats: ScanStats) => void;
  /**
   * Default true: a line is decoded only when it holds a text some rule
   * needs. False decodes every line (normalize, validation), which also
   * finds every malformed line, not only those among candidates.
   */
  readonly needlePrefilter?: boolean;
  /**
   * Decoders to detect the format from and to look `format` up in.
   * Default: every decoder of the registry (`lambda/decoders/decoders.ts`).
   */
  readonly decoders?: readonly Decoder[];
}

/** How many malformed records a result keeps; the rest are only counted. */
export const MAX_KEPT_MALFORMED = 100;

/** Default for `ScanOptions.maxRecordBytes`. */
export const DEFAULT_MAX_RECORD_BYTES = 1_048_576;
