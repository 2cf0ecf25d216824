import { formatSourceRef } from '../../lambda/alerts/formatSourceRef';
import { loadQuery } from '../../lambda/eql/index';
import type { LoadedRule } from '../../lambda/rules/LoadedRule';
import type { CliIo } from '../CliIo';
import type { DetectEngine } from '../detect/DetectEngine';
import { RunSummary } from '../detect/RunSummary';
import { parseCommandArgs } from '../parseCommandArgs';
import { resolveInputs } from '../resolveInputs';
import { resolveSource } from '../resolveSource';
import { USAGE } from '../usage';
import { DEFAULT_INPUTS } from './detectCommand';

const MATCH_ALL = 'any where true';

/**
 * `eqlambda normalize [--source NAME] [PATHS...]`: the decoded ECS events
 * as JSON lines, to see what the rules see. Runs the detector with a query
 * that matches every event and the line prefilter off, so nothing is
 * dropped before decoding.
 *
 * Known limit: a file's events are held in memory until the file is done,
 * so a very large single file needs memory in proportion.
 */
export async function normalizeCommand(
  args: readonly string[],
  io: CliIo,
  engine: DetectEngine,
): Promise<number> {
  const { values, positionals } = parseCommandArgs('normalize', args, {
    source: { type: 'string' },
  });
  if (values.help) {
    const sources = engine.decoderNames.join(', ');
    io.stdout.write((USAGE.normalize ?? '').replace('SOURCES', sources));
    return 0;
  }
  const source = resolveSource(
    typeof values.source === 'string' ? values.source : undefined,
    engine.decoderNames,
  );
  const inputs = await resolveInputs(
    positionals.length > 0 ? positionals : DEFAULT_INPUTS,
    engine,
  );
  const rule = matchAllRule();
  const summary = new RunSummary();
  for (const object of inputs) {
    try {
      const result = await engine.scanObject(
        engine.openFile(object),
        object,
        [rule],
        { needlePrefilter: false, ...(source ? { format: source } : {}) },
      );
      summary.addScan(result);
      for (const { candidate } of result.eventMatches) {
        io.stdout.write(`${JSON.stringify(candidate.event)}\n`);
      }
    } catch (error) {
      summary.addFailure(object, (error as Error).message);
    }
  }
  io.stderr.write(formatNormalizeSummary(summary));
  return 0;
}

function formatNormalizeSummary(summary: RunSummary): string {
  const lines = [
    `${summary.files} file(s), ${summary.events} event(s), ` +
      `${summary.skipped} skipped, ${summary.malformed} malformed`,
    ...summary.malformedShown.map(
      (record) =>
        `  malformed ${formatSourceRef(record.source)}: ${record.reason}`,
    ),
    ...summary.failures.map((f) => `  error ${f.object}: ${f.error}`),
  ];
  return `${lines.join('\n')}\n`;
}

function matchAllRule(): LoadedRule {
  return {
    rule: {
      id: 'eqlambda-normalize',
      name: 'normalize',
      version: 1,
      description: 'matches every event',
      severity: 'low',
      riskScore: 0,
      tags: [],
      references: [],
      threat: [],
      note: null,
      query: MATCH_ALL,
      tiebreakerField: null,
      path: '(normalize)',
    },
    query: loadQuery(MATCH_ALL),
  };
}
