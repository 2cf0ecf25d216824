import {
  CreateBucketCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type MotoServer, useMotoServer } from '../helpers/motoServer';
import {
  createStateTable,
  type MotoClients,
  motoClients,
  REGION,
} from './support/motoClients';
import { msiInstall, ndjson, screenConnect, WKS_042 } from './support/scenario';

const FIXTURE_RULES = new URL('./fixtures/rules', import.meta.url).pathname;
const BUCKET = 'edr-exports';
const TABLE = 'eqlambda-state';
const KEY = 'defend/2026/11/02/wks 042+batch.ndjson';

let moto: MotoServer;
let clients: MotoClients;
let objectsQueueUrl: string;
let alertsQueueUrl: string;
let topicArn: string;

useMotoServer(async (server) => {
  moto = server;
  clients = motoClients(moto.endpoint);
  await createStateTable(clients.dynamodb, TABLE);
  objectsQueueUrl = await createQueue('eqlambda-objects');
  alertsQueueUrl = await createQueue('alerts-inbox');
  await clients.s3.send(
    new CreateBucketCommand({
      Bucket: BUCKET,
      CreateBucketConfiguration: { LocationConstraint: REGION },
    }),
  );
  await clients.s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: BUCKET,
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            QueueArn: await queueArn(objectsQueueUrl),
            Events: ['s3:ObjectCreated:*'],
          },
        ],
      },
    }),
  );
  const topic = await clients.sns.send(
    new CreateTopicCommand({ Name: 'eqlambda-alerts' }),
  );
  topicArn = topic.TopicArn as string;
  await clients.sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: await queueArn(alertsQueueUrl),
    }),
  );
  stubEnvironment();
});

afterAll(() => {
  vi.unstubAllEnvs();
});

function stubEnvironment(): void {
  const env: Record<string, string> = {
    STATE_TABLE_NAME: TABLE,
    ALERT_TOPIC_ARN: topicArn,
    RULES_DIR: FIXTURE_RULES,
    LOG_LEVEL: 'SILENT',
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}

async function createQueue(name: string): Promise<string> {
  const output = await clients.sqs.send(
    new CreateQueueCommand({ QueueName: name }),
  );
  return output.QueueUrl as string;
}

async function queueArn(url: string): Promise<string> {
  const output = await clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['QueueArn'],
    }),
  );
  return output.Attributes?.QueueArn as string;
}

async function receiveAll(url: string): Promise<Message[]> {
  const output = await clients.sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: url,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 1,
    }),
  );
  return output.Messages ?? [];
}

/** The event Lambda's SQS poller would pass for these messages. */
function sqsEvent(messages: readonly Message[]) {
  return {
    Records: messages.map((message) => ({
      messageId: message.MessageId,
      receiptHandle: message.ReceiptHandle,
      body: message.Body,
      attributes: {},
      messageAttributes: {},
      md5OfBody: message.MD5OfBody,
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:${REGION}:123456789012:eqlambda-objects`,
      awsRegion: REGION,
    })),
  };
}

/** Metric values from the CloudWatch embedded-metric lines printed. */
function metricsIn(lines: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const line of lines.join('').split('\n')) {
    if (!line.includes('"CloudWatchMetrics"')) continue;
    const document = JSON.parse(line);
    const [directive] = document._aws.CloudWatchMetrics;
    expect(directive.Namespace).toBe('eqlambda');
    for (const metric of directive.Metrics) {
      values[metric.Name] = document[metric.Name];
    }
  }
  return values;
}

function lambdaContext(): Context {
  return {
    awsRequestId: 'c0ffee00-0000-4000-8000-000000000001',
    getRemainingTimeInMillis: () => 60_000,
  } as unknown as Context;
}

describe('the Lambda handler against moto_server', () => {
  it('turns an object put into S3 into one alert on the SNS topic', async () => {
    const start = Date.now();
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: KEY,
        Body: ndjson([
          msiInstall(WKS_042, start - 60_000),
          screenConnect(WKS_042, start - 40_000),
        ]),
      }),
    );
    const notifications = await receiveAll(objectsQueueUrl);
    expect(notifications.length).toBeGreaterThanOrEqual(1);

    const { handler } = await import('../../lambda/handler');
    const stdout = vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    const result = await handler(sqsEvent(notifications), lambdaContext());
    const printed = stdout.mock.calls.map((call) => String(call[0]));
    stdout.mockRestore();
    expect(result).toEqual({ batchItemFailures: [] });
    expect(metricsIn(printed)).toMatchObject({ Objects: 1, Alerts: 1 });

    const delivered = await receiveAll(alertsQueueUrl);
    expect(delivered).toHaveLength(1);
    const envelope = JSON.parse(delivered[0]?.Body as string);
    expect(envelope.Subject).toBe(
      '[medium] Remote Management Access Launch After MSI Install on WKS-042',
    );
    const alert = JSON.parse(envelope.Message);
    expect(alert.rule).toMatchObject({
      id: '0d6b7a52-tests-msi-then-rmm',
      severity: 'medium',
      riskScore: 47,
      techniques: [{ id: 'T1219', name: 'Remote Access Tools' }],
    });
    expect(alert.host).toEqual({ id: WKS_042.id, name: 'WKS-042' });
    expect(
      alert.events.map((e: { processName: string }) => e.processName),
    ).toEqual(['msiexec.exe', 'ScreenConnect.ClientService.exe']);
    expect(alert.events[0].source.object).toBe(`s3://${BUCKET}/${KEY}`);
    expect(envelope.MessageAttributes).toMatchObject({
      rule_id: { Type: 'String', Value: '0d6b7a52-tests-msi-then-rmm' },
      severity: { Type: 'String', Value: 'medium' },
      risk_score: { Type: 'Number', Value: '47' },
      host_id: { Type: 'String', Value: WKS_042.id },
    });

    const again = await handler(sqsEvent(notifications), lambdaContext());
    expect(again).toEqual({ batchItemFailures: [] });
    expect(await receiveAll(alertsQueueUrl)).toHaveLength(0);
  });

  it('reads an object named by an EventBridge Object Created event', async () => {
    const key = 'defend/eventbridge/wks 7.ndjson';
    const start = Date.now();
    const host = { id: 'eb-host-7', name: 'WKS-007' };
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: key,
        Body: ndjson([
          msiInstall(host, start - 30_000),
          screenConnect(host, start - 10_000),
        ]),
      }),
    );
    const { handler } = await import('../../lambda/handler');
    const event = {
      version: '0',
      'detail-type': 'Object Created',
      source: 'aws.s3',
      detail: {
        bucket: { name: BUCKET },
        object: { key: 'defend/eventbridge/wks+7.ndjson', size: 1 },
      },
    };
    expect(await handler(event, lambdaContext())).toEqual({ objects: 1 });
    const delivered = await receiveAll(alertsQueueUrl);
    expect(delivered).toHaveLength(1);
    const alert = JSON.parse(JSON.parse(delivered[0]?.Body as string).Message);
    expect(alert.host.name).toBe('WKS-007');
  });

  it('reports only the unreadable message of a batch as failed', async () => {
    const { handler } = await import('../../lambda/handler');
    const missing = {
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          s3: { bucket: { name: BUCKET }, object: { key: 'gone.ndjson' } },
        },
      ],
    };
    const event = {
      Records: [
        {
          messageId: 'missing',
          body: JSON.stringify(missing),
          eventSource: 'aws:sqs',
        },
        { messageId: 'garbled', body: 'not json', eventSource: 'aws:sqs' },
      ],
    };
    const result = await handler(event, lambdaContext());
    expect(result).toEqual({
      batchItemFailures: [{ itemIdentifier: 'garbled' }],
    });
  });
});
