import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { LoadedRule } from '../rules/LoadedRule';
import type { DetectionEngine } from './DetectionEngine';
import { UnrecognisedTriggerError } from './errors';
import { type HandlerConfig, loadConfig } from './loadConfig';
import { makeAwsPipeline } from './makeAwsPipeline';
import type { Pipeline } from './Pipeline';
import { parseTrigger } from './parseTrigger';
import { processTrigger } from './processTrigger';
import { type Log, METRIC_UNITS, type MetricSink } from './Telemetry';

/** What the handler returns: SQS partial failures, or a count. */
export type HandlerResult =
  | { batchItemFailures: { itemIdentifier: string }[] }
  | { objects: number };

/** What the handler is built from; every part has a production default. */
export interface HandlerOptions {
  readonly engine: DetectionEngine;
  readonly loadRules: (paths: readonly string[]) => Promise<LoadedRule[]>;
  /** Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Replaces the pipeline built from the environment (tests). */
  readonly pipeline?: (config: HandlerConfig) => Promise<Pipeline>;
}

/**
 * Builds the Lambda handler. Configuration and rules load on the first
 * invocation and are reused while the execution environment lives. An SQS
 * batch reports only its failed messages; a direct invocation throws when
 * it failed, so that Lambda retries it.
 *
 * @example
 * export const handler = createHandler({ engine, loadRules });
 */
export function createHandler(options: HandlerOptions) {
  const env = options.env ?? process.env;
  const metrics = new Metrics({
    namespace: 'eqlambda',
    serviceName: 'eqlambda',
  });
  let logger: Logger | null = null;
  let ready: Promise<Pipeline> | null = null;

  async function start(): Promise<Pipeline> {
    const config = loadConfig(env);
    logger = new Logger({
      serviceName: 'eqlambda',
      logLevel: config.logLevel as 'INFO',
    });
    const sink: MetricSink = {
      add: (name, value) => metrics.addMetric(name, METRIC_UNITS[name], value),
    };
    if (options.pipeline) return options.pipeline(config);
    const rules = await options.loadRules([config.rulesDir]);
    logger.info('rules loaded', { rules: rules.map((r) => r.rule.id) });
    return makeAwsPipeline(config, {
      engine: options.engine,
      rules,
      log: toLog(logger),
      metrics: sink,
      env,
    });
  }

  return async function handler(
    event: unknown,
    context: Context,
  ): Promise<HandlerResult> {
    // A failed start (bad configuration) is retried on the next invocation.
    ready ??= start().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    const pipeline = await ready;
    const log = { requestId: context.awsRequestId };
    try {
      const trigger = readTrigger(event, pipeline, log);
      if (trigger === null) return { objects: 0 };
      const outcome = await processTrigger(trigger, pipeline, {
        deadline: Date.now() + context.getRemainingTimeInMillis(),
        log,
      });
      if (trigger.kind === 'sqs') {
        return {
          batchItemFailures: outcome.failedMessageIds.map((id) => ({
            itemIdentifier: id,
          })),
        };
      }
      if (outcome.error !== null) throw outcome.error;
      return { objects: outcome.objects };
    } finally {
      metrics.publishStoredMetrics();
      logger?.debug('invocation done', log);
    }
  };
}

function readTrigger(
  event: unknown,
  pipeline: Pipeline,
  log: Record<string, unknown>,
) {
  try {
    return parseTrigger(event);
  } catch (error) {
    if (!(error instanceof UnrecognisedTriggerError)) throw error;
    // A direct event we cannot read will not read better on a retry.
    pipeline.log.error('event not understood; ignored', { ...log, error });
    return null;
  }
}

// Powertools takes attributes as a rest argument; pass none rather than
// an undefined one, which it would print.
function toLog(logger: Logger): Log {
  const level =
    (name: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, attributes?: Record<string, unknown>) => {
      if (attributes === undefined) logger[name](message);
      else logger[name](message, attributes);
    };
  return {
    debug: level('debug'),
    info: level('info'),
    warn: level('warn'),
    error: level('error'),
  };
}
