import type { EcsDocument } from '../../lambda/ecs/EcsDocument';
import type { CompiledQuery } from '../../lambda/eql/CompiledQuery';
import { EqlQueryError } from '../../lambda/eql/errors';
import { loadQuery } from '../../lambda/eql/index';
import type { LoadedRule } from '../../lambda/rules/LoadedRule';
import type { CliIo } from '../CliIo';
import type { DetectEngine } from '../detect/DetectEngine';
import { MemoryStateStore } from '../detect/MemoryStateStore';
import { RunSummary } from '../detect/RunSummary';
import { runDetection } from '../detect/runDetection';
import { UsageError } from '../errors';
import { PipeChain } from '../PipeChain';
import { parseCommandArgs } from '../parseCommandArgs';
import { parseDuration } from '../parseDuration';
import { resolveInputs } from '../resolveInputs';
import { resolveSource } from '../resolveSource';
import { tapDecoder } from '../tapDecoder';
import { USAGE } from '../usage';
import { WholeEvents } from '../WholeEvents';
import { DEFAULT_INPUTS } from './detectCommand';

/**
 * `eqlambda query 'EQL' [PATHS...]`: hunting. Matching events, or
 * sequences and samples as `{"join_keys", "events"}`, as JSON lines on
 * stdout; `| head` and `| tail` applied to that output.
 *
 * An event query prints whole events. Known limit: the events of a
 * sequence or sample show only the fields alerts use (the detector keeps
 * no more); `normalize` shows whole events. Results come out in the order
 * files are read and matches complete, which is time order only when the
 * files are in time order; Elasticsearch sorts the whole result by time
 * before `head`/`tail`.
 *
 * @throws UsageError (exit 2) for a query that does not compile, with the
 * caret excerpt, or a bad argument or path.
 */
export async function queryCommand(
  args: readonly string[],
  io: CliIo,
  engine: DetectEngine,
): Promise<number> {
  const { values, positionals } = parseCommandArgs('query', args, {
    source: { type: 'string' },
    lateness: { type: 'string', default: '24h' },
  });
  if (values.help) {
    io.stdout.write(USAGE.query ?? '');
    return 0;
  }
  const [text, ...paths] = positionals;
  if (text === undefined) {
    throw new UsageError(
      "give the query first: eqlambda query 'process where ...' [PATHS...]",
    );
  }
  const lateness = String(values.lateness);
  const latenessMs = parseDuration(lateness, '--lateness');
  const source = resolveSource(
    typeof values.source === 'string' ? values.source : undefined,
    engine.decoders,
  );
  const query = compileOrExit(text);
  const inputs = await resolveInputs(
    paths.length > 0 ? paths : DEFAULT_INPUTS,
    engine,
  );
  const write = (line: object) => io.stdout.write(`${JSON.stringify(line)}\n`);
  const chain = new PipeChain<object>(query.pipes, write);
  const summary = new RunSummary();
  const whole = new WholeEvents(query);
  await runDetection(inputs, [huntingRule(text, query)], {
    engine,
    store: new MemoryStateStore(),
    summary,
    latenessMs,
    ...(source ? { format: source } : {}),
    decoders: engine.decoders.map((d) => tapDecoder(d, whole.keep)),
    isDone: () => chain.isFull(),
    onFound: async ({ match }) => {
      if (chain.isFull()) return;
      chain.push(
        'events' in match
          ? {
              join_keys: match.joinKey,
              events: match.events.map((c): EcsDocument => c.event),
            }
          : whole.of(match),
      );
    },
    onProgress: (_object, stats) => {
      if (stats === null) whole.clear();
    },
  });
  chain.finish();
  if (summary.malformed + summary.late + summary.failures.length > 0) {
    io.stderr.write(summary.format(0, lateness));
  }
  return 0;
}

function compileOrExit(text: string): CompiledQuery {
  try {
    return loadQuery(text);
  } catch (error) {
    if (!(error instanceof EqlQueryError)) throw error;
    throw new UsageError(error.describe(), { cause: error });
  }
}

// The detector runs rules; a hunting query is run as a rule of its own.
function huntingRule(text: string, query: CompiledQuery): LoadedRule {
  return {
    rule: {
      id: 'eqlambda-query',
      name: 'query',
      version: 1,
      description: 'an ad-hoc query from the command line',
      severity: 'low',
      riskScore: 0,
      tags: [],
      references: [],
      threat: [],
      note: null,
      query: text,
      tiebreakerField: null,
      path: '(command line)',
    },
    query,
  };
}
