import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
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

const FIXTURE_RULES = new URL('./fixtures/rules', import.meta.url).pathname;
const BUCKET = 'cs-prod-cannon-0a1b2c3d';
const AID = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const PREFIX = 'data/4a6f0a1e-8d2b-4c1e-9f57-2b3c4d5e6f70';

let moto: MotoServer;
let clients: MotoClients;
let alertsQueueUrl: string;

useMotoServer(async (server) => {
  moto = server;
  clients = motoClients(moto.endpoint);
  await createStateTable(clients.dynamodb, 'fdr-state');
  await clients.s3.send(
    new CreateBucketCommand({
      Bucket: BUCKET,
      CreateBucketConfiguration: { LocationConstraint: REGION },
    }),
  );
  const queue = await clients.sqs.send(
    new CreateQueueCommand({ QueueName: 'fdr-alerts' }),
  );
  alertsQueueUrl = queue.QueueUrl as string;
  const attributes = await clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: alertsQueueUrl,
      AttributeNames: ['QueueArn'],
    }),
  );
  const topic = await clients.sns.send(
    new CreateTopicCommand({ Name: 'fdr-alerts' }),
  );
  await clients.sns.send(
    new SubscribeCommand({
      TopicArn: topic.TopicArn,
      Protocol: 'sqs',
      Endpoint: attributes.Attributes?.QueueArn,
    }),
  );
  const env: Record<string, string> = {
    STATE_TABLE_NAME: 'fdr-state',
    ALERT_TOPIC_ARN: topic.TopicArn as string,
    RULES_DIR: FIXTURE_RULES,
    PREFIX_FORMATS: 'data/=crowdstrike-fdr,fdrv2/aidmaster/=crowdstrike-fdr',
    LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
});

afterAll(() => {
  vi.unstubAllEnvs();
});

/** One FDR ProcessRollup2 record; every value a string, as FDR writes. */
function rollup(at: number, id: string, image: string, commandLine: string) {
  return JSON.stringify({
    event_simpleName: 'ProcessRollup2',
    event_platform: 'Win',
    aid: AID,
    cid: '0123456789abcdef0123456789abcdef',
    id,
    timestamp: String(at),
    ImageFileName: `\\Device\\HarddiskVolume3\\${image}`,
    CommandLine: commandLine,
    RawProcessId: '4120',
    TargetProcessId: `${id}0`,
    ParentBaseFileName: 'explorer.exe',
    UserName: 'alice',
  });
}

async function put(key: string, lines: readonly string[]): Promise<void> {
  await clients.s3.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: lines.join('\n') }),
  );
}

/** An SQS batch of one FDR notification listing `paths`. */
function fdrBatch(messageId: string, paths: readonly string[]) {
  const body = {
    cid: '0123456789abcdef0123456789abcdef',
    timestamp: Date.now(),
    fileCount: paths.length,
    totalSize: 1,
    bucket: BUCKET,
    pathPrefix: PREFIX,
    files: paths.map((path) => ({ path, size: 1, checksum: 'x' })),
  };
  return {
    Records: [
      { messageId, body: JSON.stringify(body), eventSource: 'aws:sqs' },
    ],
  };
}

const context = {
  awsRequestId: 'fdr-test',
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

describe('the handler on CrowdStrike FDR notifications', () => {
  it('names the host of an alert from an aidmaster object read earlier', async () => {
    const now = Date.now();
    await put('fdrv2/aidmaster/part-00000', [
      JSON.stringify({ aid: AID, ComputerName: 'WKS-042', cid: 'c' }),
    ]);
    await put(`${PREFIX}/part-00000`, [
      rollup(
        now - 60_000,
        '101',
        'Windows\\System32\\msiexec.exe',
        'msiexec.exe /i "C:\\Users\\alice\\Downloads\\setup.msi" /qn',
      ),
      rollup(
        now - 40_000,
        '102',
        'Program Files (x86)\\ScreenConnect Client\\ScreenConnect.ClientService.exe',
        '"ScreenConnect.ClientService.exe" "?e=Access&y=Guest&h=relay.example&k=BgIAAACk"',
      ),
    ]);
    const { handler } = await import('../../lambda/handler');
    expect(
      await handler(fdrBatch('m1', ['fdrv2/aidmaster/part-00000']), context),
    ).toEqual({ batchItemFailures: [] });
    expect(
      await handler(fdrBatch('m2', [`${PREFIX}/part-00000`]), context),
    ).toEqual({ batchItemFailures: [] });

    const output = await clients.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: alertsQueueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
      }),
    );
    expect(output.Messages).toHaveLength(1);
    const envelope = JSON.parse(output.Messages?.[0]?.Body as string);
    expect(envelope.Subject).toBe(
      '[medium] Remote Management Access Launch After MSI Install on WKS-042',
    );
    const alert = JSON.parse(envelope.Message);
    expect(alert.host).toEqual({ id: AID, name: 'WKS-042' });
  });
});
