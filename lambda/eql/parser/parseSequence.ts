import type {
  DurationNode,
  JoinKeyNode,
  SequenceNode,
  StageNode,
} from '../ast';
import { parseDuration } from '../durations';
import {
  checkJoinKeyCounts,
  isStageStart,
  parseJoinKeys,
  parseStage,
} from './parseStage';
import { spanOf } from './SourceText';
import type { TokenCursor } from './TokenCursor';

/**
 * Parses `sequence [by keys] [with maxspan=D] stage... [until stage]`.
 * Elasticsearch wants `by` before `with`; the other order is an error with
 * a hint, as there.
 */
export function parseSequence(cursor: TokenCursor): SequenceNode {
  const keyword = cursor.expectKeyword('sequence');
  const by = cursor.isKeyword('by') ? parseJoinKeys(cursor) : [];
  const maxspan = cursor.isKeyword('with') ? parseMaxspan(cursor) : null;
  if (maxspan && cursor.isKeyword('by')) {
    throw cursor.fail(
      cursor.peek(),
      'the sequence "by" clause must come before "with maxspan"',
      `write: sequence by ... with maxspan=${maxspan.text}`,
    );
  }
  const stages = parseStages(cursor);
  const until = cursor.acceptKeyword('until')
    ? parseStage(cursor, { allowMissing: false, allowRuns: false })
    : null;
  checkJoinKeyCounts(cursor, until ? [...stages, until] : stages);
  checkStages(cursor, stages);
  const last = (until ?? stages[stages.length - 1]) as StageNode;
  return {
    kind: 'sequence',
    by: by as JoinKeyNode[],
    maxspan,
    stages,
    until,
    pos: spanOf(keyword.pos, last.pos),
  };
}

function parseMaxspan(cursor: TokenCursor): DurationNode {
  cursor.expectKeyword('with');
  cursor.expectKeyword('maxspan', 'a sequence takes: with maxspan=5m');
  cursor.expectOperator('=');
  return parseDuration(cursor);
}

function parseStages(cursor: TokenCursor): StageNode[] {
  const stages: StageNode[] = [];
  const options = { allowMissing: true, allowRuns: true };
  do stages.push(parseStage(cursor, options));
  while (isStageStart(cursor));
  return stages;
}

// A sequence needs two steps or more (a stage with runs=N counts N times)
// and at least one event that must be present.
function checkStages(cursor: TokenCursor, stages: readonly StageNode[]) {
  const steps = stages.reduce((sum, stage) => sum + stage.runs, 0);
  const first = stages[0] as StageNode;
  if (steps < 2) {
    throw cursor.source.error(
      first.pos.offset,
      first.pos.length,
      'a sequence needs at least two stages',
      'add a stage, or use an event query for a single event',
    );
  }
  if (stages.every((stage) => stage.missing)) {
    throw cursor.source.error(
      first.pos.offset,
      first.pos.length,
      'a sequence needs at least one stage that is not a missing event ![...]',
    );
  }
}
