import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import type { AlertPublisher } from '../lambda/aws/AlertPublisher';
import { coreEngine } from '../lambda/aws/coreEngine';
import type { DetectionEngine } from '../lambda/aws/DetectionEngine';
import { DynamoStateStore } from '../lambda/aws/DynamoStateStore';
import type { Pipeline } from '../lambda/aws/Pipeline';
import { processTrigger } from '../lambda/aws/processTrigger';
import { readS3Object } from '../lambda/aws/readS3Object';
import { SnsAlertPublisher } from '../lambda/aws/SnsAlertPublisher';
import type { StateStore } from '../lambda/aws/StateStore';
import type { Log, MetricName } from '../lambda/aws/Telemetry';
import type { ScanResult } from '../lambda/detector/types';
import { awsListObjects } from './awsListObjects';
import { AwsMemoryStateStore } from './awsMemoryStateStore';
import { awsStdoutPublisher } from './awsStdoutPublisher';
import { bundledRulesPath } from './bundledRulesPath';
import type { CliIo } from './CliIo';
import { UsageError } from './errors';
import { loadRulesOrExit } from './loadRulesOrExit';
import { parseCommandArgs } from './parseCommandArgs';
import { parseDuration } from './parseDuration';
import { AWS_DETECT_USAGE } from './usage';

// Claims taken by the command line hold for 15 minutes, the longest a
// Lambda invocation may run, so a crashed run is taken over as quickly.
const CLAIM_LEASE_MS = 15 * 60_000;

/** True when `detect` arguments ask for S3 input, a table or a topic. */
export function isAwsDetect(args: readonly string[]): boolean {
  return args.some(
    (arg) =>
      arg.startsWith('s3://') || /^--(table|topic|max-alerts)(=|$)/.test(arg),
  );
}

/** Stand-ins for tests; production builds real clients. */
export interface AwsDetectParts {
  readonly engine?: DetectionEngine;
  readonly s3?: S3Client;
  readonly dynamodb?: DynamoDBClient;
  readonly sns?: SNSClient;
}

/**
 * `eqlambda detect s3://BUCKET/PREFIX`: runs the Lambda's pipeline over
 * every object under the prefix, one object at a time. With `--table` it
 * shares state and alert records with the deployed function, so a backfill
 * neither misses a sequence that spans old and new objects nor repeats an
 * alert the function already sent. The matcher's clock is the newest event
 * time read so far, so old archives are not all late.
 *
 * @returns 0 when every object was processed, 1 when any failed.
 */
export async function awsDetect(
  args: readonly string[],
  io: CliIo,
  parts: AwsDetectParts = {},
): Promise<number> {
  const { values, positionals } = parseCommandArgs('detect', args, {
    rules: { type: 'string', multiple: true },
    format: { type: 'string' },
    source: { type: 'string' },
    lateness: { type: 'string', default: '24h' },
    table: { type: 'string' },
    topic: { type: 'string' },
    'max-alerts': { type: 'string', default: '100' },
  });
  if (values.help) {
    io.stdout.write(AWS_DETECT_USAGE);
    return 0;
  }
  const urls = readUrls(positionals);
  const rules = await loadRulesOrExit(
    (values.rules as string[] | undefined) ?? [bundledRulesPath()],
  );
  const s3 = parts.s3 ?? new S3Client({ forcePathStyle: hasEndpoint() });
  const metrics = new Map<MetricName, number>();
  const pipeline: Pipeline = {
    engine: parts.engine ?? coreEngine,
    rules,
    store: makeStore(values.table, parts),
    publisher: makePublisher(values, io, parts),
    readObject: (ref) => readS3Object(s3, ref),
    log: stderrLog(io),
    metrics: {
      add: (name, value) => metrics.set(name, (metrics.get(name) ?? 0) + value),
    },
    clock: () => io.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    settings: {
      latenessMs: parseDuration(String(values.lateness), '--lateness'),
      maxCandidatesPerKey: 250,
      maxAlertsPerInvocation: readMaxAlerts(values),
      prefixFormats:
        typeof values.source === 'string'
          ? [{ prefix: '', format: values.source }]
          : [],
    },
  };
  let failed = 0;
  let objects = 0;
  const eventClock = newestEventClock(io);
  for (const url of urls) {
    for (const ref of await awsListObjects(s3, url)) {
      objects += 1;
      const outcome = await processTrigger(
        {
          kind: 'direct',
          messages: [{ messageId: null, objects: [ref], error: null }],
        },
        pipeline,
        { deadline: io.now() + CLAIM_LEASE_MS, log: {}, nowFor: eventClock },
      );
      if (outcome.error) failed += 1;
    }
  }
  const alerts =
    (metrics.get('Alerts') ?? 0) + (metrics.get('AlertsSummarised') ?? 0);
  io.stderr.write(
    `${objects} objects, ${metrics.get('Events') ?? 0} events, ` +
      `${alerts} alerts, ${failed} failed\n`,
  );
  return failed === 0 ? 0 : 1;
}

function readUrls(positionals: readonly string[]): string[] {
  if (
    positionals.length === 0 ||
    positionals.some((p) => !p.startsWith('s3://'))
  ) {
    throw new UsageError(
      '--table and --topic read from S3: give s3://BUCKET/PREFIX paths only',
    );
  }
  return [...positionals];
}

function readMaxAlerts(values: Record<string, unknown>): number {
  const count = Number(values['max-alerts']);
  if (!Number.isInteger(count) || count < 1) {
    throw new UsageError('--max-alerts must be a whole number of at least 1');
  }
  // Printed alerts are never summarised: a terminal has no flood to stop.
  return typeof values.topic === 'string' ? count : Number.MAX_SAFE_INTEGER;
}

function makeStore(table: unknown, parts: AwsDetectParts): StateStore {
  if (typeof table !== 'string') return new AwsMemoryStateStore();
  return new DynamoStateStore({
    client: parts.dynamodb ?? new DynamoDBClient({}),
    tableName: table,
  });
}

function makePublisher(
  values: Record<string, unknown>,
  io: CliIo,
  parts: AwsDetectParts,
): AlertPublisher {
  if (typeof values.topic === 'string') {
    return new SnsAlertPublisher(parts.sns ?? new SNSClient({}), values.topic);
  }
  const format = values.format ?? (io.stdout.isTTY ? 'text' : 'ndjson');
  if (format !== 'text' && format !== 'ndjson') {
    throw new UsageError(
      `--format ${JSON.stringify(format)} is not a format; use text or ndjson`,
    );
  }
  return awsStdoutPublisher(io, format);
}

/** The newest event time seen so far, for the matcher's "now". */
function newestEventClock(io: CliIo): (scan: ScanResult) => number {
  let newest = 0;
  return (scan) => {
    for (const group of scan.groups) {
      for (const candidate of group.candidates) {
        newest = Math.max(newest, candidate.timestamp);
      }
    }
    return newest || io.now();
  };
}

function stderrLog(io: CliIo): Log {
  const write = (level: string) => (message: string, attributes?: object) => {
    const detail = attributes ? ` ${describe(attributes)}` : '';
    io.stderr.write(`eqlambda detect: ${level}: ${message}${detail}\n`);
  };
  const quiet = () => {};
  return {
    debug: quiet,
    info: quiet,
    warn: write('warning'),
    error: write('error'),
  };
}

function describe(attributes: object): string {
  return JSON.stringify(attributes, (_key, value: unknown) =>
    value instanceof Error ? `${value.name}: ${value.message}` : value,
  );
}

function hasEndpoint(): boolean {
  return Boolean(
    process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL,
  );
}
