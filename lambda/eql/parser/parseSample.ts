import type { SampleNode, StageNode } from '../ast';
import {
  checkJoinKeyCounts,
  isStageStart,
  parseJoinKeys,
  parseStage,
} from './parseStage';
import { spanOf } from './SourceText';
import type { TokenCursor } from './TokenCursor';

/** Parses `sample [by keys] [query] [query]...` (two stages or more). */
export function parseSample(cursor: TokenCursor): SampleNode {
  const keyword = cursor.expectKeyword('sample');
  const by = cursor.isKeyword('by') ? parseJoinKeys(cursor) : [];
  const options = { allowMissing: false, allowRuns: false };
  const stages: StageNode[] = [];
  do stages.push(parseStage(cursor, options));
  while (isStageStart(cursor));
  if (stages.length < 2) {
    throw cursor.unexpected(
      'a second stage',
      'a sample needs at least two stages',
    );
  }
  checkJoinKeyCounts(cursor, stages);
  const last = stages[stages.length - 1] as StageNode;
  return { kind: 'sample', by, stages, pos: spanOf(keyword.pos, last.pos) };
}
