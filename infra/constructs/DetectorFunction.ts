import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import {
  Effect,
  PolicyStatement,
  Role,
  ServicePrincipal,
} from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { DetectorConfig } from '../config/DetectorConfig';
import { SECURE_DEFAULTS } from '../secureDefaults';

/**
 * The script Lambda starts Node.js through (AWS_LAMBDA_EXEC_WRAPPER), from
 * `lambda/runtime/`, copied to the root of the bundle.
 */
export const START_SCRIPT = 'start-node';

/** Properties of {@link DetectorFunction}. */
export interface DetectorFunctionProps {
  readonly config: DetectorConfig;
  readonly projectRoot: string;
  readonly bucket: IBucket;
  readonly queue: IQueue;
  readonly table: ITable;
  readonly topic: ITopic;
  readonly topicKey: IKey;
}

/**
 * The detector function: bundled by local esbuild with the rules beside it,
 * arm64, consuming the object queue with partial batch responses. Its role
 * is written out action by action; nothing is granted by a managed policy.
 */
export class DetectorFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: DetectorFunctionProps) {
    super(scope, id);
    const { config } = props;
    const logGroup = new LogGroup(this, 'Logs', {
      retention: SECURE_DEFAULTS.logRetentionDays as RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'eqlambda detector: reads exports, keeps state, alerts',
    });
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(props.projectRoot, 'lambda', 'handler.ts'),
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: join(props.projectRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: SECURE_DEFAULTS.functionMemoryMb,
      timeout: SECURE_DEFAULTS.functionTimeout,
      role: this.role,
      logGroup,
      environment: environmentFor(props),
      bundling: {
        format: OutputFormat.CJS,
        minify: true,
        sourceMap: true,
        // The SDK is bundled rather than taken from the runtime, so the
        // deployed code runs exactly the versions the tests ran.
        externalModules: [],
        commandHooks: bundleExtras(config.rulesDir),
      },
    });
    this.grantLogs(logGroup.logGroupArn);
    this.grantReads(props);
    this.grantState(props.table);
    this.grantPublish(props.topic, props.topicKey);
    this.function.addEventSource(
      new SqsEventSource(props.queue, {
        batchSize: SECURE_DEFAULTS.batchSize,
        maxBatchingWindow: Duration.seconds(5),
        reportBatchItemFailures: true,
      }),
    );
  }

  private allow(actions: string[], resources: string[]): void {
    this.role.addToPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions, resources }),
    );
  }

  private grantLogs(logGroupArn: string): void {
    this.allow(['logs:CreateLogStream', 'logs:PutLogEvents'], [logGroupArn]);
  }

  private grantReads(props: DetectorFunctionProps): void {
    const objects = props.config.prefixes.map((p) =>
      props.bucket.arnForObjects(`${p.prefix}*`),
    );
    this.allow(['s3:GetObject'], [...new Set(objects)]);
    if (props.config.bucketKeyArn) {
      this.allow(['kms:Decrypt'], [props.config.bucketKeyArn]);
    }
  }

  private grantState(table: ITable): void {
    this.allow(
      [
        'dynamodb:GetItem',
        'dynamodb:BatchGetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:ConditionCheckItem',
      ],
      [table.tableArn],
    );
  }

  private grantPublish(topic: ITopic, key: IKey): void {
    this.allow(['sns:Publish'], [topic.topicArn]);
    this.allow(['kms:GenerateDataKey', 'kms:Decrypt'], [key.keyArn]);
  }
}

function environmentFor(props: DetectorFunctionProps): Record<string, string> {
  const { config } = props;
  const formats = Object.fromEntries(
    config.prefixes
      .filter((p) => p.format !== null)
      .map((p) => [p.prefix, p.format as string]),
  );
  return {
    STATE_TABLE_NAME: props.table.tableName,
    ALERT_TOPIC_ARN: props.topic.topicArn,
    LATENESS: config.latenessAllowance,
    MAX_ALERTS_PER_INVOCATION: String(config.maxAlertsPerInvocation),
    PREFIX_FORMATS: JSON.stringify(formats),
    AWS_LAMBDA_EXEC_WRAPPER: `/var/task/${START_SCRIPT}`,
    POWERTOOLS_SERVICE_NAME: 'eqlambda',
    POWERTOOLS_METRICS_NAMESPACE: 'eqlambda',
    LOG_LEVEL: 'INFO',
  };
}

/**
 * Copies into the bundle, next to the handler, the rule files (where the
 * handler looks by default: `rules` under `LAMBDA_TASK_ROOT`) and the start
 * script, executable; the CDK keeps file modes when it zips the asset.
 */
function bundleExtras(rulesDir: string) {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => {
      const source = join(inputDir, 'lambda', 'runtime', START_SCRIPT);
      const script = join(outputDir, START_SCRIPT);
      return [
        `cp -R "${join(inputDir, rulesDir)}" "${join(outputDir, 'rules')}"`,
        `cp "${source}" "${script}"`,
        `chmod 755 "${script}"`,
      ];
    },
  };
}
