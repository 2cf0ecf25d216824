import type { EcsDocument } from '../ecs/EcsDocument';
import type {
  EventQueryNode,
  JoinKeyNode,
  QueryNode,
  SampleNode,
  SequenceNode,
  StageNode,
} from './ast';
import type {
  CompiledQuery,
  CompiledStage,
  KeyExtractor,
  Predicate,
} from './CompiledQuery';
import { staticType } from './compiler/analysis';
import { CompileContext } from './compiler/CompileContext';
import { compileCondition } from './compiler/compileCondition';
import { compileJoinKey } from './compiler/compileJoinKey';
import { readFieldValue } from './compiler/fields';
import { validateExpression } from './compiler/validateExpression';
import { someElement } from './compiler/values';

const MAX_RUNS = 100;

/**
 * Compiles a parsed query into closures, once, with Elasticsearch's EQL
 * semantics (see compileCondition for negation, null and multi-valued
 * fields). Everything that can be checked without events is checked here.
 *
 * @throws EqlSemanticError for an unknown function, a wrong number or type
 * of arguments, an invalid pattern, a field compared with a field, or a
 * sequence Elasticsearch would reject.
 * @example
 * const query = compileQuery(parseQuery('process where process.pid == 4'));
 * query.kind === 'event' && query.filter({ event: { category: 'process' },
 *   process: { pid: 4 } }); // true
 */
export function compileQuery(ast: QueryNode): CompiledQuery {
  const ctx = new CompileContext(ast.source);
  const body = ast.body;
  switch (body.kind) {
    case 'event':
      return {
        kind: 'event',
        filter: compileEventQuery(body, ctx),
        pipes: ast.pipes,
        ast,
      };
    case 'sequence':
      return compileSequence(body, ast, ctx);
    case 'sample':
      return compileSample(body, ast, ctx);
  }
}

function compileSequence(
  body: SequenceNode,
  ast: QueryNode,
  ctx: CompileContext,
): CompiledQuery {
  checkStages(body.stages, ctx);
  const hasMissing = body.stages.some((stage) => stage.missing);
  if (hasMissing && body.maxspan === null) {
    throw ctx.fail(
      body.pos,
      'a sequence with missing events (![...]) needs a maxspan',
      'add with maxspan=..., such as with maxspan=5m',
    );
  }
  return {
    kind: 'sequence',
    stages: expandStages(body.stages, body.by, ctx),
    until: body.until ? compileStage(body.until, body.by, ctx) : null,
    maxspanMs: body.maxspan ? body.maxspan.ms : null,
    pipes: ast.pipes,
    ast,
  };
}

function compileSample(
  body: SampleNode,
  ast: QueryNode,
  ctx: CompileContext,
): CompiledQuery {
  checkStages(body.stages, ctx);
  return {
    kind: 'sample',
    stages: expandStages(body.stages, body.by, ctx),
    pipes: ast.pipes,
    ast,
  };
}

function checkStages(stages: readonly StageNode[], ctx: CompileContext) {
  for (const stage of stages) {
    if (stage.runs < 1 || stage.runs > MAX_RUNS) {
      throw ctx.fail(
        stage.pos,
        `runs must be between 1 and ${MAX_RUNS}, not ${stage.runs}`,
      );
    }
  }
  const first = stages[0];
  if (first && stages.every((stage) => stage.missing)) {
    throw ctx.fail(
      first.pos,
      'a sequence needs at least one event that is not missing',
    );
  }
}

function expandStages(
  stages: readonly StageNode[],
  by: readonly JoinKeyNode[],
  ctx: CompileContext,
): CompiledStage[] {
  return stages.flatMap((stage) => {
    const compiled = compileStage(stage, by, ctx);
    return new Array<CompiledStage>(stage.runs).fill(compiled);
  });
}

function compileStage(
  stage: StageNode,
  by: readonly JoinKeyNode[],
  ctx: CompileContext,
): CompiledStage {
  const keys: KeyExtractor[] = [...by, ...stage.by].map(compileJoinKey);
  return {
    filter: compileEventQuery(stage.query, ctx),
    keys,
    runs: stage.runs,
    missing: stage.missing,
  };
}

function compileEventQuery(
  query: EventQueryNode,
  ctx: CompileContext,
): Predicate {
  validateExpression(query.condition, ctx);
  const type = staticType(query.condition);
  if (type !== 'boolean' && type !== 'any') {
    throw ctx.fail(
      query.condition.pos,
      `a condition must be true or false, not a ${type}`,
      'compare the value with something, such as length(x) > 0',
    );
  }
  const condition = compileCondition(query.condition, ctx);
  if (query.category === null) return condition;
  const isInCategory = compileCategoryTest(query.category);
  return (event) => isInCategory(event) && condition(event);
}

/**
 * The event category test: `event.category` (any element of it) equals
 * the category exactly, as Elasticsearch's term query on that field does.
 */
function compileCategoryTest(category: string): Predicate {
  const read = readFieldValue('event.category');
  const isCategory = (value: unknown) => value === category;
  return (event: EcsDocument) => someElement(read(event), isCategory);
}
