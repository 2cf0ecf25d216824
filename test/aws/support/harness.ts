import type { Alert } from '../../../lambda/alerts/Alert';
import type {
  AlertPublisher,
  AlertSummary,
} from '../../../lambda/aws/AlertPublisher';
import type { DetectionEngine } from '../../../lambda/aws/DetectionEngine';
import { DynamoStateStore } from '../../../lambda/aws/DynamoStateStore';
import { ObjectUnavailableError } from '../../../lambda/aws/errors';
import type { Pipeline } from '../../../lambda/aws/Pipeline';
import {
  processTrigger,
  type TriggerOutcome,
} from '../../../lambda/aws/processTrigger';
import type { StateStore } from '../../../lambda/aws/StateStore';
import {
  type MetricName,
  type MetricSink,
  SILENT_LOG,
} from '../../../lambda/aws/Telemetry';
import type { LoadedRule } from '../../../lambda/rules/LoadedRule';
import { createStateTable, type MotoClients } from './motoClients';

/** Publishes into arrays; `failNext` makes the next publishes throw. */
export class RecordingPublisher implements AlertPublisher {
  readonly alerts: Alert[] = [];
  readonly summaries: AlertSummary[] = [];
  failNext = 0;

  async publishAlert(alert: Alert): Promise<void> {
    this.#maybeFail();
    this.alerts.push(alert);
  }

  async publishSummary(summary: AlertSummary): Promise<void> {
    this.#maybeFail();
    this.summaries.push(summary);
  }

  #maybeFail(): void {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('SNS is unavailable (test)');
    }
  }
}

/** Sums every metric by name. */
export class CountingMetrics implements MetricSink {
  readonly totals = new Map<MetricName, number>();
  add(name: MetricName, value: number): void {
    this.totals.set(name, (this.totals.get(name) ?? 0) + value);
  }
  get(name: MetricName): number {
    return this.totals.get(name) ?? 0;
  }
}

/** A pipeline on a fresh table of moto's DynamoDB, objects in memory. */
export interface Harness {
  readonly pipeline: Pipeline;
  readonly store: DynamoStateStore;
  readonly publisher: RecordingPublisher;
  readonly metrics: CountingMetrics;
  readonly objects: Map<string, Buffer>;
  readonly tableName: string;
  /** The injected wall clock, in epoch ms. */
  now: number;
  /** Processes the objects as one direct invocation. */
  run(keys: readonly string[], store?: StateStore): Promise<TriggerOutcome>;
  /** Processes an SQS batch: one message per entry, its objects' keys. */
  runBatch(
    messages: Record<string, readonly string[]>,
    store?: StateStore,
  ): Promise<TriggerOutcome>;
}

let tables = 0;

/** Builds a harness on its own new table. */
export async function makeHarness(
  clients: MotoClients,
  engine: DetectionEngine,
  rules: readonly LoadedRule[],
  settings: Partial<Pipeline['settings']> = {},
): Promise<Harness> {
  tables += 1;
  const tableName = `harness-${process.pid}-${tables}`;
  await createStateTable(clients.dynamodb, tableName);
  const store = new DynamoStateStore({
    client: clients.dynamodb,
    tableName,
    sleep: async () => {},
  });
  const publisher = new RecordingPublisher();
  const metrics = new CountingMetrics();
  const objects = new Map<string, Buffer>();
  const harness: Harness = {
    store,
    publisher,
    metrics,
    objects,
    tableName,
    now: 0,
    pipeline: undefined as unknown as Pipeline,
    run: (keys, override) => runKeys(harness, { '': keys }, override),
    runBatch: (messages, override) => runKeys(harness, messages, override),
  };
  (harness as { pipeline: Pipeline }).pipeline = {
    engine,
    rules,
    store,
    publisher,
    readObject: (ref) => readFromMap(objects, ref.key),
    log: SILENT_LOG,
    metrics,
    clock: () => harness.now,
    sleep: async () => {},
    settings: {
      latenessMs: 3_600_000,
      maxCandidatesPerKey: 250,
      maxAlertsPerInvocation: 100,
      prefixFormats: [],
      ...settings,
    },
  };
  return harness;
}

function runKeys(
  harness: Harness,
  messages: Record<string, readonly string[]>,
  store?: StateStore,
): Promise<TriggerOutcome> {
  const pipeline = store ? { ...harness.pipeline, store } : harness.pipeline;
  const direct = Object.keys(messages).length === 1 && '' in messages;
  return processTrigger(
    {
      kind: direct ? 'direct' : 'sqs',
      messages: Object.entries(messages).map(([id, keys]) => ({
        messageId: direct ? null : id,
        objects: keys.map((key) => ({ bucket: 'test', key, size: null })),
        error: null,
      })),
    },
    pipeline,
    { deadline: harness.now + 60_000, log: {} },
  );
}

async function* readFromMap(
  objects: Map<string, Buffer>,
  key: string,
): AsyncGenerator<Buffer> {
  const body = objects.get(key);
  if (body === undefined)
    throw new ObjectUnavailableError('test', key, 'missing');
  yield body;
}
