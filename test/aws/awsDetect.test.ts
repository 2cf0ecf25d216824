import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { awsDetect, isAwsDetect } from '../../cli/awsDetect';
import type { CliIo } from '../../cli/CliIo';
import { type MotoServer, useMotoServer } from '../helpers/motoServer';
import {
  createStateTable,
  type MotoClients,
  motoClients,
  REGION,
} from './support/motoClients';
import {
  msiInstall,
  ndjson,
  screenConnect,
  T0,
  WKS_042,
} from './support/scenario';

const FIXTURE_RULES = new URL('./fixtures/rules', import.meta.url).pathname;
const BUCKET = 'archive';

let moto: MotoServer;
let clients: MotoClients;
let queueUrl: string;
let topicArn: string;

useMotoServer(async (server) => {
  moto = server;
  clients = motoClients(moto.endpoint);
  await createStateTable(clients.dynamodb, 'backfill');
  await clients.s3.send(
    new CreateBucketCommand({
      Bucket: BUCKET,
      CreateBucketConfiguration: { LocationConstraint: REGION },
    }),
  );
  // A year-old sequence split over two objects: only event time as the
  // matcher's clock keeps it within the lateness allowance.
  const put = (key: string, body: Buffer) =>
    clients.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }),
    );
  await put('defend/2025/part-1.ndjson', ndjson([msiInstall(WKS_042, T0)]));
  await put(
    'defend/2025/part-2.ndjson',
    ndjson([screenConnect(WKS_042, T0 + 20_000)]),
  );
  await put('other/ignored.ndjson', ndjson([msiInstall(WKS_042, T0)]));
  const queue = await clients.sqs.send(
    new CreateQueueCommand({ QueueName: 'backfill-alerts' }),
  );
  queueUrl = queue.QueueUrl as string;
  const attributes = await clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['QueueArn'],
    }),
  );
  const topic = await clients.sns.send(
    new CreateTopicCommand({ Name: 'backfill' }),
  );
  topicArn = topic.TopicArn as string;
  await clients.sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: attributes.Attributes?.QueueArn,
    }),
  );
});

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    now: () => Date.UTC(2026, 11, 3, 12, 0, 0),
  };
}

async function alertsOnQueue(): Promise<number> {
  const output = await clients.sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 1,
    }),
  );
  return output.Messages?.length ?? 0;
}

describe('eqlambda detect s3://', () => {
  it('is chosen for s3:// paths and the --table and --topic options', () => {
    expect(isAwsDetect(['s3://b/p'])).toBe(true);
    expect(isAwsDetect(['--table', 't', 'x'])).toBe(true);
    expect(isAwsDetect(['--topic=arn:aws:sns:eu-west-1:1:t'])).toBe(true);
    expect(isAwsDetect(['events/exports', '--lateness', '1h'])).toBe(false);
  });

  it('prints the alert of a sequence split across two archived objects', async () => {
    const io = captureIo();
    const code = await awsDetect(
      [
        `s3://${BUCKET}/defend/`,
        '--rules',
        FIXTURE_RULES,
        '--format',
        'ndjson',
      ],
      io,
      { s3: clients.s3 },
    );
    expect(code).toBe(0);
    expect(io.out).toHaveLength(1);
    const alert = JSON.parse(io.out[0] as string);
    expect(alert.host.name).toBe('WKS-042');
    expect(alert.events[1].source.object).toBe(
      `s3://${BUCKET}/defend/2025/part-2.ndjson`,
    );
    expect(io.err.join('')).toContain('2 objects');
  });

  it('publishes once to the topic through the table, however often it runs', async () => {
    const args = [
      `s3://${BUCKET}/defend/2025/`,
      '--rules',
      FIXTURE_RULES,
      '--table',
      'backfill',
      '--topic',
      topicArn,
    ];
    const parts = {
      s3: clients.s3,
      dynamodb: clients.dynamodb,
      sns: clients.sns,
    };
    expect(await awsDetect(args, captureIo(), parts)).toBe(0);
    expect(await alertsOnQueue()).toBe(1);
    expect(await awsDetect(args, captureIo(), parts)).toBe(0);
    expect(await alertsOnQueue()).toBe(0);
  });

  it('refuses local paths with --table', async () => {
    await expect(
      awsDetect(['events/exports', '--table', 't'], captureIo(), {}),
    ).rejects.toThrow('give s3://BUCKET/PREFIX paths only');
  });
});
