import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import type { LoadedRule } from '../rules/LoadedRule';
import type { DetectionEngine } from './DetectionEngine';
import { DynamoStateStore } from './DynamoStateStore';
import type { HandlerConfig } from './loadConfig';
import type { Pipeline } from './Pipeline';
import { readS3Object } from './readS3Object';
import { SnsAlertPublisher } from './SnsAlertPublisher';
import type { Log, MetricSink } from './Telemetry';

/** The parts of a pipeline that do not come from the configuration. */
export interface AwsPipelineParts {
  readonly engine: DetectionEngine;
  readonly rules: readonly LoadedRule[];
  readonly log: Log;
  readonly metrics: MetricSink;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * A pipeline on real AWS clients. The SDK reads region, credentials and
 * the `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_<SERVICE>` variables itself;
 * when an S3 endpoint is set (moto, LocalStack, MinIO), path-style
 * addressing is used, since such servers rarely resolve bucket subdomains.
 */
export function makeAwsPipeline(
  config: Pick<
    HandlerConfig,
    | 'tableName'
    | 'topicArn'
    | 'latenessMs'
    | 'maxCandidatesPerKey'
    | 'maxAlertsPerInvocation'
    | 'prefixFormats'
  >,
  parts: AwsPipelineParts,
): Pipeline {
  const env = parts.env ?? process.env;
  const s3 = new S3Client({
    forcePathStyle: Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL),
  });
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => setTimeout(resolve, ms));
  return {
    engine: parts.engine,
    rules: parts.rules,
    store: new DynamoStateStore({
      client: new DynamoDBClient({}),
      tableName: config.tableName,
    }),
    publisher: new SnsAlertPublisher(new SNSClient({}), config.topicArn),
    readObject: (ref) => readS3Object(s3, ref),
    log: parts.log,
    metrics: parts.metrics,
    clock: Date.now,
    sleep,
    settings: {
      latenessMs: config.latenessMs,
      maxCandidatesPerKey: config.maxCandidatesPerKey,
      maxAlertsPerInvocation: config.maxAlertsPerInvocation,
      prefixFormats: config.prefixFormats,
    },
  };
}
