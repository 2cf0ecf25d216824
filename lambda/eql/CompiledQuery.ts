import type { EcsDocument } from '../ecs/EcsDocument';
import type { PipeNode, QueryNode } from './ast';

/** A value a join key can take. */
export type JoinValue = string | number | boolean;

/** A compiled filter: true when the event satisfies the condition. */
export type Predicate = (event: EcsDocument) => boolean;

/**
 * Reads one join key from an event and returns every value it joins on.
 * A multi-valued field gives one entry per element. An empty array means the
 * event does not join (the key is missing or null and not written `?field`);
 * a missing optional key gives `[null]`, which joins with other nulls.
 */
export type KeyExtractor = (
  event: EcsDocument,
) => readonly (JoinValue | null)[];

/**
 * One stage of a sequence or sample. `keys` holds the query-level join keys
 * followed by the stage's own `by` keys, in order.
 */
export interface CompiledStage {
  readonly filter: Predicate;
  readonly keys: readonly KeyExtractor[];
  readonly runs: number;
  readonly missing: boolean;
}

export interface CompiledEventQuery {
  readonly kind: 'event';
  readonly filter: Predicate;
  readonly pipes: readonly PipeNode[];
  readonly ast: QueryNode;
}

/**
 * A sequence. `stages` is expanded: a stage `with runs=3` appears three
 * times. `maxspanMs` is null when the query has no maxspan.
 */
export interface CompiledSequence {
  readonly kind: 'sequence';
  readonly stages: readonly CompiledStage[];
  readonly until: CompiledStage | null;
  readonly maxspanMs: number | null;
  readonly pipes: readonly PipeNode[];
  readonly ast: QueryNode;
}

export interface CompiledSample {
  readonly kind: 'sample';
  readonly stages: readonly CompiledStage[];
  readonly pipes: readonly PipeNode[];
  readonly ast: QueryNode;
}

/** A query compiled once into closures, ready to run over many events. */
export type CompiledQuery =
  | CompiledEventQuery
  | CompiledSequence
  | CompiledSample;
