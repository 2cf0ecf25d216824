import type { EcsDocument, SourceRef } from '../ecs/EcsDocument';
import type { JoinValue } from '../eql/CompiledQuery';

/**
 * An event that satisfied at least one stage filter (or the `until` filter)
 * of a sequence or sample, under one join key. Only candidates reach the
 * matcher; every other event is dropped before it.
 */
export interface Candidate {
  /** Stable identity of the event: the same record always gives the same id. */
  readonly id: string;
  /** `@timestamp` in epoch milliseconds. */
  readonly timestamp: number;
  /** The tiebreaker field's value, or null when there is none. */
  readonly tiebreaker: string | number | null;
  /** Where the event came from; orders events with equal time and tiebreaker. */
  readonly source: SourceRef;
  /**
   * Indexes into the compiled query's `stages` that this event satisfies under
   * this join key; the index `stages.length` stands for the `until` stage.
   */
  readonly stages: readonly number[];
  /** The event itself, kept so that an alert can show it. */
  readonly event: EcsDocument;
}

/** One completed sequence or sample under one join key. */
export interface Match {
  readonly joinKey: readonly (JoinValue | null)[];
  readonly events: readonly Candidate[];
}

/** Settings the matcher needs beyond the query. */
export interface AdvanceOptions {
  /**
   * The current time in epoch ms. The Lambda passes the wall clock; the
   * command line passes the newest event time it has read (a backfill of old
   * archives would otherwise see everything as late).
   */
  readonly now: number;
  /** How late an event may arrive, relative to `now`, and still count. */
  readonly latenessMs: number;
  /**
   * Flood cap: the most candidates one key may hold waiting for late
   * arrivals. Past it the oldest are processed at once instead of waiting,
   * so for that key a later arrival older than them is dropped as late.
   * Default 250: with events of about 1 KB a flooded key's state stays near
   * 290 KB, under DynamoDB's 400 KB item limit.
   */
  readonly maxCandidates?: number;
  /**
   * When matches are reported. `eager` (the default) reports a match as soon
   * as the candidates held complete it; `sealed` waits until no candidate
   * allowed to arrive late could still change it. See `advance`.
   */
  readonly emit?: 'eager' | 'sealed';
  /**
   * True when no further candidates will come (the end of a command-line
   * run): everything held is decided now, without waiting for late arrivals.
   */
  readonly final?: boolean;
  /**
   * Samples reported per join key (Elasticsearch `max_samples_per_key`).
   * Default 1.
   */
  readonly maxSamplesPerKey?: number;
}
