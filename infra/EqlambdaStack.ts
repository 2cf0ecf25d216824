import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Construct } from 'constructs';
import type { DetectorConfig } from './config/DetectorConfig';
import { AlertTopic } from './constructs/AlertTopic';
import { ArchiveBucket } from './constructs/ArchiveBucket';
import { DetectorFunction } from './constructs/DetectorFunction';
import { DetectorQueue } from './constructs/DetectorQueue';
import { OperationsAlarms } from './constructs/OperationsAlarms';
import { StateTable } from './constructs/StateTable';
import { acknowledgeFindings } from './nagAcknowledgements';
import { SECURE_DEFAULTS } from './secureDefaults';

/** Properties of {@link EqlambdaStack}. */
export interface EqlambdaStackProps extends StackProps {
  readonly config: DetectorConfig;
  /** The directory holding package.json, lambda/ and the rules. */
  readonly projectRoot: string;
}

/**
 * The whole detector: archive bucket notifications into a queue, the
 * detector function, its state table, the alert topic with its
 * subscriptions, and alarms on an operations topic.
 */
export class EqlambdaStack extends Stack {
  constructor(scope: Construct, id: string, props: EqlambdaStackProps) {
    super(scope, id, props);
    const { config } = props;
    const archive = new ArchiveBucket(this, 'ArchiveBucket', {
      choice: config.bucket,
    });
    const queue = new DetectorQueue(this, 'Queue', {
      functionTimeout: SECURE_DEFAULTS.functionTimeout,
    });
    const state = new StateTable(this, 'State');
    const alerts = new AlertTopic(this, 'AlertTopic', {
      emails: config.alertEmails,
      webhooks: config.webhooks,
      operationsEmails: config.operationsEmails,
    });
    const detector = new DetectorFunction(this, 'Detector', {
      config,
      projectRoot: props.projectRoot,
      bucket: archive.bucket,
      queue: queue.queue,
      table: state.table,
      topic: alerts.topic,
      topicKey: alerts.key,
    });
    for (const { prefix } of config.prefixes) {
      archive.bucket.addEventNotification(
        EventType.OBJECT_CREATED,
        new SqsDestination(queue.queue),
        ...(prefix ? [{ prefix }] : []),
      );
    }
    new OperationsAlarms(this, 'Alarms', {
      function: detector.function,
      queue: queue.queue,
      deadLetterQueue: queue.deadLetterQueue,
      topic: alerts.operationsTopic,
    });
    acknowledgeFindings({ stack: this, config, archive, detector });
    this.addOutputs(alerts, state, queue);
  }

  private addOutputs(
    alerts: AlertTopic,
    state: StateTable,
    queue: DetectorQueue,
  ): void {
    new CfnOutput(this, 'AlertTopicArn', { value: alerts.topic.topicArn });
    new CfnOutput(this, 'OperationsTopicArn', {
      value: alerts.operationsTopic.topicArn,
    });
    new CfnOutput(this, 'StateTableName', { value: state.table.tableName });
    new CfnOutput(this, 'QueueUrl', { value: queue.queue.queueUrl });
    new CfnOutput(this, 'DeadLetterQueueUrl', {
      value: queue.deadLetterQueue.queueUrl,
    });
  }
}
