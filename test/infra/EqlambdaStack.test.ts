import { Match } from 'aws-cdk-lib/assertions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SynthesizedStack, synthStack } from './synthStack';

type Resources = Record<string, { Type: string; Properties: never }>;

function resourcesOf(s: SynthesizedStack, type: string) {
  const all = s.template.toJSON().Resources as Resources;
  return Object.values(all).filter((r) => r.Type === type);
}

function statementsOf(s: SynthesizedStack) {
  return resourcesOf(s, 'AWS::IAM::Policy').flatMap(
    (p) =>
      (p.Properties as { PolicyDocument: { Statement: object[] } })
        .PolicyDocument.Statement,
  ) as { Action: string | string[]; Resource: unknown }[];
}

describe('a stack that creates its archive bucket', () => {
  let s: SynthesizedStack;
  beforeAll(() => {
    s = synthStack({
      bucket: 'create',
      alertEmails: 'soc@example.com,high:ciso@example.com',
      webhooks: '["https://hooks.example.com/eqlambda"]',
      operationsEmails: 'ops@example.com',
    });
  });

  it('passes every cdk-nag AWS Solutions check it does not acknowledge', () => {
    // synthStack throws on any unacknowledged finding.
    expect(s.assemblyDir).toBeTruthy();
  });

  it('fails synthesis when a finding is not acknowledged', () => {
    const widen = (stack: { node: { findAll(): unknown[] } }) => {
      const role = stack.node
        .findAll()
        .find((c) =>
          String((c as { node: { path: string } }).node.path).endsWith(
            'Detector/Role',
          ),
        ) as {
        addToPolicy(s: PolicyStatement): void;
      };
      role.addToPolicy(
        new PolicyStatement({ actions: ['s3:*'], resources: ['*'] }),
      );
    };
    expect(() => synthStack({}, widen)).toThrow(
      /AwsSolutions-IAM5\[Action::s3:\*\]/,
    );
  });

  it('makes the bucket encrypted, versioned, private and access-logged', () => {
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: Match.objectLike({}),
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'archive/' }),
    });
  });

  it('denies every request to the buckets that does not use TLS', () => {
    const policies = resourcesOf(s, 'AWS::S3::BucketPolicy');
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(JSON.stringify(policy)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('sends object-created notifications to a queue with a dead-letter queue', () => {
    s.template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [
          Match.objectLike({ Events: ['s3:ObjectCreated:*'] }),
        ],
      },
    });
    s.template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }),
      VisibilityTimeout: 1800,
      SqsManagedSseEnabled: true,
    });
  });

  it('runs the function on arm64 and the newest Node.js with one vCPU', () => {
    s.template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1769,
      Timeout: 300,
      Environment: {
        Variables: Match.objectLike({
          LATENESS: '24h',
          MAX_ALERTS_PER_INVOCATION: '100',
          STATE_TABLE_NAME: Match.anyValue(),
          ALERT_TOPIC_ARN: Match.anyValue(),
        }),
      },
    });
  });

  it('starts Node.js through the bundled start script', () => {
    s.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          AWS_LAMBDA_EXEC_WRAPPER: '/var/task/start-node',
        }),
      },
    });
  });

  it('consumes the queue with partial batch responses', () => {
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('keeps state on demand, with TTL and recovery, and retains it', () => {
    s.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: {
          AttributeName: 'expiresAt',
          Enabled: true,
        },
        PointInTimeRecoverySpecification: {
          PointInTimeRecoveryEnabled: true,
        },
        SSESpecification: { SSEEnabled: true },
      },
    });
  });

  it('encrypts the topics with a rotated customer-managed key', () => {
    s.template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
    });
    const topics = resourcesOf(s, 'AWS::SNS::Topic');
    expect(topics).toHaveLength(2);
    for (const topic of topics) {
      expect(topic.Properties).toHaveProperty('KmsMasterKeyId');
    }
    for (const policy of resourcesOf(s, 'AWS::SNS::TopicPolicy')) {
      expect(JSON.stringify(policy)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('filters a subscription below its minimum severity', () => {
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ciso@example.com',
      FilterPolicy: { severity: ['high', 'critical'] },
    });
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'soc@example.com',
      FilterPolicy: Match.absent(),
    });
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'https',
      Endpoint: 'https://hooks.example.com/eqlambda',
    });
  });

  it('alarms on dead letters, function errors and queue age', () => {
    const alarms = resourcesOf(s, 'AWS::CloudWatch::Alarm').map(
      (a) => a.Properties as { MetricName: string; AlarmActions: unknown[] },
    );
    expect(alarms.map((a) => a.MetricName).sort()).toEqual([
      'ApproximateAgeOfOldestMessage',
      'ApproximateNumberOfMessagesVisible',
      'Errors',
    ]);
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
  });

  it('outputs the topic, table and queue addresses', () => {
    const outputs = Object.keys(s.template.toJSON().Outputs);
    expect(outputs).toEqual(
      expect.arrayContaining([
        'AlertTopicArn',
        'OperationsTopicArn',
        'StateTableName',
        'QueueUrl',
        'DeadLetterQueueUrl',
      ]),
    );
  });

  it('grants no wildcard action and no wildcard resource', () => {
    for (const statement of statementsOf(s)) {
      const actions = [statement.Action].flat();
      for (const action of actions) expect(action).not.toContain('*');
      expect(statement.Resource).not.toBe('*');
    }
  });
});

describe('a stack over an existing bucket', () => {
  let s: SynthesizedStack;
  beforeAll(() => {
    s = synthStack({
      bucket: 'acme-edr-archive',
      prefixes: ['fdr/=crowdstrike-fdr', 's1/'],
    });
  });

  it('creates no bucket and leaves the existing one as it is', () => {
    s.template.resourceCountIs('AWS::S3::Bucket', 0);
    s.template.resourceCountIs('AWS::S3::BucketPolicy', 0);
  });

  it('watches each prefix and maps the ones that name a format', () => {
    const text = JSON.stringify(s.template.toJSON());
    expect(text).toContain('"Name":"prefix","Value":"fdr/"');
    expect(text).toContain('"Name":"prefix","Value":"s1/"');
    s.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          PREFIX_FORMATS: JSON.stringify({ 'fdr/': 'crowdstrike-fdr' }),
        }),
      },
    });
  });

  it('reads only the objects under the watched prefixes', () => {
    const reads = statementsOf(s).filter((st) =>
      [st.Action].flat().includes('s3:GetObject'),
    );
    expect(reads).toHaveLength(1);
    const resources = JSON.stringify(reads[0]?.Resource);
    expect(resources).toContain(':s3:::acme-edr-archive/fdr/*');
    expect(resources).toContain(':s3:::acme-edr-archive/s1/*');
    expect(resources).not.toContain('acme-edr-archive/*');
  });
});
