import type { EcsDocument, SourceRef } from '../ecs/EcsDocument';
import type {
  CompiledSample,
  CompiledSequence,
  CompiledStage,
  JoinValue,
} from '../eql/CompiledQuery';
import type { Candidate } from './types';

/** An event with what the matcher needs to order and identify it. */
export interface EventInput {
  readonly event: EcsDocument;
  readonly id: string;
  readonly timestamp: number;
  readonly source: SourceRef;
  readonly tiebreaker: string | number | null;
}

/** The candidates of one join key. */
export interface KeyGroup {
  readonly joinKey: readonly (JoinValue | null)[];
  readonly candidates: Candidate[];
}

/**
 * Evaluates every stage filter (and `until`) of a sequence or sample on
 * each event and groups the events that satisfy one by join key, ready for
 * `advance`. The map key is `JSON.stringify(joinKey)`. An event whose join
 * field has several values joins under each; an event missing a join key
 * (not written `?field`) does not join under that stage. Events that satisfy
 * no stage are left out: they cannot change Elasticsearch's result.
 */
export function groupCandidates(
  query: CompiledSequence | CompiledSample,
  events: readonly EventInput[],
): Map<string, KeyGroup> {
  const stages = stagesOf(query);
  const groups = new Map<string, KeyGroup>();
  for (const input of events) {
    const byKey = new Map<string, number[]>();
    for (const [index, stage] of stages.entries()) {
      if (!stage.filter(input.event)) continue;
      for (const joinKey of joinKeysOf(stage, input.event)) {
        const text = JSON.stringify(joinKey);
        const list = byKey.get(text) ?? [];
        list.push(index);
        byKey.set(text, list);
      }
    }
    for (const [text, stageIndexes] of byKey) {
      const group = groups.get(text) ?? {
        joinKey: JSON.parse(text) as (JoinValue | null)[],
        candidates: [],
      };
      group.candidates.push({ ...input, stages: stageIndexes });
      groups.set(text, group);
    }
  }
  return groups;
}

/** The stages in candidate numbering: `until` comes last, after the stages. */
function stagesOf(
  query: CompiledSequence | CompiledSample,
): readonly CompiledStage[] {
  if (query.kind === 'sequence' && query.until) {
    return [...query.stages, query.until];
  }
  return query.stages;
}

/** Every combination of the values of the stage's join keys. */
function joinKeysOf(
  stage: CompiledStage,
  event: EcsDocument,
): (JoinValue | null)[][] {
  let combos: (JoinValue | null)[][] = [[]];
  for (const extract of stage.keys) {
    const values = extract(event);
    combos = combos.flatMap((combo) =>
      values.map((value) => [...combo, value]),
    );
  }
  return combos;
}
