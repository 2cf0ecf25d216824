import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createStateTable,
  type MotoClients,
  motoClients,
  REGION,
} from '../aws/support/motoClients';
import {
  msiInstall,
  ndjson,
  screenConnect,
  WKS_042,
} from '../aws/support/scenario';
import { type MotoServer, startMotoServer } from '../helpers/motoServer';
import { type SynthesizedStack, synthStack } from './synthStack';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

interface FunctionResource {
  Type: string;
  Properties: {
    Code: { S3Key: string };
    Environment: { Variables: Record<string, unknown> };
  };
}

const BUCKET = 'acme-edr-archive';
const TABLE = 'eqlambda-state';

let moto: MotoServer;
let clients: MotoClients;
let synthesized: SynthesizedStack;
let alertsQueueUrl: string;
let topicArn: string;

/** The detector function's resource in the synthesized template. */
function detectorResource(s: SynthesizedStack): FunctionResource {
  const resources = Object.values(
    s.template.toJSON().Resources as Record<string, FunctionResource>,
  );
  const found = resources.find(
    (r) =>
      r.Type === 'AWS::Lambda::Function' &&
      'STATE_TABLE_NAME' in (r.Properties.Environment?.Variables ?? {}),
  );
  if (!found) throw new Error('the template has no detector function');
  return found;
}

/**
 * The directory the synth bundled the function into: the assembly holds
 * each asset as `asset.HASH`, uploaded as `HASH.zip`.
 */
function assetDirectory(s: SynthesizedStack): string {
  const hash = detectorResource(s).Properties.Code.S3Key.replace('.zip', '');
  return join(s.assemblyDir, `asset.${hash}`);
}

/**
 * The function's environment as the template sets it, with the references
 * CloudFormation would resolve replaced by the moto resources, and what
 * Lambda itself adds (task root, region, credentials).
 */
function deployedEnvironment(taskRoot: string): Record<string, string> {
  const variables =
    detectorResource(synthesized).Properties.Environment.Variables;
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value === 'string') env[name] = value;
  }
  return {
    ...env,
    STATE_TABLE_NAME: TABLE,
    ALERT_TOPIC_ARN: topicArn,
    LAMBDA_TASK_ROOT: taskRoot,
    LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
  };
}

async function createAlertInbox(): Promise<void> {
  const queue = await clients.sqs.send(
    new CreateQueueCommand({ QueueName: 'alert-inbox' }),
  );
  alertsQueueUrl = queue.QueueUrl as string;
  const attributes = await clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: alertsQueueUrl,
      AttributeNames: ['QueueArn'],
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
      Endpoint: attributes.Attributes?.QueueArn,
    }),
  );
}

beforeAll(async () => {
  synthesized = synthStack({ bucket: BUCKET });
  moto = await startMotoServer();
  clients = motoClients(moto.endpoint);
  await createStateTable(clients.dynamodb, TABLE);
  await clients.s3.send(
    new CreateBucketCommand({
      Bucket: BUCKET,
      CreateBucketConfiguration: { LocationConstraint: REGION },
    }),
  );
  await createAlertInbox();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await moto?.stop();
});

describe('the function as bundled for deployment', () => {
  it('carries the rules next to its code', () => {
    const dir = assetDirectory(synthesized);
    expect(existsSync(join(dir, 'index.js'))).toBe(true);
    expect(
      existsSync(
        join(dir, 'rules', 'command_and_control_rmm_after_msi_install.toml'),
      ),
    ).toBe(true);
  });

  it('carries the start script, executable, where the environment names it', () => {
    const dir = assetDirectory(synthesized);
    const wrapper = deployedEnvironment(dir).AWS_LAMBDA_EXEC_WRAPPER;
    expect(wrapper).toBe('/var/task/start-node');
    const script = join(dir, basename(wrapper as string));
    const child = spawnSync(
      script,
      [process.execPath, '-e', 'process.stdout.write(process.execArgv[0])'],
      { encoding: 'utf8' },
    );
    expect(child.stdout).toBe('--initial-old-space-size=64');
  });

  it('turns an S3 object into an alert on SNS, with only its own code', async () => {
    const dir = assetDirectory(synthesized);
    for (const [name, value] of Object.entries(deployedEnvironment(dir))) {
      vi.stubEnv(name, value);
    }
    const now = Date.now();
    const key = 'sysmon/2026/12/03/WKS-042.ndjson';
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: key,
        Body: ndjson([
          msiInstall(WKS_042, now - 50_000),
          screenConnect(WKS_042, now - 20_000),
        ]),
      }),
    );
    // The asset lives outside the project, so the bundle cannot borrow the
    // project's node_modules: whatever it needs must be inside it.
    const { handler } = createRequire(join(dir, 'index.js'))(
      join(dir, 'index.js'),
    ) as { handler: Handler };
    await handler(
      {
        Records: [
          {
            eventSource: 'aws:s3',
            eventName: 'ObjectCreated:Put',
            s3: { bucket: { name: BUCKET }, object: { key } },
          },
        ],
      },
      { awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => 60_000 },
    );
    const received = await clients.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: alertsQueueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
      }),
    );
    expect(received.Messages).toHaveLength(1);
    const envelope = JSON.parse(received.Messages?.[0]?.Body as string);
    expect(envelope.Subject).toBe(
      '[medium] Remote Management Access Launch After MSI Install on WKS-042',
    );
    const alert = JSON.parse(envelope.Message);
    expect(alert.rule.id).toBe('1b5e9d4a-7c2f-4e8b-a3d6-0f9c8e2b1a4d');
    expect(alert.host).toEqual({ id: WKS_042.id, name: 'WKS-042' });
  });
});
