import type { Alert } from '../../lambda/alerts/Alert';
import { buildAlert } from '../../lambda/alerts/buildAlert';
import type { KeyState } from '../../lambda/engine/KeyState';
import { awsDetect, isAwsDetect } from '../awsDetect';
import { bundledRulesPath } from '../bundledRulesPath';
import type { CliIo } from '../CliIo';
import type { AlertSink } from '../detect/AlertSink';
import type { DetectEngine } from '../detect/DetectEngine';
import { MemoryStateStore } from '../detect/MemoryStateStore';
import { ProgressLine } from '../detect/ProgressLine';
import { RunSummary } from '../detect/RunSummary';
import { runDetection } from '../detect/runDetection';
import type { StateStore } from '../detect/StateStore';
import { type AlertFormat, StreamAlertSink } from '../detect/StreamAlertSink';
import { UsageError } from '../errors';
import { loadRulesOrExit } from '../loadRulesOrExit';
import { parseCommandArgs } from '../parseCommandArgs';
import { parseDuration } from '../parseDuration';
import { resolveInputs } from '../resolveInputs';
import { resolveSource } from '../resolveSource';
import { USAGE } from '../usage';

/** The default input folder, relative to the working directory. */
export const DEFAULT_INPUTS = ['events/exports'];

/**
 * `eqlambda detect`: the bundled (or given) rules over local files, alerts
 * on stdout, progress and a summary on stderr.
 *
 * @returns 0 when the run completed, whether or not alerts fired.
 * @throws UsageError (exit 2) for a bad argument, path or rule.
 */
export async function detectCommand(
  args: readonly string[],
  io: CliIo,
  engine: DetectEngine,
): Promise<number> {
  if (isAwsDetect(args)) return awsDetect(args, io);
  const { values, positionals } = parseCommandArgs('detect', args, {
    rules: { type: 'string', multiple: true },
    format: { type: 'string' },
    source: { type: 'string' },
    lateness: { type: 'string', default: '24h' },
  });
  if (values.help) {
    io.stdout.write(USAGE.detect ?? '');
    return 0;
  }
  const startedAt = io.now();
  const format = readFormat(values.format, io);
  const lateness = String(values.lateness);
  const latenessMs = parseDuration(lateness, '--lateness');
  const source = resolveSource(asString(values.source), engine.decoders);
  const rulePaths = (values.rules as string[] | undefined) ?? [
    bundledRulesPath(),
  ];
  const rules = await loadRulesOrExit(rulePaths);
  const paths = positionals.length > 0 ? positionals : DEFAULT_INPUTS;
  const inputs = await resolveInputs(paths, engine);

  const { store, sink } = openDestinations(format, io);
  const summary = new RunSummary();
  const progress = new ProgressLine(io.stderr, io.now);
  const totals = { bytes: 0, records: 0 };
  // Distinct ids, so that a replayed match is counted once as it is
  // delivered once.
  const alertIds = new Set<string>();
  // CrowdStrike names hosts in aidmaster files, which may be read after the
  // events (they sort after data/ in FDR's layout): an alert whose host has
  // no name yet waits for the end of the run.
  const unnamed: { alert: Alert; hostNames: ReadonlyMap<string, string> }[] =
    [];
  await runDetection(inputs, rules, {
    engine,
    store,
    summary,
    latenessMs,
    ...(source ? { format: source } : {}),
    onFound: async ({ rule, match, hostNames }) => {
      const detectedAt = new Date(io.now());
      const alert: Alert = buildAlert(rule, match, { hostNames, detectedAt });
      alertIds.add(alert.id);
      if (alert.host.name === null && alert.host.id !== null) {
        unnamed.push({ alert, hostNames });
        return;
      }
      progress.clear();
      await sink.publish(alert);
    },
    onProgress: (object, stats) => {
      if (stats === null) {
        totals.bytes = summary.bytes;
        totals.records = summary.records;
        return;
      }
      progress.update({
        object,
        bytes: totals.bytes + stats.bytes,
        records: totals.records + stats.records,
        alerts: alertIds.size,
      });
    },
  });
  progress.clear();
  for (const { alert, hostNames } of unnamed) {
    await sink.publish(nameHost(alert, hostNames));
  }
  summary.alerts = alertIds.size;
  io.stderr.write(summary.format(io.now() - startedAt, lateness));
  return 0;
}

/**
 * Where sequence state and alerts go. A local run keeps state in memory
 * and prints alerts; this is the one place to choose another store (a
 * DynamoDB table) or sink (an SNS topic).
 */
function openDestinations(
  format: AlertFormat,
  io: CliIo,
): { store: StateStore<KeyState>; sink: AlertSink } {
  return {
    store: new MemoryStateStore<KeyState>(),
    sink: new StreamAlertSink(io.stdout, format),
  };
}

function nameHost(alert: Alert, hostNames: ReadonlyMap<string, string>) {
  const id = alert.host.id;
  const name = id === null ? null : (hostNames.get(id) ?? null);
  return name === null ? alert : { ...alert, host: { id, name } };
}

function readFormat(value: unknown, io: CliIo): AlertFormat {
  if (value === undefined) return io.stdout.isTTY ? 'text' : 'ndjson';
  if (value === 'text' || value === 'ndjson') return value;
  throw new UsageError(
    `--format ${JSON.stringify(value)} is not a format; use text or ndjson`,
  );
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
