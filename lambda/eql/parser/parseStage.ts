import type { JoinKeyNode, StageNode } from '../ast';
import type { Token } from '../token';
import { parseEventQuery } from './parseEventQuery';
import { parseExpression } from './parseExpression';
import { spanOf } from './SourceText';
import type { TokenCursor } from './TokenCursor';

/** Elasticsearch caps `with runs=N` at 100 repetitions. */
export const MAX_RUNS = 100;

/** What a stage may carry besides its event query. */
export interface StageOptions {
  /** `![...]` is allowed (sequences only). */
  readonly allowMissing: boolean;
  /** `with runs=N` is allowed (sequence stages other than `until`). */
  readonly allowRuns: boolean;
}

/** True when a stage (`[` or `![`) is next. */
export function isStageStart(cursor: TokenCursor): boolean {
  return cursor.isOperator('[') || cursor.isOperator('![');
}

/** Parses `[query] [by keys] [with runs=N]`, or `![query] ...`. */
export function parseStage(
  cursor: TokenCursor,
  options: StageOptions,
): StageNode {
  const open = cursor.peek();
  if (!isStageStart(cursor)) {
    throw cursor.unexpected('"[" to open a stage');
  }
  const missing = open.text === '![';
  if (missing && !options.allowMissing) {
    throw cursor.fail(
      open,
      'a missing-event stage ![...] is only allowed in a sequence',
    );
  }
  cursor.next();
  const query = parseEventQuery(cursor);
  let last: Token = cursor.expectOperator(']', 'close the stage with ]');
  const by = cursor.isKeyword('by') ? parseJoinKeys(cursor) : [];
  if (by.length > 0) last = cursor.previous();
  let runs = 1;
  if (options.allowRuns && cursor.isKeyword('with')) {
    runs = parseRuns(cursor);
    last = cursor.previous();
  }
  return { query, by, runs, missing, pos: spanOf(open.pos, last.pos) };
}

/** Parses `by key, key, ...`; each key must be a field. */
export function parseJoinKeys(cursor: TokenCursor): JoinKeyNode[] {
  cursor.expectKeyword('by');
  const keys: JoinKeyNode[] = [];
  do {
    const key = parseExpression(cursor);
    if (key.kind !== 'field') {
      throw cursor.source.error(
        key.pos.offset,
        key.pos.length,
        'a join key must be a field',
        'join on fields, such as by host.id, process.entity_id',
      );
    }
    keys.push(key);
  } while (cursor.acceptOperator(','));
  return keys;
}

function parseRuns(cursor: TokenCursor): number {
  cursor.expectKeyword('with');
  const name = cursor.peek();
  if (name.kind !== 'identifier' || name.text !== 'runs') {
    throw cursor.unexpected('"runs"', 'a stage takes: with runs=N');
  }
  cursor.next();
  cursor.expectOperator('=');
  const count = cursor.peek();
  const value = count.kind === 'number' && count.integer ? count.value : 0;
  if ((value as number) < 1 || (value as number) > MAX_RUNS) {
    const found = count.text || 'nothing';
    throw cursor.fail(
      count,
      `runs must be a whole number from 1 to ${MAX_RUNS}, found ${found}`,
    );
  }
  cursor.next();
  return value as number;
}

/**
 * Checks that every stage has as many join keys of its own as the first;
 * Elasticsearch rejects a sequence or sample where they differ.
 */
export function checkJoinKeyCounts(
  cursor: TokenCursor,
  stages: readonly StageNode[],
): void {
  const expected = stages[0]?.by.length ?? 0;
  for (const stage of stages) {
    if (stage.by.length === expected) continue;
    const at = stage.by[0]?.pos ?? stage.pos;
    const found = stage.by.length;
    throw cursor.source.error(
      at.offset,
      at.length,
      `inconsistent number of join keys: expected ${expected}, found ${found}`,
      'give every stage the same number of by fields',
    );
  }
}
