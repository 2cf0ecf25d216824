import { formatSourceRef } from '../../lambda/alerts/formatSourceRef';
import type { DecodeResult } from '../../lambda/decoders/types';
import type { CliIo } from '../CliIo';
import type { DetectEngine } from '../detect/DetectEngine';
import { RunSummary } from '../detect/RunSummary';
import { plural } from '../formatCount';
import { paceInput } from '../paceInput';
import { parseCommandArgs } from '../parseCommandArgs';
import { resolveInputs } from '../resolveInputs';
import { resolveSource } from '../resolveSource';
import { tapDecoder } from '../tapDecoder';
import { USAGE } from '../usage';
import { DEFAULT_INPUTS } from './detectCommand';

/**
 * `eqlambda normalize [--source NAME] [PATHS...]`: every decoded event as
 * the whole ECS document the rules see, one JSON object a line, written as
 * it is decoded. The line prefilter is off, so every record is decoded and
 * every malformed one is counted.
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
    const names = engine.decoders.map((decoder) => decoder.name).join(', ');
    io.stdout.write((USAGE.normalize ?? '').replace('SOURCES', names));
    return 0;
  }
  const source = resolveSource(
    typeof values.source === 'string' ? values.source : undefined,
    engine.decoders,
  );
  const inputs = await resolveInputs(
    positionals.length > 0 ? positionals : DEFAULT_INPUTS,
    engine,
  );
  const print = (result: DecodeResult) => {
    if (result.kind === 'event') {
      io.stdout.write(`${JSON.stringify(result.event)}\n`);
    }
  };
  const decoders = engine.decoders.map((d) => tapDecoder(d, print));
  const summary = new RunSummary();
  for (const object of inputs) {
    try {
      const result = await engine.scanObject(
        paceInput(engine.openFile(object), io.stdout),
        object,
        [],
        {
          needlePrefilter: false,
          decoders,
          ...(source ? { format: source } : {}),
        },
      );
      summary.addScan(result);
    } catch (error) {
      summary.addFailure(object, (error as Error).message);
    }
  }
  io.stderr.write(formatNormalizeSummary(summary));
  return 0;
}

function formatNormalizeSummary(summary: RunSummary): string {
  const lines = [
    `eqlambda normalize: ${plural(summary.files, 'file')}, ` +
      `${plural(summary.events, 'event')} (${summary.skipped} skipped, ` +
      `${summary.malformed} malformed)`,
    ...summary.malformedShown.map(
      (record) =>
        `  malformed ${formatSourceRef(record.source)}: ${record.reason}`,
    ),
    ...summary.failures.map((f) => `  error ${f.object}: ${f.error}`),
  ];
  return `${lines.join('\n')}\n`;
}
